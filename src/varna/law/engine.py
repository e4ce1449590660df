"""``assess(question) -> decision``: may this actor disclose this, to this recipient, here?

The engine follows the shape of the law itself. First the *main rule*: does a
secrecy provision protect the information where it is held, given the boundary it
would cross? Then the *exceptions*, each a separate data entry tried in order
(de-identification, knowledge shared by all, consent, the duty to report, the
police-specific breaks, necessity, the general clause). Then the *meeting rule*:
in a cooperation group, social services and medical student health may only
listen unless consent, real anonymity or shared knowledge lifts their secrecy.
Every step lands in the trace, so a person can check the reasoning line by line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from varna.law.meeting import MeetingVerdict, meeting_verdict, participation_for
from varna.law.model import (
    Actor,
    Consent,
    Decision,
    Fact,
    Outcome,
    Question,
    Setting,
    TraceStep,
)
from varna.law.organisation import Organisation, Relation, Relationship
from varna.law.question import QuestionError
from varna.law.rulebase import Provision, RuleBase, RuleSet, default_rulebase
from varna.law.text import Labels

OUTCOME_RANK = {
    Outcome.OBLIGED: 3,
    Outcome.ALLOWED: 2,
    Outcome.ALLOWED_AFTER_ASSESSMENT: 1,
    Outcome.NOT_ALLOWED: 0,
}
STRENGTH_RANK = {"absolute": 3, "strong": 2, "weak": 1}
HARM_FACTS = frozenset({Fact.NO_HARM_EVIDENT, Fact.HARM_EXPECTED})


@dataclass(slots=True)
class Tried:
    """The result of trying one exception."""

    provision: Provision
    applied: bool
    reasons: list[str]
    # The exception fits this discloser, recipient and secrecy; it failed only on
    # facts, age, setting or the meeting rule. Such a rule is a way forward.
    fits_parties: bool = False
    blocked_by_meeting: bool = False
    step: TraceStep | None = None


@dataclass(frozen=True, slots=True)
class _Static:
    """An exception pre-tried against the parties, setting and secrecy; ``closed`` means it
    cannot apply whatever the person's age, facts or consent."""

    provision: Provision
    closed: bool
    head: tuple[str, ...] = ()
    tail: tuple[str, ...] = ()
    blocked_by_meeting: bool = False
    step: TraceStep | None = None  # the finished trace step when ``closed``
    tried: Tried | None = None  # the finished (never mutated) result when ``closed``


@dataclass(frozen=True, slots=True)
class _Plan:
    secrecy_steps: tuple[TraceStep, ...]
    applying: tuple[Provision, ...]
    candidates: tuple[Provision, ...]
    statics: tuple[_Static, ...]
    meeting: MeetingVerdict | None
    touching: tuple[Provision, ...]  # pending changes that concern these parties
    # Explanations are a pure function of the plan and what decided; remembered per plan.
    explanations: dict[tuple[object, ...], str] = field(default_factory=dict)


@dataclass(slots=True)
class _Work:
    """Everything gathered while assessing one question."""

    question: Question
    rules: RuleSet
    labels: Labels
    relationship: Relationship
    plan: _Plan | None = None
    trace: list[TraceStep] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    cited: list[str] = field(default_factory=list)

    def cite(self, *provisions: Provision | None) -> None:
        for p in provisions:
            if p is not None and p.citation and p.citation not in self.cited:
                self.cited.append(p.citation)

    def cite_ids(self, ids: tuple[str, ...]) -> None:
        self.cite(*(self.rules.by_id.get(i) for i in ids))

    def warn(self, text: str) -> None:
        if text not in self.warnings:
            self.warnings.append(text)


class Engine:
    """An engine bound to one rule base (the bundled one unless told otherwise)."""

    def __init__(self, rulebase: RuleBase) -> None:
        self.rulebase = rulebase
        self.labels = Labels(rulebase.vocabulary)
        self.organisation = Organisation(
            rulebase.organisation,
            {k: v["sv"] for k, v in rulebase.vocabulary.get("actors", {}).items()},
        )
        self._plans: dict[tuple[object, ...], _Plan] = {}

    # -- the main rule ---------------------------------------------------------------
    def _harm_test(
        self, p: Provision, relation: Relation, discloser: Actor, recipient: Actor,
        harm_facts: frozenset[Fact],
    ) -> tuple[bool, str]:
        labels = self.labels
        holder = labels.actor(discloser)
        if relation is Relation.OTHER_BRANCH and recipient in p.open_towards_same_authority:
            return False, (
                f"{p.title_sv} gäller inte mot {labels.actor(recipient)} inom samma skolmyndighet."
            )
        if p.harm_test == "reverse":
            if Fact.NO_HARM_EVIDENT in harm_facts:
                return False, (
                    f"Stark sekretess ({p.citation}) hos {holder}, men du har angett att det står "
                    "klart att ingen kan lida men. Då gäller inte sekretessen."
                )
            return True, (
                f"Stark sekretess ({p.citation}) hos {holder}: uppgiften får bara röjas om det står "
                "klart att ingen lider men, och det har inte angetts."
            )
        if p.harm_test == "straight":
            if Fact.HARM_EXPECTED in harm_facts:
                return True, (
                    f"Svag sekretess ({p.citation}) hos {holder}, och du har angett att personen "
                    "eller en närstående kan antas lida men. Då gäller sekretessen."
                )
            return False, (
                f"Svag sekretess ({p.citation}) hos {holder} gäller bara om det kan antas att "
                "någon lider men, och det har inte angetts."
            )
        if p.harm_test == "named_risk":
            return True, (
                f"{p.title_sv} ({p.citation}): uppgiften är av just det slag bestämmelsen skyddar."
            )
        return True, f"Absolut sekretess ({p.citation}): ingen skadeprövning görs."

    def _plan(self, rules: RuleSet, relation: Relation, q: Question) -> _Plan:
        """Everything that depends only on the rules, the parties, the kind of information,
        the setting and the harm facts – computed once per combination, not per question."""
        harm_facts = q.facts & HARM_FACTS
        key = (id(rules), relation, q.discloser.actor, q.recipient.actor, q.information,
               q.setting, harm_facts)
        plan = self._plans.get(key)
        if plan is not None:
            return plan
        actor, info = q.discloser.actor, q.information
        steps: list[TraceStep] = []
        applying: list[Provision] = []
        candidates: list[Provision] = []
        for p in rules.secrecy:
            if p.holders is not None and actor not in p.holders:
                continue
            candidates.append(p)
            if p.information is not None and info not in p.information:
                # Cited as considered, so the trace must say why it does not reach this case.
                covered = " och ".join(self.labels.information(i) for i in sorted(p.information))
                steps.append(TraceStep(p.id, p.citation, False, (
                    f"{p.title_sv} ({p.citation}) omfattar bara {covered} – inte uppgifter om "
                    f"{self.labels.information(info)}.")))
                continue
            applies, reason = self._harm_test(p, relation, actor, q.recipient.actor, harm_facts)
            steps.append(TraceStep(p.id, p.citation, applies, reason))
            if applies:
                applying.append(p)
        applying.sort(key=lambda p: STRENGTH_RANK.get(p.strength or "", 0), reverse=True)
        exceptions = rules.exceptions if applying else tuple(
            p for p in rules.exceptions if p.outcome is Outcome.OBLIGED)
        statics = tuple(self._static(rules, q, p, applying) for p in exceptions)
        plan = _Plan(tuple(steps), tuple(applying), tuple(candidates), statics,
                     meeting_verdict(rules, q.setting, applying, None),
                     tuple(p for p in rules.pending if _touches(p, q)))
        if len(self._plans) < 100_000:
            self._plans[key] = plan
        return plan

    # -- the exceptions --------------------------------------------------------------
    def _static(self, rules: RuleSet, q: Question, p: Provision, applying: list[Provision]) -> _Static:
        """The part of trying an exception that does not depend on the person."""
        labels, c = self.labels, p.when
        unbroken = [s for s in applying if not p.breaks_secrecy(s.id)]
        if unbroken:
            names = ", ".join(s.label for s in unbroken)
            return _closed(p, (f"Bestämmelsen bryter inte {names}.",))
        reasons: list[str] = []
        if c.discloser is not None and q.discloser.actor not in c.discloser:
            reasons.append(f"Gäller bara uppgifter från {labels.actors(c.discloser)}.")
        if c.recipient is not None and q.recipient.actor not in c.recipient:
            reasons.append(f"Gäller bara när mottagaren är {labels.actors(c.recipient)}.")
        if c.recipient_must_be_authority and not q.recipient.actor.is_authority:
            reasons.append("Gäller bara när mottagaren är en myndighet, inte en enskild.")
        if p.scope == "committed_crime_only":
            return _closed(p, (*reasons, p.not_applicable_sv))
        if reasons:
            return _closed(p, tuple(reasons))
        head: tuple[str, ...] = ()
        if p.requires_duty and not any(d.id in p.requires_duty for d in rules.duties):
            head = ("Ingen sådan uppgiftsskyldighet är i kraft den dagen.",)
        tail: list[str] = []
        if q.setting not in p.settings:
            tail.append(
                f"Gäller bara {labels.setting(Setting.DIRECT)}, aldrig {labels.setting(q.setting)}."
            )
        verdict = meeting_verdict(rules, q.setting, applying, p)
        blocked = verdict is not None and verdict.blocks
        if verdict is not None and blocked:
            tail.append(verdict.reason_sv)
        return _Static(p, closed=False, head=head, tail=tuple(tail), blocked_by_meeting=blocked)

    def _try(self, q: Question, st: _Static) -> Tried:
        """Finish trying an exception with what is particular to this person."""
        p = st.provision
        if st.tried is not None:
            return st.tried
        labels, c = self.labels, p.when
        reasons = list(st.head)
        if c.age_below is not None:
            if q.subject_age is None:
                if not c.age_unknown_met:
                    reasons.append(
                        f"Personens ålder är inte angiven; bestämmelsen gäller bara den som är "
                        f"under {c.age_below} år."
                    )
            elif q.subject_age >= c.age_below:
                reasons.append(
                    f"Gäller bara den som är under {c.age_below} år; personen är {q.subject_age} år."
                )
        if c.facts_all:
            missing = [f for f in sorted(c.facts_all) if f not in q.facts]
            if missing:
                reasons.append("Förutsätter att: " + "; ".join(labels.fact(f) for f in missing) + ".")
        if c.facts_any and not (c.facts_any & q.facts):
            reasons.append(
                "Förutsätter något av: " + "; ".join(labels.fact(f) for f in sorted(c.facts_any)) + "."
            )
        if c.facts_none:
            present = [f for f in sorted(c.facts_none) if f in q.facts]
            if present:
                reasons.append("Gäller inte när: " + "; ".join(labels.fact(f) for f in present) + ".")
        if c.consent_in is not None and q.consent not in c.consent_in:
            reasons.append("Personen har inte samtyckt.")
        if c.identifiable is not None and q.identifiable != c.identifiable:
            reasons.append("Uppgiften gäller en person som kan kännas igen.")
        if c.known_to_all_present is not None and q.known_to_all_present != c.known_to_all_present:
            reasons.append("Det är inte angett att alla närvarande redan känner till uppgiften.")
        reasons.extend(st.tail)
        return Tried(p, not reasons, reasons, True, st.blocked_by_meeting)

    # -- the whole assessment --------------------------------------------------------
    def assess(self, question: Question) -> Decision:
        rb = self.rulebase
        if question.on_date < rb.earliest:
            raise QuestionError(
                "on_date",
                f"{question.on_date} is before the rule base begins ({rb.earliest}, when the "
                "Public Access to Information and Secrecy Act came into force)",
            )
        rules = rb.rules_for(question.on_date)
        relationship = self.organisation.relate(question.discloser, question.recipient)
        w = _Work(question, rules, self.labels, relationship)
        for note in relationship.notes_sv:
            w.warn(note)
        self._relation_step(w)

        if relationship.relation is Relation.SAME_BRANCH:
            return self._finish(w, Outcome.ALLOWED, [], [], [], None)

        plan = w.plan = self._plan(rules, relationship.relation, question)
        w.trace.extend(plan.secrecy_steps)
        applying, candidates = list(plan.applying), list(plan.candidates)
        tried = [self._try(question, st) for st in plan.statics]
        if not applying:
            w.trace.append(TraceStep(
                "no-secrecy", None, False,
                f"Ingen sekretessbestämmelse skyddar uppgifter om "
                f"{self.labels.information(question.information)} hos "
                f"{self.labels.actor(question.discloser.actor)} i det här fallet.",
            ))
            # No secrecy to lift, but a duty to disclose still binds: the plan holds the duties alone.
            self._trace_tried(w, tried)
            duty = next((t for t in tried if t.applied), None)
            if duty is not None:
                return self._finish(w, Outcome.OBLIGED, [], candidates, tried, duty)
            return self._finish(w, Outcome.ALLOWED, [], candidates, tried, None)

        self._trace_tried(w, tried)
        applied = [t for t in tried if t.applied]
        outcome = Outcome.NOT_ALLOWED
        deciding: Tried | None = None
        for t in applied:
            candidate = t.provision.outcome or Outcome.NOT_ALLOWED
            if deciding is None or OUTCOME_RANK[candidate] > OUTCOME_RANK[outcome]:
                deciding, outcome = t, candidate
        return self._finish(w, outcome, applying, candidates, tried, deciding)

    @staticmethod
    def _trace_tried(w: _Work, tried: list[Tried]) -> None:
        for t in tried:
            if t.step is not None:
                w.trace.append(t.step)
                continue
            reason = t.provision.applies_sv if t.applied else " ".join(t.reasons)
            w.trace.append(TraceStep(t.provision.id, t.provision.citation, t.applied, reason))

    @staticmethod
    def _relation_step(w: _Work) -> None:
        w.trace.append(w.relationship.step)

    def _finish(
        self,
        w: _Work,
        outcome: Outcome,
        applying: list[Provision],
        candidates: list[Provision],
        tried: list[Tried],
        deciding: Tried | None,
    ) -> Decision:
        q, rules = w.question, w.rules
        by_id = rules.by_id
        if w.relationship.relation is Relation.OTHER_BRANCH:
            w.cite(by_id.get("osl-8-2"))
        # Provisions: the secrecy first, then what lifted or did not lift it.
        if applying:
            w.cite(*applying)
        elif w.relationship.relation is not Relation.SAME_BRANCH:
            w.cite(*candidates)
        if deciding is not None:
            w.cite(deciding.provision)
            w.cite_ids(deciding.provision.cite_with)
            if deciding.provision.requires_duty:
                w.cite(*(d for d in rules.duties if d.id in deciding.provision.requires_duty))
        for t in tried:
            if t.applied and t is not deciding:
                w.cite(t.provision)
                w.cite_ids(t.provision.cite_with)
        # Ways forward matter only when nothing opened the way.
        ways = [t for t in tried if _is_way_forward(t, q)] if outcome is Outcome.NOT_ALLOWED else []
        for t in ways:
            w.cite(t.provision)
        verdict = w.plan.meeting if w.plan is not None else None
        participation = participation_for(q, outcome)
        if verdict is not None and q.identifiable and verdict.listen_only_holder:
            w.cite_ids(verdict.rule.cite_with)
            w.trace.append(TraceStep(verdict.rule.id, None, outcome is Outcome.NOT_ALLOWED,
                                     verdict.rule.summary_sv))
        if outcome is Outcome.NOT_ALLOWED or (deciding and deciding.provision.id == "principle-deidentified"):
            w.cite(by_id.get("brb-20-3"))
        self._warnings(w, outcome, deciding, tried)
        deciding_provision = deciding.provision if deciding else None
        memo = w.plan.explanations if w.plan is not None else None
        key = (outcome, deciding_provision and deciding_provision.id, w.relationship.reason_sv,
               tuple(t.applied for t in tried), tuple(t.provision.id for t in ways), participation)
        explanation = memo.get(key) if memo is not None else None
        if explanation is None:
            explanation = self.labels.explain(
                question=q,
                relationship=w.relationship,
                applying=applying,
                outcome=outcome,
                deciding=deciding_provision,
                ways=[t.provision for t in ways],
                tried=[(t.provision, t.applied) for t in tried],
                participation=participation,
            )
            if memo is not None and len(memo) < 256:
                memo[key] = explanation
        return Decision(
            outcome=outcome,
            participation=participation,
            provisions=tuple(w.cited),
            explanation=explanation,
            trace=tuple(w.trace),
            warnings=tuple(w.warnings),
            rulebase=rules.version.id,
            on_date=q.on_date,
            rulebase_reviewed_on=rules.version.reviewed_on,
        )

    def _warnings(
        self, w: _Work, outcome: Outcome, deciding: Tried | None, tried: list[Tried]
    ) -> None:
        q, rules = w.question, w.rules
        if deciding is not None:
            for text in deciding.provision.warnings_sv:
                w.warn(text)
        if deciding is not None and deciding.provision.id == "osl-10-1":
            if q.consent is Consent.ORAL:
                w.warn("Samtycket är muntligt. Be om ett skriftligt samtycke, eller dokumentera "
                       "det muntliga samtycket noggrant: vem som gav det, när och vad det omfattar.")
            else:
                w.warn("Spara det skriftliga samtycket och kontrollera att det omfattar just den "
                       "här uppgiften och den här mottagaren.")
            if q.subject_age is None or q.subject_age < 18:
                w.warn("Gäller uppgiften ett barn under 18 år lämnas samtycket av vårdnadshavarna; "
                       "barnets egen inställning ska väga in i takt med ålder och mognad, och en "
                       "tonåring kan själv behöva samtycka.")
        if outcome is Outcome.NOT_ALLOWED:
            w.warn("Att ändå lämna uppgiften kan vara brott mot tystnadsplikt (BrB 20:3).")
        if q.setting is Setting.COOPERATION_GROUP and Fact.CHILD_MAY_BE_SUFFERING in q.facts:
            w.warn("Oro för att ett barn far illa anmäls direkt till den berörda socialnämnden. "
                   "Anmälningsskyldigheten ger aldrig stöd för att ta upp barnet i en "
                   "samverkansgrupp.")
        for t in tried:
            if t.applied and t.provision.id == "osl-10-28":
                for duty in rules.duties:
                    if duty.status != "verified":
                        w.warn(f"{duty.title_sv}: {duty.summary_sv}")
        if q.subject_age is None and any(
            t.fits_parties and t.provision.when.age_below is not None for t in tried
        ):
            w.warn("Personens ålder är inte angiven. Flera bestämmelser beror på åldern "
                   "(under 18 eller under 21 år); ange den om du vet den.")
        self._date_warnings(w)
        if q.ignored_fields:
            w.warn("Okända fält ignorerades: " + ", ".join(q.ignored_fields) + ".")

    def _date_warnings(self, w: _Work) -> None:
        q, rules = w.question, w.rules
        after_review = q.on_date > rules.latest_review
        touching = (list(w.plan.touching) if w.plan is not None
                    else [p for p in rules.pending if _touches(p, q)])
        in_force = [p for p in touching if p.in_force.start is not None and p.in_force.start <= q.on_date]
        if after_review:
            names = "; ".join(f"{p.title_sv} ({_pending_source(p)})" for p in touching)
            w.warn(
                f"Frågan gäller {q.on_date}, efter regelbasens senaste granskning "
                f"{rules.latest_review}. Lagen kan ha ändrats sedan dess – kontrollera med "
                "juridiska enheten."
                + (f" Ej bekräftade ändringar som rör frågan: {names}." if names else "")
            )
        else:
            for p in in_force:
                w.warn(f"{p.title_sv} ({_pending_source(p)}): {p.summary_sv} Kontrollera med "
                       "juridiska enheten.")


def _closed(p: Provision, reasons: tuple[str, ...]) -> _Static:
    step = TraceStep(p.id, p.citation, False, " ".join(reasons))
    return _Static(p, closed=True, head=reasons, step=step,
                   tried=Tried(p, False, list(reasons), step=step))


def _is_way_forward(t: Tried, q: Question) -> bool:
    """An exception worth pointing to when nothing applied: consent, anonymity, or a
    direct channel whose parties fit (the appendix's "direktkanal ... i enrum")."""
    if t.applied or not t.fits_parties:
        return False
    p = t.provision
    if p.id in ("osl-10-1", "principle-deidentified"):
        return True
    age_below = p.when.age_below
    if age_below is not None and q.subject_age is not None and q.subject_age >= age_below:
        return False  # the person is too old for it ever to help
    if p.settings == frozenset({Setting.DIRECT}) and p.outcome is not None:
        return True
    return bool(p.when.facts_all & q.facts)


def _touches(p: Provision, q: Question) -> bool:
    if p.touches_discloser is not None and q.discloser.actor not in p.touches_discloser:
        return False
    if p.touches_any_authority:
        return q.recipient.actor.is_authority
    return p.touches_recipient is None or q.recipient.actor in p.touches_recipient


def _pending_source(p: Provision) -> str:
    return p.source.get("preparatory") or p.source.get("statute") or p.id


_ENGINE: Engine | None = None


def default_engine() -> Engine:
    global _ENGINE  # one engine per process, built lazily
    if _ENGINE is None:
        _ENGINE = Engine(default_rulebase())
    return _ENGINE


def assess(question: Question, *, rulebase: RuleBase | None = None) -> Decision:
    """Answer one question with the bundled rule base (or the one given)."""
    engine = default_engine() if rulebase is None else Engine(rulebase)
    return engine.assess(question)


def today() -> dt.date:
    return dt.date.today()


__all__ = ["Engine", "MeetingVerdict", "assess", "default_engine"]
