"""The saved profile (the contract's JSON) turned into what the profile page shows.

Pure functions over ``ProfileRun.data``: the page never needs the survey again. A
suppressed area yields its name and nothing else; a suppressed factor or group yields
no number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from varna.web.profiles.charts import Bar, domain_chart

DOMAINS = ("community", "family", "school", "peer_individual")
DOMAIN_LABELS = {
    "community": gettext_lazy("Community"),
    "family": gettext_lazy("Family"),
    "school": gettext_lazy("School"),
    "peer_individual": gettext_lazy("Peers and the individual"),
}
FLAG_LABELS = {"elevated": gettext_lazy("elevated risk"), "lowered": gettext_lazy("weaker protection")}
KIND_LABELS = {"risk": gettext_lazy("risk factor"), "protective": gettext_lazy("protective factor")}
EXCLUDED_LABELS = {
    "non_numeric": gettext_lazy("answers that are not whole numbers (text or decimals)"),
    "out_of_range": gettext_lazy("answers outside the item's scale"),
    "missing_area": gettext_lazy("respondents without an area (in no figure)"),
}


def _decimal(value: float, digits: int = 1) -> str:
    text = f"{value:.{digits}f}"
    return text if (get_language() or "sv").startswith("en") else text.replace(".", ",")


def pct(value: float | None) -> str:
    return "–" if value is None else f"{_decimal(value)}\u00a0%"


def pp(value: float | None) -> str:
    if value is None:
        return "–"
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return _("%(sign)s%(value)s pp") % {"sign": sign, "value": _decimal(abs(value))}


def p_value(value: float | None) -> str:
    if value is None:
        return "–"
    if value < 0.001:
        return f"< {_decimal(0.001, 3)}"
    return _decimal(value, 3)


@dataclass
class FactorRow:
    id: str
    label: str
    kind: str
    domain: str
    suppressed: bool
    n: int | None = None
    pct: str = ""
    interval: str = ""
    city: str = ""
    diff: str = ""
    p: str = ""
    flag: str = ""
    flagged: bool = False
    bar: Bar | None = None


@dataclass
class Domain:
    id: str
    label: str
    rows: list[FactorRow]
    chart: str
    description: str


@dataclass
class Breakdown:
    title: str
    groups: list[tuple[str, bool, int | None]]  # name, suppressed, n
    rows: list[tuple[str, list[str]]]  # factor label, a cell per group


@dataclass
class AreaView:
    name: str
    anchor: str
    suppressed: bool
    n: int | None = None
    flagged: list[FactorRow] = field(default_factory=list)
    domains: list[Domain] = field(default_factory=list)
    suggestions: list[dict[str, Any]] = field(default_factory=list)
    breakdowns: list[Breakdown] = field(default_factory=list)


def factor_label(info: dict[str, Any]) -> str:
    if (get_language() or "sv").startswith("en") and info.get("label_en"):
        return str(info["label_en"])
    return str(info.get("label", ""))


def _row(fid: str, info: dict[str, Any], result: dict[str, Any], city: dict[str, Any]) -> FactorRow:
    row = FactorRow(
        fid,
        factor_label(info),
        str(KIND_LABELS.get(info.get("kind", ""), "")),
        info.get("domain", ""),
        bool(result.get("suppressed", True)),
    )
    if row.suppressed:
        return row
    row.n = result.get("n")
    row.pct = pct(result.get("pct"))
    row.interval = f"{_decimal(result['ci_low'])}–{_decimal(result['ci_high'])}\u00a0%"
    city_pct = None if city.get("suppressed") else city.get("pct")
    row.city = pct(city_pct)
    row.diff = pp(result.get("diff_pp"))
    row.p = p_value(result.get("p_value"))
    flag = result.get("flag", "none")
    row.flagged = flag in FLAG_LABELS
    row.flag = str(FLAG_LABELS.get(flag, ""))
    row.bar = Bar(
        row.label,
        float(result["pct"]),
        float(result["ci_low"]),
        float(result["ci_high"]),
        None if city_pct is None else float(city_pct),
        row.flagged,
    )
    return row


def _anchor(index: int) -> str:
    return f"area-{index}"


def _breakdowns(area: dict[str, Any], factors: dict[str, Any]) -> list[Breakdown]:
    out = []
    for key, title in (("by_grade", _("By grade")), ("by_gender", _("By gender"))):
        groups = area.get(key)
        if not groups:
            continue
        names = list(groups)
        rows = []
        for fid, info in factors.items():
            cells = []
            for name in names:
                group = groups[name]
                cell = None if group.get("suppressed") else group.get("factors", {}).get(fid)
                cells.append(_("hidden") if not cell or cell.get("suppressed") else pct(cell.get("pct")))
            rows.append((factor_label(info), cells))
        out.append(
            Breakdown(
                str(title), [(n, bool(groups[n].get("suppressed")), groups[n].get("n")) for n in names], rows
            )
        )
    return out


def areas_view(data: dict[str, Any]) -> list[AreaView]:
    factors: dict[str, Any] = data.get("factors", {})
    city: dict[str, Any] = data.get("city", {})
    out = []
    for index, (name, area) in enumerate(data.get("areas", {}).items()):
        if area.get("suppressed", True):
            out.append(AreaView(name, _anchor(index), True))
            continue
        view = AreaView(name, _anchor(index), False, area.get("n"))
        rows = {
            fid: _row(fid, info, area.get("factors", {}).get(fid, {"suppressed": True}), city.get(fid, {}))
            for fid, info in factors.items()
        }
        view.flagged = [rows[fid] for fid in data.get("priorities", {}).get(name, []) if fid in rows]
        for domain in DOMAINS:
            domain_rows = [r for r in rows.values() if r.domain == domain]
            if not domain_rows:
                continue
            domain_rows.sort(key=lambda r: not r.flagged)  # flagged first, otherwise the spec's order
            label = str(DOMAIN_LABELS[domain])
            title = _("%(domain)s in %(area)s") % {"domain": label, "area": name}
            chart = domain_chart(
                [r.bar for r in domain_rows if r.bar],
                title=title,
                hidden=[r.label for r in domain_rows if r.bar is None],
                city_label=_("city"),
                flagged_label=_("stands out"),
                hidden_label=_("hidden"),
                description=_chart_description(domain_rows),
            )
            view.domains.append(Domain(domain, label, domain_rows, chart, _chart_description(domain_rows)))
        view.suggestions = [_suggestion(s, factors) for s in data.get("suggestions", {}).get(name, [])]
        view.breakdowns = _breakdowns(area, factors)
        out.append(view)
    return out


LEVEL_LABELS = {
    "universal": gettext_lazy("universal"),
    "selective": gettext_lazy("selective"),
    "indicated": gettext_lazy("indicated"),
}


def _suggestion(raw: dict[str, Any], factors: dict[str, Any]) -> dict[str, Any]:
    """A suggested programme with its reason in the page's language: the priorities it targets."""
    labels = [factor_label(factors.get(fid, {"label": fid})) for fid in raw.get("targets", [])]
    return {
        **raw,
        "why": _("it targets %(factors)s") % {"factors": ", ".join(labels)},
        "levels": ", ".join(str(LEVEL_LABELS.get(level, level)) for level in raw.get("level", [])),
    }


def _chart_description(rows: list[FactorRow]) -> str:
    parts = []
    for r in rows:
        if r.bar is None:
            parts.append(_("%(factor)s: hidden") % {"factor": r.label})
        else:
            parts.append(
                _("%(factor)s: %(pct)s (interval %(ci)s), the city %(city)s%(flag)s")
                % {
                    "factor": r.label,
                    "pct": r.pct,
                    "ci": r.interval,
                    "city": r.city,
                    "flag": f" – {r.flag}" if r.flag else "",
                }
            )
    return "; ".join(parts) + "."


def excluded_view(data: dict[str, Any]) -> dict[str, Any]:
    excluded = data.get("excluded", {})
    counts = [
        (str(label), int(excluded.get(kind, 0)))
        for kind, label in EXCLUDED_LABELS.items()
        if int(excluded.get(kind, 0) or 0)
    ]
    too_few = excluded.get("too_few_items", {}) or {}
    factors = data.get("factors", {})
    too_few_rows = [(factor_label(factors.get(fid, {"label": fid})), n) for fid, n in too_few.items() if n]
    problems = data.get("problems", [])
    kinds = {k: str(v) for k, v in EXCLUDED_LABELS.items()}
    problem_rows = [
        (p.get("row"), p.get("column"), p.get("value"), kinds.get(p.get("kind", ""), p.get("kind", "")))
        for p in problems
    ]
    total = sum(n for _label, n in counts)
    return {
        "counts": counts,
        "too_few": too_few_rows,
        "problems": problem_rows,
        "total": total,
        "listed": len(problem_rows),
        "notes": list(data.get("notes", [])),
    }


def summary_view(areas: list[AreaView]) -> dict[str, Any]:
    return {
        "standing_out": [a for a in areas if not a.suppressed and a.flagged],
        "hidden": [a for a in areas if a.suppressed],
        "shown": sum(1 for a in areas if not a.suppressed),
    }


def method_view(data: dict[str, Any]) -> dict[str, Any]:
    return {
        "comparison": _("the rest of the city (everyone with another area)")
        if data.get("comparison") == "rest_of_city"
        else str(data.get("comparison", "")),
        "correction": "Holm" if data.get("correction") == "holm" else str(data.get("correction", "")),
        "comparisons": data.get("comparisons", 0),
        "confidence": round(float(data.get("confidence", 0.95)) * 100),
        "min_cell": data.get("min_cell"),
    }
