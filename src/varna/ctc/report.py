"""The profile as a report: a self-contained HTML page and a PDF for the politicians' table.

Both show the same things in the same order: a summary of where areas stand out, then each
area with its flagged factors first, the programs that target them, and a chart per domain
with each factor's percentage, its interval and the city's value; last the method and the
suppression rule in plain Swedish. Suppressed areas and cells show no numbers at all.
Pure: no Django, so the web can call :func:`render_html` and :func:`render_pdf` as they are.
"""

from __future__ import annotations

import csv
import io
import math
from html import escape
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from varna.ctc.profile import AreaResult, Profile
from varna.ctc.programs import LEVEL_LABELS_SV
from varna.ctc.spec import DOMAIN_LABELS_SV, DOMAINS, Factor

FLAG_SV = {"elevated": "förhöjd risk", "lowered": "svagare skydd", "none": ""}
KIND_SV = {"risk": "riskfaktor", "protective": "skyddsfaktor"}
EXCLUDED_SV = {
    "non_numeric": "svar som inte är ett heltal (text eller decimaltal)",
    "out_of_range": "svar utanför frågans skala",
    "missing_area": "svarande utan område (ingår inte i någon siffra)",
}


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}".replace(".", ",") + " %"


def _pp(value: float | None) -> str:
    if value is None:
        return "–"
    sign = "+" if value > 0 else "−" if value < 0 else "±"
    return f"{sign}{abs(value):.1f}".replace(".", ",") + " p.e."


def _p(value: float | None) -> str:
    if value is None:
        return "–"
    if value < 0.001:
        return "< 0,001"
    return f"{value:.3f}".replace(".", ",")


def _factors_by_domain(profile: Profile) -> list[tuple[str, list[Factor]]]:
    return [(d, [f for f in profile.spec.factors if f.domain == d]) for d in DOMAINS
            if any(f.domain == d for f in profile.spec.factors)]


def summary_lines(profile: Profile) -> list[str]:
    """A few sentences in Swedish that open both reports."""
    shown = [a for a in profile.areas.values() if not a.suppressed]
    hidden = len(profile.areas) - len(shown)
    flagged = sum(len(a.priorities) for a in shown)
    lines = [
        f"Enkäten har {profile.n_respondents} svarande i {len(profile.areas)} områden och mäts med "
        f"{len(profile.spec.factors)} risk- och skyddsfaktorer ({profile.spec.name}).",
        f"Varje område jämförs med resten av staden. {profile.comparisons} jämförelser gjordes; "
        f"p-värdena är korrigerade för antalet jämförelser (Holm), med "
        f"{round(profile.spec.confidence * 100)} % säkerhet.",
    ]
    if flagged:
        lines.append(f"{flagged} faktorer i {sum(1 for a in shown if a.priorities)} områden skiljer sig "
                     "tydligt från resten av staden i ogynnsam riktning (förhöjd risk eller svagare skydd).")
    else:
        lines.append("Inget område skiljer sig tydligt från resten av staden i ogynnsam riktning.")
    if hidden:
        lines.append(f"{hidden} områden visas inte alls, eftersom de har för få svar eller för att ett "
                     "litet område annars skulle kunna räknas fram ur de andra.")
    return lines


HIDDEN_SV = "visas inte – för få svar, eller dolt för att skydda ett litet område"
LEGEND_SV = ("Stapel: områdets andel. Svart linje: intervallet. Streckad linje med triangel: staden. "
             "Röd stapel: utmärkande. Till höger: området (staden). För en skyddsfaktor är en hög andel bra.")

METHOD_SV = [
    "Varje faktor mäts med några frågor. Frågor som är formulerade åt andra hållet vänds "
    "(lägsta + högsta − svaret). "
    "En svarande får ett värde på faktorn om hen har besvarat minst det antal frågor specifikationen kräver; "
    "värdet är medelvärdet av de besvarade frågorna. Den svarande räknas när medelvärdet ligger över "
    "gränsvärdet – för en riskfaktor betyder det risk, för en skyddsfaktor att skyddet finns.",
    "Procenten visas med ett konfidensintervall (Wilson). Skillnaden mot resten av staden anges i "
    "procentenheter och prövas med ett tvåsidigt test för två andelar (Fishers exakta test när "
    "grupperna är små). Eftersom många jämförelser görs samtidigt korrigeras p-värdena med Holms metod, "
    "så att risken för ett enda falskt larm i hela rapporten hålls på den valda nivån.",
    "En riskfaktor markeras som förhöjd när området ligger tydligt över resten av staden; en skyddsfaktor "
    "markeras som svagare när området ligger tydligt under. Prioriteringen ordnar de markerade "
    "faktorerna efter skillnadens storlek, störst först.",
    "Skydd för de svarande: ett område eller en grupp med färre giltiga svar än gränsen visas inte alls, "
    "inte ens antalet. Om bara ett område döljs, eller de dolda tillsammans har för få svar, döljs även "
    "ett till – det minsta område som inte har något utmärkande att rapportera – så att inget kan räknas "
    "fram som stadens siffra minus de andra områdenas. Rapporten innehåller inga enskilda svar.",
    "Svar som inte kunde användas (text, decimaltal eller tal utanför frågans skala) har räknats bort och "
    "redovisas nedan; inget har tagits bort utan att det syns.",
]


# --- CSV ------------------------------------------------------------------------------------------

CSV_COLUMNS = ("area", "group_by", "group", "factor", "label", "kind", "domain", "suppressed", "n", "pct",
               "ci_low", "ci_high", "city_pct", "diff_pp", "p_value", "flag")


def render_csv(profile: Profile) -> str:
    """The numbers as one table (UTF-8, comma-separated), one row per area or group and factor.

    Hidden areas, groups and cells are rows with ``suppressed`` true and every number empty,
    so the file has the same shape whatever is hidden.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    factors = profile.spec.factors

    def number(value: float | None) -> str:
        return "" if value is None else f"{value:.2f}"

    for area in profile.areas.values():
        for f in factors:
            base = [area.name, "area", "", f.id, f.label, f.kind, f.domain]
            result = None if area.suppressed else area.factors.get(f.id)
            city = profile.city[f.id].cell
            if result is None or result.suppressed or result.cell is None:
                writer.writerow([*base, "true", *[""] * 8])
                continue
            c = result.cell
            writer.writerow([*base, "false", c.n, number(c.pct), number(c.ci_low), number(c.ci_high),
                             number(city.pct if city else None), number(result.diff_pp),
                             "" if result.p_value is None else f"{result.p_value:.6g}", result.flag])
        for group_by, groups in (("grade", area.by_grade), ("gender", area.by_gender)):
            for name, group in (groups or {}).items():
                for f in factors:
                    base = [area.name, group_by, name, f.id, f.label, f.kind, f.domain]
                    cell = None if group.suppressed else group.factors.get(f.id)
                    if cell is None:
                        writer.writerow([*base, "true", *[""] * 8])
                    else:
                        writer.writerow([*base, "false", cell.n, number(cell.pct), number(cell.ci_low),
                                         number(cell.ci_high), "", "", "", ""])
    return out.getvalue()


# --- HTML -----------------------------------------------------------------------------------------

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1b1f24;max-width:60rem;
margin:2rem auto;padding:0 1rem;line-height:1.5}
h1{font-size:1.8rem;margin-bottom:.2rem}h2{margin-top:2.5rem;border-bottom:2px solid #d0d5dc}
h3{margin-bottom:.3rem}table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}
th,td{border:1px solid #c4cad3;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef1f5}td.num{text-align:right;white-space:nowrap}.flag{font-weight:600;color:#8a1c1c}
.muted{color:#4a5563}.suppressed{color:#4a5563;font-style:italic}figure{margin:0 0 1rem}
figcaption{font-weight:600;margin-bottom:.2rem}svg text{font-family:inherit;font-size:12px}
.legend span{display:inline-block;margin-right:1.2rem}
"""


def _chart_svg(profile: Profile, area: AreaResult, factors: list[Factor]) -> str:
    row, label_w, plot_w, value_w = 26, 390, 300, 110
    top = 18
    height = top + row * len(factors) + 8
    full = label_w + plot_w + value_w
    parts = [f'<svg role="img" width="{full}" height="{height}" viewBox="0 0 {full} {height}" '
             'xmlns="http://www.w3.org/2000/svg">']
    scale = _chart_max(profile, area, factors)
    for tick in range(0, scale + 1, 10 if scale <= 50 else 20):
        x = label_w + plot_w * tick / scale
        parts.append(f'<line x1="{x:.1f}" y1="{top - 4}" x2="{x:.1f}" y2="{height - 6}" stroke="#e1e5ea"/>'
                     f'<text x="{x:.1f}" y="{top - 6}" text-anchor="middle" fill="#4a5563">{tick} %</text>')
    desc = []
    for i, f in enumerate(factors):
        y = top + i * row
        parts.append(f'<text x="0" y="{y + 16}">{escape(_short(_label(f), 60))}</text>')
        result = area.factors.get(f.id)
        city = profile.city[f.id].cell
        if result is None or result.suppressed or result.cell is None:
            parts.append(f'<text x="{label_w + 4}" y="{y + 16}" fill="#4a5563">'
                         "visas inte (för få svar)</text>")
            desc.append(f"{f.label}: visas inte")
            continue
        cell = result.cell
        colour = "#b42318" if result.flag != "none" else "#3b6ea8"
        x0 = label_w
        parts.append(f'<rect x="{x0}" y="{y + 5}" width="{plot_w * cell.pct / scale:.1f}" height="14" '
                     f'fill="{colour}" opacity="0.8"/>')
        lo, hi = (label_w + plot_w * v / scale for v in (cell.ci_low, cell.ci_high))
        parts.append(f'<line x1="{lo:.1f}" y1="{y + 12}" x2="{hi:.1f}" y2="{y + 12}" stroke="#1b1f24" '
                     f'stroke-width="1.5"/><line x1="{lo:.1f}" y1="{y + 7}" x2="{lo:.1f}" y2="{y + 17}" '
                     f'stroke="#1b1f24"/><line x1="{hi:.1f}" y1="{y + 7}" x2="{hi:.1f}" y2="{y + 17}" '
                     f'stroke="#1b1f24"/>')
        if city is not None:
            cx = label_w + plot_w * city.pct / scale
            parts.append(f'<path d="M{cx:.1f} {y + 2} l5 -0 l-5 8 l-5 -8 z" fill="#1b1f24"/>'
                         f'<line x1="{cx:.1f}" y1="{y + 2}" x2="{cx:.1f}" y2="{y + 22}" stroke="#1b1f24" '
                         f'stroke-dasharray="2 2"/>')
        value = _pct(cell.pct) + ("" if city is None else f" ({_pct(city.pct)})")
        parts.append(f'<text x="{label_w + plot_w + 8}" y="{y + 16}">{escape(value)}</text>')
        desc.append(f"{f.label}: {_pct(cell.pct)} ({_pct(cell.ci_low)}–{_pct(cell.ci_high)}), staden "
                    f"{_pct(city.pct if city else None)}")
    parts.insert(1, f"<title>{escape('; '.join(desc))}</title>")
    parts.append("</svg>")
    return "".join(parts)


def _chart_max(profile: Profile, area: AreaResult, factors: list[Factor]) -> int:
    top = 10.0
    for f in factors:
        result = area.factors.get(f.id)
        if result is not None and result.cell is not None:
            top = max(top, result.cell.ci_high)
        city = profile.city[f.id].cell
        if city is not None:
            top = max(top, city.pct)
    return min(100, int(math.ceil(top / 10.0) * 10))


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


BREAKDOWN_SV = {"grade": "Efter årskurs", "gender": "Efter kön"}


def breakdown_tables(profile: Profile, area: AreaResult) -> list[tuple[str, list[str], list[list[str]]]]:
    """For the area's flagged factors: one table per breakdown (title, group names, rows of text).

    A hidden group or cell reads "dolt"; no number of a hidden group appears.
    """
    tables = []
    for key, groups in (("grade", area.by_grade), ("gender", area.by_gender)):
        if not groups or not area.priorities:
            continue
        names = list(groups)
        rows = []
        for fid in area.priorities:
            row = [profile.spec.factor(fid).label]
            for name in names:
                group = groups[name]
                cell = None if group.suppressed else group.factors.get(fid)
                row.append("dolt" if cell is None else _pct(cell.pct))
            rows.append(row)
        heads = [name if groups[name].suppressed else f"{name} (n={groups[name].n})" for name in names]
        tables.append((BREAKDOWN_SV[key], heads, rows))
    return tables


def _flag_rows(profile: Profile, area: AreaResult) -> list[tuple[Factor, Any]]:
    return [(profile.spec.factor(fid), area.factors[fid]) for fid in area.priorities]


def render_html(profile: Profile) -> str:
    spec = profile.spec
    out = ['<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">'
           '<meta name="viewport" content="width=device-width, initial-scale=1">'
           f"<title>Risk- och skyddsfaktorer – {escape(spec.name)}</title><style>{_CSS}</style></head><body>",
           "<header><h1>Risk- och skyddsfaktorer per område</h1>"
           f'<p class="muted">{escape(spec.name)} · Communities That Care-profil · jämförelse med resten av '
           "staden</p></header><main>", "<h2>Sammanfattning</h2>"]
    out.extend(f"<p>{escape(line)}</p>" for line in summary_lines(profile))
    out.append("<table><caption class=\"muted\">Områden och deras prioriterade faktorer</caption>"
               "<thead><tr><th scope=\"col\">Område</th><th scope=\"col\">Svarande</th>"
               "<th scope=\"col\">Prioriterade faktorer (störst skillnad först)</th></tr></thead><tbody>")
    for area in profile.areas.values():
        if area.suppressed:
            out.append(f'<tr><th scope="row">{escape(area.name)}</th><td class="suppressed" colspan="2">'
                       f"{HIDDEN_SV}</td></tr>")
            continue
        flagged = "; ".join(f"{escape(f.label)} ({_pp(r.diff_pp)})" for f, r in _flag_rows(profile, area))
        out.append(f'<tr><th scope="row"><a href="#omrade-{_anchor(area.name)}">{escape(area.name)}</a></th>'
                   f'<td class="num">{area.n}</td><td>{flagged or "inga"}</td></tr>')
    out.append("</tbody></table>")
    for area in profile.areas.values():
        out.append(f'<section id="omrade-{_anchor(area.name)}"><h2>{escape(area.name)}</h2>')
        if area.suppressed:
            out.append('<p class="suppressed">Området visas inte: det har för få svar, eller döljs för att '
                       "ett litet område annars skulle kunna räknas fram ur stadens siffror.</p></section>")
            continue
        out.append(f"<p>{area.n} svarande.</p><h3>Utmärkande faktorer</h3>")
        rows = _flag_rows(profile, area)
        if rows:
            out.append('<table><thead><tr><th scope="col">Faktor</th><th scope="col">Området</th>'
                       '<th scope="col">Intervall</th><th scope="col">Staden</th>'
                       '<th scope="col">Skillnad mot resten av staden</th>'
                       '<th scope="col">p (korr.)</th></tr></thead><tbody>')
            for f, r in rows:
                city = profile.city[f.id].cell
                out.append(f'<tr><th scope="row">{escape(f.label)} <span class="flag">'
                           f"({FLAG_SV[r.flag]})</span></th><td class=\"num\">{_pct(r.cell.pct)}</td>"
                           f'<td class="num">{_pct(r.cell.ci_low)}–{_pct(r.cell.ci_high)}</td>'
                           f'<td class="num">{_pct(city.pct if city else None)}</td>'
                           f'<td class="num">{_pp(r.diff_pp)}</td><td class="num">{_p(r.p_value)}</td></tr>')
            out.append("</tbody></table>")
        else:
            out.append("<p>Inga faktorer skiljer sig tydligt från resten av staden i ogynnsam riktning.</p>")
        for title, heads, body in breakdown_tables(profile, area):
            out.append(f"<table><caption>{escape(title)} – de utmärkande faktorerna</caption><thead><tr>"
                       '<th scope="col">Faktor</th>'
                       + "".join(f'<th scope="col">{escape(h)}</th>' for h in heads) + "</tr></thead><tbody>")
            for row in body:
                out.append(f'<tr><th scope="row">{escape(row[0])}</th>'
                           + "".join(f'<td class="num">{escape(v)}</td>' for v in row[1:]) + "</tr>")
            out.append("</tbody></table>")
        if area.suggestions:
            out.append("<h3>Program att överväga</h3><ul>")
            for s in area.suggestions:
                levels = ", ".join(LEVEL_LABELS_SV[v] for v in s.program.level)
                out.append(f"<li><strong>{escape(s.program.name)}</strong>. {escape(_capital(s.why))}. "
                           f"Målgrupp: {escape(s.program.age_group)}; nivå: {levels}. Evidens: "
                           f"{escape(s.program.evidence_rating)} ({escape(s.program.evidence_source)}).</li>")
            out.append("</ul>")
        out.append(f'<p class="legend muted">{escape(LEGEND_SV)}</p>')
        for domain, factors in _factors_by_domain(profile):
            out.append(f"<figure><figcaption>{escape(DOMAIN_LABELS_SV[domain])}</figcaption>"
                       f"{_chart_svg(profile, area, factors)}</figure>")
        out.append("</section>")
    out.append("<h2>Så har siffrorna tagits fram</h2>")
    out.extend(f"<p>{escape(p)}</p>" for p in METHOD_SV)
    out.append(f"<p>Gräns för att visa en grupp: {spec.min_cell} giltiga svar.</p>")
    out.append(_excluded_html(profile))
    out.append("</main></body></html>\n")
    return "".join(out)


def _anchor(name: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in name.lower())


def _excluded_html(profile: Profile) -> str:
    ex = profile.excluded
    items = [f"<li>{escape(EXCLUDED_SV[k])}: {ex[k]}</li>" for k in EXCLUDED_SV if ex.get(k)]
    too_few = {k: v for k, v in ex.get("too_few_items", {}).items() if v}
    if too_few:
        items.append(f"<li>svarande som besvarat för få frågor för att få ett värde: "
                     f"{escape(', '.join(f'{profile.spec.factor(k).label} {v}' for k, v in too_few.items()))}"
                     "</li>")
    if not items:
        return "<h3>Uteslutna svar</h3><p>Inga svar har uteslutits.</p>"
    return "<h3>Uteslutna svar</h3><ul>" + "".join(items) + "</ul>"


# --- PDF ------------------------------------------------------------------------------------------

def _t(value: str) -> str:
    """Escape for reportlab's paragraph markup and keep to the standard fonts' encoding."""
    return xml_escape(_plain(value))


def render_pdf(profile: Profile) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        KeepTogether,
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    base = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=base["BodyText"], fontName="Helvetica", fontSize=10, leading=13.5)
    st = {
        "title": ParagraphStyle("title", parent=base["Title"], fontName="Helvetica-Bold", fontSize=18,
                                leading=22, alignment=0),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], fontName="Helvetica-Bold", fontSize=13,
                             leading=16,
                             spaceBefore=8, spaceAfter=4),
        "h3": ParagraphStyle("h3", parent=base["Heading3"], fontName="Helvetica-Bold", fontSize=10.5,
                             leading=13, spaceBefore=6, spaceAfter=2),
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5),
    }
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#c4cad3")),
                       ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eef1f5")),
                       ("FONTNAME", (0, 0), (-1, -1), "Helvetica"), ("FONTSIZE", (0, 0), (-1, -1), 8.5),
                       ("VALIGN", (0, 0), (-1, -1), "TOP")])
    width = A4[0] - 36 * mm
    story: list[Any] = [Paragraph(_t("Risk- och skyddsfaktorer per område"), st["title"]),
                        Paragraph(_t(f"{profile.spec.name} – Communities That Care-profil, jämförelse med "
                                     "resten av staden"), st["small"]), Spacer(1, 6),
                        Paragraph("Sammanfattning", st["h2"])]
    story.extend(Paragraph(_t(line), st["body"]) for line in summary_lines(profile))
    rows: list[list[Any]] = [[Paragraph("<b>Område</b>", st["cell"]),
                              Paragraph("<b>Svarande</b>", st["cell"]),
                              Paragraph("<b>Prioriterade faktorer (störst skillnad först)</b>", st["cell"])]]
    for area in profile.areas.values():
        if area.suppressed:
            rows.append([Paragraph(_t(area.name), st["cell"]), "",
                         Paragraph(f"<i>{_t(HIDDEN_SV)}</i>", st["cell"])])
            continue
        flagged = "; ".join(f"{f.label} ({_pp(r.diff_pp)})" for f, r in _flag_rows(profile, area))
        rows.append([Paragraph(_t(area.name), st["cell"]), str(area.n),
                     Paragraph(_t(flagged or "inga"), st["cell"])])
    story.extend([Spacer(1, 4), Table(rows, colWidths=[40 * mm, 20 * mm, width - 60 * mm], style=grid,
                                      repeatRows=1)])

    for area in profile.areas.values():
        if area.suppressed:
            continue
        story.append(PageBreak())
        story.append(Paragraph(_t(f"{area.name}"), st["h2"]))
        story.append(Paragraph(_t(f"{area.n} svarande."), st["body"]))
        story.append(Paragraph("Utmärkande faktorer", st["h3"]))
        flag_rows = _flag_rows(profile, area)
        if flag_rows:
            table: list[list[Any]] = [[Paragraph(f"<b>{h}</b>", st["cell"]) for h in
                                       ("Faktor", "Området", "Intervall", "Staden", "Mot resten",
                                        "p (korr.)")]]
            for f, r in flag_rows:
                city = profile.city[f.id].cell
                table.append([Paragraph(_t(f"{f.label} ({FLAG_SV[r.flag]})"), st["cell"]),
                              _plain(_pct(r.cell.pct)),
                              _plain(f"{_pct(r.cell.ci_low)}–{_pct(r.cell.ci_high)}"),
                              _plain(_pct(city.pct if city else None)), _plain(_pp(r.diff_pp)),
                              _plain(_p(r.p_value))])
            story.append(Table(table, colWidths=[62 * mm, 18 * mm, 30 * mm, 18 * mm, 22 * mm, 18 * mm],
                               style=grid, repeatRows=1, hAlign="LEFT"))
        else:
            story.append(Paragraph("Inga faktorer skiljer sig tydligt från resten av staden i ogynnsam "
                                   "riktning.", st["body"]))
        for title, heads, rows in breakdown_tables(profile, area):
            story.append(Paragraph(_t(f"{title} – de utmärkande faktorerna"), st["h3"]))
            cells: list[list[Any]] = [[Paragraph("<b>Faktor</b>", st["cell"]),
                                       *[Paragraph(f"<b>{_t(h)}</b>", st["cell"]) for h in heads]]]
            cells += [[Paragraph(_t(row[0]), st["cell"]), *[_plain(v) for v in row[1:]]] for row in rows]
            rest = (width - 62 * mm) / max(len(heads), 1)
            story.append(Table(cells, colWidths=[62 * mm, *[rest] * len(heads)], style=grid, repeatRows=1,
                               hAlign="LEFT"))
        if area.suggestions:
            story.append(Paragraph("Program att överväga", st["h3"]))
            for s in area.suggestions:
                levels = ", ".join(LEVEL_LABELS_SV[v] for v in s.program.level)
                story.append(Paragraph(_t(f"• {s.program.name}. {_capital(s.why)}. Målgrupp: "
                                          f"{s.program.age_group}; nivå: {levels}. "
                                          f"Evidens: {s.program.evidence_rating} "
                                          f"({s.program.evidence_source})."),
                                       st["small"]))
        story.append(Paragraph(_t(LEGEND_SV), st["small"]))
        for domain, factors in _factors_by_domain(profile):
            story.append(KeepTogether([Paragraph(_t(DOMAIN_LABELS_SV[domain]), st["h3"]),
                                       _chart_drawing(profile, area, factors, width)]))

    story.append(PageBreak())
    story.append(Paragraph("Så har siffrorna tagits fram", st["h2"]))
    story.extend(Paragraph(_t(p), st["body"]) for p in METHOD_SV)
    story.append(Paragraph(_t(f"Gräns för att visa en grupp: {profile.spec.min_cell} giltiga svar."),
                           st["body"]))
    story.append(Paragraph("Uteslutna svar", st["h3"]))
    ex = profile.excluded
    lines = [f"{EXCLUDED_SV[k]}: {ex[k]}" for k in EXCLUDED_SV if ex.get(k)]
    story.extend(Paragraph(_t(line), st["body"]) for line in lines or ["Inga enskilda svar har uteslutits."])
    too_few = [(profile.spec.factor(k).label, v) for k, v in ex.get("too_few_items", {}).items() if v]
    if too_few:
        story.append(Paragraph(_t("Svarande utan värde på en faktor, eftersom de besvarat för få av dess "
                                  "frågor (de ingår inte i faktorns antal):"), st["body"]))
        rows = [[Paragraph("<b>Faktor</b>", st["cell"]), Paragraph("<b>Svarande</b>", st["cell"])]]
        rows += [[Paragraph(_t(label), st["cell"]), str(v)] for label, v in too_few]
        story.append(Table(rows, colWidths=[120 * mm, 30 * mm], style=grid, repeatRows=1, hAlign="LEFT"))

    def on_page(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.setFillColor(colors.HexColor("#4a5563"))
        canvas.drawString(18 * mm, 10 * mm,
                          _plain("Värna – gruppnivå, inga enskilda svar. Små grupper visas inte."))
        canvas.drawRightString(A4[0] - 18 * mm, 10 * mm, f"Sida {document.page}")
        canvas.restoreState()

    buffer = BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                                 topMargin=18 * mm, bottomMargin=20 * mm, author="Värna", creator="Värna",
                                 title=_plain(f"Risk- och skyddsfaktorer – {profile.spec.name}"))
    document.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _label(f: Factor) -> str:
    return f"{f.label} ({'risk' if f.is_risk else 'skydd'})"


def _plain(text: str) -> str:
    """Keep to the standard PDF fonts' encoding (cp1252): the minus sign becomes a hyphen."""
    return text.replace("−", "-").encode("cp1252", "replace").decode("cp1252")


def _chart_drawing(profile: Profile, area: AreaResult, factors: list[Factor], width: float) -> Any:
    from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
    from reportlab.lib import colors

    row, label_w, top = 17.0, width * 0.45, 14.0
    plot_w = width - label_w - 62
    height = top + row * len(factors) + 4
    drawing = Drawing(width, height)
    scale = _chart_max(profile, area, factors)
    grey, ink = colors.HexColor("#c4cad3"), colors.HexColor("#1b1f24")
    for tick in range(0, scale + 1, 10 if scale <= 50 else 20):
        x = label_w + plot_w * tick / scale
        drawing.add(Line(x, 2, x, height - top + 2, strokeColor=grey, strokeWidth=0.4))
        drawing.add(String(x, height - top + 5, f"{tick} %", fontName="Helvetica", fontSize=7,
                           textAnchor="middle", fillColor=colors.HexColor("#4a5563")))
    for i, f in enumerate(factors):
        y = height - top - (i + 1) * row
        drawing.add(String(0, y + 5, _plain(_short(_label(f), 56)), fontName="Helvetica", fontSize=7.5))
        result = area.factors.get(f.id)
        city = profile.city[f.id].cell
        if result is None or result.suppressed or result.cell is None:
            drawing.add(String(label_w + 3, y + 5, "visas inte (för få svar)", fontName="Helvetica-Oblique",
                               fontSize=7.5, fillColor=colors.HexColor("#4a5563")))
            continue
        cell = result.cell
        colour = colors.HexColor("#b42318" if result.flag != "none" else "#3b6ea8")
        drawing.add(Rect(label_w, y + 3, plot_w * cell.pct / scale, 10, fillColor=colour, strokeColor=None,
                         fillOpacity=0.8))
        lo, hi = (label_w + plot_w * v / scale for v in (cell.ci_low, cell.ci_high))
        drawing.add(Line(lo, y + 8, hi, y + 8, strokeColor=ink, strokeWidth=1))
        drawing.add(Line(lo, y + 5, lo, y + 11, strokeColor=ink, strokeWidth=1))
        drawing.add(Line(hi, y + 5, hi, y + 11, strokeColor=ink, strokeWidth=1))
        if city is not None:
            cx = label_w + plot_w * city.pct / scale
            drawing.add(Line(cx, y + 1, cx, y + 15, strokeColor=ink, strokeWidth=0.8,
                             strokeDashArray=[2, 1.5]))
            drawing.add(Polygon([cx - 3, y + 17, cx + 3, y + 17, cx, y + 13], fillColor=ink,
                                strokeColor=None))
        value = _pct(cell.pct) + ("" if city is None else f" ({_pct(city.pct)})")
        drawing.add(String(label_w + plot_w + 6, y + 5, _plain(value), fontName="Helvetica", fontSize=7))
    return drawing
