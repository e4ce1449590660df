"""The search over every knowledge page, with the queries a worried teacher or youth leader types."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from tests.guide.helpers import EXEMPELBY

from varna.guide import default_municipality, load_municipality
from varna.guide.knowledge import default_knowledge
from varna.guide.search import (
    MAX_QUERY_LENGTH,
    DocKind,
    Document,
    QueryError,
    SearchIndex,
    SearchResult,
    Snippet,
    build_index,
    index_for,
    parse_query,
    search,
)
from varna.law import default_rulebase


def find(query: str) -> SearchResult:
    return search(query, municipality=default_municipality())


def found(query: str) -> list[tuple[DocKind, str]]:
    return [(hit.document.kind, hit.document.ident) for hit in find(query).hits]


def first(query: str) -> tuple[DocKind, str]:
    hits = found(query)
    assert hits, f"nothing found for {query!r}"
    return hits[0]


# -- the index holds every page ------------------------------------------------------------------------------
def test_the_index_holds_every_page() -> None:
    m = default_municipality()
    index = index_for(m)
    kinds = {(d.kind, d.ident) for d in index.documents}
    assert {(DocKind.DEFINITION, "normkritik"), (DocKind.QUESTION, "kan-vi-forutse")} <= kinds
    assert {(DocKind.LEVEL, level.id.value) for level in m.levels} <= kinds
    assert {(DocKind.ACTOR, a.id) for a in m.authorities} <= kinds
    assert {(DocKind.ACTOR, u.id) for u in m.units} <= kinds
    assert {(DocKind.SERVICE, s.id) for s in m.services} <= kinds
    assert {(DocKind.CONTACT, c.id) for c in m.contacts} <= kinds
    assert {(DocKind.COOPERATION, c.id) for c in m.cooperations} <= kinds
    assert {(DocKind.DISTRICT, d.id) for d in m.districts} <= kinds
    assert {(DocKind.PROVISION, p.id) for p in default_rulebase().provisions} <= kinds
    expected = (len(default_knowledge().entries) + len(m.levels) + len(m.authorities) + len(m.units)
                + len(m.services) + len(m.contacts) + len(m.cooperations) + len(m.districts)
                + len(m.national_resources) + len(default_rulebase().provisions))
    assert len(index) == expected


def test_the_index_is_built_once_per_municipality() -> None:
    m = default_municipality()
    assert index_for(m) is index_for(m)


# -- Swedish word forms --------------------------------------------------------------------------------------
@pytest.mark.parametrize("query", ["radikalisering", "radikaliseringen", "Radikaliseringens"])
def test_inflected_forms_of_radicalisation_find_the_definition(query: str) -> None:
    assert first(query) == (DocKind.DEFINITION, "radikalisering")


@pytest.mark.parametrize("query", ["extremist", "extremister", "extremisten", "extremisternas"])
def test_every_form_of_extremist_finds_the_same_pages(query: str) -> None:
    assert found(query) == found("extremist")
    assert (DocKind.QUESTION, "kan-vi-forutse") in found(query)


@pytest.mark.parametrize("query", ["socialtjänst", "socialtjänsten", "socialtjänstens", "Socialtjansten"])
def test_social_services_is_found_in_every_form_and_without_diacritics(query: str) -> None:
    hits = found(query)
    assert (DocKind.PROVISION, "osl-26-1") in hits  # "Socialtjänstsekretess", through the compound
    assert (DocKind.COOPERATION, "sspf") in hits


@pytest.mark.parametrize("query", ["skola", "skolan", "skolor", "skolorna", "Skolans"])
def test_school_in_every_form_finds_the_student_health_team(query: str) -> None:
    assert (DocKind.CONTACT, "elevhalsoteamet-grundskolan") in found(query)[:5]


@pytest.mark.parametrize(
    "query", ["Säkerhetspolisen", "sakerhetspolisen", "SÄKERHETSPOLISEN", "saekerhetspolisen"])
def test_diacritics_and_case_do_not_matter(query: str) -> None:
    assert first(query) == (DocKind.ACTOR, "sakerhetspolisen")


def test_a_neighbourhood_finds_its_district_with_or_without_diacritics() -> None:
    assert first("Rosengård") == first("rosengard") == (DocKind.DISTRICT, "oster")


def test_an_alias_finds_the_authority() -> None:
    assert first("säpo") == (DocKind.ACTOR, "sakerhetspolisen")


def test_the_beginning_of_a_compound_finds_it() -> None:
    hits = found("våld")
    assert hits[0] == (DocKind.DEFINITION, "valdsbejakande-extremism")
    assert found("vald") == hits


def test_the_end_of_a_compound_finds_it_lower_than_the_word_itself() -> None:
    hits = found("sekretess")
    assert (DocKind.PROVISION, "osl-26-1") in hits  # Socialtjänstsekretess
    word = hits.index((DocKind.DEFINITION, "sekretess-i-samverkan"))
    assert word < hits.index((DocKind.PROVISION, "osl-26-1"))


def test_an_english_title_is_searched_too() -> None:
    assert first("coordination team") == (DocKind.COOPERATION, "samordningsteamet")


# -- citations and phone numbers -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("query", "provision"),
    [
        ("26:1", "osl-26-1"),
        ("OSL 26:1", "osl-26-1"),
        ("26 kap. 1 § OSL", "osl-26-1"),
        ("OSL 10:18a", "osl-10-18a"),
        ("10 kap. 18 a §", "osl-10-18a"),
        ("10 kap 18a", "osl-10-18a"),
        ("10:27", "osl-10-27"),
        ("14 kap. 1 § socialtjänstlagen", "sol-14-1"),
        ("SoL 14:1", "sol-14-1"),
    ],
)
def test_a_citation_finds_its_provision_first(query: str, provision: str) -> None:
    assert first(query) == (DocKind.PROVISION, provision)


def test_a_citation_of_another_law_does_not_match() -> None:
    assert (DocKind.PROVISION, "osl-26-1") not in found("SoL 26:1")
    assert found("26:12") == []


def test_a_section_with_paragraphs_finds_all_of_them() -> None:
    hits = found("23:2")
    assert {(DocKind.PROVISION, f"osl-23-2-st{n}") for n in (1, 2, 3)} <= set(hits)


def test_a_phone_number_finds_what_it_reaches_however_it_is_written() -> None:
    for query in ("040-340550", "040 34 05 50", "+46 40 34 05 50"):
        hits = found(query)
        assert (DocKind.CONTACT, "plattform-malmo") in hits, query
        assert (DocKind.ACTOR, "plattform-malmo") in hits, query


# -- ranking -------------------------------------------------------------------------------------------------
def test_a_word_in_the_title_ranks_above_the_same_word_in_the_text() -> None:
    hits = found("normkritik")
    assert hits[0] == (DocKind.DEFINITION, "normkritik")
    assert (DocKind.DEFINITION, "normbrytande-beteende") in hits[1:]  # it mentions normkritik in the body


def test_a_word_in_the_summary_ranks_above_the_same_word_in_the_body_only() -> None:
    index = SearchIndex([
        Document(DocKind.DEFINITION, "body", "Ett", body=("Här står ordet stigma.",)),
        Document(DocKind.DEFINITION, "summary", "Två", summary="Här står ordet stigma."),
        Document(DocKind.DEFINITION, "title", "Stigma"),
    ])
    assert [h.document.ident for h in index.search("stigma").hits] == ["title", "summary", "body"]


def test_pages_with_every_word_come_before_pages_with_some() -> None:
    hits = find("samordningsteamet plattform").hits
    # The team is reached through Plattform Malmö; both pages say so.
    assert {(h.document.kind, h.document.ident) for h in hits[:2]} == {
        (DocKind.CONTACT, "samordningsteamet"), (DocKind.CONTACT, "plattform-malmo")}
    assert all(hit.matched_terms == 2 for hit in hits)
    assert (DocKind.ACTOR, "sakerhetspolisen") not in found("samordningsteamet plattform")
    assert not find("samordningsteamet plattform").partial


def test_when_no_page_has_every_word_the_best_partial_matches_are_shown() -> None:
    result = find("samordningsteamet zebrafink")
    assert result.partial
    assert result.hits[0].document.ident == "samordningsteamet"


def test_the_order_is_deterministic() -> None:
    first_time = [(h.document.kind, h.document.ident, h.score) for h in find("polisen").hits]
    second_time = [(h.document.kind, h.document.ident, h.score) for h in find("polisen").hits]
    assert first_time == second_time
    fresh = build_index(municipality=default_municipality(), knowledge=default_knowledge(),
                        rulebase=default_rulebase())
    assert [(h.document.kind, h.document.ident) for h in fresh.search("polisen").hits] == \
        [(k, i) for k, i, _ in first_time]


def test_nothing_found_is_an_empty_result() -> None:
    result = find("zebrafink")
    assert result.hits == () and result.total == 0 and not result.partial


def test_the_limit_cuts_the_hits_but_not_the_total() -> None:
    everything = index_for(default_municipality()).search("polis")
    cut = index_for(default_municipality()).search("polis", limit=3)
    assert len(cut.hits) == 3 and cut.total == everything.total > 3
    assert cut.hits == everything.hits[:3]


# -- queries that cannot be searched -------------------------------------------------------------------------
@pytest.mark.parametrize(("query", "code", "message"), [
    ("", "empty", "Skriv ett eller flera ord att söka efter."),
    ("   \t ", "empty", "Skriv ett eller flera ord att söka efter."),
    ("x" * (MAX_QUERY_LENGTH + 1), "too_long",
     f"Sökningen är för lång. Skriv högst {MAX_QUERY_LENGTH} tecken."),
    ("och att det", "no_terms", "Sökningen innehåller bara småord eller tecken. Skriv ett ord som säger vad "
                                "du letar efter."),
    ("!!! ???", "no_terms", "Sökningen innehåller bara småord eller tecken. Skriv ett ord som säger vad du "
                            "letar efter."),
])
def test_an_unsearchable_query_says_why_in_swedish(query: str, code: str, message: str) -> None:
    with pytest.raises(QueryError) as raised:
        find(query)
    assert raised.value.code == code
    assert raised.value.message_sv == message


def test_a_query_of_exactly_the_maximum_length_is_searched() -> None:
    assert find(("polis " * 40)[:MAX_QUERY_LENGTH]).total > 0


def test_small_words_are_left_out_of_the_query() -> None:
    query = parse_query("Vart kan jag vända mig om jag är orolig?")
    assert query.words == ("vända", "orolig")
    assert find("Vart kan jag vända mig om jag är orolig?").total > 0


def test_a_query_with_a_citation_and_words_uses_both() -> None:
    query = parse_query("OSL 10:18a polisen")
    assert [str(c) for c in query.citations] == ["OSL 10:18a"] and query.words == ("polisen",)
    assert first("OSL 10:18a polisen") == (DocKind.PROVISION, "osl-10-18a")


# -- snippets ------------------------------------------------------------------------------------------------
def test_the_snippet_marks_the_matched_word_forms() -> None:
    hit = find("radikaliseringen").hits[0]
    assert "<mark>Radikalisering</mark>" in hit.title.html()
    assert "<mark>radikaliseringsprocesser</mark>" in hit.snippet.html()


def test_a_citation_is_marked_whole() -> None:
    hit = find("10 kap. 18 a §").hits[0]
    assert hit.title.html().startswith("<mark>OSL 10:18a</mark> – ")


def test_a_long_text_is_cut_around_the_match() -> None:
    hit = next(h for h in find("LIAISE").hits if h.document.ident == "selective")
    text = hit.snippet.text
    assert "LIAISE" in text and len(text) <= 260
    assert text.startswith("…") or text.endswith("…")


def test_snippets_escape_everything_but_the_marks() -> None:
    index = SearchIndex([Document(DocKind.DEFINITION, "x", "Titel <b>",
                                  summary='Ett <script>alert("oro")</script> & oro')])
    hit = index.search("oro").hits[0]
    assert hit.snippet.html() == ("Ett &lt;script&gt;alert(&quot;<mark>oro</mark>&quot;)&lt;/script&gt; "
                                  "&amp; <mark>oro</mark>")
    assert hit.title.html() == "Titel &lt;b&gt;"


def test_the_query_itself_never_reaches_the_snippet_unescaped() -> None:
    index = SearchIndex([Document(DocKind.DEFINITION, "x", "Oro", summary="Oro och stöd")])
    result = index.search('oro"><script>alert(1)</script>')
    assert "<script>" not in "".join(h.snippet.html() + h.title.html() for h in result.hits)


def test_a_snippet_knows_its_parts() -> None:
    snippet = Snippet((("a ", False), ("b", True)))
    assert snippet.text == "a b" and snippet.marked and snippet.html() == "a <mark>b</mark>"
    assert not Snippet((("a", False),)).marked


# -- another municipality ------------------------------------------------------------------------------------
def test_another_municipality_gets_its_own_index() -> None:
    exempelby = load_municipality(EXEMPELBY)
    index = index_for(exempelby)
    assert index is not index_for(default_municipality())
    assert (DocKind.ACTOR, "socialtjansten") in [(d.kind, d.ident) for d in index.documents]
    hits = [(h.document.kind, h.document.ident) for h in index.search("Plattform Malmö").hits]
    assert (DocKind.ACTOR, "plattform-malmo") not in hits


# -- speed ---------------------------------------------------------------------------------------------------
def test_searching_is_fast(tmp_path: Path) -> None:
    index = index_for(default_municipality())
    queries = ["radikalisering", "socialtjänsten skolan", "OSL 10:18a", "våld", "samordnare polis oro"]
    start = time.perf_counter()
    for _ in range(20):
        for query in queries:
            index.search(query)
    per_query = (time.perf_counter() - start) / (20 * len(queries))
    assert per_query < 0.05, f"{per_query * 1000:.1f} ms per query"
