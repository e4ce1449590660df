"""Swedish words for the search: the stemmer, folding of å/ä/ö, citations and phone numbers."""

from __future__ import annotations

import pytest

from varna.guide.search_text import (
    Citation,
    digraph_variant,
    find_citations,
    find_phones,
    fold,
    is_stopword,
    key,
    stem,
    tokens,
)


# Outputs of the Swedish Snowball stemmer (snowballstem.org, version 3), which this one follows.
@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("extremist", "extremist"),
        ("extremister", "extremist"),
        ("extremisten", "extremist"),
        ("extremisternas", "extremist"),
        ("radikalisering", "radikalisering"),
        ("radikaliseringen", "radikalisering"),
        ("socialtjänst", "socialtjänst"),
        ("socialtjänsten", "socialtjänst"),
        ("socialtjänstens", "socialtjänst"),
        ("skola", "skol"),
        ("skolor", "skol"),
        ("skolorna", "skol"),
        ("skolan", "skolan"),  # the stemmer leaves -an; the search's ending rule covers it
        ("våldsbejakande", "våldsbejak"),
        ("polisen", "polis"),
        ("ungdomarnas", "ungdom"),
        ("området", "områd"),  # the 3.x rule for -et
        ("paketet", "paket"),  # ... with its exceptions ("pak" keeps -et)
        ("friskt", "frisk"),  # a consonant pair loses its last letter
        ("kärleksfullt", "kärleksfull"),
        ("tydlig", "tyd"),
        ("av", "av"),  # too short for R1
    ],
)
def test_the_stemmer_gives_the_snowball_stems(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_folding_removes_diacritics_and_case() -> None:
    assert fold("Våldsbejakande") == "valdsbejakande"
    assert fold("ÖSTER") == "oster"
    assert fold("Säpo") == "sapo"
    assert fold("café") == "cafe"
    assert fold("Ærø") == "aro"


def test_keys_meet_with_and_without_diacritics() -> None:
    assert key("Socialtjänsten") == key("socialtjansten") == "socialtjanst"
    assert key("Skolorna") == key("skola")
    assert key("extremisternas") == key("Extremisten")


def test_typed_digraphs_are_read_as_swedish_letters() -> None:
    assert digraph_variant(fold("Malmoe")) == "malmo"
    assert digraph_variant(fold("saekerhetspolisen")) == "sakerhetspolisen"
    assert digraph_variant("polis") is None


def test_tokens_split_on_hyphens_and_keep_positions() -> None:
    text = "SSP-samordnaren, tel. 040-340550"
    found = [(t.text, t.start, t.end) for t in tokens(text)]
    assert found == [("SSP", 0, 3), ("samordnaren", 4, 15), ("tel", 17, 20), ("040", 22, 25),
                     ("340550", 26, 32)]


def test_small_words_are_stopwords_and_content_words_are_not() -> None:
    assert is_stopword("och") and is_stopword("vart") and is_stopword("the")
    assert not is_stopword("polis") and not is_stopword("oro")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("26:1", Citation(26, 1)),
        ("OSL 26:1", Citation(26, 1, "", "osl")),
        ("osl 10:18a", Citation(10, 18, "a", "osl")),
        ("10 kap. 18 a §", Citation(10, 18, "a")),
        ("10 kap 18a", Citation(10, 18, "a")),
        ("26 kap. 1 § OSL", Citation(26, 1, "", "osl")),
        ("14 kap. 1 § socialtjänstlagen", Citation(14, 1, "", "sol")),
        ("SoL 14:1", Citation(14, 1, "", "sol")),
        ("OSL 23:2 st. 2", Citation(23, 2, "", "osl")),
        ("23 kap. 2 § offentlighets- och sekretesslagen", Citation(23, 2, "", "osl")),
    ],
)
def test_citations_are_read_in_every_common_form(text: str, expected: Citation) -> None:
    assert [span.citation for span in find_citations(text)] == [expected]


@pytest.mark.parametrize("text", ["Lag (2023:196)", "SoL (2025:400)", "år 2016", "JO 1990/91 s. 369"])
def test_law_numbers_and_years_are_not_citations(text: str) -> None:
    assert find_citations(text) == []


def test_a_word_after_a_citation_is_not_its_letter() -> None:
    assert [s.citation for s in find_citations("26:1 i skollagen")] == [Citation(26, 1)]
    assert [s.citation for s in find_citations("26 kap. 1 § i lagen")] == [Citation(26, 1)]


def test_a_citation_span_covers_the_whole_citation() -> None:
    text = "Se 10 kap. 18 a § OSL och 26:1."
    spans = find_citations(text)
    assert [text[s.start:s.end] for s in spans] == ["10 kap. 18 a § OSL", "26:1"]


def test_citations_match_by_chapter_section_letter_and_law() -> None:
    osl_18a = Citation(10, 18, "a", "osl")
    assert Citation(10, 18, "a").match(osl_18a) == 1.0
    assert Citation(10, 18).match(osl_18a) == 0.6  # a section without its letter finds it, lower
    assert Citation(10, 18, "c").match(osl_18a) == 0.0
    assert Citation(10, 18, "a", "sol").match(osl_18a) == 0.0
    assert Citation(26, 1).match(Citation(26, 12)) == 0.0
    assert str(osl_18a) == "OSL 10:18a" and str(Citation(14, 1, "", "sol")) == "SoL 14:1"


def test_phone_numbers_are_read_in_their_written_forms() -> None:
    found = find_phones("Ring 040-34 05 50, +46 40 340550 eller 040340550 – inte 2012-2016 eller 112.")
    assert [p.digits for p in found] == ["040340550"] * 3
