"""Account names without "@", Discord tags and profile links (varna.deid.handles)."""

from __future__ import annotations

import pytest
from tests.deid.helpers import gone, kept, labels


@pytest.mark.parametrize("handle", ["jonna.b.07", "dani_el.x", "rami.k_2009", "tess_99"])
def test_dotted_and_underscored_account_names_go_whole(handle: str) -> None:
    result = gone(f"hon skrev att vi kan nå henne på snap {handle} efter skolan", handle)
    assert labels(result)[handle] == "handle"
    assert "[Konto 1] efter" in result.text


def test_an_account_name_after_a_change_of_name_goes() -> None:
    gone("kolla hans tiktok, han har bytt till leo.m_11 nu", "leo.m_11", ".m_11")


def test_a_discord_tag_goes_with_its_number() -> None:
    result = gone("Han spelar med äldre killar på Discord som NightOwl#7730 varje kväll.",
                  "NightOwl", "#7730")
    assert "[Konto 1] varje" in result.text


@pytest.mark.parametrize(("text", "link"), [
    ("Hennes profil: facebook.com/amina.yusuf.12 enligt mamman.", "facebook.com/amina.yusuf.12"),
    ("Klippet ligger på https://www.tiktok.com/@rasmus.kg/video/8812 sedan i går.",
     "https://www.tiktok.com/@rasmus.kg/video/8812"),
    ("han har en kanal youtube.com/@dino_bygger som vi tittat på", "youtube.com/@dino_bygger"),
])
def test_a_profile_link_goes_whole(text: str, link: str) -> None:
    result = gone(text, link, "com/", "video")
    assert labels(result)[link] == "url"


def test_the_word_after_an_account_cue_goes_unless_it_is_ordinary() -> None:
    gone("Elevens användarnamn på spelet är Frostbyte77 enligt kuratorn.", "Frostbyte77")
    gone("Hans gamertag är Vargen_S.", "Vargen_S")
    kept("Han vill inte säga vad användarnamnet är hemligt eller inte.", "hemligt")


@pytest.mark.parametrize("text", [
    "Läs kap.3 i handboken och ring kl.17 om det behövs.",
    "Version 2.1.3 av blanketten gäller, se bilaga.2.",
    "Mötet är på lör.14 i stora salen.",
])
def test_abbreviations_glued_to_numbers_are_no_accounts(text: str) -> None:
    result = kept(text, "kap.3" if "kap" in text else text.split()[1])
    assert not any(e.label == "handle" for e in result.entities)


def test_an_email_address_is_not_cut_into_an_account_name() -> None:
    result = gone("Skriv till sara.k_9@hotmail.com eller till amir.h12@live.se.", "sara.k_9", "amir.h12")
    assert {e.label for e in result.entities} == {"email"}


def test_the_word_after_a_platform_and_a_colloquial_copula_goes() -> None:
    gone("hennes insta e tova.official och hans kik va dani.b", "tova.official", "dani.b")
    kept("hans snap e privat nu", "privat")


def test_link_pages_and_chat_links_go_whole() -> None:
    result = gone("Alla hennes konton finns på linktr.ee/moa.kristall och wa.me/46701112233.",
                  "moa.kristall", "46701112233", "linktr.ee")
    assert "[Webbadress 1]" in result.text
