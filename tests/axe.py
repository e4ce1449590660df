"""axe-core in a Playwright page: one way to inject it, run it and report what it finds.

Why a module of its own: the site walk, the workspace walk and the pages of several
apps each check with axe; they must agree on the file, on which violations block
(serious and critical) and on how a failure reads.

axe-core comes from the npm registry at the exact version in tests/browser/package.json
(``make browser-deps`` runs ``npm ci`` there). It is injected as a script, so a context
that runs it must bypass the site's Content-Security-Policy – that context only.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import Path
from typing import Any

AXE = Path(__file__).resolve().parent / "browser" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")


def audit(page: Any, *, within: str | None = None, rules: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """The serious and critical violations axe finds on the page as it is now.

    ``within`` limits the check to the elements a CSS selector picks, ``rules`` to
    those axe rules – for a state such as hover that only exists for one element.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    options: dict[str, Any] = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": list(rules)}
    result = page.evaluate(
        "async ([within, options]) => await axe.run(within ? {include: [within]} : document, options)",
        [within, options],
    )
    return [v for v in result["violations"] if v.get("impact") in BLOCKING]


def describe(where: str, violations: list[dict[str, Any]]) -> str:
    lines = [where]
    for v in violations:
        lines.append(f"  {v['id']} ({v['impact']}): {v['help']} – {v['helpUrl']}")
        for node in v["nodes"][:3]:
            lines.append(f"    at {' '.join(map(str, node['target']))}: {node.get('failureSummary', '')!r}")
    return "\n".join(lines)


def audit_pages(
    page: Any, base_url: str, paths: Iterable[str], *, bad: Collection[str] = ()
) -> dict[str, list[dict[str, Any]]]:
    """Each path in Swedish and in English: the serious and critical violations found, by address.

    Every page must answer 200; those in ``bad`` (a form sent with a mistake) 400.
    """
    found: dict[str, list[dict[str, Any]]] = {}
    for prefix in ("", "/en"):
        for path in paths:
            response = page.goto(base_url + prefix + path)
            assert response is not None and response.status == (400 if path in bad else 200), prefix + path
            if problems := audit(page):
                found[prefix + path] = problems
    return found
