"""From bytes on disk to front-matter text and body: encodings, BOM, CRLF, delimiters."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docctl.yamlsafe import Problem

_BOM = "\ufeff"
_FULLWIDTH_KEY = re.compile(r"^(\s*-?\s*)([A-Za-z_][\w-]*)\s*：", re.MULTILINE)
_TAB_INDENT = re.compile(r"^[ ]*\t", re.MULTILINE)
_CLOSING = re.compile(r"^(---|\.\.\.)[ \t]*$", re.MULTILINE)


@dataclass
class SourceFile:
    """A text file split into front matter and body; line numbers are 1-based."""

    text: str = ""
    front: str | None = None
    front_line: int = 2  # line of the first front-matter line
    body: str = ""
    body_line: int = 1
    problems: list[Problem] = field(default_factory=list)


def decode(raw: bytes) -> tuple[str | None, Problem | None]:
    """UTF-8 (BOM and CRLF accepted) or a problem naming what the bytes are."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return None, Problem(0, 0, "encoding-utf16", {})
    if b"\x00" in raw[:8192]:
        return None, Problem(0, 0, "file-binary", {})
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if _is_gb18030(raw):
            return None, Problem(0, 0, "encoding-gbk", {})
        return None, _invalid_at(raw, exc.start)
    if text.startswith(_BOM):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, None


def _invalid_at(raw: bytes, start: int) -> Problem:
    """The first byte that is not UTF-8, as a 0-based line and column (characters before it)."""
    line_start = raw.rfind(b"\n", 0, start) + 1
    col = len(raw[line_start:start].decode("utf-8", errors="replace"))
    return Problem(raw.count(b"\n", 0, start), col, "encoding-invalid", {"byte": start})


def _is_gb18030(raw: bytes) -> bool:
    try:
        text = raw.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def split(text: str) -> SourceFile:
    """Split `---` front matter from the body; report a missing or unclosed block."""
    src = SourceFile(text=text)
    if not (text.startswith("---\n") or text == "---"):
        src.problems.append(Problem(0, 0, "front-matter-missing", {}))
        src.body = text
        return src
    start = _closing_line(text)
    if start is None:
        src.problems.append(Problem(0, 0, "front-matter-unclosed", {}))
        return src
    src.front = text[4:start] or "\n"  # the lines between the delimiters, each ending in a newline
    after = text.find("\n", start)
    src.body = text[after + 1:] if after >= 0 else ""
    src.body_line = text.count("\n", 0, start) + 2
    problems = prescan(src.front)
    if problems:
        src.problems.extend(problems)
        src.front = repair(src.front)
    return src


def _closing_line(text: str) -> int | None:
    """Offset of the `---` (or `...`) line that closes the front matter."""
    match = _CLOSING.search(text, 1)
    return match.start() if match else None


def prescan(front: str) -> list[Problem]:
    """Faults that YAML reports obscurely or not at all: tabs, full-width colons after keys."""
    if "\t" not in front and "：" not in front:
        return []
    problems: list[Problem] = []
    for m in _TAB_INDENT.finditer(front):
        line = front.count("\n", 0, m.start())
        problems.append(Problem(line, m.end() - m.start() - 1, "yaml-tab", {}))
    for m in _FULLWIDTH_KEY.finditer(front):
        line = front.count("\n", 0, m.start())
        problems.append(Problem(line, len(m.group(1)) + len(m.group(2)), "yaml-fullwidth-colon",
                                {"key": m.group(2)}))
    return problems


def repair(front: str) -> str:
    """The front matter with tabs and full-width colons mended, so every other fault still shows."""
    front = _TAB_INDENT.sub(lambda m: m.group(0).replace("\t", "  "), front)
    return _FULLWIDTH_KEY.sub(lambda m: f"{m.group(1)}{m.group(2)}: ", front)
