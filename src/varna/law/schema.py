"""The rule base's data format: which fields each kind of entry has, and their values.

Kept apart from the loader so that `varna rules check` and the loader agree on one
definition, and so that a reader sees the whole format in one place.
"""

from __future__ import annotations

import re

from varna.law.model import Actor, Consent, Fact, Information, Outcome, Setting

ENTRY_KINDS = (
    "secrecy",       # a main rule: secrecy protecting information held by an actor
    "breaking",      # an exception: a secrecy-breaking provision or duty to disclose
    "principle",     # an exception grounded in the guideline rather than one paragraph
    "duty",          # a duty to disclose that a breaking rule relies on (SoL 14:1)
    "meeting",       # what a cooperation group changes
    "guidance",      # a JO decision the appendix relies on
    "consequence",   # what happens if secrecy is broken (BrB 20:3)
    "organisation",  # OSL 8:1, 8:2
    "context",       # law that frames the work without being a secrecy rule
    "pending",       # unverified or proposed law: warnings only
)
STATUSES = ("verified", "paragraph_unverified", "unverified", "proposal")
STRENGTHS = ("absolute", "strong", "weak")
HARM_TESTS = ("reverse", "straight", "named_risk", "none")
SCOPES = ("committed_crime_only",)

COMMON_FIELDS = frozenset(
    {"id", "citation", "title_sv", "kind", "in_force", "version", "status", "source",
     "summary_sv", "cite_with", "replaces"}
)
KIND_FIELDS: dict[str, frozenset[str]] = {
    "secrecy": frozenset({"strength", "harm_test", "holders", "information",
                          "open_towards_same_authority"}),
    "breaking": frozenset({"order", "outcome", "breaks", "breaks_except", "settings", "when",
                           "requires_duty", "scope", "applies_sv", "not_applicable_sv",
                           "warnings_sv"}),
    "meeting": frozenset({"secrecy", "lifted_only_by"}),
    "pending": frozenset({"touches"}),
}
KIND_FIELDS["principle"] = KIND_FIELDS["breaking"]
REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "secrecy": ("strength", "harm_test", "holders", "information"),
    "breaking": ("order", "settings", "when"),
    "meeting": ("secrecy", "lifted_only_by"),
    "pending": ("touches",),
}
REQUIRED_FIELDS["principle"] = REQUIRED_FIELDS["breaking"]
CITATION_REQUIRED = frozenset(
    {"secrecy", "breaking", "duty", "guidance", "consequence", "organisation", "context"}
)
SOURCE_FIELDS = frozenset({"statute", "preparatory", "guideline", "decision"})
IN_FORCE_FIELDS = frozenset({"from", "to"})
WHEN_FIELDS = frozenset(
    {"discloser", "recipient", "age_below", "age_unknown", "facts_all", "facts_any",
     "facts_none", "consent_in", "identifiable", "known_to_all_present"}
)
TOUCHES_FIELDS = frozenset({"discloser", "recipient"})
VERSION_FIELDS = frozenset({"id", "answers_from", "reviewed_on", "reviewed_by", "summary_sv"})

ACTORS = tuple(a.value for a in Actor)
INFORMATION = tuple(i.value for i in Information)
FACTS = tuple(f.value for f in Fact)
SETTINGS = tuple(s.value for s in Setting)
CONSENTS = tuple(c.value for c in Consent)
OUTCOMES = tuple(o.value for o in Outcome if o is not Outcome.NOT_ALLOWED)

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CITATION_PATTERN = re.compile(
    r"^(?:"
    r"(?:OSL|SoL|BrB|SkolL|LVU) \d{1,2}:\d{1,3}[a-z]?(?: st\. \d)?"  # OSL 23:2 st. 2, OSL 10:18a
    r"|JO \d{4}/\d{2} s\. \d+"                                      # JO 1990/91 s. 369
    r"|(?:SoL|OSL|Lag) \(\d{4}:\d+\)"                               # SoL (2025:400), paragraph unverified
    r")$"
)
