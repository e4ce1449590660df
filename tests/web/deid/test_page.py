"""The page "Avidentifiera en fallbeskrivning": every state in both languages – and that nothing is kept."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from tests.web.deid.helpers import (
    IDENTIFIERS,
    MISSED,
    SAMPLE,
    URL,
    URL_EN,
    hidden,
    highlighted,
    keep_key,
    shown_text,
    state,
    textarea,
)

from varna.deid import deidentify
from varna.web.deid import views
from varna.web.deid.review import review

# A word that must never reach a log line.
MARKER = "Detta-ord-får-aldrig-hamna-i-en-logg"


def _draft(client: Client, url: str = URL, **fields: Any) -> str:
    response = client.post(url, {"text": SAMPLE, "action": "review", **fields})
    assert response.status_code == 200, response.content.decode()[:2000]
    return response.content.decode()


def _confirm(client: Client, page: str, url: str = URL, **changes: Any) -> Any:
    return client.post(url, {**state(page), "confirmed": "yes", "action": "confirm", **changes})


# --- the empty page ---------------------------------------------------------------------------


def test_the_page_lives_at_avidentifiera() -> None:
    assert reverse("deid:page") == URL


def test_the_form_is_swedish_at_the_root(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="sv">' in page
    assert "<title>Avidentifiera en fallbeskrivning – Värna</title>" in page
    assert "<h1>Avidentifiera en fallbeskrivning</h1>" in page
    assert "Värna sparar inte texten." in page and "Du behöver inte logga in." in page
    assert '<label class="deid-field__label" for="field-text">Fallbeskrivning</label>' in page
    assert re.search(r'<textarea[^>]*id="field-text"[^>]*name="text"[^>]*aria-describedby="text-hint"', page)
    assert "Högst 20\xa0000 tecken." in page
    assert 'method="post"' in page and f'action="{URL}"' in page
    assert 'name="csrfmiddlewaretoken"' in page
    assert ">Avidentifiera</button>" in page


def test_the_form_is_english_under_en(client: Client) -> None:
    page = client.get(URL_EN).content.decode()
    assert '<html lang="en">' in page
    assert "<h1>De-identify a case description</h1>" in page
    assert ">Case description</label>" in page
    assert f'action="{URL_EN}"' in page
    assert f'href="{URL}"' in page  # the language link back to Swedish


def test_the_menu_and_the_home_page_lead_here(client: Client) -> None:
    home = client.get("/").content.decode()
    menu = home[home.index('<nav class="site-nav"'):home.index("</nav>")]
    assert f'<a href="{URL}">Avidentifiera en text</a>' in menu
    assert f'<a href="{URL}">Avidentifiera en fallbeskrivning</a> – ta bort det som kan peka ut' in home
    own = client.get(URL).content.decode()
    assert f'<a href="{URL}" aria-current="page">Avidentifiera en text</a>' in own
    english = client.get("/en/").content.decode()
    assert f'<a href="{URL_EN}">De-identify a text</a>' in english


def test_no_inline_script_or_style_so_the_csp_blocks_nothing(client: Client) -> None:
    first = client.get(URL)
    draft = _draft(client)
    final = _confirm(client, draft).content.decode()
    assert "script-src 'self'" in first["Content-Security-Policy"]
    for page in (first.content.decode(), draft, final):
        assert "<style" not in page and " style=" not in page
        assert not re.search(r"\son[a-z]+\s*=", page)
        assert re.findall(r"<script[^>]*>", page) in ([], ['<script src="/static/deid/deid.js" defer>'])
        assert "/static/deid/deid.css" in page
    assert '<script src="/static/deid/deid.js" defer></script>' in final


def test_every_response_is_not_cached_and_other_methods_are_refused(client: Client) -> None:
    assert "no-store" in client.get(URL)["Cache-Control"]
    assert "no-store" in client.post(URL, {"text": SAMPLE})["Cache-Control"]
    assert "no-store" in client.post(URL, {"text": ""})["Cache-Control"]
    assert client.head(URL).status_code == 200
    assert client.put(URL, {"text": SAMPLE}).status_code == 405
    assert client.delete(URL).status_code == 405


# --- the draft --------------------------------------------------------------------------------


def test_the_draft_highlights_every_change_by_kind(client: Client) -> None:
    page = _draft(client)
    assert "<title>Utkast: Avidentifiera en fallbeskrivning – Värna</title>" in page
    assert "Utkast – inte avidentifierad ännu" in page
    html = highlighted(page)
    assert ('<mark class="deid deid--person deid--replaced">[Person 1]'
            '<span class="visually-hidden" lang="sv"> (ersatt: namn på person)</span></mark>') in html
    assert '<mark class="deid deid--organisation deid--replaced">[Skola 1]' in html
    assert "(ersatt: personnummer)" in html and "(ersatt: telefonnummer)" in html
    assert '<mark class="deid deid--time deid--generalised">' in html and "(generaliserat: ålder)" in html
    # What the screen shows is exactly the proposal, line breaks included.
    assert shown_text(page) == deidentify(SAMPLE).text
    for identifier in IDENTIFIERS:
        assert identifier not in shown_text(page)


def test_the_legend_names_each_kind_with_its_count(client: Client) -> None:
    page = _draft(client)
    legend = page[page.index('<ul class="deid-legend"'):]
    legend = legend[:legend.index("</ul>")]
    people = sum(1 for e in deidentify(SAMPLE).entities if e.label == "person")
    assert people >= 3  # Amir Hassan, Amirs, Lisa Berg
    person = '<mark class="deid deid--person deid--replaced">Namn på person</mark>'
    assert f"{person} {people} ändringar" in legend
    assert '<mark class="deid deid--contact deid--replaced">Telefonnummer</mark> 1 ändring<' in legend


def test_the_table_lists_each_change_with_a_box_to_keep_the_original(client: Client) -> None:
    page = _draft(client)
    changes = deidentify(SAMPLE).entities
    assert f">{len(changes)} ändringar</h2>" in page
    assert page.count('name="keep"') == len(changes)
    row = re.search(r'<td lang="sv">Amir Hassan</td>\s*<td><span lang="sv">\[Person 1\]</span></td>\s*'
                    r'<td><mark class="deid deid--person deid--replaced">Namn på person</mark></td>', page)
    assert row
    assert '<label for="keep-1">Behåll originalet<span class="visually-hidden"> “Amir Hassan”' in page
    assert "kan göra personen igenkännbar" in page  # the warning before the boxes


def test_the_draft_lists_the_risk_that_is_left(client: Client) -> None:
    page = _draft(client)
    assert "Risker som finns kvar" in page
    risks = deidentify(SAMPLE).residual_risks
    assert risks, "the sample has an exact age and a school class"
    for risk in risks:
        assert risk.advice.replace("'", "&#x27;") in page


def test_the_draft_carries_the_original_text_and_nothing_is_confirmed(client: Client) -> None:
    page = _draft(client)
    assert hidden(page, "text") == [SAMPLE]
    assert hidden(page, "shown") == [review(SAMPLE).digest]
    assert re.search(r'<input type="checkbox" id="field-confirmed" name="confirmed" value="yes" '
                     r'aria-required="true">', page)
    assert "Jag har läst texten och ingen kan känna igen personen" in page
    assert "Det är din bekräftelse som gör texten till en avidentifierad fallbeskrivning." in page


def test_the_text_survives_the_browsers_line_endings(client: Client) -> None:
    """A browser sends line breaks as CR LF; the spans and the fingerprint must stay the same."""
    page = _draft(client)
    again = client.post(URL, {**state(page), "text": SAMPLE.replace("\n", "\r\n"), "action": "review"})
    assert hidden(again.content.decode(), "shown") == hidden(page, "shown")


def test_a_text_with_nothing_to_change_says_so(client: Client) -> None:
    page = client.post(URL, {"text": "Eleven har varit frånvarande och verkar orolig."}).content.decode()
    assert "Värna hittade inget att ändra." in page
    assert ">0 ändringar</h2>" in page


# --- a missed word ----------------------------------------------------------------------------


def test_a_marked_word_is_removed_everywhere_with_one_placeholder(client: Client) -> None:
    assert MISSED in deidentify(SAMPLE).text.lower()  # the tool leaves it, so the person marks it
    page = _draft(client, remove=MISSED)
    shown = shown_text(page)
    assert "[Borttaget 1] vid badet" in shown and "[Borttaget 1]s ägare" in shown
    assert "kiosk" not in shown.lower()
    assert "(borttaget: ord du markerade)" in highlighted(page)
    assert re.search(r'<td lang="sv">Kioskens</td>\s*<td><span lang="sv">\[Borttaget 1\]s</span></td>\s*'
                     r'<td><mark class="deid deid--marked deid--removed">Ord du markerade</mark></td>', page)
    assert "Ta bort ordet ur listan nedan för att ångra." in page
    assert textarea(page, "remove") == MISSED
    assert '<mark class="deid deid--marked deid--removed">Ord du markerade</mark> 2 ändringar' in page


def test_several_words_one_per_line_or_by_commas_and_what_was_not_found(client: Client) -> None:
    page = _draft(client, remove="badet, Kiosken\näldre killar\nFinnsInte, amir")
    shown = shown_text(page)
    assert "[Borttaget 1] vid [Borttaget 2]" in shown  # numbered in the order they appear
    assert "med [Borttaget 3]." in shown  # a phrase of two words
    assert textarea(page, "remove") == "badet\nKiosken\näldre killar\nFinnsInte\namir"
    assert "Hittades inte i texten, eller ingår redan i en ändring ovan:" in page
    assert '<span lang="sv">FinnsInte, amir</span>' in page  # "amir" is already part of the tool's changes


def test_the_marked_words_survive_changing_the_original(client: Client) -> None:
    page = _draft(client, remove=MISSED)
    edit = client.post(URL, {**state(page), "action": "edit"})
    assert edit.status_code == 200
    form = edit.content.decode()
    assert textarea(form, "text") == SAMPLE
    assert hidden(form, "remove") == [MISSED]
    assert "Ordet du markerade tas bort igen:" in form
    again = client.post(URL, {"text": SAMPLE + " Kiosken stänger i höst.", "remove": MISSED})
    assert "[Borttaget 1] stänger" in shown_text(again.content.decode())


# --- undoing a replacement --------------------------------------------------------------------


def test_keeping_an_original_restores_that_span_and_warns(client: Client) -> None:
    page = _draft(client)
    key = keep_key(page, "15 år")
    kept = _draft(client, keep=key)
    shown = shown_text(kept)
    assert "är 15 år." in shown
    assert "(originalet behållet: ålder)" in highlighted(kept)
    assert '<mark class="deid deid--time deid--kept">15 år' in highlighted(kept)
    assert f'name="keep" value="{key}" checked' in kept
    assert "Du behåller 1 original:" in kept and "“15 år”" in kept
    assert "Ett återställt original kan göra personen igenkännbar." in kept
    assert "<em>(originalet behålls)</em>" in kept
    assert "[Person 1]" in shown  # only that span comes back


def test_a_box_for_no_change_is_ignored(client: Client) -> None:
    page = _draft(client, keep=["0-3", "nonsense", "999999-1000000"])
    assert shown_text(page) == deidentify(SAMPLE).text
    assert "Du behåller" not in page


# --- confirming -------------------------------------------------------------------------------


def test_confirming_needs_the_box(client: Client) -> None:
    page = _draft(client)
    response = client.post(URL, {**state(page), "action": "confirm"})
    assert response.status_code == 400
    refused = response.content.decode()
    assert "<title>Fel: Utkast: Avidentifiera en fallbeskrivning – Värna</title>" in refused
    assert re.search(r'<a href="#field-confirmed"><strong>Bekräftelse:</strong> Kryssa i rutan', refused)
    assert re.search(r'id="field-confirmed"[^>]*aria-invalid="true" aria-describedby="confirmed-error"',
                     refused)
    assert "Utkast – inte avidentifierad ännu" in refused
    assert "Bekräftad av dig" not in refused


def test_confirming_shows_the_final_text_ready_to_copy_and_print(client: Client) -> None:
    page = _draft(client, remove=MISSED)
    response = _confirm(client, page)
    assert response.status_code == 200
    final_page = response.content.decode()
    assert "<title>Avidentifierad fallbeskrivning – Värna</title>" in final_page
    assert "Bekräftad av dig – avidentifierad" in final_page
    assert "Det är din bekräftelse som gör den till en avidentifierad fallbeskrivning." in final_page
    assert "Utkast" not in final_page
    assert re.search(r'<textarea[^>]*id="deid-final"[^>]*readonly', final_page)
    assert '<label class="deid-field__label" for="deid-final">Avidentifierad text, klar att kopiera</label>' \
        in final_page
    final = textarea(final_page, "deid-final")
    assert final == review(SAMPLE, words=[MISSED]).final
    for identifier in (*IDENTIFIERS, "kiosk", "Kiosk"):
        assert identifier not in final
    # Copy and Print wait for the script; without it the page says how.
    assert re.search(r'<button type="button" data-deid-copy="deid-final"[^>]*hidden>Kopiera</button>',
                     final_page)
    assert re.search(r'<button class="button--secondary" type="button" data-deid-print hidden>'
                     r"Skriv ut</button>", final_page)
    assert "Markera texten och kopiera den med Ctrl+C" in final_page
    assert "webbläsarens utskriftskommando" in final_page
    assert '<div class="deid-print" lang="sv">' in final_page  # what print shows instead of the box


def test_a_change_made_while_confirming_must_be_read_first(client: Client) -> None:
    page = _draft(client)
    response = _confirm(client, page, remove=MISSED)
    assert response.status_code == 200
    again = response.content.decode()
    assert "Texten ändrades när du bekräftade." in again
    assert "Utkast – inte avidentifierad ännu" in again
    assert "[Borttaget 1]" in shown_text(again)
    assert hidden(again, "shown") == [review(SAMPLE, words=[MISSED]).digest]
    assert _confirm(client, again).status_code == 200


def test_the_confirmed_text_downloads_as_a_text_file(client: Client) -> None:
    final_page = _confirm(client, _draft(client, remove=MISSED)).content.decode()
    assert ">Ladda ner som textfil</button>" in final_page
    response = client.post(URL, {**state(final_page), "confirmed": "yes", "action": "download"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert re.fullmatch(r'attachment; filename="avidentifierad-fallbeskrivning-\d{4}-\d{2}-\d{2}\.txt"',
                        response["Content-Disposition"])
    assert "no-store" in response["Cache-Control"]
    assert response.content.decode() == review(SAMPLE, words=[MISSED]).final + "\n"


def test_no_file_without_the_confirmation(client: Client) -> None:
    page = _draft(client)
    response = client.post(URL, {**state(page), "action": "download"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "Kryssa i rutan" in response.content.decode()


def test_back_to_the_draft_keeps_the_choices(client: Client) -> None:
    page = _draft(client, remove=MISSED)
    key = keep_key(page, "15 år")
    final_page = _confirm(client, _draft(client, remove=MISSED, keep=key)).content.decode()
    assert hidden(final_page, "keep") == [key]
    assert "Du behöll 1 original:" in final_page
    back = client.post(URL, {**state(final_page), "confirmed": "yes", "action": "review"}).content.decode()
    assert "Utkast – inte avidentifierad ännu" in back
    assert textarea(back, "remove") == MISSED and f'value="{key}" checked' in back
    assert 'name="confirmed" value="yes" aria-required="true">' in back  # to be ticked again


def test_the_english_page_confirms_in_english(client: Client) -> None:
    page = _draft(client, URL_EN)
    assert "Draft – not de-identified yet" in page
    assert '<span class="visually-hidden" lang="en"> (replaced: person&#x27;s name)</span>' in page
    final_page = _confirm(client, page, URL_EN).content.decode()
    assert "Confirmed by you – de-identified" in final_page
    assert ">Copy</button>" in final_page


# --- bad input --------------------------------------------------------------------------------


def test_an_empty_text_is_an_error_naming_the_field(client: Client) -> None:
    response = client.post(URL, {"text": "  \n ", "action": "review"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "<title>Fel: Avidentifiera en fallbeskrivning – Värna</title>" in page
    assert '<div class="error-summary" role="alert"' in page and "Det finns ett problem" in page
    assert re.search(r'<a href="#field-text"><strong>Fallbeskrivning:</strong> '
                     r"Klistra in eller skriv texten som ska avidentifieras\.</a>", page)
    assert re.search(r'id="field-text"[^>]*aria-describedby="text-hint text-error" aria-invalid="true"', page)


def test_too_long_a_text_is_refused_and_shown_again_in_full(client: Client) -> None:
    long_text = "Han sa att han ska åka. " * 840  # 20,160 characters
    response = client.post(URL, {"text": long_text, "remove": MISSED})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Texten får vara högst 20\xa0000 tecken, men den har 20\xa0159." in page
    assert textarea(page, "text") == long_text.strip()
    assert hidden(page, "remove") == [MISSED]


def test_control_characters_are_refused_and_removed_from_the_text_shown_again(client: Client) -> None:
    response = client.post(URL, {"text": "Han sa\x00 ”nej”\x1b och\u202e gick."})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Texten innehöll 3 osynliga styrtecken" in page
    assert textarea(page, "text") == "Han sa ”nej” och gick."


def test_bad_marked_words_are_an_error_and_the_words_stay(client: Client) -> None:
    response = client.post(URL, {"text": SAMPLE, "remove": "kiosken\n–\n"})
    assert response.status_code == 400
    page = response.content.decode()
    assert re.search(r'<a href="#field-remove"><strong>Ord som också ska tas bort:</strong> '
                     r"”–” har ingen bokstav", page)
    assert textarea(page, "remove") == "kiosken\n–"
    assert "Utkast – inte avidentifierad ännu" in page  # the draft is still there to read
    assert 'aria-describedby="remove-hint remove-error" aria-invalid="true"' in page
    too_many = client.post(URL, {"text": SAMPLE, "remove": ",".join(f"ord{n}" for n in range(51))})
    assert too_many.status_code == 400
    assert "Markera högst 50 ord åt gången, men listan har 51." in too_many.content.decode()
    too_long = client.post(URL, {"text": SAMPLE, "remove": "x" * 101})
    assert "Ett ord eller uttryck får vara högst 100 tecken" in too_long.content.decode()


def test_errors_are_english_under_en(client: Client) -> None:
    response = client.post(URL_EN, {"text": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert "<strong>Case description:</strong> Paste or write the text to de-identify." in page


def test_what_looks_like_markup_is_shown_as_text(client: Client) -> None:
    text = "Amir Hassan skrev <script>alert(1)</script> & <b>fet</b> i chatten."
    page = client.post(URL, {"text": text, "remove": "<b>fet</b>"}).content.decode()
    assert "<script>alert(1)</script>" not in page and "<b>fet</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; " in highlighted(page)
    assert hidden(page, "text") == [text]
    final_page = _confirm(client, page).content.decode()
    assert "<script>alert(" not in final_page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in final_page
    assert "<script>alert(1)</script>" in textarea(final_page, "deid-final")  # as text, for the person to see


# --- nothing is kept --------------------------------------------------------------------------


def test_the_csrf_token_is_required() -> None:
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(URL, {"text": SAMPLE}).status_code == 403
    page = strict.get(URL).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token
    response = strict.post(URL, {"text": SAMPLE, "csrfmiddlewaretoken": token.group(1)})
    assert response.status_code == 200
    draft = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in draft
    final_page = _confirm(strict, draft, csrfmiddlewaretoken=token.group(1)).content.decode()
    assert final_page.count('name="csrfmiddlewaretoken"') == 1  # the download form has its own


def test_no_session_is_started(client: Client) -> None:
    draft = _draft(client)
    for response in (client.get(URL), client.post(URL, {"text": SAMPLE}), client.post(URL, {"text": ""}),
                     _confirm(client, draft)):
        assert "sessionid" not in response.cookies
    assert "sessionid" not in client.cookies


def test_the_database_is_never_touched(client: Client) -> None:
    """This test has no database access: any query at all would fail it."""
    draft = _draft(client, remove=MISSED)
    client.get(URL)
    client.post(URL, {"text": ""})
    final_page = _confirm(client, draft).content.decode()
    client.post(URL, {**state(final_page), "confirmed": "yes", "action": "download"})


@pytest.mark.django_db
def test_no_query_is_made_on_a_real_database(client: Client, django_assert_num_queries: Any) -> None:
    from django.contrib.sessions.models import Session

    with django_assert_num_queries(0):
        draft = _draft(client, remove=MISSED)
        client.post(URL, {"text": ""})
        _confirm(client, draft)
    assert Session.objects.count() == 0


def test_nothing_written_is_logged(client: Client, every_log_record: pytest.LogCaptureFixture) -> None:
    text = f"{SAMPLE}\n{MARKER}"
    draft = client.post(URL, {"text": text, "remove": MARKER}).content.decode()
    client.post(URL, {"text": text + "\x00"})  # a 400 is logged – by its path only
    client.post(URL, {**state(draft), "action": "confirm"})  # and another, without the box
    assert any("Bad Request" in record.getMessage() for record in every_log_record.records)
    for record in every_log_record.records:
        assert MARKER not in record.getMessage()
        assert MARKER not in repr(record.__dict__)


def test_error_reports_would_not_show_the_text() -> None:
    """Django's error report leaves out sensitive POST parameters; the view marks them all."""
    request = RequestFactory().post(URL, {"text": ""})
    request.LANGUAGE_CODE = "sv"  # type: ignore[attr-defined]
    views.page(request)
    assert request.sensitive_post_parameters == "__ALL__"  # type: ignore[attr-defined]
