"""Recording a disclosure: ask ``varna.law``, refuse what secrecy forbids, keep the whole answer.

The decision is never taken from the browser. :func:`disclosure_assess` puts the
question to the organisation-aware engine with the consent the register holds at
this moment; :func:`disclosure_record` asks again when the user confirms, so a
consent withdrawn in between, or a changed answer, is seen before anything is
saved. A decision that rests on the general clause (OSL 10:27) needs the written
balancing of interests.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from varna.guide.lawbridge import engine_for
from varna.law import (
    Consent,
    Decision,
    Fact,
    Information,
    Outcome,
    Party,
    Question,
    Setting,
    question_to_dict,
)
from varna.law.relevance import fact_sources
from varna.law.rulebase import Provision
from varna.web.accounts.models import Unit
from varna.web.audit.models import Action
from varna.web.audit.services import audit_record
from varna.web.consent.models import ConsentRecord, Form
from varna.web.consent.selectors import consent_in_force
from varna.web.core.municipality import current_municipality
from varna.web.disclosures.models import GENERAL_CLAUSE, Disclosure
from varna.web.matters.access import holds
from varna.web.matters.models import Matter, Status


class DisclosureError(Exception):
    """The disclosure cannot be recorded; ``assessment`` is the answer it was refused on, if any."""

    def __init__(self, message: str, assessment: Assessment | None = None) -> None:
        super().__init__(message)
        self.assessment = assessment


class NotAllowedError(DisclosureError):
    """Secrecy prevents the disclosure."""


class BalancingRequiredError(DisclosureError):
    """The answer rests on the general clause and no balancing of interests was written."""


class AssessmentChangedError(DisclosureError):
    """The answer differs from the one the user saw (a changed field, a withdrawn consent)."""


@dataclass(frozen=True, slots=True)
class Assessment:
    question: Question
    decision: Decision
    consent: ConsentRecord | None
    fact_sources: dict[Fact, tuple[Provision, ...]]

    @property
    def fingerprint(self) -> str:
        """What the user saw: the question, the answer and the consent it relied on."""
        document = {
            "question": question_to_dict(self.question),
            "outcome": self.decision.outcome.value,
            "provisions": list(self.decision.provisions),
            "consent": self.consent.pk if self.consent else None,
            "rulebase": self.decision.rulebase,
        }
        return hashlib.sha256(json.dumps(document, sort_keys=True, default=str).encode()).hexdigest()

    @property
    def on_general_clause(self) -> bool:
        return GENERAL_CLAUSE in self.decision.provisions

    @property
    def allowed(self) -> bool:
        return self.decision.outcome is not Outcome.NOT_ALLOWED

    @property
    def oral_consent(self) -> bool:
        return self.consent is not None and self.consent.form == Form.ORAL


def _check(user: Any, matter: Matter, to_unit: Unit) -> None:
    if user.unit is None or not holds(user, matter):
        # The information is held by the branch of the authority that opened the matter
        # (OSL 8:2); only that branch's staff may decide to pass it on.
        raise DisclosureError("only the branch that holds the matter discloses from it")
    if not matter.is_individual or matter.person is None:
        raise DisclosureError("only an individual matter has information about a person to disclose")
    if matter.status != Status.OPEN:
        raise DisclosureError("the matter is closed")
    if to_unit.holder == matter.owner_unit.holder:
        raise DisclosureError("the recipient belongs to the same branch of the same authority")


def disclosure_assess(
    *,
    user: Any,
    matter: Matter,
    to_unit: Unit,
    information_kind: Information,
    setting: Setting,
    facts: Iterable[Fact],
    on: dt.date | None = None,
) -> Assessment:
    """Put the question to the secrecy engine, with the consent the register holds now."""
    _check(user, matter, to_unit)
    person = matter.person
    if person is None:  # checked by _check; kept for the type checker
        raise DisclosureError("no person")
    day = on or timezone.localdate()
    engine = engine_for(current_municipality())
    discloser: Party = user.unit.party
    recipient: Party = to_unit.party
    sources = fact_sources(discloser=discloser, recipient=recipient, setting=setting,
                           information=information_kind, on_date=day, engine=engine)
    consent = consent_in_force(person=person, recipient_authority=to_unit.authority,
                               information_kind=information_kind.value, on=day)
    question = Question(
        on_date=day,
        discloser=discloser,
        recipient=recipient,
        setting=setting,
        information=information_kind,
        identifiable=True,
        known_to_all_present=False,
        subject_age=person.age_on(day),
        consent=Consent.NONE if consent is None else Consent(consent.form),
        facts=frozenset(f for f in facts if f in sources),
    )
    return Assessment(question, engine.assess(question), consent, sources)


@transaction.atomic
def disclosure_record(
    *,
    user: Any,
    matter: Matter,
    to_unit: Unit,
    information_kind: Information,
    content: str,
    setting: Setting,
    facts: Iterable[Fact],
    balancing: str = "",
    expected: str | None = None,
) -> Disclosure:
    """Assess again and save the disclosure with its whole answer, or raise why not."""
    assessment = disclosure_assess(user=user, matter=matter, to_unit=to_unit,
                                   information_kind=information_kind, setting=setting, facts=facts)
    if expected is not None and expected != assessment.fingerprint:
        raise AssessmentChangedError("the answer changed since it was shown", assessment)
    if not assessment.allowed:
        raise NotAllowedError("secrecy prevents the disclosure", assessment)
    if assessment.on_general_clause and not balancing.strip():
        raise BalancingRequiredError("the general clause needs a written balancing of interests", assessment)
    decision = assessment.decision
    disclosure = Disclosure(
        matter=matter, from_unit=user.unit, from_authority=matter.owner_authority, to_unit=to_unit,
        to_authority=to_unit.authority, information_kind=information_kind.value, content=content.strip(),
        setting=setting.value, facts=sorted(f.value for f in assessment.question.facts),
        consent=assessment.consent, question=question_to_dict(assessment.question),
        decision=decision.as_dict(), outcome=decision.outcome.value, provisions=list(decision.provisions),
        rulebase_version=decision.rulebase, balancing=balancing.strip(), decided_by=user,
        decided_at=timezone.now(),
    )
    disclosure.full_clean()
    disclosure.save()
    audit_record(
        user=user, action=Action.DISCLOSE, obj=disclosure, authority=matter.owner_authority,
        summary=f"Lämnade ut uppgifter ur individärende {matter.pk} till {to_unit.authority}",
        detail={"matter": matter.pk, "to_unit": to_unit.code, "to_authority": to_unit.authority,
                "outcome": decision.outcome.value, "provisions": list(decision.provisions),
                "consent": assessment.consent.pk if assessment.consent else None,
                "rulebase": decision.rulebase},
    )
    return disclosure
