"""The concern guide: prevention levels and a municipality's organisation as data.

A municipality is configuration (DESIGN.md, principle 7): its committees, districts,
units, contact points, services and forms of cooperation live in one YAML file that
is checked line by line, loaded into frozen objects, and bridged to the secrecy
engine so that the law's boundaries follow the municipality's organisation. Plain
Python on purpose – no Django – like the other domain packages.
"""

from varna.guide.check import CheckResult, check_document, check_municipality
from varna.guide.lawbridge import engine_for, law_organisation
from varna.guide.loader import (
    DEFAULT_MUNICIPALITY_FILE,
    MunicipalityError,
    default_municipality,
    load_municipality,
)
from varna.guide.model import (
    Activity,
    AgeRange,
    Authority,
    Branch,
    Competence,
    ContactPoint,
    Cooperation,
    Delegation,
    District,
    DocumentSource,
    Level,
    Link,
    Municipality,
    NationalResource,
    Period,
    PreventionLevel,
    Role,
    Service,
    Unit,
)

__all__ = [
    "DEFAULT_MUNICIPALITY_FILE", "Activity", "AgeRange", "Authority", "Branch", "CheckResult",
    "Competence", "ContactPoint", "Cooperation", "Delegation", "District", "DocumentSource", "Level",
    "Link", "Municipality", "MunicipalityError", "NationalResource", "Period", "PreventionLevel", "Role",
    "Service", "Unit", "check_document", "check_municipality", "default_municipality", "engine_for",
    "law_organisation", "load_municipality",
]
