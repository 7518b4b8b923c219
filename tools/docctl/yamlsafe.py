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

from docctl import yamlerrors

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
                resolvers = _BY_FIRST.get(value[:1], _ANY_FIRST)
                if resolvers:
                    return _RESOLVED.get(value) or _resolve(resolvers, value)
            return _STR
        return _SEQ if kind is SequenceNode else _MAP


FastLoader = _Loader  # for modules that compose node trees themselves (snapshots of past commits)

_RESOLVED: dict[str, str] = {}  # the tag of each plain scalar a regular expression had to judge (dates,
_RESOLVED_MAX = 50_000  # versions, numbers, yes/no...): a repository repeats them from file to file


def _resolve(resolvers: list[tuple[str, Any]], value: str) -> str:
    tag = next((tag for tag, regexp in resolvers if regexp.match(value)), _STR)
    if len(_RESOLVED) < _RESOLVED_MAX:
        _RESOLVED[value] = tag
    return tag

Key = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    """A YAML fault, 0-based line and column within the parsed text."""

    line: int
    col: int
    rule: str
    args: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Outline:
    """Where the top-level keys of a mapping are, recorded while loading: enough to place a finding on
    a top-level field without parsing the front matter again, in one tuple of small integers.

    `marks` holds, for each name in `names`, the key's line and column and the line and column
    `Document.where` reports for it (its value's, or its key's when the value is a refused alias);
    0-based, as in `Parsed.values`.
    """

    names: tuple[str, ...]
    marks: tuple[int, ...]

    def key(self, name: str | int) -> tuple[int, int] | None:
        at = self._at(name)
        return None if at is None else (self.marks[at], self.marks[at + 1])

    def value(self, name: str | int) -> tuple[int, int] | None:
        at = self._at(name)
        return None if at is None else (self.marks[at + 2], self.marks[at + 3])

    def _at(self, name: str | int) -> int | None:
        try:
            return 4 * self.names.index(name)
        except ValueError:
            return None


@dataclass
class Parsed:
    data: Any = None
    values: dict[Key, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Key, tuple[int, int]] = field(default_factory=dict)
    raw: dict[Key, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    outline: Outline | None = None  # only when parsed with positions=False and the root is a mapping


def parse(text: str, positions: bool = True) -> Parsed:
    """Parse one YAML document; faults become problems, never exceptions.

    With `positions=False` the line and column of every value are not recorded (`values`, `keys` and
    `raw` stay empty), only the `outline` of the top-level keys: loading a repository does that, and
    the model re-parses a document's front matter only when a finding needs a deeper position.
    """
    out = Parsed()
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        line, col, args = yamlerrors.describe(exc)
        out.problems.append(Problem(line, col, "yaml-syntax", args))
        return out
    except yaml.YAMLError as exc:
        out.problems.append(Problem(0, 0, "yaml-syntax", {"problem": str(exc), "problem_en": str(exc)}))
        return out
    if node is not None:
        builder = _Builder(out, positions, aliases="*" in text)
        if not positions and node.tag == _MAP and isinstance(node, MappingNode):
            builder.root = node
        out.data = builder.build(node, ())
        out.problems = _distinct(out.problems)  # a node shared many times is refused once per place
        if builder.root is not None:
            out.outline = Outline(tuple(builder.outline_names), tuple(builder.outline))
    return out


def _distinct(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[int, int, str]] = set()
    kept = []
    for p in problems:
        if (p.line, p.col, p.rule) not in seen:
            seen.add((p.line, p.col, p.rule))
            kept.append(p)
    return kept


class _Builder:
    """Plain Python values from the node tree; tags, aliases, merges and duplicate keys are problems."""

    def __init__(self, out: Parsed, positions: bool, aliases: bool) -> None:
        self.out = out
        self.positions = positions
        self.aliases = aliases  # an alias needs a `*` in the text; without one no node is shared
        self.seen: set[int] = set()
        self.root: Node | None = None  # the root mapping, whose outline is recorded (see Outline)
        self.outline: list[int] = []
        self.outline_names: list[str] = []

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
            # an alias in a list is reported at the list: PyYAML keeps no position for the alias itself
            if self.positions:
                return [self.build(item, (*key, i), node) for i, item in enumerate(node.value)]
            return [self.build(item, key, node) for item in node.value]
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
        outline = self.outline if node is self.root else None
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
            if outline is not None:
                self.outline_key(outline, key_node, value_node)
            if self.positions:
                child = (*key, name)
                self.out.keys[child] = (key_node.start_mark.line, key_node.start_mark.column)
                result[name] = self.build(value_node, child, key_node)
            else:
                result[name] = self.build(value_node, key, key_node)
        return result

    def outline_key(self, outline: list[int], key_node: Node, value_node: Node) -> None:
        shared = self.aliases and id(value_node) in self.seen  # a refused alias: findings go to its key
        key, value = key_node.start_mark, (key_node if shared else value_node).start_mark
        outline += (key.line, key.column, value.line, value.column)
        self.outline_names.append(key_node.value)

    def key_problem(self, key_node: Node) -> None:
        if key_node.tag == _TAG + "merge":
            self.problem(key_node, "yaml-alias")
        else:
            shown = key_node.value if isinstance(key_node, ScalarNode) else (
                "[…]" if isinstance(key_node, SequenceNode) else "{…}")
            self.problem(key_node, "yaml-key-type", key=shown)
