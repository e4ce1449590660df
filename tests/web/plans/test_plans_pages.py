"""The plans pages: who may read and change, creating and editing without losing anything,
follow-ups with their history, indicators, linked meeting actions, the report and the export."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from tests.web.sharing.test_pdf import pdf_text
from tests.workspace import logged_in, make_user

from varna.web.accounts.models import Role, Unit
from varna.web.core.municipality import current_municipality
from varna.web.meetings.models import Action, Attendance, Meeting
from varna.web.plans.models import Activity, ActivityStatus, ActivityUpdate, Indicator, Plan
from varna.web.plans.services import plans_load_default


@pytest.fixture
def world(units: Any) -> dict[str, Any]:
    plans_load_default(municipality=current_municipality())
    plan = Plan.objects.get(key="kompetens-2016")  # owned by the city office (kommunstyrelsen)
    activity = plan.activities.get(key="workshop-normbrytande")
    indicator = Indicator.objects.create(
        activity=activity, name="Deltagare", target=100, current=40, unit="personer"
    )
    return {
        "plan": plan,
        "area": plan.areas.first(),
        "activity": activity,
        "indicator": indicator,
        "owner": make_user("trygghet-och-sakerhet"),  # the plan's own authority
        "other": make_user("ifo-norr"),  # another authority, a member
        "convener": make_user("plattform-malmo", role=Role.CONVENER),
        "admin": make_user("lpo-norr", role=Role.ADMINISTRATOR),
        "nounit": make_user(None),
    }


def urls(w: dict[str, Any]) -> dict[str, tuple[str, bool]]:
    """Each URL, and whether it changes something (needs the right to edit)."""
    plan, area, activity, indicator = w["plan"].pk, w["area"].pk, w["activity"].pk, w["indicator"].pk
    return {
        "plans:index": (reverse("plans:index"), False),
        "plans:new": (reverse("plans:new"), False),
        "plans:follow_up": (reverse("plans:follow_up"), False),
        "plans:report": (reverse("plans:report"), False),
        "plans:report_pdf": (reverse("plans:report_pdf") + "?year=2016", False),
        "plans:export": (reverse("plans:export"), False),
        "plans:detail": (reverse("plans:detail", args=[plan]), False),
        "plans:edit": (reverse("plans:edit", args=[plan]), True),
        "plans:area_new": (reverse("plans:area_new", args=[plan]), True),
        "plans:activity_new": (reverse("plans:activity_new", args=[plan]), True),
        "plans:area_edit": (reverse("plans:area_edit", args=[area]), True),
        "plans:activity": (reverse("plans:activity", args=[activity]), False),
        "plans:activity_edit": (reverse("plans:activity_edit", args=[activity]), True),
        "plans:activity_status": (reverse("plans:activity_status", args=[activity]), True),
        "plans:indicator_new": (reverse("plans:indicator_new", args=[activity]), True),
        "plans:actions": (reverse("plans:actions", args=[activity]), False),
        "plans:indicator_edit": (reverse("plans:indicator_edit", args=[indicator]), True),
    }


def test_every_url_is_in_the_table(world: dict[str, Any]) -> None:
    from django.urls import get_resolver

    names = {
        f"plans:{name}"
        for name in get_resolver().namespace_dict["plans"][1].reverse_dict
        if isinstance(name, str)
    }
    assert names == set(urls(world))


def test_anonymous_users_are_sent_to_log_in(world: dict[str, Any]) -> None:
    login = reverse("accounts:login")
    for name, (url, _changes) in urls(world).items():
        response = Client().get(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith(login), name
        assert Client().post(url).status_code == 302, name


def test_users_without_a_unit_are_refused(world: dict[str, Any]) -> None:
    client = logged_in(world["nounit"])
    for name, (url, _changes) in urls(world).items():
        assert client.get(url).status_code == 403, name
        assert client.post(url).status_code == 403, name


@pytest.mark.parametrize("who", ["owner", "other", "convener", "admin"])
def test_every_unit_reads_and_only_the_owner_authority_and_coordinators_change(
    world: dict[str, Any], who: str
) -> None:
    client = logged_in(world[who])
    may_change = who != "other"
    for name, (url, changes) in urls(world).items():
        response = client.get(url)
        expected = 200 if (not changes or may_change) else 403
        assert response.status_code == expected, (who, name, response.status_code)
    if not may_change:
        before = Plan.objects.get(pk=world["plan"].pk).name
        response = client.post(
            reverse("plans:edit", args=[world["plan"].pk]), {"name": "Kapad", "kind": "project"}
        )
        assert response.status_code == 403
        assert Plan.objects.get(pk=world["plan"].pk).name == before
        response = client.post(
            reverse("plans:activity_status", args=[world["activity"].pk]),
            {"status": "done", "on": "2016-03-01"},
        )
        assert response.status_code == 403 and not ActivityUpdate.objects.exists()


def test_missing_objects_are_404(world: dict[str, Any]) -> None:
    client = logged_in(world["owner"])
    for name in (
        "plans:detail",
        "plans:edit",
        "plans:area_edit",
        "plans:activity",
        "plans:actions",
        "plans:indicator_edit",
    ):
        assert client.get(reverse(name, args=[999999])).status_code == 404, name


def test_a_member_creates_a_plan_for_their_own_authority_only(world: dict[str, Any]) -> None:
    client = logged_in(world["other"])
    page = client.get(reverse("plans:new")).content.decode()
    owner_select = page.split('name="owner_unit"')[1].split("</select>")[0]
    assert "Individ- och familjeomsorgen i stadsområde Norr" in owner_select
    assert "Polisområde Malmö" not in owner_select  # another authority's unit is not offered as owner
    police = Unit.objects.get(code="polisomrade-malmo")
    refused = client.post(
        reverse("plans:new"), {"name": "Plan", "kind": "action_plan", "owner_unit": police.pk}
    )
    assert refused.status_code == 400
    assert "Välj en av enheterna i listan." in refused.content.decode()
    unit = world["other"].unit
    response = client.post(
        reverse("plans:new"),
        {
            "name": "Handlingsplan mot våldsbejakande extremism 2026",
            "name_en": "Action plan 2026",
            "kind": "action_plan",
            "owner_unit": unit.pk,
            "starts_on": "2026-01-01",
            "ends_on": "2026-12-31",
            "partner_orgs": ["expo", "islamakademin"],
            "other_partners": "EFUS\n\n  Röda Korset  ",
            "partner_units": [police.pk],
        },
    )
    plan = Plan.objects.get(name="Handlingsplan mot våldsbejakande extremism 2026")
    assert response.status_code == 302 and response["Location"] == reverse("plans:detail", args=[plan.pk])
    assert plan.owner_unit == unit and plan.created_by == world["other"]
    assert plan.partner_orgs == ["expo", "islamakademin"] and plan.other_partners == "EFUS\nRöda Korset"
    assert list(plan.partner_units.all()) == [police]
    detail = client.get(response["Location"]).content.decode()
    assert "Expo" in detail and "Islamakademin" in detail and "Röda Korset" in detail


def test_bad_input_is_named_and_nothing_is_saved(world: dict[str, Any]) -> None:
    client = logged_in(world["owner"])
    plan = world["plan"]
    response = client.post(
        reverse("plans:edit", args=[plan.pk]),
        {
            "name": "",
            "kind": "wish",
            "owner_unit": plan.owner_unit_id,
            "starts_on": "2016-12-01",
            "ends_on": "2016-01-01",
            "version": plan.version,
        },
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "Ge planen ett namn." in html and "Slutdatumet ligger före startdatumet" in html
    assert 'class="error-summary"' in html and 'href="#id_name"' in html
    assert 'aria-invalid="true"' in html and 'aria-describedby="id_ends_on-hint id_ends_on-error"' in html
    saved = Plan.objects.get(pk=plan.pk)
    assert saved.name == "Kompetenshöjande insatser 2016" and saved.version == plan.version

    response = client.post(
        reverse("plans:activity_status", args=[world["activity"].pk]), {"status": "done", "on": "31/12/2016"}
    )
    assert response.status_code == 400
    assert "Skriv datumet som ÅÅÅÅ-MM-DD" in response.content.decode()
    future = (timezone.localdate() + dt.timedelta(days=3)).isoformat()
    response = client.post(
        reverse("plans:activity_status", args=[world["activity"].pk]), {"status": "done", "on": future}
    )
    assert "Datumet ligger i framtiden" in response.content.decode()
    assert not ActivityUpdate.objects.exists()
    response = client.post(
        reverse("plans:indicator_new", args=[world["activity"].pk]), {"name": "Workshoppar", "target": "tolv"}
    )
    assert response.status_code == 400 and "Skriv ett tal" in response.content.decode()
    assert Indicator.objects.count() == 1


def plan_post(plan: Plan, **changes: Any) -> dict[str, Any]:
    data = {
        "name": plan.name,
        "name_en": plan.name_en,
        "kind": plan.kind,
        "owner_unit": plan.owner_unit_id,
        "starts_on": "2016-01-01",
        "ends_on": "2016-12-31",
        "description": plan.description,
        "version": plan.version,
    }
    data.update(changes)
    return data


def test_a_late_save_is_refused_and_keeps_both_texts(world: dict[str, Any]) -> None:
    plan = world["plan"]
    first, second = logged_in(world["owner"]), logged_in(world["convener"])
    opened_at = plan.version
    assert (
        first.post(
            reverse("plans:edit", args=[plan.pk]), plan_post(plan, description="Först sparad text.")
        ).status_code
        == 302
    )
    response = second.post(
        reverse("plans:edit", args=[plan.pk]),
        plan_post(plan, description="Min egen text som inte får försvinna.", version=opened_at),
    )
    html = response.content.decode()
    assert response.status_code == 409
    assert "Någon annan sparade medan du ändrade" in html
    assert "Min egen text som inte får försvinna." in html  # still in the form
    assert "Först sparad text." in html  # what is saved now, shown beside it
    saved = Plan.objects.get(pk=plan.pk)
    assert saved.description == "Först sparad text." and saved.version == opened_at + 1
    # The form now names the saved version: saving again is a conscious overwrite.
    assert f'name="version" value="{opened_at + 1}"' in html
    again = second.post(
        reverse("plans:edit", args=[plan.pk]),
        plan_post(plan, description="Min egen text som inte får försvinna.", version=opened_at + 1),
    )
    assert again.status_code == 302
    assert Plan.objects.get(pk=plan.pk).description == "Min egen text som inte får försvinna."


def test_activity_and_area_edits_are_guarded_too(world: dict[str, Any]) -> None:
    client = logged_in(world["owner"])
    activity, area = world["activity"], world["area"]
    data = {
        "title": "Workshop",
        "area": area.pk,
        "version": activity.version,
        "competence": "on",
        "audience": "Fritidsledare",
        "starts_on": "2016-01-01",
        "ends_on": "2016-12-31",
        "level": "universal",
    }
    assert client.post(reverse("plans:activity_edit", args=[activity.pk]), data).status_code == 302
    assert client.post(reverse("plans:activity_edit", args=[activity.pk]), data).status_code == 409
    saved = Activity.objects.get(pk=activity.pk)
    assert (
        saved.title == "Workshop"
        and saved.audience == "Fritidsledare"
        and saved.version == activity.version + 1
    )
    area_data = {"name": "Ny rubrik", "version": area.version}
    assert client.post(reverse("plans:area_edit", args=[area.pk]), area_data).status_code == 302
    assert client.post(reverse("plans:area_edit", args=[area.pk]), area_data).status_code == 409
    # A competence offer must say for whom.
    response = client.post(
        reverse("plans:activity_new", args=[world["plan"].pk]), {"title": "Seminarium", "competence": "on"}
    )
    assert response.status_code == 400 and "Skriv vilka erbjudandet" in response.content.decode()


def test_status_follows_the_newest_update_and_the_history_is_kept(world: dict[str, Any]) -> None:
    client = logged_in(world["owner"])
    activity = world["activity"]
    url = reverse("plans:activity_status", args=[activity.pk])
    assert (
        client.post(
            url, {"status": "ongoing", "on": "2016-02-01", "note": "Två workshoppar hållna."}
        ).status_code
        == 302
    )
    assert (
        client.post(
            url, {"status": "done", "on": "2016-11-30", "note": "Alla tillfällen hållna."}
        ).status_code
        == 302
    )
    # A late entry about an earlier day does not change the current status.
    assert client.post(url, {"status": "postponed", "on": "2016-05-01"}).status_code == 302
    assert Activity.objects.get(pk=activity.pk).status == ActivityStatus.DONE
    assert [u.status for u in ActivityUpdate.objects.filter(activity=activity).order_by("on")] == [
        "ongoing",
        "postponed",
        "done",
    ]
    html = client.get(reverse("plans:activity", args=[activity.pk])).content.decode()
    assert "Två workshoppar hållna." in html and "Alla tillfällen hållna." in html
    assert world["owner"].display() in html


def test_indicators_are_added_changed_and_removed(world: dict[str, Any]) -> None:
    client = logged_in(world["owner"])
    activity = world["activity"]
    assert (
        client.post(
            reverse("plans:indicator_new", args=[activity.pk]),
            {"name": "Workshoppar", "target": "12", "current": "3", "unit": "st"},
        ).status_code
        == 302
    )
    indicator = Indicator.objects.get(name="Workshoppar")
    assert indicator.target == Decimal("12") and indicator.current == Decimal("3")
    edit = reverse("plans:indicator_edit", args=[indicator.pk])
    assert client.post(edit, {"name": "Workshoppar", "target": "12", "current": "7.5"}).status_code == 302
    assert Indicator.objects.get(pk=indicator.pk).current == Decimal("7.5")
    assert client.post(edit, {"delete": "yes"}).status_code == 302
    assert not Indicator.objects.filter(pk=indicator.pk).exists()


def test_follow_up_lists_and_the_start_page(world: dict[str, Any]) -> None:
    today = timezone.localdate()
    plan = world["plan"]
    soon = Activity.objects.create(
        plan=plan,
        title="Snart klar",
        responsible_unit=world["owner"].unit,
        ends_on=today + dt.timedelta(days=10),
    )
    Activity.objects.create(
        plan=plan,
        title="Långt fram",
        responsible_unit=world["owner"].unit,
        ends_on=today + dt.timedelta(days=200),
    )
    client = logged_in(world["owner"])
    html = client.get(reverse("plans:follow_up")).content.decode()
    overdue_part, soon_part = html.split('id="soon-heading"')
    assert "Utbildning och workshop om normbrytande beteenden" in overdue_part  # ended 2016
    assert "Snart klar" in soon_part and "Långt fram" not in html
    start = client.get(reverse("workspace:start")).content.decode()
    assert "Snart klar" in start and "Försenade aktiviteter för din enhet" in start
    # Another unit's start page does not list them; its follow-up page can, when asked for all units.
    other = logged_in(world["other"])
    assert "Snart klar" not in other.get(reverse("workspace:start")).content.decode()
    assert "Snart klar" not in other.get(reverse("plans:follow_up") + "?mine=1").content.decode()
    assert "Snart klar" in other.get(reverse("plans:follow_up")).content.decode()
    # Done activities leave the lists.
    logged_in(world["owner"]).post(
        reverse("plans:activity_status", args=[soon.pk]), {"status": "done", "on": today.isoformat()}
    )
    assert "Snart klar" not in client.get(reverse("plans:follow_up")).content.decode()


def make_action(user: Any, *, attend: Any = None, title: str = "Bjud in Expo till en workshop") -> Action:
    meeting = Meeting.objects.create(title="Samordningsteamet", starts_at=timezone.now(), convener=user)
    if attend is not None:
        Attendance.objects.create(meeting=meeting, user=attend, unit=attend.unit)
    return Action.objects.create(
        meeting=meeting, title=title, responsible_unit=user.unit, due_on=dt.date(2016, 3, 1), created_by=user
    )


def test_actions_the_user_can_see_are_linked_and_unlinked(world: dict[str, Any]) -> None:
    owner, other = world["owner"], world["other"]
    visible = make_action(owner)
    hidden = make_action(other, title="Hemlig åtgärd i ett annat möte")
    activity = world["activity"]
    url = reverse("plans:actions", args=[activity.pk])
    client = logged_in(owner)
    page = client.get(url).content.decode()
    assert "Bjud in Expo till en workshop" in page and "Hemlig åtgärd" not in page
    assert client.post(url, {"action": visible.pk}).status_code == 302
    assert list(activity.actions.all()) == [visible]
    # An action the user cannot see cannot be linked by guessing its number.
    client.post(url, {"action": hidden.pk})
    assert list(activity.actions.all()) == [visible]
    # Someone else links their own action; the owner sees only that one more exists.
    activity.actions.add(hidden)
    page = client.get(url).content.decode()
    assert "Hemlig åtgärd" not in page and "1 kopplad åtgärd till visas inte" in page
    assert client.post(url, {"action": visible.pk, "unlink": "yes"}).status_code == 302
    assert list(activity.actions.all()) == [hidden]
    # Another authority's member may look but not link.
    assert logged_in(other).post(url, {"action": hidden.pk, "unlink": "yes"}).status_code == 403
    assert list(activity.actions.all()) == [hidden]


def test_the_yearly_report_lists_plans_areas_activities_indicators_and_updates(world: dict[str, Any]) -> None:
    client = logged_in(world["owner"])
    activity = world["activity"]
    client.post(
        reverse("plans:activity_status", args=[activity.pk]),
        {"status": "ongoing", "on": "2016-04-01", "note": "Första workshoppen hölls i april."},
    )
    client.post(
        reverse("plans:activity_status", args=[activity.pk]),
        {"status": "done", "on": "2017-01-15", "note": "Avslutad efter årsskiftet."},
    )
    response = client.get(reverse("plans:report_pdf"), {"year": "2016"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert 'filename="varna-uppfoljning-2016.pdf"' in response["Content-Disposition"]
    text = " ".join(pdf_text(response.content).split())
    for expected in (
        "Uppföljning av planer och aktiviteter 2016",
        "Kompetenshöjande insatser 2016",
        "LIAISE II",
        "Våra liv",
        "Samhällsbyggande nivå",
        "Problembild",
        "Utbildning och workshop om normbrytande beteenden",
        "Deltagare: 100 / 40 personer",
        "Första workshoppen hölls i april.",
        "Pågår",
    ):
        assert expected in text, expected
    assert "Avslutad efter årsskiftet." not in text  # an update of 2017 is not one of 2016's
    one = client.get(reverse("plans:report_pdf"), {"year": "2016", "plan": world["plan"].pk})
    assert "LIAISE II" not in pdf_text(one.content)
    bad = client.get(reverse("plans:report_pdf"), {"year": "tjugo"})
    assert bad.status_code == 400 and "Välj ett av åren i listan." in bad.content.decode()


def test_the_csv_export(world: dict[str, Any]) -> None:
    client = logged_in(world["other"])
    response = client.get(reverse("plans:export"), {"plan": world["plan"].pk})
    assert response["Content-Type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("Plan;Område;Aktivitet;Ansvarig enhet;Börjar;Slutar;Status")
    assert len(lines) == 1 + world["plan"].activities.count()
    assert any("Deltagare: 100 / 40 personer" in line and "Riktlinjen 2.3 och 5.2" in line for line in lines)
    Activity.objects.filter(pk=world["activity"].pk).update(title="=HYPERLINK(1)")
    text = client.get(reverse("plans:export")).content.decode("utf-8-sig")
    assert ";'=HYPERLINK(1);" in text


def test_english_pages(world: dict[str, Any]) -> None:
    client = logged_in(world["owner"])
    url = reverse("plans:detail", args=[world["plan"].pk])
    html = client.get("/en" + url).content.decode()
    assert (
        "Competence-raising efforts 2016" in html
        and "Training and workshop on norm-breaking behaviour" in html
    )
    assert "Problem picture" in html and "Change the plan" in html
    swedish = client.get(url).content.decode()
    assert "Kompetenshöjande insatser 2016" in swedish and "Ändra planen" in swedish


def test_list_pages_do_not_query_per_row(world: dict[str, Any], django_assert_max_num_queries: Any) -> None:
    client = logged_in(world["owner"])
    with django_assert_max_num_queries(20):
        client.get(reverse("plans:index"))
    with django_assert_max_num_queries(30):
        client.get(reverse("plans:detail", args=[Plan.objects.get(key="vara-liv-ar-1").pk]))
    with django_assert_max_num_queries(20):
        client.get(reverse("plans:follow_up"))
