"""Headings typed by hand in legacy Word files, without heading styles: `5.1. 总经理`, `2 .适用范围`,
`一、总则`, `（一）目的`, `1编写目的` (no separator) when the hand-typed 目录 lists that very line, and the
regulation layout `第一章 总则` / `第一节 一般规定` / `第一条 …`.

The number is dropped from the title; its depth gives the level (`一、` 1, `（一）` 2; `5.1.` 2). In a file
numbered in Chinese, `1.` lines are items under those headings, not headings.

Regulation layout: 第X章 is level 1 and 第X节 the level under it; `一、` and `（一）` (if any) go below those.
An article (第X条) is not a heading: it is a numbered provision, usually a whole sentence, and other
articles refer to it by its number (依照本办法第五条), so it stays a paragraph that begins with its number;
in a file with articles, `一、` / `（一）` / `1.` are the items (款, 项, 目) of an article, not headings. With
chapters alone, `2.1` numbers a section of 第二章 (level 2). One sentence that begins with 第五条 or 第二章
(`第二章规定的职责……。`) does not make a file a regulation: it takes two articles, or a chapter title."""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS = "一二三四五六七八九十"
CN_NUMBER = CN_DIGITS + "百千零〇两"
CN_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
             "九": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000}
ARABIC = re.compile(r"^\s*(\d{1,2}(?:\s*[.．]\s*\d{1,2})*)(?:\s*[.．、]\s*|\s+)(?=\D)(.+)$")
BARE = re.compile(r"^\s*(\d{1,2}(?:[.．]\d{1,2})*)(?=[\u4e00-\u9fff])(.+)$")
CN1 = re.compile(rf"^\s*([{CN_DIGITS}]{{1,3}})\s*[、.．]\s*(.+)$")
CN2 = re.compile(rf"^\s*[（(]\s*([{CN_DIGITS}]{{1,3}})\s*[）)]\s*(.+)$")
PART = re.compile(rf"^\s*第\s*([{CN_NUMBER}]{{1,6}}|\d{{1,3}})\s*([章节])(?:\s*[:：、.．]\s*|\s*)(.+)$")
ARTICLE = re.compile(rf"^\s*第\s*([{CN_NUMBER}]{{1,6}}|\d{{1,3}})\s*条(?:\s*[:：、.．]\s*|\s*)")
TOC_LINE = re.compile(r"(?:\t|[.．…·]{3,})\s*\d+\s*$")
SENTENCE_PUNCT = re.compile(r"[。；;，,：:！？]")
MAX_TITLE = 40


@dataclass(frozen=True)
class Typed:
    level: int
    title: str
    first: bool        # numbered 1 or 一: a body may start here
    number: tuple[int, ...] = ()   # the number as integers (5.1 → (5, 1), 第二章 → (2,)); () if unknown
    sure: bool = False             # 第X章 / 一、 / （一）: a heading by its form, whatever the numbering
    article: bool = False          # a titled 第X条: one level below the chapter or section it is in


def is_toc_line(text: str) -> bool:
    return bool(TOC_LINE.search(text)) or text.strip() == "目录"


def toc_key(text: str) -> str:
    """A typed 目录 line or a body line reduced to compare them: no page number, no spaces."""
    return re.sub(r"\s+", "", TOC_LINE.sub("", text))


def cn_int(text: str) -> int:
    """一 → 1, 十二 → 12, 二十三 → 23, 一百零五 → 105, 7 → 7."""
    if text.isdigit():
        return int(text)
    total = current = 0
    for ch in text:
        if ch in CN_VALUES:
            current = CN_VALUES[ch]
        else:
            total += (current or 1) * CN_UNITS[ch]
            current = 0
    return total + current


class Headings:
    """Recognises typed headings in one file; `listed` are the lines of its typed 目录.

    With 第X章 alone (no 节, no articles, no 一、), arabic numbers number the sections inside the chapters:
    `2.1` is level 2 under 第二章, and a `1.` line is an item, not a heading."""

    def __init__(self, listed: set[str], lines: list[str]) -> None:
        self.listed = {toc_key(t) for t in listed} - {"目录", ""}
        parts = {m.group(2) for t in lines
                 if (m := PART.match(t)) and _headingish(m.group(3)) and not is_toc_line(t)}
        article_lines = [t for t in lines if ARTICLE.match(t) and not is_toc_line(t)]
        articles = len(article_lines) >= 2
        self.levels = _levels(parts, articles)
        # Titled articles (`第一条 目的`, every one a title, the provision in the paragraphs after it) are
        # headings one level below the chapters and sections, the number kept as it is cited.
        if articles and all(_headingish(ARTICLE.sub("", t, count=1)) for t in article_lines):
            self.levels["条"] = min(sum(1 for k in ("章", "节") if k in parts) + 1, 6)
        numbered_cn = any(self._chinese(t) for t in lines if not PART.match(t))
        self.chinese = articles or numbered_cn or "节" in parts   # arabic numbers are items
        self.arabic_from = 2 if "章" in parts else 1

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
        if len(digits) < self.arabic_from:
            return None
        return Typed(min(len(digits), 6), m.group(2).strip(), digits == (1,), digits)

    def listed_line(self, text: str) -> bool:
        """The typed 目录 lists this very line."""
        return toc_key(text) in self.listed

    def _chinese(self, text: str) -> Typed | None:
        m = PART.match(text)
        if m and self.levels[m.group(2)] and _headingish(m.group(3)):
            number = (cn_int(m.group(1)),) if m.group(2) == "章" else ()
            return Typed(self.levels[m.group(2)], m.group(3).strip(), m.group(1) in ("一", "1"), number, True)
        m = ARTICLE.match(text)
        if m and self.levels["条"]:
            title = re.sub(r"\s+", " ", text.strip())
            return Typed(self.levels["条"], title, m.group(1) in ("一", "1"), (), True, True)
        for kind, pattern in (("cn1", CN1), ("cn2", CN2)):
            m = pattern.match(text)
            if m and self.levels[kind] and _headingish(m.group(2)):
                return Typed(self.levels[kind], m.group(2).strip(), m.group(1) == "一", sure=True)
        return None


def _levels(parts: set[str], articles: bool) -> dict[str, int]:
    """The level of 第X章, 第X节, 一、 and （一） in one file (0: not a heading there)."""
    levels = {kind: 0 for kind in ("章", "节", "条", "cn1", "cn2")}
    depth = 0
    for kind in ("章", "节"):
        if kind in parts:
            depth += 1
            levels[kind] = depth
    if not articles:
        levels["cn1"], levels["cn2"] = min(depth + 1, 6), min(depth + 2, 6)
    return levels


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
