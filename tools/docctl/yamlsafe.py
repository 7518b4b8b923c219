"""Safe, position-aware YAML for front matter and configuration.

PyYAML's C parser composes the node tree (fast); we construct the values ourselves so that
no tag can run code, aliases and duplicate keys are refused, dates stay ISO text (the model
parses them), and every value keeps its line and column for findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_CONSTRUCTOR = yaml.constructor.SafeConstructor()

Key = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """A YAML fault, 0-based line and column within the parsed text."""

    line: int
    col: int
    rule: str
    args: dict[str, Any]


@dataclass
class Parsed:
    data: Any = None
    values: dict[Key, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Key, tuple[int, int]] = field(default_factory=dict)
    raw: dict[Key, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def parse(text: str) -> Parsed:
    """Parse one YAML document; faults become problems, never exceptions."""
    out = Parsed()
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line, mark.column) if mark else (0, 0)
        problem = exc.problem or exc.context or str(exc)
        out.problems.append(Problem(line, col, "yaml-syntax", {"problem": problem}))
        return out
    except yaml.YAMLError as exc:
        out.problems.append(Problem(0, 0, "yaml-syntax", {"problem": str(exc)}))
        return out
    if node is not None:
        out.data = _Builder(out).build(node, ())
    return out


class _Builder:
    def __init__(self, out: Parsed) -> None:
        self.out = out
        self.seen: set[int] = set()

    def problem(self, node: Node, rule: str, **args: Any) -> None:
        self.out.problems.append(Problem(node.start_mark.line, node.start_mark.column, rule, args))

    def build(self, node: Node, key: Key) -> Any:
        if id(node) in self.seen:
            line, col = self.out.keys.get(key, (node.start_mark.line, node.start_mark.column))
            self.out.problems.append(Problem(line, col, "yaml-alias", {}))
            return None
        self.seen.add(id(node))
        self.out.values[key] = (node.start_mark.line, node.start_mark.column)
        if isinstance(node, ScalarNode):
            return self.scalar(node, key)
        if node.tag == _TAG + "seq" and isinstance(node, SequenceNode):
            return [self.build(item, (*key, i)) for i, item in enumerate(node.value)]
        if node.tag == _TAG + "map" and isinstance(node, MappingNode):
            return self.mapping(node, key)
        self.problem(node, "yaml-tag", tag=node.tag.replace(_TAG, "!!"))
        return None

    def scalar(self, node: ScalarNode, key: Key) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self.problem(node, "yaml-tag", tag=node.tag.replace(_TAG, "!!"))
            return None
        if node.tag == _TAG + "str":
            return node.value
        if node.tag == _TAG + "timestamp":
            return node.value  # dates stay ISO text; the model and the schema judge them
        value = _CONSTRUCTOR.yaml_constructors[node.tag](_CONSTRUCTOR, node)
        if not node.style and node.tag != _TAG + "null":
            self.out.raw[key] = node.value
        return value

    def mapping(self, node: MappingNode, key: Key) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                self.problem(key_node, "yaml-alias")
                continue
            if not isinstance(key_node, ScalarNode) or key_node.tag != _TAG + "str":
                self.problem(key_node, "yaml-key-type", key=getattr(key_node, "value", "?"))
                continue
            name = key_node.value
            if name in first_line:
                self.problem(key_node, "yaml-duplicate-key", key=name, first=first_line[name])
                continue
            first_line[name] = key_node.start_mark.line
            child = (*key, name)
            self.out.keys[child] = (key_node.start_mark.line, key_node.start_mark.column)
            result[name] = self.build(value_node, child)
        return result
