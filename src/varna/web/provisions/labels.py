"""Names and plain-language explanations of the rule base's codes, in both languages.

The rule base stores codes (``paragraph_unverified``, ``breaking``); a person reading
a provision page needs to know what they mean for them, not what the code is.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

GROUP_TITLES: dict[str, Promise] = {
    "secrecy": _("Secrecy provisions"),
    "exceptions": _("Exceptions that break secrecy"),
    "duties": _("Duties to disclose"),
    "meeting": _("The meeting rule"),
    "guidance": _("Decisions of the Parliamentary Ombudsmen"),
    "consequence": _("If secrecy is broken"),
    "organisation": _("Secrecy between authorities and branches"),
    "context": _("Law that frames the work"),
    "pending": _("Changes not yet verified, and proposals"),
}

GROUP_DESCRIPTIONS: dict[str, Promise] = {
    "secrecy": _("The main rules: secrecy that protects information where it is held."),
    "exceptions": _(
        "Provisions and principles that can lift the secrecy, tried in this order: each only "
        "in the settings and on the conditions it names."
    ),
    "duties": _("Duties that make it obligatory to disclose."),
    "meeting": _("What a cooperation group with several authorities changes."),
    "guidance": _("Statements by the Parliamentary Ombudsmen that the guideline relies on."),
    "consequence": _("What happens to someone who discloses what they must not."),
    "organisation": _("Where the secrecy boundaries run: between authorities, and between branches."),
    "context": _("Law that frames the work without being a secrecy rule."),
    "pending": _(
        "Law that may affect the answer but whose content or paragraph has not been verified, and "
        "proposals that are not law. They never decide an answer; they only give warnings."
    ),
}

KIND_LABELS: dict[str, Promise] = {
    "secrecy": _("secrecy provision"),
    "breaking": _("secrecy-breaking provision"),
    "principle": _("principle of the guideline"),
    "duty": _("duty to disclose"),
    "meeting": _("meeting rule"),
    "guidance": _("decision of the Parliamentary Ombudsmen"),
    "consequence": _("consequence"),
    "organisation": _("secrecy boundary"),
    "context": _("framing law"),
    "pending": _("not verified or proposed"),
}

STATUS_LABELS: dict[str, Promise] = {
    "verified": _("Verified"),
    "paragraph_unverified": _("Paragraph not verified"),
    "unverified": _("Not verified"),
    "proposal": _("Proposal"),
}

STATUS_EXPLANATIONS: dict[str, Promise] = {
    "verified": _("The provision and its content have been checked against the statute."),
    "paragraph_unverified": _(
        "The change is in force, but in which paragraph it now stands has not been verified. Värna "
        "does not base any answer on it; it only warns that it may matter. Check with the legal unit "
        "before you refer to a paragraph."
    ),
    "unverified": _(
        "What the law says here has not been verified. Värna does not base any answer on it; it only "
        "warns that it may matter. Check with the legal unit."
    ),
    "proposal": _(
        "This is a proposal – for example in a government bill or an inquiry – and not law. Värna does "
        "not base any answer on it; it only warns that the law may change."
    ),
}

SOURCE_LABELS: dict[str, Promise] = {
    "statute": _("Statute"),
    "preparatory": _("Preparatory works"),
    "guideline": _("Malmö's guideline (2015)"),
    "decision": _("Decision"),
}
SOURCE_ORDER = ("statute", "preparatory", "decision", "guideline")

STRENGTH_LABELS: dict[str, Promise] = {
    "absolute": _("absolute secrecy"),
    "strong": _("strong secrecy"),
    "weak": _("weak secrecy"),
}

HARM_TEST_LABELS: dict[str, Promise] = {
    "reverse": _("reverse harm test: secrecy applies unless it is clear that nobody will suffer harm"),
    "straight": _("straight harm test: secrecy applies only if harm can be assumed"),
    "named_risk": _("the kind of information itself names the risk the provision guards against"),
    "none": _("no harm test: the secrecy is absolute"),
}

OUTCOME_LABELS: dict[str, Promise] = {
    "allowed": _("allowed"),
    "allowed_after_assessment": _("allowed after a case-by-case assessment"),
    "not_allowed": _("not allowed"),
    "obliged": _("obliged to disclose"),
}
