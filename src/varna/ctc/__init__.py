"""Local risk and protective factor profiles from a youth survey (Communities That Care).

The public API, for the command line and the web alike::

    from varna.ctc import load_spec, load_programs, profile
    result = profile("survey.csv", load_spec("default"), programs=load_programs())
    result.as_dict()          # the JSON of shared/contracts/ctc-spec.md
    render_html(result)       # varna.ctc.report: a self-contained page
    render_pdf(result)        # varna.ctc.report: the PDF report (bytes)

Pure: no Django, no database; it reads only the survey it is given and its own data files.
"""

from varna.ctc.profile import Profile, profile, suppressed_groups
from varna.ctc.programs import Program, ProgramsError, Suggestion, load_programs, programs_from_yaml
from varna.ctc.spec import Factor, Spec, SpecError, load_spec, spec_from_yaml
from varna.ctc.survey import SurveyError

__all__ = [
    "Factor",
    "Profile",
    "Program",
    "ProgramsError",
    "Spec",
    "SpecError",
    "Suggestion",
    "SurveyError",
    "load_programs",
    "load_spec",
    "profile",
    "programs_from_yaml",
    "spec_from_yaml",
    "suppressed_groups",
]
