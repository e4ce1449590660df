"""The concern note: the form in both languages, the PDF, errors, reminders – and that nothing is kept."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

import pytest
from django.test import Client, RequestFactory
from django.urls import reverse
from tests.web.concern_note.helpers import NOTE, URL, URL_EN, flat, note_text

from varna.web.concern_note import views

# A word that must never reach a log line.
MARKER = "Detta-ord-får-aldrig-hamna-i-en-logg"


def _textarea(page: str, name: str) -> str:
    match = re.search(rf'<textarea[^>]*name="{name}"[^>]*>\n(.*?)</textarea>', page, re.S)
    assert match, f"no textarea {name}"
    return unescape(match.group(1))


def _input(page: str, name: str) -> str:
    match = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', page)
    assert match, f"no input {name}"
    return unescape(match.group(1))


# --- the page ----------------------------------------------------------------------------


def test_the_note_lives_at_orolig_anteckning() -> None:
    assert reverse("concern_note:form") == URL


def test_the_form_is_swedish_at_the_root(client: Client) -> None:
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="sv">' in page
    assert "<h1>Anteckning om oro</h1>" in page
    assert "grunden för din oro" in page
    assert "Värna sparar inte anteckningen." in page
    assert "kommer med arbetsytan" in page  # saving comes later, said plainly
    assert "Vad såg och hörde du?" in page and "Sätt den unges egna ord inom citattecken." in page
    assert 'method="post"' in page and f'action="{URL}"' in page
    assert 'name="csrfmiddlewaretoken"' in page


def test_the_form_is_english_under_en(client: Client) -> None:
    page = client.get(URL_EN).content.decode()
    assert '<html lang="en">' in page
    assert "<h1>Note about a concern</h1>" in page
    assert "What did you see and hear?" in page
    assert f'action="{URL_EN}"' in page
    assert 'href="/orolig/anteckning/"' in page  # the language link back to Swedish


def test_every_field_has_a_label_and_its_guidance_is_described() -> None:
    page = Client().get(URL).content.decode()
    for name in NOTE:
        assert f'<label class="note-field__label" for="field-{name}">' in page
        assert f'id="{name}-hint"' in page
        assert re.search(rf'id="field-{name}"[^>]*aria-describedby="{name}-hint"', page)
    assert page.count("<fieldset") == 3 and page.count("<legend") == 3
    assert page.count('aria-required="true"') == 2  # what was seen and when
    assert page.count("(frivilligt)") == 4
    form = page[page.index('<form class="note-form"'):]
    assert "maxlength" not in form[: form.index("</form>")]  # a browser would cut pasted text silently


def test_no_inline_script_or_style_so_the_csp_blocks_nothing(client: Client) -> None:
    response = client.get(URL)
    page = response.content.decode()
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "<script" not in page and "<style" not in page and " style=" not in page
    assert not re.search(r"\son[a-z]+\s*=", page)
    assert '/static/concern_note/note.css"' in page


def test_the_page_is_not_cached_and_other_methods_are_refused(client: Client) -> None:
    assert "no-store" in client.get(URL)["Cache-Control"]
    assert client.head(URL).status_code == 200
    assert client.put(URL, NOTE).status_code == 405
    assert client.delete(URL).status_code == 405


# --- a valid note -------------------------------------------------------------------------


def test_a_valid_note_comes_back_as_a_pdf_holding_the_text(client: Client) -> None:
    response = client.post(URL, NOTE)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert re.fullmatch(r'attachment; filename="varna-anteckning-\d{4}-\d{2}-\d{2}\.pdf"',
                        response["Content-Disposition"])
    assert "no-store" in response["Cache-Control"]
    assert response.content.startswith(b"%PDF")
    text = note_text(response.content)
    assert "Anteckning om oro" in text
    for value in NOTE.values():
        assert flat(value) in text
    for heading in ("Det jag såg och hörde", "När", "Var och i vilket sammanhang", "Vem mer som vet",
                    "Det jag har gjort", "Det jag vill ska hända"):
        assert heading in text
    assert "Värna har inte sparat anteckningen." in text


def test_the_pdf_follows_the_language(client: Client) -> None:
    text = note_text(client.post(URL_EN, NOTE).content)
    assert "Note about a concern" in text and "What I saw and heard" in text
    assert flat(NOTE["observed"]) in text  # the person's own text as written


def test_only_the_required_questions_are_needed(client: Client) -> None:
    response = client.post(URL, {"observed": NOTE["observed"], "when": NOTE["when"]})
    assert response["Content-Type"] == "application/pdf"
    assert note_text(response.content).count("Inte ifyllt.") == 4


# --- errors ------------------------------------------------------------------------------


def test_a_missing_answer_is_an_error_naming_the_field_and_nothing_written_is_lost(client: Client) -> None:
    sent = {**NOTE, "observed": "", "when": "  "}
    response = client.post(URL, sent)
    assert response.status_code == 400
    page = response.content.decode()
    assert "<title>Fel: Anteckning om oro – Värna</title>" in page
    assert 'class="error-summary"' in page
    assert re.search(
        r'href="#field-observed"><strong>Det jag såg och hörde:</strong> Skriv vad du såg eller hörde\.', page
    )
    assert re.search(r'href="#field-when"><strong>När:</strong> Skriv när det hände', page)
    assert re.search(r'id="field-observed"[^>]*aria-describedby="observed-hint observed-error"[^>]*'
                     r'aria-invalid="true"', page)
    for name in ("context", "others_aware", "actions_taken", "wish"):
        assert _textarea(page, name) == NOTE[name]


def test_too_long_a_text_is_refused_and_shown_again_in_full(client: Client) -> None:
    long_text = "Han sa att han ska åka. " * 170  # 4,080 characters
    response = client.post(URL, {**NOTE, "observed": long_text})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Texten får vara högst 4\xa0000 tecken, men den har 4\xa0079." in page
    assert _textarea(page, "observed") == long_text
    assert _input(page, "when") == NOTE["when"]


def test_when_has_a_shorter_limit(client: Client) -> None:
    response = client.post(URL, {**NOTE, "when": "2016-02-01 " * 20})
    assert response.status_code == 400
    assert "högst 200 tecken" in response.content.decode()


def test_control_characters_are_refused_and_removed_from_the_text_shown_again(client: Client) -> None:
    response = client.post(URL, {**NOTE, "observed": "Han sa\x00 ”nej”\x1b och\u202e gick."})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Texten innehöll 3 osynliga styrtecken" in page
    assert _textarea(page, "observed") == "Han sa ”nej” och gick."


def test_one_control_character_is_named_in_the_singular(client: Client) -> None:
    page = client.post(URL, {**NOTE, "wish": "Råd\x07"}).content.decode()
    assert "Texten innehöll 1 osynligt styrtecken" in page


def test_line_breaks_and_tabs_are_kept(client: Client) -> None:
    response = client.post(URL, {**NOTE, "observed": "Första raden.\r\n\r\nAndra stycket.\tMed tabb."})
    assert response["Content-Type"] == "application/pdf"
    text = note_text(response.content)
    assert "Första raden. Andra stycket." in text


def test_what_looks_like_markup_is_shown_as_text(client: Client) -> None:
    sent = {**NOTE, "observed": "Han skrev <script>alert(1)</script> & <b>fet</b>", "when": ""}
    page = client.post(URL, sent).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;fet&lt;/b&gt;" in page
    pdf = client.post(URL, {**sent, "when": "i går"})
    # reportlab draws the escaped characters as pieces of their own; compare without spaces.
    shown = note_text(pdf.content).replace(" ", "")
    assert "Hanskrev<script>alert(1)</script>&<b>fet</b>" in shown


def test_errors_are_english_under_en(client: Client) -> None:
    response = client.post(URL_EN, {**NOTE, "observed": ""})
    assert response.status_code == 400
    page = response.content.decode()
    assert "<strong>What I saw and heard:</strong> Write what you saw or heard." in page


# --- reminders, never blocking -------------------------------------------------------------


def test_identifying_details_bring_a_reminder_before_the_pdf(client: Client) -> None:
    sent = {**NOTE, "observed": "Han gav mig sitt nummer 070-123 45 67.", "others_aware": "Mamma, a@b.se"}
    response = client.post(URL, sent)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "<title>Kontrollera: Anteckning om oro – Värna</title>" in page
    assert "Kontrollera innan du skapar PDF:en" in page
    assert "”070-123 45 67” ser ut som ett telefonnummer." in page
    assert "”a@b.se” ser ut som en e-postadress." in page
    assert re.search(r'id="field-observed"[^>]*aria-describedby="observed-hint observed-warning"', page)
    assert 'name="despite_warnings" value="yes"' in page
    assert _textarea(page, "observed") == sent["observed"]


def test_the_person_may_create_the_pdf_despite_the_reminder(client: Client) -> None:
    sent = {**NOTE, "context": "Personnummer 850709-9805.", "despite_warnings": "yes"}
    response = client.post(URL, sent)
    assert response["Content-Type"] == "application/pdf"
    assert "850709-9805" in note_text(response.content)


def test_an_error_page_also_carries_the_reminders_but_no_way_round_the_error(client: Client) -> None:
    page = client.post(URL, {**NOTE, "when": "", "wish": "Ring 040-340550"}).content.decode()
    assert "ser ut som ett telefonnummer" in page
    assert "despite_warnings" not in page


# --- nothing is kept -------------------------------------------------------------------------


def test_the_csrf_token_is_required() -> None:
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(URL, NOTE).status_code == 403
    page = strict.get(URL).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token
    response = strict.post(URL, {**NOTE, "csrfmiddlewaretoken": token.group(1)})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"


def test_no_session_is_started(client: Client) -> None:
    for response in (client.get(URL), client.post(URL, NOTE), client.post(URL, {**NOTE, "when": ""})):
        assert "sessionid" not in response.cookies
    assert "sessionid" not in client.cookies


def test_the_database_is_never_touched(client: Client) -> None:
    """This test has no database access: any query at all would fail it."""
    client.get(URL)
    client.post(URL, NOTE)
    client.post(URL, {**NOTE, "when": ""})
    client.post(URL, {**NOTE, "context": "a@b.se"})


@pytest.mark.django_db
def test_no_query_is_made_on_a_real_database(client: Client, django_assert_num_queries: Any) -> None:
    from django.contrib.sessions.models import Session

    with django_assert_num_queries(0):
        client.post(URL, NOTE)
        client.post(URL, {**NOTE, "when": ""})
    assert Session.objects.count() == 0


def test_nothing_written_is_logged(client: Client, every_log_record: pytest.LogCaptureFixture) -> None:
    client.post(URL, {**NOTE, "observed": MARKER})
    client.post(URL, {**NOTE, "observed": MARKER, "when": ""})  # a 400 is logged – by its path only
    assert any("Bad Request" in record.getMessage() for record in every_log_record.records)
    for record in every_log_record.records:
        assert MARKER not in record.getMessage()
        assert MARKER not in repr(record.__dict__)


def test_error_reports_would_not_show_the_text() -> None:
    """Django's error report leaves out sensitive POST parameters; the view marks them all."""
    request = RequestFactory().post(URL, {**NOTE, "when": ""})
    request.LANGUAGE_CODE = "sv"  # type: ignore[attr-defined]
    views.note(request)
    assert request.sensitive_post_parameters == "__ALL__"  # type: ignore[attr-defined]
