"""Refuse hostile DOCX before anything parses them: entry count, unpacked size, compression ratio, names,
and DTD / entity declarations in the XML parts (Word never writes them; they are how external entities and
entity expansion bombs get in)."""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from docctl.errors import InputError


@dataclass(frozen=True)
class Limits:
    max_entries: int = 1000
    max_unpacked: int = 64 * 1024 * 1024       # all entries together
    max_entry: int = 32 * 1024 * 1024          # one entry
    max_ratio: float = 100.0                   # unpacked / packed, per entry and overall
    max_file: int = 32 * 1024 * 1024           # the .docx itself


LIMITS = Limits()
REQUIRED = "word/document.xml"
XML_PART = (".xml", ".rels", ".vml")
CHUNK = 64 * 1024
# `<!DOCTYPE` / `<!ENTITY`, searched with NUL bytes dropped so that UTF-16 parts are caught too.
DECLARATION = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.I)


def inspect(path: Path, limits: Limits = LIMITS) -> None:
    """Raise InputError unless `path` is a DOCX within limits: the zip directory first, then (within
    those limits) the XML parts' text for declarations."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror}) / 无法读取") from exc
    if size > limits.max_file:
        raise InputError(f"{path}: refused: file is {size} bytes, limit {limits.max_file} "
                         "(文件过大，拒绝导入)")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(f"{path}: refused: not a DOCX (zip) file: {exc} (不是 DOCX 文件，拒绝导入)") from exc
    _check_entries(path, infos, limits)
    _check_declarations(path)


def _check_declarations(path: Path) -> None:
    """Refuse a DTD or entity declaration in any XML part; reads the parts in chunks (their sizes are
    within the limits checked before)."""
    try:
        with zipfile.ZipFile(path) as zf:
            found = next((info.filename for info in zf.infolist()
                          if info.filename.lower().endswith(XML_PART) and _declares(zf, info)), None)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error) as exc:
        raise InputError(f"{path}: refused: not a readable DOCX (zip) file: {exc} "
                         "(压缩包损坏，拒绝导入)") from exc
    if found:
        raise InputError(f"{path}: refused: {found} declares a DTD or entities (<!DOCTYPE / <!ENTITY), "
                         "which Word never writes and which can pull in external files "
                         "(含 DTD 或实体声明，可能引用外部实体，拒绝导入)")


def _declares(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    tail = b""
    with zf.open(info) as part:
        while chunk := part.read(CHUNK):
            text = tail + chunk.replace(b"\x00", b"")
            if DECLARATION.search(text):
                return True
            tail = text[-32:]
    return False


def _check_entries(path: Path, infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(infos) > limits.max_entries:
        raise InputError(f"{path}: refused: {len(infos)} zip entries, limit {limits.max_entries} "
                         "(压缩包条目过多，拒绝导入)")
    names = {i.filename for i in infos}
    if REQUIRED not in names:
        raise InputError(f"{path}: refused: no {REQUIRED}, not a Word document (不是 Word 文档，拒绝导入)")
    total = packed = 0
    for info in infos:
        if info.filename.startswith(("/", "\\")) or ".." in info.filename.split("/"):
            raise InputError(f"{path}: refused: unsafe entry name {info.filename!r} "
                             "(条目路径不安全，拒绝导入)")
        if info.file_size > limits.max_entry:
            raise InputError(f"{path}: refused: entry {info.filename} unpacks to {info.file_size} bytes, "
                             f"limit {limits.max_entry} (解压后过大，拒绝导入)")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > 1024 * 1024 and ratio > limits.max_ratio:
            raise InputError(f"{path}: refused: entry {info.filename} compression ratio {ratio:.0f}:1, "
                             f"limit {limits.max_ratio:.0f}:1 (压缩比异常，疑似压缩炸弹，拒绝导入)")
        total += info.file_size
        packed += info.compress_size
    if total > limits.max_unpacked:
        raise InputError(f"{path}: refused: unpacks to {total} bytes, limit {limits.max_unpacked} "
                         "(解压后总大小超限，拒绝导入)")
    if total > 1024 * 1024 and total / max(packed, 1) > limits.max_ratio:
        raise InputError(f"{path}: refused: overall compression ratio {total / max(packed, 1):.0f}:1 "
                         "(压缩比异常，疑似压缩炸弹，拒绝导入)")
