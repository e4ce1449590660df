"""Names of the knowledge pages' kinds and of the organisation file's codes, in both languages.

The municipality file stores codes (``leisure_staff``, ``district_committee``); a
page says what they mean. The Swedish wording follows ``varna.guide.schema``'s
labels, so the pages and ``varna org show`` say the same.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from varna.guide.model import Role
from varna.guide.search import DocKind

# One item of each kind, as a search hit's label says it.
KIND_LABELS: dict[DocKind, Promise] = {
    DocKind.DEFINITION: _("Definition"),
    DocKind.QUESTION: _("Hard question"),
    DocKind.LEVEL: _("Prevention level"),
    DocKind.ACTOR: _("Actor"),
    DocKind.SERVICE: _("Service"),
    DocKind.CONTACT: _("Where to turn"),
    DocKind.COOPERATION: _("Form of cooperation"),
    DocKind.DISTRICT: pgettext_lazy("one district of the city", "District"),
    DocKind.NATIONAL: _("National support"),
    DocKind.PROVISION: _("Provision"),
}

# The index's sections and the breadcrumbs: all items of a kind.
SECTION_TITLES: dict[DocKind, Promise] = {
    DocKind.DEFINITION: _("Definitions"),
    DocKind.QUESTION: _("Hard questions"),
    DocKind.LEVEL: _("The three prevention levels"),
    DocKind.ACTOR: _("Actors"),
    DocKind.SERVICE: _("Services"),
    DocKind.CONTACT: _("Where to turn"),
    DocKind.COOPERATION: _("Forms of cooperation"),
    DocKind.DISTRICT: _("Districts"),
    DocKind.NATIONAL: _("National support"),
    DocKind.PROVISION: _("Provisions"),
}

ROLE_LABELS: dict[Role, Promise] = {
    Role.SCHOOL_STAFF_COMPULSORY: _("Teachers and other staff in compulsory school"),
    Role.SCHOOL_STAFF_UPPER_SECONDARY: _("Teachers and other staff in upper secondary and adult education"),
    Role.STUDENT_HEALTH: _("Student health (nurse, doctor, counsellor, psychologist, special educator)"),
    Role.LEISURE_STAFF: _("Youth and leisure leaders"),
    Role.FIELD_WORKER: _("Field workers"),
    Role.CULTURE_WORKER: _("Culture workers"),
    Role.CIVIL_SOCIETY: _("Associations, coaches and others in civil society"),
    Role.SOCIAL_SERVICES: _("Social secretaries and therapists"),
    Role.POLICE: _("Police officers"),
    Role.OTHER_STAFF: _("Other staff"),
    Role.RELATIVE: _("Relatives and other private persons"),
}

AUTHORITY_KIND_LABELS: dict[str, Promise] = {
    "district_committee": _("District committee (the social committee of one district)"),
    "social_resources_committee": _("Social resources committee"),
    "school_committee": _("School committee"),
    "leisure_committee": _("Leisure committee"),
    "city_executive": _("City executive board (the city office)"),
    "police": _("The Swedish Police Authority"),
    "security_police": _("The Swedish Security Service"),
    "social_committee": _("Social committee for the whole municipality"),
    "other_committee": _("Other committee"),
    "probation_service": _("The Prison and Probation Service (probation)"),
    "employment_service": _("The Public Employment Service"),
    "institutional_care_board": _("The National Board of Institutional Care"),
    "region": _("Region (health care)"),
    "national_agency": _("Other state agency"),
    "civil_society": _("Association or other civil-society actor"),
    "other_partner": _("Other partner"),
}

NATIONAL_KIND_LABELS: dict[str, Promise] = {
    "coordinator": _("National coordinator"),
    "support_line": _("Support line"),
    "national_centre": _("National knowledge centre"),
    "emergency": _("Emergency number"),
}
