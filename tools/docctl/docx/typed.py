"""Headings typed by hand in legacy Word files, without heading styles: `5.1. 总经理`, `2 .适用范围`,
`一、总则`, `（一）目的`, `1编写目的` (no separator) when the hand-typed 目录 lists that very line, and the
regulation layout `第一章 总则` / `第一节 一般规定` / `第一条 …`.

The number is dropped from the title; its depth gives the level (`一、` 1, `（一）` 2; `5.1.` 2). In a file
numbered in Chinese, `1.` lines are items under those headings, not headings.

Regulation layout: 第X章 is level 1 and 第X节 the level under it; `一、` and `（一）` (if any) go below those.
An article (第X条) is not a heading: it is a numbered provision, usually a whole sentence, and other
articles refer to it by its number (依照本办法第五条), so it stays a paragraph that begins with its number;
in a file with articles, `一、` / `（一）` / `1.` are the items (款, 项, 目) of an article, not headings."""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = "一二三四五六七八九十"
CN_NUMBER = CN_DIGITS + "百千零〇两"
ARABIC = re.compile(r"^\s*(\d{1,2}(?:\s*[.．]\s*\d{1,2})*)(?:\s*[.．、]\s*|\s+)(?=\D)(.+)$")
BARE = re.compile(r"^\s*(\d{1,2}(?:[.．]\d{1,2})*)(?=[\u4e00-\u9fff])(.+)$")
CN1 = re.compile(rf"^\s*([{CN_DIGITS}]{{1,3}})\s*[、.．]\s*(.+)$")
CN2 = re.compile(rf"^\s*[（(]\s*([{CN_DIGITS}]{{1,3}})\s*[）)]\s*(.+)$")
PART = re.compile(rf"^\s*第\s*([{CN_NUMBER}]{{1,6}}|\d{{1,3}})\s*([章节])(?:\s*[:：、.．]\s*|\s*)(.+)$")
ARTICLE = re.compile(rf"^\s*第\s*(?:[{CN_NUMBER}]{{1,6}}|\d{{1,3}})\s*条")
TOC_LINE = re.compile(r"(?:\t|[.．…·]{3,})\s*\d+\s*$")
SENTENCE_PUNCT = re.compile(r"[。；;，,：:！？]")
MAX_TITLE = 40


@dataclass(frozen=True)
class Typed:
    level: int
    title: str
    first: bool        # numbered 1 or 一: a body may start here
    number: tuple[int, ...] = ()   # an arabic number (5.1 → (5, 1)); empty for Chinese numbering


def is_toc_line(text: str) -> bool:
    return bool(TOC_LINE.search(text)) or text.strip() == "目录"


def toc_key(text: str) -> str:
    """A typed 目录 line or a body line reduced to compare them: no page number, no spaces."""
    return re.sub(r"\s+", "", TOC_LINE.sub("", text))


class Headings:
    """Recognises typed headings in one file; `listed` are the lines of its typed 目录."""

    def __init__(self, listed: set[str], lines: list[str]) -> None:
        self.listed = {toc_key(t) for t in listed} - {"目录", ""}
        parts = {m.group(2) for t in lines if (m := PART.match(t)) and not is_toc_line(t)}
        articles = any(ARTICLE.match(t) for t in lines)
        self.levels = {kind: 0 for kind in ("章", "节", "cn1", "cn2")}
        depth = 0
        for kind in ("章", "节"):
            if kind in parts:
                depth += 1
                self.levels[kind] = depth
        if not articles:
            self.levels["cn1"], self.levels["cn2"] = min(depth + 1, 6), min(depth + 2, 6)
        self.chinese = bool(parts) or articles or any(self._chinese(t) for t in lines)

    def heading(self, text: str) -> Typed | None:
        found = self._chinese(text)
        if found or self.chinese:
            return found
        m = ARABIC.match(text)
        if m and _headingish(m.group(2)):
            number = m.group(1)
        else:
            m = BARE.match(text)
            if not (m and self.listed_line(text) and _headingish(m.group(2))):
                return None
            number = m.group(1)
        digits = tuple(int(d) for d in re.findall(r"\d+", number))
        return Typed(min(len(digits), 6), m.group(2).strip(), digits == (1,), digits)

    def listed_line(self, text: str) -> bool:
        """The typed 目录 lists this very line."""
        return toc_key(text) in self.listed

    def _chinese(self, text: str) -> Typed | None:
        m = PART.match(text)
        if m and self.levels[m.group(2)] and _headingish(m.group(3)):
            return Typed(self.levels[m.group(2)], m.group(3).strip(), m.group(1) in ("一", "1"))
        for kind, pattern in (("cn1", CN1), ("cn2", CN2)):
            m = pattern.match(text)
            if m and self.levels[kind] and _headingish(m.group(2)):
                return Typed(self.levels[kind], m.group(2).strip(), m.group(1) == "一")
        return None


def item_number(text: str) -> tuple[int, ...] | None:
    """The typed number a line begins with (`2. 负责审批……。` → (2,)), heading or not."""
    m = ARABIC.match(text)
    return tuple(int(d) for d in re.findall(r"\d+", m.group(1))) if m else None


def continues(path: tuple[int, ...] | None, number: tuple[int, ...]) -> bool:
    """Whether a heading numbered `number` can follow the heading numbered `path` (None: not known):
    2.2 or 3 after 2.1, 2.1.1 after 2.1; not 1 after 2.1, which restarts a list."""
    if path is None or not number:
        return True
    head, last = number[:-1], number[-1]
    if len(number) <= len(path):
        return head == path[:len(number) - 1] and last == path[len(number) - 1] + 1
    return len(number) == len(path) + 1 and head == path and last == 1


def _headingish(title: str) -> bool:
    title = title.strip()
    return 0 < len(title) <= MAX_TITLE and not SENTENCE_PUNCT.search(title)
