"""Read YAML while remembering where each value stood in the file.

The legal unit edits the rule base by hand. When a field is wrong, the message
must point at the file and line, so loading keeps a line for every mapping key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml


@dataclass
class Located:
    """A YAML mapping as a dict, with the 1-based line of the mapping and each key."""

    data: dict[str, Any]
    line: int
    key_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


_SCALARS = yaml.constructor.SafeConstructor()


def _convert(node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        data: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = _convert(key_node)
            data[str(key)] = _convert(value_node)
            lines[str(key)] = key_node.start_mark.line + 1
        return Located(data, node.start_mark.line + 1, lines)
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item) for item in node.value]
    return _SCALARS.construct_object(node, deep=True)


def load_located(path: Path) -> Any:
    """Parse one YAML document into plain values, with mappings as :class:`Located`."""
    text = path.read_text(encoding="utf-8")
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if node is None:
        return None
    return _convert(node)


def plain(value: Any) -> Any:
    """Strip location information, leaving dicts and lists."""
    if isinstance(value, Located):
        return {k: plain(v) for k, v in value.data.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def duplicate_keys(text: str) -> list[tuple[int, str, str]]:
    """Keys given twice in one mapping, as (line, id of the enclosing entry, key).

    YAML keeps the last value silently, so a hand-edited data file can lose a field
    without any error; every checker of such files reports these.
    """
    found: list[tuple[int, str, str]] = []

    def visit(node: yaml.Node, entry: str) -> None:
        if isinstance(node, yaml.MappingNode):
            own = entry
            for key_node, value_node in node.value:
                if getattr(key_node, "value", None) == "id" and isinstance(value_node, yaml.ScalarNode):
                    own = str(value_node.value)
            seen: set[str] = set()
            for key_node, value_node in node.value:
                key = str(getattr(key_node, "value", ""))
                if key in seen:
                    found.append((key_node.start_mark.line + 1, own, key))
                seen.add(key)
                visit(value_node, own)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                visit(item, entry)

    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if root is not None:
        visit(root, "")
    return found
