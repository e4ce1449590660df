"""The audit log search: filters, newest first, pages, the chain check and the CSV export."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from django.utils import timezone
from tests.workspace import logged_in, make_user, tamper_with_audit_log

from varna.web.accounts.models import Role, Unit, User
from varna.web.audit.models import Action, AuditEntry
from varna.web.audit.services import audit_record

pytestmark = pytest.mark.django_db

LOG = "/arbetsrum/logg/"


@pytest.fixture
def admin(units: dict[str, Unit]) -> User:
    return make_user("trygghet-och-sakerhet", role=Role.ADMINISTRATOR, username="admin")


@pytest.fixture
def entries(units: dict[str, Unit]) -> list[AuditEntry]:
    social = make_user("ifo-norr", username="socialsekreterare")
    police = make_user("lpo-norr", username="polis")
    written = [
        audit_record(
            user=social,
            action=Action.READ,
            summary="Läste ett ärende",
            authority="sdn-norr",
            obj=units["ifo-norr"],
        ),
        audit_record(
            user=police, action=Action.READ, summary="Läste ett utlämnande", authority="polismyndigheten"
        ),
        audit_record(
            user=social, action=Action.DISCLOSE, summary="Lämnade ut =uppgifter", authority="sdn-norr"
        ),
        audit_record(
            user=None, username="okänd", action=Action.LOGIN_FAILED, summary="Misslyckad inloggning"
        ),
    ]
    return written


def _rows(page: str) -> list[str]:
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in page else ""
    return [row for row in body.split("<tr>")[1:]]


def test_the_log_lists_newest_first_with_labels(admin: User, entries: list[AuditEntry]) -> None:
    page = logged_in(admin).get(LOG).content.decode()
    rows = _rows(page)
    assert len(rows) == 4
    assert "okänd" in rows[0] and "Misslyckad inloggning" in rows[0]
    assert "Lämnade ut" in rows[1] and "Läste" in rows[3]
    assert f">{entries[0].seq}<" in rows[3]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("user=polis", ["Läste ett utlämnande"]),
        ("user=POLIS", ["Läste ett utlämnande"]),
        ("action=disclose", ["Lämnade ut =uppgifter"]),
        ("authority=polismyndigheten", ["Läste ett utlämnande"]),
        ("authority=sdn-norr", ["Lämnade ut =uppgifter", "Läste ett utlämnande", "Läste ett ärende"][::2]),
        ("object_type=accounts.unit", ["Läste ett ärende"]),
        ("user=socialsekreterare&action=read", ["Läste ett ärende"]),
    ],
)
def test_each_filter_narrows_the_list(
    admin: User, entries: list[AuditEntry], query: str, expected: list[str]
) -> None:
    rows = _rows(logged_in(admin).get(f"{LOG}?{query}").content.decode())
    assert [next(s for s in expected if s in row) for row in rows] == expected
    assert len(rows) == len(expected)


def test_the_object_id_and_the_date_range_filter(admin: User, entries: list[AuditEntry]) -> None:
    client = logged_in(admin)
    rows = _rows(client.get(f"{LOG}?object_id={entries[0].object_id}").content.decode())
    assert len(rows) == 1
    today = timezone.localdate()
    assert len(_rows(client.get(f"{LOG}?date_from={today}&date_to={today}").content.decode())) == 4
    tomorrow = today + dt.timedelta(days=1)
    nothing = client.get(f"{LOG}?date_from={tomorrow}").content.decode()
    assert _rows(nothing) == [] and "Inga poster matchar filtren." in nothing
    yesterday = today - dt.timedelta(days=1)
    assert _rows(client.get(f"{LOG}?date_to={yesterday}").content.decode()) == []


def test_bad_filters_are_named_and_list_nothing(admin: User, entries: list[AuditEntry]) -> None:
    client = logged_in(admin)
    bad_date = client.get(f"{LOG}?date_from=1%20mars")
    assert bad_date.status_code == 400 and "Skriv datumet som ÅÅÅÅ-MM-DD" in bad_date.content.decode()
    swapped = client.get(f"{LOG}?date_from=2026-03-02&date_to=2026-03-01")
    assert swapped.status_code == 400 and "ligger före" in swapped.content.decode()
    assert client.get(f"{LOG}?action=nonsense").status_code == 400


def test_the_log_is_paged(admin: User) -> None:
    for i in range(60):
        audit_record(user=None, username=f"u{i}", action=Action.READ, summary=f"Post {i}")
    client = logged_in(admin)
    first = client.get(LOG).content.decode()
    assert len(_rows(first)) == 50 and "Sida 1 av 2" in first and "Äldre poster" in first
    second = client.get(f"{LOG}?page=2").content.decode()
    assert len(_rows(second)) == 10 and "Nyare poster" in second


def test_the_chain_check_says_intact_or_names_the_broken_entry(
    admin: User, entries: list[AuditEntry]
) -> None:
    client = logged_in(admin)
    assert "Kontrollera kedjan" in client.get(LOG).content.decode()
    intact = client.get(f"{LOG}?verify=1").content.decode()
    assert "Hel:" in intact and "poster kontrollerade" in intact
    tamper_with_audit_log(
        "UPDATE audit_auditentry SET summary = %s WHERE seq = %s", ["Läste inget", entries[1].seq]
    )
    broken = client.get(f"{LOG}?verify=1").content.decode()
    assert "Bruten:" in broken and f"post {entries[1].seq} håller inte" in broken
    assert "dess innehåll har ändrats" in broken


def test_the_csv_export_has_the_filtered_rows_and_is_audited(admin: User, entries: list[AuditEntry]) -> None:
    audit_record(
        user=None, username="=HYPERLINK(1)", action=Action.LOGIN_FAILED, summary="x", authority="sdn-norr"
    )
    response = logged_in(admin).get(f"{LOG}export.csv?authority=sdn-norr")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][0] == "Nummer"
    summaries = [row[8] for row in rows[1:]]
    assert summaries == ["x", "Lämnade ut =uppgifter", "Läste ett ärende"]
    # A cell that starts like a spreadsheet formula is kept as text.
    assert rows[1][2] == "'=HYPERLINK(1)"
    export = AuditEntry.objects.get(action=Action.EXPORT)
    assert export.username == "admin" and export.detail["rows"] == 3
    assert export.detail["filters"] == {"authority": "sdn-norr"}


def test_the_english_log_page(admin: User, entries: list[AuditEntry]) -> None:
    page = logged_in(admin).get(f"/en{LOG}").content.decode()
    assert "Audit log" in page and "Failed login" in page


def test_the_action_labels_are_the_logs_own(admin: User) -> None:
    """Other apps translate "Logged out" and "Administration" for their pages; the log keeps its words."""
    audit_record(user=admin, action=Action.LOGOUT, summary="x")
    audit_record(user=admin, action=Action.ADMIN, summary="y")
    page = logged_in(admin).get(LOG).content.decode()
    rows = _rows(page)
    assert "<td>Loggade ut</td>" in rows[1] and "<td>Administration</td>" in rows[0]
    assert "Utloggad" not in page and "Förvaltning" not in page
