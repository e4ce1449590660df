"""Plain Swedish for decisions: labels for the vocabulary and the explanation itself.

The explanation is written for the staff member, not for a lawyer: what the
situation is, which boundary the information would cross, what protects it,
what lifts the protection (or why nothing does), and what to do instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from varna.law.model import (
    Actor,
    Fact,
    Information,
    Outcome,
    Participation,
    Question,
    Setting,
)
from varna.law.organisation import Relation, Relationship
from varna.law.rulebase import Provision

STRENGTH_SV = {"absolute": "absolut sekretess", "strong": "stark sekretess", "weak": "svag sekretess"}


class Labels:
    def __init__(self, vocabulary: dict[str, Any]) -> None:
        self._v = vocabulary
        # Looked up for every trace step, so resolved once here.
        self._actor = {a: self._get("actors", a.value) for a in Actor}
        self._setting = {s: self._get("settings", s.value) for s in Setting}
        self._information = {i: self._get("information", i.value) for i in Information}
        self._fact = {f: self._get("facts", f.value).rstrip(".").lower() for f in Fact}

    def _get(self, group: str, key: str, lang: str = "sv") -> str:
        entry = self._v.get(group, {}).get(key)
        return str(entry.get(lang, key)) if isinstance(entry, dict) else key

    def label(self, group: str, key: str, lang: str = "sv") -> str:
        """A label from the vocabulary in Swedish or English (for the web layer)."""
        return self._get(group, key, lang)

    def actor(self, actor: Actor) -> str:
        return self._actor[actor]

    def actors(self, actors: Iterable[Actor]) -> str:
        names = [self._actor[a] for a in sorted(actors)]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " eller " + names[-1]

    def setting(self, setting: Setting) -> str:
        return self._setting[setting]

    def information(self, information: Information) -> str:
        return self._information[information]

    def fact(self, fact: Fact) -> str:
        return self._fact[fact]

    def explain(
        self,
        *,
        question: Question,
        relationship: Relationship,
        applying: list[Provision],
        outcome: Outcome,
        deciding: Provision | None,
        ways: list[Provision],
        tried: list[tuple[Provision, bool]],
        participation: Participation | None,
    ) -> str:
        q = question
        parts: list[str] = [
            f"Frågan gäller om {self.actor(q.discloser.actor)} får lämna en uppgift om "
            f"{self.information(q.information)} till {self.actor(q.recipient.actor)} "
            f"{self.setting(q.setting)}.",
            relationship.reason_sv,
        ]
        if relationship.relation is Relation.SAME_BRANCH:
            parts.append("Därför hindrar sekretessen inte att uppgiften används här.")
        elif not applying:
            parts.append(
                f"Hos {self.actor(q.discloser.actor)} skyddas uppgifter om "
                f"{self.information(q.information)} inte av någon sekretessbestämmelse i det här "
                "fallet, så uppgiften får lämnas."
            )
            if deciding is not None:
                parts.append(deciding.applies_sv)
            if q.discloser.actor in (Actor.LEISURE, Actor.SAFETY_UNIT):
                parts.append(
                    "Här gäller bara minimiskyddet i 21 kap. OSL – för uppgifter om hälsa och "
                    "sexualliv, kontaktuppgifter för hotade och utlänningar i fara – och detta är "
                    "inte en sådan uppgift."
                )
        else:
            governing = applying[0]
            parts.append(
                f"Uppgiften skyddas av {governing.title_sv.lower()} ({governing.citation}), "
                f"{STRENGTH_SV.get(governing.strength or '', 'sekretess')}."
            )
            if deciding is not None:
                parts.append(deciding.applies_sv)
            else:
                parts.append("Ingen sekretessbrytande bestämmelse ger stöd för att lämna uppgiften här.")
                if ways:
                    parts.append("Möjliga vägar framåt: " + " ".join(_way(p) for p in ways))
            crime_only = [p for p, applied in tried if p.scope == "committed_crime_only"
                          and not applied and p.breaks_secrecy(governing.id)
                          and q.recipient.actor in (p.when.recipient or ())]
            if crime_only and outcome is not Outcome.ALLOWED:
                names = " och ".join(p.citation or p.id for p in crime_only)
                parts.append(
                    f"Bestämmelserna om misstanke om brott ({names}) gäller bara brott som redan "
                    "har begåtts, inte brott i vardande, och hjälper därför inte i förebyggande syfte."
                )
        if participation is Participation.LISTEN_ONLY:
            parts.append(
                "I samverkansgruppen får du lyssna, men du får inte delta i diskussionen om "
                "personen eller bekräfta, komplettera eller kommentera det som sägs."
            )
        elif participation is Participation.PARTICIPATE:
            parts.append("I samverkansgruppen får du delta i diskussionen inom de ramar som anges ovan.")
        return " ".join(parts)


def _way(p: Provision) -> str:
    if p.id == "osl-10-1":
        return "Med personens samtycke – helst skriftligt – får uppgiften lämnas (OSL 10:1)."
    if p.id == "principle-deidentified":
        return "Fallet kan diskuteras helt avidentifierat, om ingen kan känna igen personen."
    if p.settings == frozenset({Setting.DIRECT}):
        return (f"{p.title_sv} ({p.label}) kan ge stöd om villkoren är uppfyllda – men bara "
                "direkt till mottagaren i enrum.")
    return f"{p.title_sv} ({p.label}) kan ge stöd om villkoren är uppfyllda."
