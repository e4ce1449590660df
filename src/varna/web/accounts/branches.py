"""Which independent branch of its authority a unit belongs to.

Secrecy applies not only between authorities but between the independent branches
of one authority (OSL 8:2): a district committee's social services and its local
leisure activities are one authority but two branches, and what the social
services hold is secret from the youth centre next door. The workspace therefore
treats the *branch* of an authority as the holder of individual data. The branches
come from the same place the secrecy engine takes them from – the organisation
file, or the law's own list for the authority's kind – so the two cannot disagree.
"""

from __future__ import annotations

from varna.guide.lawbridge import branches_for
from varna.law import Actor
from varna.web.core.municipality import current_municipality


def branch_for(authority: str, actor: str) -> str:
    """The id of the branch of ``authority`` where ``actor`` staff work.

    An authority the organisation file does not know (an administrator added a unit
    for it by hand) is taken to have one branch per actor kind, the narrowest choice.
    """
    municipality = current_municipality()
    try:
        known = municipality.authority(authority)
    except KeyError:
        return actor
    for branch in branches_for(known.kind, known.acts_as, dict(municipality.branches)):
        if Actor(actor) in branch.actors:
            return branch.id
    return actor
