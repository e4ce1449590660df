"""The fictional demo (being written): see ``demo_load``."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class DemoReport:
    logins: list[tuple[str, str, str]] = field(default_factory=list)

    def text_sv(self) -> str:
        return "Demodata: ännu inte inlagda."


def demo_load() -> DemoReport:
    return DemoReport()
