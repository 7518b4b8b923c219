"""Clause numbers of a document mapped to the heading anchors of its site page, and clause badges there.

A document page (document_page.render) puts the body under the heading `## 正文`, every body heading two
levels down; docctl.clauses numbers the page's headings, so body clause "7.3.1" is page clause
"<number of 正文>.7.3.1". Anchors are made as MkDocs' toc extension makes them with the slugify of
mkdocs.yml (`pymdownx.slugs.slugify`, `case: lower`), unique within the page (`_1`, `_2` suffixes);
`mkdocs build --strict` with `validation.anchors` checks every link made from them.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from markdown.extensions.toc import unique
from pymdownx.slugs import slugify

from docctl.clauses import Clause, clauses_of
from docctl.site.labels import word

_SLUG = slugify(case="lower")
_MARKUP = re.compile(r"\\(.)|\*\*|__|\*|`")  # a backslash escape keeps its character, emphasis goes
BODY_SHIFT = 2


def heading_text(title: str) -> str:
    """A heading's Markdown as the toc extension reads its text (escapes and emphasis removed)."""
    return html.unescape(_MARKUP.sub(lambda m: m.group(1) or "", title))


@lru_cache(maxsize=64)
def page_headings(markdown: str) -> tuple[tuple[Clause, str], ...]:
    """Every heading of a page, numbered, with the anchor the toc extension gives it."""
    ids: set[str] = set()
    return tuple((c, unique(_SLUG(heading_text(c.title), "-"), ids)) for c in clauses_of(markdown))


def body_clauses(markdown: str, lang: str) -> dict[str, tuple[Clause, str]]:
    """Body clause number -> (the page's heading, its anchor), for a document page's Markdown."""
    headings = page_headings(markdown)
    body = next((c for c, _ in headings if c.level == 2 and c.title == word(lang, "body")), None)
    if body is None:
        return {}
    prefix = body.number + "."
    return {
        c.number[len(prefix):]: (c, anchor)
        for c, anchor in headings
        if c.number.startswith(prefix)
    }


def clause_anchors(markdown: str, lang: str) -> dict[str, str]:
    return {number: anchor for number, (_, anchor) in body_clauses(markdown, lang).items()}


def add_badges(markdown: str, badges: Mapping[str, str], lang: str) -> str:
    """Put each clause's badge in a paragraph right under its heading (the anchor stays as it was)."""
    if not badges:
        return markdown
    lines = markdown.split("\n")
    at = {c.line - 1: badges[n] for n, (c, _) in body_clauses(markdown, lang).items() if n in badges}
    for index in sorted(at, reverse=True):
        lines[index + 1:index + 1] = ["", f'<p class="docctl-clause-status">{at[index]}</p>', ""]
    return "\n".join(lines)


_OPEN_HEADING = re.compile(r'<h([1-6]) id="([^"]+)">')


def numbers_by_anchor(markdown: str, lang: str) -> dict[str, str]:
    """Heading anchor -> body clause number ("内审要求" -> "7.3.1"), for a document page's Markdown."""
    return {html.escape(anchor): number for number, (_, anchor) in body_clauses(markdown, lang).items()}


def number_headings(page_html: str, numbers: Mapping[str, str]) -> str:
    """Show each body clause's number in front of its heading (`7.3.1 内审要求`); the anchor stays as it was,
    so records' clause links and the badges still find it. Done on the HTML, after the toc extension."""
    if not numbers:
        return page_html

    def numbered(m: re.Match[str]) -> str:
        number = numbers.get(m.group(2))
        if not number or _typed(page_html, m.end(), number):
            return m.group(0)
        return m.group(0) + f'<span class="docctl-clause-number">{number}</span> '

    return _OPEN_HEADING.sub(numbered, page_html)


def _typed(page_html: str, at: int, number: str) -> bool:
    """The heading already starts with its number as typed (`# 5.1 要求`, `5.1. 要求`): not shown twice."""
    return re.compile(re.escape(number) + r"(?:\.?[\s\u3000]|、|\.?$|\.?(?=<))").match(page_html, at) is not None


def number_toc(items: Iterable[Any], numbers: Mapping[str, str]) -> None:
    """The same numbers in the page's table of contents (MkDocs AnchorLink items: title, id, children)."""
    for item in items:
        number = numbers.get(html.escape(item.id))
        if number and not _typed(item.title, 0, number):
            item.title = f"{number} {item.title}"
        number_toc(item.children, numbers)
