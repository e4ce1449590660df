"""Search over every knowledge page: definitions, hard questions, the organisation and the law.

One small index, built once per municipality, over

* the guideline's definitions and hard questions (``varna.guide.knowledge``),
* the municipality's prevention levels, authorities, partners and units (actors),
  services, contact points, forms of cooperation, districts and national resources,
* every entry of the rule base (``varna.law``): citation, title and summary.

Swedish word forms meet through :mod:`varna.guide.search_text`: a word matches when
its stem is the same ("extremisterna" – "extremist"), when it begins a longer word
("våld" – "våldsbejakande"), when a longer query word only adds an ending the stemmer
leaves ("skolan" – "skola"), or when it is part of a compound ("tjänst" –
"socialtjänst"), each worth less than the one before. Diacritics are folded on both
sides, so "sakerhetspolisen" finds Säkerhetspolisen. Citations ("26:1", "OSL 10:18a",
"10 kap. 18 a §") and phone numbers are read as such.

Ranking: documents that match every query term come first; then a score that sums,
per term, the field weights (title > English title, keywords > summary > body), the
quality of the match, a short-field bonus and the term's rarity. Ties are broken by
kind and title, so the same query always gives the same order. A snippet from the
best matching text marks the matched words; :meth:`Snippet.html` escapes everything
else.

No Django here: the web app maps a hit's kind and id to a page.
"""

from __future__ import annotations

import bisect
import html
import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache

from varna.guide.knowledge import EntryKind, KnowledgeBase, default_knowledge
from varna.guide.knowledge_titles import contact_title, district_title
from varna.guide.model import Level, Municipality
from varna.guide.schema import LAW_KIND_LABELS, LEVEL_LABELS, MUNICIPAL_KINDS, NATIONAL_KINDS, PARTNER_KINDS
from varna.guide.search_text import (
    Citation,
    digraph_variant,
    find_citations,
    find_phones,
    fold,
    is_stopword,
    key,
    tokens,
)
from varna.law import RuleBase, default_rulebase

MAX_QUERY_LENGTH = 200
DEFAULT_LIMIT = 50


class DocKind(StrEnum):
    """What a page is about; the order here is the tie-break order of the results."""

    DEFINITION = "definition"
    QUESTION = "question"
    LEVEL = "level"
    ACTOR = "actor"
    SERVICE = "service"
    CONTACT = "contact"
    COOPERATION = "cooperation"
    DISTRICT = "district"
    NATIONAL = "national"
    PROVISION = "provision"


_KIND_ORDER = {kind: i for i, kind in enumerate(DocKind)}

FIELD_WEIGHTS: Mapping[str, float] = {
    "citation": 12.0,
    "title": 10.0,
    "phone": 8.0,
    "title_en": 6.0,
    "keywords": 6.0,
    "summary": 4.0,
    "body": 1.0,
}
# How much a match of each kind is worth, relative to the same stem.
EXACT, ENDING, PREFIX, COMPOUND = 1.0, 0.8, 0.7, 0.5
DIGRAPH = 0.9  # "Malmoe" read as "Malmö"


@dataclass(frozen=True, slots=True)
class Document:
    """One page's searchable text. ``title`` and all text but ``title_en`` are Swedish."""

    kind: DocKind
    ident: str
    title: str
    summary: str = ""
    body: tuple[str, ...] = ()
    title_en: str = ""
    keywords: tuple[str, ...] = ()
    citation: str = ""
    phones: tuple[str, ...] = ()

    def texts(self) -> Iterator[tuple[str, str]]:
        """(field, text) for every text of the document."""
        yield "title", self.title
        if self.title_en:
            yield "title_en", self.title_en
        for word in self.keywords:
            yield "keywords", word
        if self.citation:
            yield "citation", self.citation
        if self.summary:
            yield "summary", self.summary
        for paragraph in self.body:
            yield "body", paragraph


# -- the query ---------------------------------------------------------------------------------------
class QueryError(ValueError):
    """A query that cannot be searched; ``code`` is "empty", "too_long" or "no_terms"."""

    MESSAGES_SV: Mapping[str, str] = {
        "empty": "Skriv ett eller flera ord att söka efter.",
        "too_long": f"Sökningen är för lång. Skriv högst {MAX_QUERY_LENGTH} tecken.",
        "no_terms": ("Sökningen innehåller bara småord eller tecken. Skriv ett ord som säger vad du "
                     "letar efter."),
    }

    def __init__(self, code: str) -> None:
        self.code = code
        self.message_sv = self.MESSAGES_SV[code]
        super().__init__(self.message_sv)


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: its words (folded), citations and phone numbers, each once."""

    text: str
    words: tuple[str, ...]
    citations: tuple[Citation, ...]
    phones: tuple[str, ...]

    @property
    def term_count(self) -> int:
        return len(self.words) + len(self.citations) + len(self.phones)


def parse_query(text: str) -> Query:
    """Read a query; raise :class:`QueryError` when it is empty, too long or has nothing to search."""
    text = " ".join(text.split())
    if not text:
        raise QueryError("empty")
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError("too_long")
    taken: list[tuple[int, int]] = []
    phones = []
    for phone in find_phones(text):
        phones.append(phone.digits)
        taken.append((phone.start, phone.end))
    citations = []
    for span in find_citations(text):
        if not any(span.start < end and start < span.end for start, end in taken):
            citations.append(span.citation)
            taken.append((span.start, span.end))
    words = []
    for token in tokens(text):
        if any(start <= token.start < end for start, end in taken):
            continue
        folded = fold(token.text)
        if not is_stopword(folded):
            words.append(token.text.casefold())
    query = Query(text, tuple(dict.fromkeys(words)), tuple(dict.fromkeys(citations)),
                  tuple(dict.fromkeys(phones)))
    if not query.term_count:
        raise QueryError("no_terms")
    return query


# -- snippets ------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Snippet:
    """A piece of text in parts; ``True`` parts are matched words to mark."""

    parts: tuple[tuple[str, bool], ...]

    @property
    def text(self) -> str:
        return "".join(part for part, _ in self.parts)

    @property
    def marked(self) -> bool:
        return any(mark for _, mark in self.parts)

    def html(self) -> str:
        """The text escaped for HTML, with matched words in ``<mark>``."""
        return "".join(f"<mark>{html.escape(part)}</mark>" if mark else html.escape(part)
                       for part, mark in self.parts)


SNIPPET_LENGTH = 240


def _parts(text: str, spans: list[tuple[int, int]], start: int = 0, end: int | None = None
           ) -> tuple[tuple[str, bool], ...]:
    end = len(text) if end is None else end
    parts: list[tuple[str, bool]] = []
    position = start
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if s >= e:
            continue
        if s > position:
            parts.append((text[position:s], False))
        parts.append((text[s:e], True))
        position = e
    if position < end:
        parts.append((text[position:end], False))
    return tuple(parts)


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _window(text: str, spans: list[tuple[int, int]]) -> Snippet:
    """At most about SNIPPET_LENGTH characters of ``text``, around the densest run of marks."""
    if len(text) <= SNIPPET_LENGTH:
        return Snippet(_parts(text, spans))
    best_start, best_count = 0, -1
    for s, _ in spans or [(0, 0)]:
        start = max(0, s - SNIPPET_LENGTH // 4)
        count = sum(1 for a, b in spans if a >= start and b <= start + SNIPPET_LENGTH)
        if count > best_count:
            best_start, best_count = start, count
    start = best_start
    if start > 0:  # begin at a word
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < start + 30 else start
    end = min(len(text), start + SNIPPET_LENGTH)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + SNIPPET_LENGTH // 2 else end
    parts = list(_parts(text, spans, start, end))
    if start > 0:
        parts.insert(0, ("…", False))
    if end < len(text):
        parts.append(("…", False))
    return Snippet(tuple(parts))


# -- results -------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Hit:
    document: Document
    score: float
    matched_terms: int
    title: Snippet
    snippet: Snippet
    title_en: Snippet = Snippet(())


@dataclass(frozen=True, slots=True)
class SearchResult:
    """The hits in rank order. ``partial``: no page had every term, so these match some of them."""

    query: Query
    hits: tuple[Hit, ...]
    total: int
    partial: bool = False


# -- the index -----------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Matcher:
    """What one query term matches: index keys with a quality, citations, or phone numbers."""

    keys: Mapping[str, float] = field(default_factory=dict)
    citation: Citation | None = None
    phone: str = ""


class SearchIndex:
    """An inverted index of the documents' folded stems, built once and then only read."""

    def __init__(self, documents: Iterable[Document]) -> None:
        self.documents = tuple(documents)
        self._postings: dict[str, dict[int, dict[str, int]]] = {}
        self._lengths: list[dict[str, int]] = []
        self._citations: list[list[tuple[str, Citation]]] = []
        self._phones: dict[str, set[int]] = {}
        self._word_cache: dict[str, _Matcher] = {}
        totals: dict[str, int] = {}
        counts: dict[str, int] = {}
        for number, document in enumerate(self.documents):
            lengths: dict[str, int] = {}
            cited: list[tuple[str, Citation]] = []
            for name, text in document.texts():
                for token in tokens(text):
                    fields = self._postings.setdefault(key(token.text), {}).setdefault(number, {})
                    fields[name] = fields.get(name, 0) + 1
                    lengths[name] = lengths.get(name, 0) + 1
                cited.extend((name, span.citation) for span in find_citations(text))
                for phone in find_phones(text):
                    self._phones.setdefault(phone.digits, set()).add(number)
            for phone_text in document.phones:
                for phone in find_phones(phone_text):
                    self._phones.setdefault(phone.digits, set()).add(number)
            self._lengths.append(lengths)
            self._citations.append(cited)
            for name, length in lengths.items():
                totals[name] = totals.get(name, 0) + length
                counts[name] = counts.get(name, 0) + 1
        self._average = {name: totals[name] / counts[name] for name in totals}
        self._vocabulary = sorted(self._postings)

    def __len__(self) -> int:
        return len(self.documents)

    # -- matching terms --------------------------------------------------------------------------------
    def _expand(self, stem: str, quality: float) -> dict[str, float]:
        found: dict[str, float] = {}

        def offer(candidate: str, value: float) -> None:
            if value > found.get(candidate, 0.0):
                found[candidate] = value

        if stem in self._postings:
            offer(stem, quality * EXACT)
        if len(stem) >= 3:
            start = bisect.bisect_left(self._vocabulary, stem)
            for candidate in self._vocabulary[start:]:
                if not candidate.startswith(stem):
                    break
                offer(candidate, quality * PREFIX)
        for cut in (1, 2):
            shorter = stem[:-cut]
            if len(shorter) >= 4 and shorter in self._postings:
                offer(shorter, quality * ENDING)
        if len(stem) >= 4:
            for candidate in self._vocabulary:
                if stem in candidate and not candidate.startswith(stem):
                    offer(candidate, quality * COMPOUND)
        return found

    def _word_matcher(self, word: str) -> _Matcher:
        cached = self._word_cache.get(word)
        if cached is not None:
            return cached
        keys = self._expand(key(word), 1.0)
        variant = digraph_variant(fold(word))
        if variant is not None:
            for candidate, value in self._expand(key(variant), DIGRAPH).items():
                keys[candidate] = max(value, keys.get(candidate, 0.0))
        matcher = _Matcher(keys=keys)
        if len(self._word_cache) < 10_000:  # a bound, so odd queries cannot grow it forever
            self._word_cache[word] = matcher
        return matcher

    def _matchers(self, query: Query) -> list[_Matcher]:
        return [
            *(self._word_matcher(word) for word in query.words),
            *(_Matcher(citation=c) for c in query.citations),
            *(_Matcher(phone=p) for p in query.phones),
        ]

    def _term_scores(self, matcher: _Matcher) -> dict[int, float]:
        """Score per document for one term, before its rarity is applied."""
        scores: dict[int, float] = {}
        if matcher.keys:
            best: dict[int, dict[str, tuple[float, int]]] = {}
            for candidate, quality in matcher.keys.items():
                for number, fields in self._postings[candidate].items():
                    per_doc = best.setdefault(number, {})
                    for name, count in fields.items():
                        old_quality, old_count = per_doc.get(name, (0.0, 0))
                        per_doc[name] = (max(quality, old_quality), old_count + count)
            for number, per_field in best.items():
                scores[number] = sum(
                    FIELD_WEIGHTS[name] * quality * (1 + 0.3 * math.log(count))
                    * self._shortness(number, name)
                    for name, (quality, count) in per_field.items()
                )
        elif matcher.citation is not None:
            for number, cited in enumerate(self._citations):
                by_field: dict[str, float] = {}
                for name, citation in cited:
                    by_field[name] = max(by_field.get(name, 0.0), matcher.citation.match(citation))
                total = sum(FIELD_WEIGHTS[name] * q for name, q in by_field.items() if q)
                if total:
                    scores[number] = total
        elif matcher.phone:
            for number in self._phones.get(matcher.phone, ()):
                scores[number] = FIELD_WEIGHTS["phone"]
        return scores

    def _shortness(self, number: int, name: str) -> float:
        """Shorter fields count more: a word in a four-word title says more than in a long one."""
        length = self._lengths[number].get(name, 1)
        return 1 / (0.75 + 0.25 * length / self._average.get(name, 1.0))

    # -- searching -------------------------------------------------------------------------------------
    def search(self, text: str, *, limit: int = DEFAULT_LIMIT) -> SearchResult:
        """Search; raises :class:`QueryError` for an empty, too long or word-less query."""
        query = parse_query(text)
        matchers = self._matchers(query)
        total_docs = len(self.documents)
        score: dict[int, float] = {}
        matched: dict[int, int] = {}
        for matcher in matchers:
            per_doc = self._term_scores(matcher)
            rarity = math.log(1 + total_docs / (1 + len(per_doc)))
            for number, value in per_doc.items():
                score[number] = score.get(number, 0.0) + value * rarity
                matched[number] = matched.get(number, 0) + 1
        terms = len(matchers)
        complete = [n for n in score if matched[n] == terms]
        partial = not complete and bool(score)
        chosen = complete or list(score)

        def rank(number: int) -> tuple[int, float, int, str, str]:
            document = self.documents[number]
            return (-matched[number], -round(score[number], 9), _KIND_ORDER[document.kind],
                    document.title.casefold(), document.ident)

        chosen.sort(key=rank)
        hits = tuple(self._hit(number, score[number], matched[number], matchers)
                     for number in chosen[:limit])
        return SearchResult(query=query, hits=hits, total=len(chosen), partial=partial)

    # -- marking ----------------------------------------------------------------------------------------
    def _spans(self, text: str, matchers: list[_Matcher]) -> tuple[list[tuple[int, int]], int]:
        """Spans to mark in ``text``, and how many different terms they match."""
        spans: list[tuple[int, int]] = []
        terms: set[int] = set()
        for token in tokens(text):
            stem = key(token.text)
            for i, matcher in enumerate(matchers):
                if stem in matcher.keys:
                    spans.append((token.start, token.end))
                    terms.add(i)
        citations = [(i, m.citation) for i, m in enumerate(matchers) if m.citation is not None]
        if citations:
            for span in find_citations(text):
                for i, citation in citations:
                    if citation.match(span.citation):
                        spans.append((span.start, span.end))
                        terms.add(i)
        phones = {m.phone: i for i, m in enumerate(matchers) if m.phone}
        if phones:
            for phone in find_phones(text):
                if phone.digits in phones:
                    spans.append((phone.start, phone.end))
                    terms.add(phones[phone.digits])
        return _merge(spans), len(terms)

    def _hit(self, number: int, value: float, matched: int, matchers: list[_Matcher]) -> Hit:
        document = self.documents[number]
        title_spans, _ = self._spans(document.title, matchers)
        english_spans, _ = self._spans(document.title_en, matchers)
        candidates = [document.summary, *document.body] if document.summary else list(document.body)
        best_text, best_spans, best_terms = (candidates[0] if candidates else ""), [], 0
        for text in candidates:
            spans, found = self._spans(text, matchers)
            if found > best_terms:
                best_text, best_spans, best_terms = text, spans, found
        return Hit(document=document, score=value, matched_terms=matched,
                   title=Snippet(_parts(document.title, title_spans)),
                   snippet=_window(best_text, best_spans) if best_text else Snippet(()),
                   title_en=Snippet(_parts(document.title_en, english_spans)))


# -- the documents ---------------------------------------------------------------------------------------
# Other words people use for the three levels (DESIGN.md, the glossary).
LEVEL_KEYWORDS: Mapping[Level, tuple[str, ...]] = {
    Level.UNIVERSAL: ("främjande nivå", "samhällsnivå", "alla unga"),
    Level.SELECTIVE: ("förebyggande nivå", "gruppnivå", "riskgrupper"),
    Level.INDICATED: ("individnivå", "indikerad prevention"),
}
_KIND_LABELS: Mapping[str, str] = {**LAW_KIND_LABELS, **MUNICIPAL_KINDS, **PARTNER_KINDS}


def knowledge_documents(knowledge: KnowledgeBase) -> list[Document]:
    kinds = {EntryKind.DEFINITION: DocKind.DEFINITION, EntryKind.QUESTION: DocKind.QUESTION}
    return [
        Document(kind=kinds[e.kind], ident=e.id, title=e.title_sv, title_en=e.title_en,
                 summary=e.summary_sv, body=e.body_sv, keywords=e.keywords_sv)
        for e in knowledge.entries
    ]


def municipality_documents(m: Municipality) -> list[Document]:
    """One document per level, authority, partner, unit, contact, service, cooperation, district
    and national resource of the municipality."""
    docs: list[Document] = []
    for level in m.levels:
        body = [level.description_sv, "Aktörer: " + ", ".join(level.actors_sv) + "."]
        body += [f"{a.name_sv}. {a.description_sv}".strip() for a in level.activities]
        body += [level.competence.plan_sv] + ([level.advice_sv] if level.advice_sv else [])
        docs.append(Document(DocKind.LEVEL, level.id.value, level.name_sv, level.approach_sv, tuple(body),
                             title_en=level.name_en,
                             keywords=(LEVEL_LABELS[level.id], *LEVEL_KEYWORDS[level.id])))
    for authority in m.authorities:
        kind = _KIND_LABELS.get(authority.kind, "")
        docs.append(Document(
            DocKind.ACTOR, authority.id, authority.name_sv, authority.description_sv or kind,
            tuple(t for t in (kind if authority.description_sv else "", authority.administration_sv) if t),
            title_en=authority.name_en, keywords=authority.aliases,
            phones=(authority.phone,) if authority.phone else ()))
    for unit in m.units:
        owner = m.authority(unit.authority).name_sv
        where = district_title(m.district(unit.district)) if unit.district else ""
        docs.append(Document(
            DocKind.ACTOR, unit.id, unit.name_sv, unit.description_sv or owner,
            tuple(t for t in (owner if unit.description_sv else "", where) if t),
            title_en=unit.name_en, phones=(unit.phone,) if unit.phone else ()))
    for contact in m.contacts:
        body = [m.unit(contact.unit).name_sv]
        body += [t for t in (contact.opening_hours_sv,) if t]
        body += [f"Vid oro på {LEVEL_LABELS[level]}." for level in contact.levels]
        docs.append(Document(DocKind.CONTACT, contact.id, contact_title(m, contact), contact.how_sv,
                             tuple(body), phones=(contact.phone,) if contact.phone else ()))
    for service in m.services:
        body = [service.target_group_sv, service.how_to_reach_sv, m.unit(service.provider).name_sv]
        body += [service.note_sv] if service.note_sv else []
        docs.append(Document(DocKind.SERVICE, service.id, service.name_sv, service.offers_sv, tuple(body),
                             title_en=service.name_en))
    for cooperation in m.cooperations:
        body = [*cooperation.work_sv]
        body += [t for t in (cooperation.other_members_sv, cooperation.status_sv) if t]
        body += ["Deltar: " + ", ".join(m.name_of(i) for i in cooperation.members) + "."] \
            if cooperation.members else []
        docs.append(Document(DocKind.COOPERATION, cooperation.id, cooperation.name_sv, cooperation.purpose_sv,
                             tuple(body), title_en=cooperation.name_en,
                             keywords=(cooperation.short_sv,) if cooperation.short_sv else ()))
    for district in m.districts:
        summary = (f"{district_title(district)} omfattar {', '.join(district.neighbourhoods)}."
                   if district.neighbourhoods else district_title(district))
        committee = (m.authority(district.committee).name_sv,) if district.committee else ()
        docs.append(Document(DocKind.DISTRICT, district.id, district_title(district), summary, committee,
                             title_en=district.name_en,
                             keywords=(district.name_sv, *district.neighbourhoods)))
    for resource in m.national_resources:
        docs.append(Document(
            DocKind.NATIONAL, resource.id, resource.name_sv, resource.description_sv,
            tuple(t for t in (NATIONAL_KINDS.get(resource.kind, ""), resource.note_sv) if t),
            title_en=resource.name_en, phones=(resource.phone,) if resource.phone else ()))
    return docs


def rulebase_documents(rulebase: RuleBase) -> list[Document]:
    return [
        Document(DocKind.PROVISION, p.id, f"{p.citation} – {p.title_sv}" if p.citation else p.title_sv,
                 p.summary_sv, citation=p.citation or "")
        for p in rulebase.provisions
    ]


def build_index(*, municipality: Municipality, knowledge: KnowledgeBase, rulebase: RuleBase) -> SearchIndex:
    return SearchIndex([*knowledge_documents(knowledge), *municipality_documents(municipality),
                        *rulebase_documents(rulebase)])


@cache
def index_for(municipality: Municipality) -> SearchIndex:
    """The index of the bundled knowledge, the bundled rule base and ``municipality``, built once."""
    return build_index(municipality=municipality, knowledge=default_knowledge(), rulebase=default_rulebase())


def search(text: str, *, municipality: Municipality, limit: int = DEFAULT_LIMIT) -> SearchResult:
    """Search every knowledge page for ``municipality``; raises :class:`QueryError`."""
    return index_for(municipality).search(text, limit=limit)
