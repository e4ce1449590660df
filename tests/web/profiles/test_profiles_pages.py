"""The factor profile pages: upload (CSV, Parquet, Excel), bad input, the raw file deleted
unless kept, suppression on the page and in the downloads, permissions, audit, English."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import polars as pl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from tests.web.profiles.helpers import PLANT, example, upload
from tests.web.sharing.test_pdf import pdf_text
from tests.workspace import logged_in, make_user

from varna.ctc import load_spec, profile
from varna.web.accounts.models import Role
from varna.web.audit.models import AuditEntry
from varna.web.profiles import forms as profile_forms
from varna.web.profiles import services
from varna.web.profiles.models import ProfileRun

pytestmark = pytest.mark.django_db
INDEX = "/arbetsrum/profiler/"


@pytest.fixture(autouse=True)
def data_dir(settings: Any, tmp_path: Path) -> Path:
    settings.DATA_DIR = tmp_path
    return tmp_path


@pytest.fixture
def people(units: Any) -> dict[str, Any]:
    return {
        "maker": make_user("ifo-norr", username="maker"),
        "colleague": make_user("grundskolorna", username="colleague"),
        "admin": make_user("trygghet-och-sakerhet", role=Role.ADMINISTRATOR, username="admin"),
        "no_unit": make_user(None, username="no_unit"),
    }


def files_under(path: Path) -> list[Path]:
    return [p for p in path.rglob("*") if p.is_file()]


def make_run(client: Client, **kwargs: Any) -> ProfileRun:
    response = client.post(INDEX, upload(**kwargs))
    assert response.status_code == 302, response.content.decode()[:3000]
    return ProfileRun.objects.latest("pk")


# --- upload -------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "parquet", "xlsx"])
def test_an_uploaded_survey_becomes_a_profile_and_the_raw_file_is_deleted(
    people: dict[str, Any], data_dir: Path, fmt: str
) -> None:
    client = logged_in(people["maker"])
    response = client.post(INDEX, upload(fmt=fmt))
    run = ProfileRun.objects.get()
    assert response["Location"] == reverse("profiles:detail", args=[run.pk])
    assert (
        run.n_respondents == 2000 and run.unit == people["maker"].unit and run.created_by == people["maker"]
    )
    assert run.input_name == f"enkat.{fmt}" and not run.spec_uploaded and not run.kept_file
    assert run.data["priorities"]["Rosengård"][0] == PLANT.factor
    assert files_under(data_dir) == [], "the raw survey must not stay on disk"
    page = client.get(response["Location"]).content.decode()
    assert "Konflikter i familjen" in page and "förhöjd risk" in page
    assert "<svg" in page and 'role="img"' in page and "<title" in page
    entry = AuditEntry.objects.filter(action="create", object_id=str(run.pk)).get()
    assert entry.object_type == "profiles.profilerun"


def test_the_raw_file_is_kept_only_when_asked_and_only_its_owner_fetches_it(
    people: dict[str, Any], data_dir: Path
) -> None:
    maker = logged_in(people["maker"])
    run = make_run(maker, keep_file="on")
    kept = files_under(data_dir)
    assert len(kept) == 1 and kept[0].name == "enkat.csv" and str(run.pk) in kept[0].parts
    assert maker.get(reverse("profiles:kept_file", args=[run.pk])).status_code == 200
    assert logged_in(people["colleague"]).get(reverse("profiles:kept_file", args=[run.pk])).status_code == 404
    # the colleague may not delete it
    url = reverse("profiles:delete", args=[run.pk])
    assert logged_in(people["colleague"]).post(url, {"what": "file"}).status_code == 403
    assert files_under(data_dir) == kept
    response = maker.post(url, {"what": "file"})
    assert response.status_code == 302
    assert files_under(data_dir) == []
    run.refresh_from_db()
    assert run.kept_file == "" and run.data  # the profile stays


def test_deleting_the_profile_deletes_its_kept_file(people: dict[str, Any], data_dir: Path) -> None:
    maker = logged_in(people["maker"])
    run = make_run(maker, keep_file="on")
    assert files_under(data_dir)
    assert maker.post(reverse("profiles:delete", args=[run.pk]), {"what": "profile"}).status_code == 302
    assert not ProfileRun.objects.exists() and files_under(data_dir) == []
    assert AuditEntry.objects.filter(action="delete", object_id=str(run.pk)).exists()


def test_the_example_button_makes_a_profile_without_a_file(people: dict[str, Any]) -> None:
    client = logged_in(people["maker"])
    page = client.get(INDEX).content.decode()
    assert reverse("profiles:example") in page and "Använd exempelenkäten" in page
    response = client.post(reverse("profiles:example"))
    run = ProfileRun.objects.get()
    assert response["Location"] == reverse("profiles:detail", args=[run.pk])
    assert any(run.data["priorities"].values()), "the example has planted differences to find"
    assert client.get(reverse("profiles:example")).status_code == 405


def test_an_uploaded_spec_is_used_instead_of_the_bundled_one(people: dict[str, Any]) -> None:
    spec = load_spec("default")
    text = "\n".join(
        [
            "name: Egen enkät 2026",
            f"area_column: {spec.area_column}",
            "min_cell: 10",
            "factors:",
            *[
                line
                for f in spec.factors[:2]
                for line in (
                    f"  - id: {f.id}",
                    f"    label: {f.label}",
                    f"    kind: {f.kind}",
                    f"    domain: {f.domain}",
                    f"    items: [{', '.join(f.items)}]",
                    f"    reverse: [{', '.join(f.reverse)}]",
                    f"    scale: [{f.scale[0]}, {f.scale[1]}]",
                    f"    min_items: {f.min_items}",
                    f"    cut_point: {f.cut_point}",
                )
            ],
        ]
    )
    client = logged_in(people["maker"])
    run = make_run(client, spec_file=SimpleUploadedFile("spec.yaml", text.encode()))
    assert run.spec_name == "Egen enkät 2026" and run.spec_uploaded
    assert list(run.data["factors"]) == [f.id for f in spec.factors[:2]]
    default = make_run(client)
    assert default.spec_name == spec.name and not default.spec_uploaded and len(default.data["factors"]) > 2


# --- bad input ----------------------------------------------------------------------------------


def error_page(client: Client, data: dict[str, Any]) -> str:
    response = client.post(INDEX, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert 'class="error-summary"' in page
    assert not ProfileRun.objects.exists()
    return page


def test_a_missing_column_is_named(people: dict[str, Any], data_dir: Path) -> None:
    item = load_spec("default").items[0]
    page = error_page(logged_in(people["maker"]), upload(example().drop(item)))
    assert "missing from the file" in page and item in page and "enkat.csv" in page
    assert str(data_dir) not in page, "the private temporary path must not be shown"
    assert files_under(data_dir) == []


def test_a_missing_area_column_is_named(people: dict[str, Any]) -> None:
    spec = load_spec("default")
    page = error_page(logged_in(people["maker"]), upload(example().drop(spec.area_column)))
    assert "area column" in page and spec.area_column in page


def test_answers_out_of_range_and_text_are_listed_with_row_numbers_and_counted(
    people: dict[str, Any],
) -> None:
    spec = load_spec("default")
    item, other = spec.items[0], spec.items[1]
    frame = example().with_columns(pl.col(item).cast(pl.String), pl.col(other).cast(pl.String))
    frame = frame.with_columns(
        pl.when(pl.int_range(pl.len()) == 4).then(pl.lit("ja")).otherwise(pl.col(item)).alias(item),
        pl.when(pl.int_range(pl.len()).is_in([10, 11, 12]))
        .then(pl.lit("9"))
        .otherwise(pl.col(other))
        .alias(other),
    )
    expected = profile(frame, spec)
    rows = {(p.row, p.column) for p in expected.problems}
    assert len(rows) == 4
    client = logged_in(people["maker"])
    response = client.post(INDEX, upload(frame), follow=True)
    run = ProfileRun.objects.get()
    assert run.excluded_non_numeric == 1 and run.excluded_out_of_range == 3
    page = response.content.decode()
    assert "4 svar kunde inte användas" in page
    assert "Svar som inte kunde användas" in page
    for row, column in rows:
        assert f'<th scope="row">{row}</th><td>{column}</td>' in page
    assert "<li>svar utanför frågans skala: 3</li>" in page
    assert "<li>svar som inte är heltal (text eller decimaltal): 1</li>" in page


def test_a_broken_spec_is_reported_with_its_problems(people: dict[str, Any]) -> None:
    bad = SimpleUploadedFile(
        "spec.yaml", b"name: X\narea_column: area\nfactors:\n  - id: 1bad\n    kind: risky\n"
    )
    page = error_page(logged_in(people["maker"]), upload(spec_file=bad))
    assert "Egen poängsättning (YAML)" in page and "kind" in page


def test_yaml_that_is_not_yaml_is_reported(people: dict[str, Any]) -> None:
    bad = SimpleUploadedFile("spec.yaml", b"name: [unclosed\n")
    error_page(logged_in(people["maker"]), upload(spec_file=bad))


def test_a_broken_programme_catalogue_is_reported(people: dict[str, Any]) -> None:
    bad = SimpleUploadedFile("programs.yaml", b"programs:\n  - name: Utan id\n")
    page = error_page(logged_in(people["maker"]), upload(programs_file=bad))
    assert "Egen programkatalog (YAML)" in page


def test_a_spec_that_is_not_utf8_is_reported(people: dict[str, Any]) -> None:
    bad = SimpleUploadedFile("spec.yaml", "name: Enkät".encode("latin-1"))
    page = error_page(logged_in(people["maker"]), upload(spec_file=bad))
    assert "UTF-8" in page


def test_a_file_of_the_wrong_kind_or_empty_or_unreadable_is_refused(
    people: dict[str, Any], data_dir: Path
) -> None:
    client = logged_in(people["maker"])
    page = error_page(client, {"name": "x", "survey": SimpleUploadedFile("enkat.txt", b"a,b\n1,2\n")})
    assert "inte en CSV-, Parquet- eller Excelfil" in page
    page = error_page(client, {"name": "x", "survey": SimpleUploadedFile("enkat.csv", b"")})
    assert "tom" in page
    not_parquet = SimpleUploadedFile("enkat.parquet", b"not parquet at all")
    page = error_page(client, {"name": "x", "survey": not_parquet})
    assert "cannot be read" in page
    not_excel = SimpleUploadedFile("enkat.xlsx", b"PK not a workbook")
    page = error_page(client, {"name": "x", "survey": not_excel})
    assert "enkat.xlsx" in page
    page = error_page(client, {"name": "x"})
    assert "Välj enkätfilen" in page
    assert files_under(data_dir) == []


def test_a_file_over_the_limit_gets_a_clear_message_and_is_not_stored(
    people: dict[str, Any], monkeypatch: Any, data_dir: Path
) -> None:
    monkeypatch.setattr(profile_forms, "MAX_SURVEY_BYTES", 2 * 1024 * 1024)
    big = example(rows=60000)
    page = error_page(logged_in(people["maker"]), upload(big))
    assert "Filen är större än 2 MB, som är gränsen" in page
    assert files_under(data_dir) == []


def test_the_upload_form_still_checks_csrf(people: dict[str, Any]) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["maker"])
    assert client.post(INDEX, upload()).status_code == 403
    assert not ProfileRun.objects.exists()


# --- suppression --------------------------------------------------------------------------------


def test_a_tiny_area_shows_no_numbers_on_the_page_in_the_csv_or_the_pdf(people: dict[str, Any]) -> None:
    spec = load_spec("default")
    frame = example()
    frame = frame.with_columns(
        pl.when(pl.int_range(pl.len()) < 4)
        .then(pl.lit("Pyttebyn"))
        .otherwise(pl.col(spec.area_column))
        .alias(spec.area_column)
    )
    client = logged_in(people["maker"])
    run = make_run(client, frame=frame)
    assert run.data["areas"]["Pyttebyn"] == {"suppressed": True}
    hidden = [a for a, v in run.data["areas"].items() if v["suppressed"]]
    assert len(hidden) >= 2  # complementary suppression
    page = client.get(reverse("profiles:detail", args=[run.pk])).content.decode()
    for area in hidden:
        anchor = f'<h2 id="area-{list(run.data["areas"]).index(area)}">{area}</h2>'
        section = page.split(anchor, 1)[1].split("</section>", 1)[0]
        assert "Visas inte" in section
        assert "%" not in section and not any(ch.isdigit() for ch in section), section
    table = client.get(reverse("profiles:csv", args=[run.pk])).content.decode()
    rows = list(csv.DictReader(io.StringIO(table)))
    hidden_rows = [r for r in rows if r["area"] in hidden]
    assert hidden_rows and all(r["suppressed"] == "true" and r["n"] == r["pct"] == "" for r in hidden_rows)
    text = pdf_text(client.get(reverse("profiles:pdf", args=[run.pk])).content)
    for area in hidden:
        places = text.split(f"{area}\n")[1:]
        assert places, area
        # Wherever the PDF names a hidden area, the next line says it is not shown – no count, no share.
        assert all(after.startswith("visas inte") for after in places), (area, [a[:60] for a in places])


# --- downloads, permissions, language -----------------------------------------------------------


def test_pdf_csv_and_json_downloads_are_logged(people: dict[str, Any]) -> None:
    run = make_run(logged_in(people["maker"]))
    colleague = logged_in(people["colleague"])
    pdf = colleague.get(reverse("profiles:pdf", args=[run.pk]))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert "Rosengård" in pdf_text(pdf.content)
    data = colleague.get(reverse("profiles:csv", args=[run.pk]))
    assert data["Content-Type"].startswith("text/csv") and data.content.decode().startswith("area,")
    js = colleague.get(reverse("profiles:json", args=[run.pk]))
    assert js.json()["n_respondents"] == 2000
    exports = AuditEntry.objects.filter(action="export", object_id=str(run.pk))
    assert exports.count() == 3 and {e.username for e in exports} == {"colleague"}


def test_who_may_do_what(people: dict[str, Any], units: Any) -> None:
    run = make_run(logged_in(people["maker"]))
    detail = reverse("profiles:detail", args=[run.pk])
    urls = [
        INDEX,
        detail,
        reverse("profiles:pdf", args=[run.pk]),
        reverse("profiles:csv", args=[run.pk]),
        reverse("profiles:json", args=[run.pk]),
        reverse("profiles:delete", args=[run.pk]),
    ]
    for url in urls:
        response = Client().get(url)
        assert response.status_code == 302 and response["Location"].startswith("/konto/logga-in/"), url
        assert logged_in(people["no_unit"]).get(url).status_code == 403, url
    assert Client().post(reverse("profiles:example")).status_code == 302
    assert logged_in(people["no_unit"]).post(reverse("profiles:example")).status_code == 403
    colleague = logged_in(people["colleague"])
    page = colleague.get(detail).content.decode()
    assert "Rosengård" in page and reverse("profiles:delete", args=[run.pk]) not in page
    assert colleague.get(INDEX).content.decode().count(detail) == 1
    assert colleague.get(reverse("profiles:delete", args=[run.pk])).status_code == 403
    assert colleague.post(reverse("profiles:delete", args=[run.pk]), {"what": "profile"}).status_code == 403
    assert ProfileRun.objects.filter(pk=run.pk).exists()
    assert colleague.get(reverse("profiles:detail", args=[run.pk + 99])).status_code == 404
    admin = logged_in(people["admin"])
    assert reverse("profiles:delete", args=[run.pk]) in admin.get(detail).content.decode()
    assert admin.post(reverse("profiles:delete", args=[run.pk]), {"what": "profile"}).status_code == 302
    assert not ProfileRun.objects.exists()


def test_the_page_reads_in_english(people: dict[str, Any]) -> None:
    client = logged_in(people["maker"])
    run = make_run(client)
    page = client.get(f"/en{reverse('profiles:detail', args=[run.pk])}").content.decode()
    label_en = run.data["factors"][PLANT.factor]["label_en"]
    assert label_en and label_en in page
    expected = ("Where the area stands out", "Family", "the rest of the city", "Method", "The report as PDF")
    for words in expected:
        assert words in page, words
    assert "Konflikter i familjen" not in page
    index = client.get("/en/arbetsrum/profiler/").content.decode()
    assert "Use the example survey" in index and "Keep the raw survey file" in index


def test_the_swedish_page_is_swedish(people: dict[str, Any]) -> None:
    client = logged_in(people["maker"])
    run = make_run(client)
    page = client.get(reverse("profiles:detail", args=[run.pk])).content.decode()
    for words in ("Där området sticker ut", "Familj", "Metod", "Rapporten som PDF", "Föreslagna program"):
        assert words in page, words
    index = client.get(INDEX).content.decode()
    assert "Risk- och skyddsfaktorer" in index and "Spara den ursprungliga enkätfilen" in index


def test_an_uploaded_programme_catalogue_is_used(people: dict[str, Any]) -> None:
    catalogue = (
        "programs:\n  - id: familjestod\n    name: Familjestöd Test\n    targets: [family_conflict]\n"
        "    age_group: föräldrar\n    level: selective\n    evidence: {rating: Lovande, source: Test}\n"
        "    source: https://example.org/\n    description: Ett påhittat program.\n"
    )
    client = logged_in(people["maker"])
    run = make_run(client, programs_file=SimpleUploadedFile("programs.yaml", catalogue.encode()))
    assert run.programs_uploaded
    assert [s["name"] for s in run.data["suggestions"]["Rosengård"]] == ["Familjestöd Test"]
    page = client.get(reverse("profiles:detail", args=[run.pk])).content.decode()
    assert (
        "Familjestöd Test" in page and "riktar sig mot Konflikter i familjen" in page and "selektiv" in page
    )


def test_breakdowns_by_grade_and_gender_only_when_the_columns_exist(people: dict[str, Any]) -> None:
    client = logged_in(people["maker"])
    run = make_run(client)
    page = client.get(reverse("profiles:detail", args=[run.pk])).content.decode()
    assert "Per årskurs – Rosengård" in page and "Per kön – Rosengård" in page
    bare = make_run(client, frame=example().drop("grade", "gender"))
    page = client.get(reverse("profiles:detail", args=[bare.pk])).content.decode()
    assert "Per årskurs" not in page and "Per kön" not in page and "förhöjd risk" in page


def test_an_unforeseen_failure_while_reading_is_an_error_on_the_form(
    people: dict[str, Any], data_dir: Path, monkeypatch: Any
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise pl.exceptions.ComputeError("something unforeseen")

    monkeypatch.setattr(services, "profile", broken)
    page = error_page(logged_in(people["maker"]), upload())
    assert "enkat.csv: cannot be read (ComputeError)" in page
    assert files_under(data_dir) == []


def test_the_size_limit_handler_stops_at_the_limit(monkeypatch: Any) -> None:
    from django.core.files.uploadhandler import SkipFile
    from django.test import RequestFactory

    from varna.web.profiles.uploads import SizeLimitHandler

    monkeypatch.setattr(profile_forms, "MAX_SURVEY_BYTES", 100)
    request = RequestFactory().post("/")
    handler = SizeLimitHandler(request)
    handler.new_file("survey", "enkat.csv", "text/csv", 1000)
    assert handler.receive_data_chunk(b"x" * 60, 0) == b"x" * 60
    with pytest.raises(SkipFile):
        handler.receive_data_chunk(b"x" * 60, 60)
    assert request.profiles_too_large == {"survey": 120}  # type: ignore[attr-defined]
