"""De-identification of Swedish case descriptions (``varna deid``).

A cooperation group may discuss a case only when no individual can be recognised. This
package replaces direct identifiers (names, numbers, addresses, named schools …),
generalises what is useful but too precise (an age, a class, a date, a neighbourhood),
and lists the risk that remains for a person to judge. Offline and pure Python: the word
and name lists ship in ``data/``.
"""

from varna.deid.model import LABELS_SV, RISK_LABELS_SV, Entity, ResidualRisk, Result
from varna.deid.pipeline import deidentify

__all__ = ["LABELS_SV", "RISK_LABELS_SV", "Entity", "ResidualRisk", "Result", "deidentify"]
