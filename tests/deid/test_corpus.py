"""The de-identification development corpus is well-formed and says what README.md says.

The corpus (``tests/data/deid/corpus-*.jsonl``) is written by hand from the
sources in ``tests/data/deid/source/``; these tests check the annotations, not
the de-identification engine, and deliberately import nothing from
``varna.deid`` so that the corpus stays independent of it.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
import json
import re
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "deid"

REMOVE = {
    "PERSON",
    "PERSONNUMMER",
    "SAMORDNINGSNUMMER",
    "PHONE",
    "EMAIL",
    "URL",
    "HANDLE",
    "VEHICLE",
    "ADDRESS",
    "POSTCODE",
    "BIRTHDATE",
    "CASE_NUMBER",
    "ORGANISATION",
}
GENERALISE = {"AGE", "SCHOOL_CLASS", "PLACE", "DATE"}
LABELS = REMOVE | GENERALISE
STYLES = {"note", "email", "chat", "police", "minutes", "mentor", "form"}

# Deliberate traps where a lower-case common word is spelled like an annotated
# name in the same text ("per vecka" beside a colleague called "per" in a chat).
REPEAT_TRAPS = {("chat-016", "per")}

# Naming traditions the brief asks for, each with at least five annotated mentions.
EXPECTED_ORIGINS = (
    "swedish",
    "finnish",
    "arabic",
    "somali",
    "persian",
    "kurdish",
    "bcs",
    "polish",
    "turkish",
    "tigrinya",
    "afghan",
    "assyrian",
    "spanish",
    "thai",
    "vietnamese",
    "roma",
    "sami",
)

# Words that must stay and that the corpus must therefore contain outside every
# annotation, so that "non-identifying words kept" measures something.
MUST_STAY = [
    "björken",
    "rosor",
    "stigen",
    "sten",
    "stenen",
    "karl",
    "per",
    "skogen",
    "Förintelsen",
    "Islam",
    "Koranen",
    "Allah",
    "Sverigedemokraterna",
    "Nordiska motståndsrörelsen",
    "Malmö",
    "Stockholm",
    "Syrien",
    "Somalia",
    "samiska",
    "socialsekreterare",
    "fältassistent",
]


def load_build_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("deid_build_corpus", DATA / "build_corpus.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_records() -> list[dict[str, Any]]:
    records = []
    for path in sorted(DATA.glob("corpus-*.jsonl")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            record = json.loads(line)
            record["_file"] = f"{path.name}:{n}"
            records.append(record)
    return records


RECORDS = load_records()


def entities(label: str | None = None) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(r, e) for r in RECORDS for e in r["entities"] if label is None or e["label"] == label]


def luhn_ok(ten: str) -> bool:
    total = 0
    for i, ch in enumerate(ten[:9]):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d // 10 + d % 10
    return (10 - total % 10) % 10 == int(ten[9])


ID_NUMBER = re.compile(r"^(?P<century>\d{2})?(?P<date>\d{6})(?P<sep>[-+ ]?)(?P<tail>\d{4})$")


def check_id_number(text: str, coordination: bool) -> None:
    m = ID_NUMBER.match(text)
    assert m, f"{text!r} is not written like a Swedish identity number"
    date = m.group("date")
    yy, mm, dd = int(date[:2]), int(date[2:4]), int(date[4:])
    if coordination:
        assert 61 <= dd <= 91, f"{text!r}: a samordningsnummer has day + 60"
        dd -= 60
    if m.group("century"):
        year = int(m.group("century") + date[:2])
    elif m.group("sep") == "+":
        # "+" is written for people aged 100 or more; the texts are from 2015-2017.
        year = 1900 + yy
    else:
        year = 2000 + yy if yy <= 17 else 1900 + yy
    dt.date(year, mm, dd)  # raises if there is no such day
    assert luhn_ok(date + m.group("tail")), f"{text!r}: wrong check digit"


def test_enough_texts_in_every_style() -> None:
    assert len(RECORDS) >= 150
    styles = Counter(r["style"] for r in RECORDS)
    assert set(styles) == STYLES
    assert all(count >= 10 for count in styles.values()), styles


def test_ids_are_unique_and_name_their_style() -> None:
    ids = [r["id"] for r in RECORDS]
    assert len(ids) == len(set(ids))
    for r in RECORDS:
        assert r["id"].startswith(r["style"] + "-"), r["_file"]


def test_record_shape() -> None:
    for r in RECORDS:
        assert set(r) == {"id", "style", "text", "entities", "_file"}, r["_file"]
        assert isinstance(r["text"], str)
        assert r["text"] == r["text"].strip()
        for e in r["entities"]:
            keys = set(e)
            assert keys in ({"start", "end", "label", "text"}, {"start", "end", "label", "text", "origin"})
            assert "origin" not in e or e["label"] == "PERSON", (r["id"], e)


def test_texts_are_case_description_length() -> None:
    for r in RECORDS:
        words = len(r["text"].split())
        assert 40 <= words <= 250, (r["id"], words)


def test_offsets_match_the_text_and_labels_are_known() -> None:
    for r in RECORDS:
        for e in r["entities"]:
            assert e["label"] in LABELS, (r["id"], e)
            assert 0 <= e["start"] < e["end"] <= len(r["text"]), (r["id"], e)
            assert r["text"][e["start"] : e["end"]] == e["text"], (r["id"], e)
            assert e["text"] == e["text"].strip(), (r["id"], e)


def test_entities_are_sorted_and_never_overlap() -> None:
    for r in RECORDS:
        spans = [(e["start"], e["end"]) for e in r["entities"]]
        assert spans == sorted(spans), r["id"]
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end <= start, r["id"]


def test_every_label_appears_at_least_five_times() -> None:
    counts = Counter(e["label"] for _, e in entities())
    for label in sorted(LABELS):
        assert counts[label] >= 5, (label, counts[label])


def test_names_of_many_origins() -> None:
    origins = Counter(e.get("origin") for _, e in entities("PERSON"))
    origins.pop(None, None)
    origins.pop("nickname", None)
    assert len(origins) >= 12, origins
    for origin in EXPECTED_ORIGINS:
        assert origins[origin] >= 5, (origin, origins[origin])


def test_names_also_lower_case_possessive_and_nicknames() -> None:
    people = [e for _, e in entities("PERSON")]
    assert sum(1 for e in people if e["text"][0].islower()) >= 20
    assert sum(1 for e in people if e["text"].endswith("s") and e["text"][0].isupper()) >= 20
    assert sum(1 for e in people if e.get("origin") == "nickname") >= 10


def test_identity_numbers_have_valid_dates_and_check_digits() -> None:
    pnr = entities("PERSONNUMMER")
    sam = entities("SAMORDNINGSNUMMER")
    for r, e in pnr:
        try:
            check_id_number(e["text"], coordination=False)
        except (AssertionError, ValueError) as exc:
            pytest.fail(f"{r['id']}: {exc}")
    for r, e in sam:
        try:
            check_id_number(e["text"], coordination=True)
        except (AssertionError, ValueError) as exc:
            pytest.fail(f"{r['id']}: {exc}")
    writings = {m.group("sep") for _, e in pnr if (m := ID_NUMBER.match(e["text"]))}
    assert writings >= {"-", "+", "", " "}
    assert any(len(re.sub(r"\D", "", e["text"])) == 12 for _, e in pnr + sam)


def test_pattern_kinds_look_like_what_they_are() -> None:
    for r, e in entities("EMAIL"):
        assert re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", e["text"]), (r["id"], e["text"])
    for r, e in entities("POSTCODE"):
        assert re.fullmatch(r"\d{3} ?\d{2}", e["text"]), (r["id"], e["text"])
    for r, e in entities("VEHICLE"):
        assert re.fullmatch(r"[A-ZÅÄÖ]{3} ?\d{2}[\dA-Z]?", e["text"]), (r["id"], e["text"])
    for r, e in entities("PHONE"):
        assert 7 <= len(re.sub(r"\D", "", e["text"])) <= 13, (r["id"], e["text"])
    for r, e in entities("URL"):
        assert "." in e["text"] and " " not in e["text"], (r["id"], e["text"])
    for r, e in entities("AGE"):
        assert re.search(r"\d|ton|fjorton|femton|sexton|sjutton|arton", e["text"]), (r["id"], e["text"])


def test_every_mention_of_an_annotated_name_is_annotated() -> None:
    """A name, or one part of a full name, is annotated each time it appears (also possessive)."""
    for r in RECORDS:
        text = r["text"]
        covered = [False] * len(text)
        for e in r["entities"]:
            for i in range(e["start"], e["end"]):
                covered[i] = True
        words: set[str] = set()
        for e in r["entities"]:
            words.add(e["text"])
            if e["label"] == "PERSON":
                words.update(w for w in re.split(r"[\s-]+", e["text"]) if len(w) >= 3)
        for word in words:
            if len(word) < 3 or (r["id"], word) in REPEAT_TRAPS:
                continue
            for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"s?(?!\w)", text):
                assert all(covered[m.start() : m.end()]), (r["id"], word, text[m.start() - 20 : m.end() + 20])


def test_non_identifying_traps_are_present_and_unannotated() -> None:
    for word in MUST_STAY:
        found = False
        for r in RECORDS:
            spans = [(e["start"], e["end"]) for e in r["entities"]]
            for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", r["text"]):
                if not any(s <= m.start() < e for s, e in spans):
                    found = True
        assert found, f"the corpus should contain {word!r} outside every annotation"


def test_built_files_match_the_sources() -> None:
    build = load_build_module()
    built = build.build()
    on_disk = {p.name: p.read_text(encoding="utf-8") for p in DATA.glob("corpus-*.jsonl")}
    assert set(built) == set(on_disk), "run: python tests/data/deid/build_corpus.py"
    for name, content in built.items():
        assert content == on_disk[name], f"{name} differs from its source; run build_corpus.py"


def test_readme_counts_are_current() -> None:
    build = load_build_module()
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    refreshed = build.refresh_readme(readme, build.build())
    assert refreshed == readme, "run: python tests/data/deid/build_corpus.py"


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("[[NAME:Amir]] kom hit.", id="unknown-label"),
        pytest.param("Ring [[PHONE/somali:070-123 45 67]] idag.", id="origin-on-non-person"),
        pytest.param("Hej [[PERSON: Amir]] hur mår du.", id="white-space-inside"),
        pytest.param("Hej [[PERSON:Amir hur mår du.", id="unbalanced"),
    ],
)
def test_build_rejects_bad_markup(tmp_path: Path, body: str) -> None:
    build = load_build_module()
    (tmp_path / "note.txt").write_text(f"### note-001\n{body}\n", encoding="utf-8")
    with pytest.raises(build.CorpusSourceError):
        build.build(tmp_path)


def test_build_computes_offsets(tmp_path: Path) -> None:
    build = load_build_module()
    (tmp_path / "chat.txt").write_text(
        "comment\n### chat-001\n[[PERSON/somali:hodan]]: ses vid [[PLACE:möllan]] kl 5\n", encoding="utf-8"
    )
    [line] = build.build(tmp_path)["corpus-chat.jsonl"].splitlines()
    record = json.loads(line)
    assert record == {
        "id": "chat-001",
        "style": "chat",
        "text": "hodan: ses vid möllan kl 5",
        "entities": [
            {"start": 0, "end": 5, "label": "PERSON", "text": "hodan", "origin": "somali"},
            {"start": 15, "end": 21, "label": "PLACE", "text": "möllan"},
        ],
    }
