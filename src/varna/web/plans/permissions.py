"""Who may read and who may change plans.

Plans hold no individual data: they name units, partners and activities, never a
person. So:

* **read** – every logged-in user who belongs to a unit (all plans, all authorities);
  a user without a unit has no place in the workspace yet and is refused;
* **change** a plan, its areas, activities, indicators and status updates – users
  whose unit belongs to the same *authority* as the plan's owner unit, and conveners
  and administrators of the coordination team, whatever their authority;
* **create** a plan – every user with a unit, for a unit of their own authority;
  conveners and administrators for any unit.

Linking a meeting action to an activity needs the right to change the activity and
the right to see the action (``varna.web.meetings.selectors.actions_for``).
"""

from __future__ import annotations

from typing import Any

from varna.web.accounts.models import Unit
from varna.web.plans.models import Plan


def can_read(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "unit_id", None))


def is_coordinator(user: Any) -> bool:
    """Conveners and administrators change every plan."""
    return bool(user.is_convener or user.is_administrator)


def can_edit(user: Any, plan: Plan) -> bool:
    if not can_read(user):
        return False
    return is_coordinator(user) or user.authority == plan.owner_unit.authority


def owner_units_for(user: Any) -> list[Unit]:
    """The units a user may name as a plan's owner."""
    if not can_read(user):
        return []
    units = Unit.objects.filter(active=True)
    if not is_coordinator(user):
        units = units.filter(authority=user.authority)
    return list(units.order_by("authority_name", "name"))
