"""Headings typed by hand in legacy Word files, without heading styles: `5.1. 总经理`, `2 .适用范围`,
`一、总则`, `（一）目的`, and `1编写目的` (no separator) when the hand-typed 目录 lists that very line.

The number is dropped from the title; its depth gives the level (`一、` 1, `（一）` 2; `5.1.` 2). In a file
numbered in Chinese, `1.` lines are items under those headings, not headings."""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = "一二三四五六七八九十"
ARABIC = re.compile(r"^\s*(\d{1,2}(?:\s*[.．]\s*\d{1,2})*)(?:\s*[.．、]\s*|\s+)(?=\D)(.+)$")
BARE = re.compile(r"^\s*(\d{1,2}(?:[.．]\d{1,2})*)(?=[\u4e00-\u9fff])(.+)$")
CN1 = re.compile(rf"^\s*([{CN_DIGITS}]{{1,3}})\s*[、.．]\s*(.+)$")
CN2 = re.compile(rf"^\s*[（(]\s*([{CN_DIGITS}]{{1,3}})\s*[）)]\s*(.+)$")
TOC_LINE = re.compile(r"(?:\t|[.．…·]{3,})\s*\d+\s*$")
SENTENCE_PUNCT = re.compile(r"[。；;，,：:！？]")
MAX_TITLE = 40


@dataclass(frozen=True)
class Typed:
    level: int
    title: str
    first: bool        # numbered 1 or 一: a body may start here


def is_toc_line(text: str) -> bool:
    return bool(TOC_LINE.search(text)) or text.strip() == "目录"


def toc_key(text: str) -> str:
    """A typed 目录 line or a body line reduced to compare them: no page number, no spaces."""
    return re.sub(r"\s+", "", TOC_LINE.sub("", text))


class Headings:
    """Recognises typed headings in one file; `listed` are the lines of its typed 目录."""

    def __init__(self, listed: set[str], lines: list[str]) -> None:
        self.listed = {toc_key(t) for t in listed} - {"目录", ""}
        self.chinese = any(self._chinese(t) for t in lines)

    def heading(self, text: str) -> Typed | None:
        found = self._chinese(text)
        if found or self.chinese:
            return found
        m = ARABIC.match(text)
        if m and _headingish(m.group(2)):
            number = m.group(1)
        else:
            m = BARE.match(text)
            if not (m and toc_key(text) in self.listed and _headingish(m.group(2))):
                return None
            number = m.group(1)
        depth = len(re.findall(r"\d+", number))
        return Typed(min(depth, 6), m.group(2).strip(), number.strip() == "1")

    @staticmethod
    def _chinese(text: str) -> Typed | None:
        for level, pattern in ((1, CN1), (2, CN2)):
            m = pattern.match(text)
            if m and _headingish(m.group(2)):
                return Typed(level, m.group(2).strip(), m.group(1) == "一")
        return None


def _headingish(title: str) -> bool:
    title = title.strip()
    return 0 < len(title) <= MAX_TITLE and not SENTENCE_PUNCT.search(title)
