"""List continuation paragraphs: pandoc's DOCX writer indents a list item's second paragraph with a
numbering whose level is a bullet with a blank marker, and its reader takes that for a new bullet item.
Word shows no marker there, so on import such paragraphs get a numbering id with no definition, which
the reader folds into the item before them (as Word users' own `List Paragraph` continuations)."""

from __future__ import annotations

from lxml import etree

from docctl.docx.wordxml import W

UNDEFINED_NUM = "2147483646"


def blank_levels(numbering: etree._Element | None) -> set[tuple[str, str]]:
    """(numId, ilvl) pairs whose level shows no marker: a blank bullet, or the format `none`."""
    if numbering is None:
        return set()
    blank_abstract: set[tuple[str, str]] = set()
    for abstract in numbering.iter(f"{W}abstractNum"):
        aid = abstract.get(f"{W}abstractNumId", "")
        for lvl in abstract.iter(f"{W}lvl"):
            if _shows_nothing(lvl):
                blank_abstract.add((aid, lvl.get(f"{W}ilvl", "0")))
    result = set()
    for num in numbering.iter(f"{W}num"):
        ref = num.find(f"{W}abstractNumId")
        aid = ref.get(f"{W}val", "") if ref is not None else ""
        result |= {(num.get(f"{W}numId", ""), ilvl) for a, ilvl in blank_abstract if a == aid}
    return result


def _shows_nothing(lvl: etree._Element) -> bool:
    fmt = lvl.find(f"{W}numFmt")
    text = lvl.find(f"{W}lvlText")
    kind = fmt.get(f"{W}val", "") if fmt is not None else ""
    marker = text.get(f"{W}val", "") if text is not None else ""
    return kind == "none" or (kind == "bullet" and not marker.strip())


def fold_continuations(document: etree._Element, blank: set[tuple[str, str]]) -> int:
    """Renumber the blank-marker paragraphs to an undefined id; how many there were."""
    count = 0
    for numpr in document.iter(f"{W}numPr"):
        num, lvl = numpr.find(f"{W}numId"), numpr.find(f"{W}ilvl")
        if num is None:
            continue
        key = (num.get(f"{W}val", ""), lvl.get(f"{W}val", "0") if lvl is not None else "0")
        if key in blank:
            num.set(f"{W}val", UNDEFINED_NUM)
            count += 1
    return count
