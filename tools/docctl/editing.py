"""Round-trip editing of front matter: comments, key order, quoting and the body stay byte-identical.

Reading for checks uses the fast safe loader (docctl.load); only the editing commands use
ruamel.yaml's round-trip mode, and they write atomically (a temp file in the same folder, then
os.replace), keeping the file's BOM and line endings.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString
from ruamel.yaml.tokens import CommentToken

from docctl.errors import InputError
from docctl.sourcefile import decode, split

_BOM = "\ufeff"


def round_trip_yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_duplicate_keys = False
    yaml.representer.add_representer(type(None), _null)
    yaml.representer.ignore_aliases = lambda _data: True  # the loader refuses aliases: never write one
    return yaml


def _null(representer: Any, _value: None) -> Any:
    """Nulls as `null`, as docctl writes them (ruamel's default would leave the value empty)."""
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


@dataclass
class EditableDocument:
    """One Markdown file opened for editing: its front matter as a round-trip mapping and its body."""

    path: Path
    front: CommentedMap
    body: str
    bom: bool = False
    crlf: bool = False

    def render(self) -> str:
        out = io.StringIO()
        round_trip_yaml().dump(self.front, out)
        text = "---\n" + out.getvalue() + "---\n" + self.body
        if self.crlf:
            text = text.replace("\n", "\r\n")
        return (_BOM if self.bom else "") + text

    def save(self) -> None:
        write_atomic(self.path, self.render().encode("utf-8"))


def open_document(path: Path) -> EditableDocument:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: 无法读取 / cannot read: {exc.strerror or exc}") from exc
    return parse_document(path, raw)


def parse_document(path: Path, raw: bytes) -> EditableDocument:
    """The file's bytes opened for editing (`path` is where `save` writes)."""
    text, problem = decode(raw)
    if text is None:
        raise InputError(f"{path}: 不是 UTF-8 文本 / not UTF-8 text ({problem.rule if problem else '?'})")
    src = split(text)
    if src.front is None or src.problems:
        raise InputError(
            f"{path}: 前置元数据有误，请先运行 docctl check / "
            "the front matter is faulty: run docctl check first"
        )
    try:
        front = round_trip_yaml().load(src.front)
    except YAMLError as exc:
        raise InputError(f"{path}: YAML 错误 / YAML error: {str(exc).splitlines()[0]}") from exc
    if not isinstance(front, CommentedMap):
        raise InputError(f"{path}: 前置元数据不是映射 / the front matter is not a mapping")
    return EditableDocument(path, front, src.body, raw.startswith(b"\xef\xbb\xbf"), b"\r\n" in raw)


def new_document(path: Path, front: CommentedMap, body: str) -> EditableDocument:
    return EditableDocument(path, front, body)


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old file or the new one, never half of one."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o7777 if path.exists() else new_file_mode())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def new_file_mode() -> int:
    """What open() would give a new file: 0666 less the umask (mkstemp makes 0600 files)."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def version_value(text: str) -> Any:
    """A version as YAML must keep it: always a quoted string ("1.10", never 1.1)."""
    return DoubleQuotedScalarString(text)


def put(mapping: CommentedMap, key: str, value: Any, order: Sequence[str]) -> None:
    """Set `key`; a new key goes after the nearest key that precedes it in `order`.

    A comment after the mapping's last line (ruamel keeps it on the last key) stays after the
    mapping when the new key becomes the last one.
    """
    if key in mapping:
        mapping[key] = value
        return
    position = len(mapping)
    if key in order:
        earlier = order[: order.index(key)]
        later = order[order.index(key) + 1 :]
        keys = list(mapping.keys())
        after = [i for i, k in enumerate(keys) if k in earlier]
        before = [i for i, k in enumerate(keys) if k in later]
        position = after[-1] + 1 if after else (before[0] if before else position)
    trailing = detach_trailing(mapping) if position == len(mapping) else None
    mapping.insert(position, key, value)
    attach_trailing(mapping, trailing)


def append_row(rows: CommentedSeq, row: CommentedMap) -> None:
    """Append `row`; the comment lines after the old last row stay after the sequence."""
    trailing = detach_trailing(rows)
    rows.append(row)
    attach_trailing(rows, trailing)


def detach_trailing(node: Any) -> CommentToken | None:
    """Take the comment lines that follow the last line of `node` (ruamel attaches them to its
    deepest last entry). An end-of-line comment on that last line stays where it is."""
    owner = _last_entry(node)
    if owner is None:
        return None
    container, key = owner
    slots = container.ca.items.get(key)
    slot = 2 if isinstance(container, CommentedMap) else 0
    token = slots[slot] if slots and len(slots) > slot else None
    if not isinstance(token, CommentToken):
        return None
    eol, newline, rest = token.value.partition("\n")
    if not rest:
        return None  # only an end-of-line comment: it belongs to that line
    if eol.strip():
        token.value = eol + newline
    else:
        slots[slot] = None
    return CommentToken("\n" + rest, token.start_mark, None)


def attach_trailing(node: Any, token: CommentToken | None) -> None:
    owner = _last_entry(node)
    if token is None or owner is None:
        return
    container, key = owner
    slot = 2 if isinstance(container, CommentedMap) else 0
    slots = container.ca.items.setdefault(key, [None, None, None, None])
    current = slots[slot]
    if isinstance(current, CommentToken):
        current.value = current.value.rstrip("\n") + token.value
    else:
        slots[slot] = token


def _last_entry(node: Any) -> tuple[CommentedMap | CommentedSeq, Any] | None:
    """The innermost (container, key) holding the last line of `node`."""
    if not isinstance(node, (CommentedMap, CommentedSeq)) or not node:
        return None
    key = list(node.keys())[-1] if isinstance(node, CommentedMap) else len(node) - 1
    return _last_entry(node[key]) or (node, key)


def history_rows(front: CommentedMap) -> CommentedSeq:
    rows = front.get("history")
    if not isinstance(rows, CommentedSeq):
        rows = CommentedSeq()
        front["history"] = rows
    return rows


def new_row(values: dict[str, Any]) -> CommentedMap:
    row = CommentedMap()
    for key, value in values.items():
        row[key] = value
    return row
