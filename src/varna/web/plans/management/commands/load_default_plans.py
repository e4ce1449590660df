"""``manage.py load_default_plans``: add the guideline's 2016 plans that are not loaded yet."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from varna.web.accounts.services import units_sync
from varna.web.core.municipality import current_municipality
from varna.web.plans.defaults import DefaultsError
from varna.web.plans.services import DefaultsProblem, plans_load_default


class Command(BaseCommand):
    help = "Load the bundled default plans (the Malmö guideline's planned work for 2016); safe to run again."

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(load_default())


def load_default() -> str:
    """Sync the units from the organisation file, then add what is missing; the report as one line."""
    municipality = current_municipality()
    units_sync(municipality=municipality)
    try:
        report = plans_load_default(municipality=municipality)
    except (DefaultsError, DefaultsProblem) as error:
        raise CommandError(str(error)) from error
    return str(report)
