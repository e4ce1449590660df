"""The workspace's JSON: the matters a signed-in user may open, with the same reach as the pages.

Session authentication; anyone not signed in gets 401 with the API's error shape.
A matter another authority holds and has not disclosed to the user's authority
answers 404, exactly like a missing one.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from varna.web.disclosures.models import Disclosure
from varna.web.disclosures.selectors import disclosures_visible
from varna.web.matters.access import Reach, matter_for
from varna.web.matters.models import Matter
from varna.web.matters.selectors import filtered_matters_for, list_reach

ApiView = Callable[..., HttpResponse]


def api_login_required(view: ApiView) -> ApiView:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return JsonResponse({"message": "Logga in först.", "extra": {}}, status=401)
        return view(request, *args, **kwargs)

    return wrapped


def _date(value: Any) -> str | None:
    return value.isoformat() if value else None


def _summary(matter: Matter, reach: Reach) -> dict[str, Any]:
    row: dict[str, Any] = {"id": matter.pk, "kind": matter.kind, "title": matter.title, "reach": reach.value}
    if reach is Reach.DISCLOSED:
        return row
    row.update({
        "status": matter.status, "level": matter.level, "concern": matter.concern,
        "district": matter.district,
        "owner_authority": matter.owner_authority, "question_owner": matter.question_owner,
        "opened_at": _date(matter.opened_at), "closed_at": _date(matter.closed_at),
        "retain_until": _date(matter.retain_until),
    })
    return row


def _disclosure(d: Disclosure) -> dict[str, Any]:
    return {
        "id": d.pk, "from_authority": d.from_authority, "to_authority": d.to_authority,
        "to_unit": d.to_unit.code, "information_kind": d.information_kind, "content": d.content,
        "setting": d.setting, "facts": d.facts, "consent": d.consent_id is not None,
        "outcome": d.outcome, "provisions": d.provisions, "rulebase_version": d.rulebase_version,
        "balancing": d.balancing, "decided_at": _date(d.decided_at),
    }


@never_cache
@require_safe
@api_login_required
def matter_list(request: HttpRequest) -> JsonResponse:
    matters = filtered_matters_for(request.user)[:500]
    return JsonResponse({"matters": [_summary(m, list_reach(request.user, m)) for m in matters]})


@never_cache
@require_safe
@api_login_required
def matter_detail(request: HttpRequest, pk: int) -> JsonResponse:
    try:
        view = matter_for(request.user, pk, purpose="API")
    except Http404:
        return JsonResponse({"message": "Ärendet finns inte.", "extra": {}}, status=404)
    matter = view.matter
    document = _summary(matter, view.reach)
    if view.full:
        document["description"] = matter.summary
        document["decisions"] = [
            {"text": d.text, "decided_on": _date(d.decided_on), "authority": d.owner_authority}
            for d in matter.decisions.all()
        ]
        if matter.person is not None:
            document["person"] = {"id": matter.person.pk, "name": matter.person.name,
                                  "birth_year": matter.person.birth_year}
    document["disclosures"] = [_disclosure(d) for d in disclosures_visible(request.user, view)]
    return JsonResponse(document)
