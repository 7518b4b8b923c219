"""Safe, position-aware YAML for front matter and configuration.

PyYAML's C parser composes the node tree (fast); we construct the values ourselves so that
no tag can run code, aliases and duplicate keys are refused, dates stay ISO text (the model
parses them), and every value can keep its line and column for findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_STR, _SEQ, _MAP = _TAG + "str", _TAG + "seq", _TAG + "map"
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_BASE: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVERS: dict[str | None, list[tuple[str, Any]]] = dict(_BASE.yaml_implicit_resolvers)
_ANY_FIRST = list(_RESOLVERS.get(None, []))
_BY_FIRST = {first: [*found, *_ANY_FIRST] for first, found in _RESOLVERS.items() if first is not None}


class _Loader(_BASE):  # type: ignore[misc]
    """PyYAML's safe loader with tag resolution specialised. The parser calls these three methods
    for every node; the general versions (path resolvers, which the safe loader has none of, and a
    list concatenation per scalar) cost a fifth of composing. The tags are the safe loader's."""

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: type[Node], value: str, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in _BY_FIRST.get(value[:1], _ANY_FIRST):
                    if regexp.match(value):
                        return tag
            return _STR
        return _SEQ if kind is SequenceNode else _MAP

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


def parse(text: str, positions: bool = True) -> Parsed:
    """Parse one YAML document; faults become problems, never exceptions.

    With `positions=False` the line and column of every value are not recorded (`values`, `keys` and
    `raw` stay empty): loading a repository does that, and the model re-parses a document's front
    matter only when a finding needs a position.
    """
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
        out.data = _Builder(out, positions, aliases="*" in text).build(node, ())
    return out


class _Builder:
    """Plain Python values from the node tree; tags, aliases, merges and duplicate keys are problems."""

    def __init__(self, out: Parsed, positions: bool, aliases: bool) -> None:
        self.out = out
        self.positions = positions
        self.aliases = aliases  # an alias needs a `*` in the text; without one no node is shared
        self.seen: set[int] = set()

    def problem(self, node: Node, rule: str, **args: Any) -> None:
        self.out.problems.append(Problem(node.start_mark.line, node.start_mark.column, rule, args))

    def build(self, node: Node, key: Key, key_node: Node | None = None) -> Any:
        if self.aliases:
            if id(node) in self.seen:
                mark = (key_node if key_node is not None else node).start_mark
                self.out.problems.append(Problem(mark.line, mark.column, "yaml-alias", {}))
                return None
            self.seen.add(id(node))
        if self.positions:
            self.out.values[key] = (node.start_mark.line, node.start_mark.column)
        tag = node.tag
        if isinstance(node, ScalarNode):
            return node.value if tag == _STR else self.scalar(node, key)
        if tag == _MAP and isinstance(node, MappingNode):
            return self.mapping(node, key)
        if tag == _SEQ and isinstance(node, SequenceNode):
            if self.positions:
                return [self.build(item, (*key, i)) for i, item in enumerate(node.value)]
            return [self.build(item, key) for item in node.value]
        self.problem(node, "yaml-tag", tag=tag.replace(_TAG, "!!"))
        return None

    def scalar(self, node: ScalarNode, key: Key) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self.problem(node, "yaml-tag", tag=node.tag.replace(_TAG, "!!"))
            return None
        if node.tag == _TAG + "timestamp":
            return node.value  # dates stay ISO text; the model and the schema judge them
        value = _CONSTRUCTOR.yaml_constructors[node.tag](_CONSTRUCTOR, node)
        if self.positions and not node.style and node.tag != _TAG + "null":
            self.out.raw[key] = node.value
        return value

    def mapping(self, node: MappingNode, key: Key) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first: dict[str, Node] = {}
        for key_node, value_node in node.value:
            name = key_node.value
            if key_node.tag != _STR or not isinstance(key_node, ScalarNode):
                self.key_problem(key_node)
                continue
            if name in first:
                self.problem(key_node, "yaml-duplicate-key", key=name, first=first[name].start_mark.line)
                continue
            first[name] = key_node
            if self.positions:
                child = (*key, name)
                self.out.keys[child] = (key_node.start_mark.line, key_node.start_mark.column)
                result[name] = self.build(value_node, child, key_node)
            else:
                result[name] = self.build(value_node, key, key_node)
        return result

    def key_problem(self, key_node: Node) -> None:
        if key_node.tag == _TAG + "merge":
            self.problem(key_node, "yaml-alias")
        else:
            self.problem(key_node, "yaml-key-type", key=getattr(key_node, "value", "?"))
