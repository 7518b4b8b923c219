"""Body tables as a Word user lays them out: columns sized by their content to fill the text width
(w:tblGrid for LibreOffice and each cell's w:tcW for Word), borders, a bold shaded header row repeated on
every page, rows kept whole, and a table text style (五号, single spacing) instead of the body's."""

from __future__ import annotations

import re
from copy import copy

from lxml import etree

from docctl.docx.layout import PAGE
from docctl.docx.ooxml import BORDERS, W_NS

W = f"{{{W_NS}}}"
TABLE = re.compile(r"<w:tbl>.*?</w:tbl>", re.S)
ROOT_NS = re.compile(r'xmlns:\w+="[^"]*"')
EM = 210            # 五号 (10.5 pt) in twentieths of a point
PADDING = 220       # cell margins left + right, and a little air
MIN_EMS = 2.0       # no column narrower than two characters
HEAD_EMS = 4.0      # a header up to four characters stays on one line
WIDE = re.compile(r"[\u1100-\u11ff\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")
WORD = re.compile(r"[!-~]+")
TCPR_ORDER = ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
              "textDirection", "tcFitText", "vAlign", "hideMark")
RANK = {name: i for i, name in enumerate(TCPR_ORDER)}
SHADE = etree.Element(f"{W}shd", {f"{W}val": "clear", f"{W}color": "auto", f"{W}fill": "F2F2F2"})
VALIGN = etree.Element(f"{W}vAlign", {f"{W}val": "center"})
TABLE_STYLES = {"Compact": "TableText", "BodyText": "TableText", "FirstParagraph": "TableText"}


def format_tables(document: str) -> str:
    """Every table pandoc wrote in document.xml, laid out; nested tables are left as pandoc made them."""
    namespaces = " ".join(ROOT_NS.findall(document[:document.index(">", document.index("<w:document"))]))

    def one(match: re.Match[str]) -> str:
        chunk = match.group(0)
        if chunk.count("<w:tbl>") > 1:
            return chunk
        root = etree.fromstring(f"<root {namespaces}>{chunk}</root>")
        _layout(root[0])
        text = str(etree.tostring(root[0], encoding="unicode"))
        end = text.index(">")
        return re.sub(r'\s+xmlns:\w+="[^"]*"', "", text[:end]) + text[end:]
    return TABLE.sub(one, document)


def ems(text: str) -> float:
    """Width of a text in ems: CJK and full-width characters one em, others a little over half."""
    wide = len(WIDE.findall(text))
    return wide + 0.55 * (len(text) - wide)


def column_widths(rows: list[list[str]], header_rows: int, available: int = PAGE.text_width) -> list[int]:
    """Content-sized widths that fill `available`. Columns whose whole content fits in a fair share get
    all they want (short columns stay on one line); the long ones share the rest, each at least its
    longest word and its header (up to four characters)."""
    least, want = _demands(rows, header_rows)
    low = [EM * e + PADDING for e in least]
    high = [max(EM * e + PADDING, lo) for e, lo in zip(want, low, strict=True)]
    if sum(high) <= available:
        return _rounded([h * available / sum(high) for h in high], available)
    widths: dict[int, float] = {}
    while len(widths) < len(high):
        free = [c for c in range(len(high)) if c not in widths]
        fair = (available - sum(widths.values())) / len(free)
        small = [c for c in free if high[c] <= fair]
        if not small:
            break
        widths.update({c: high[c] for c in small})
    free = [c for c in range(len(high)) if c not in widths]
    budget = available - sum(widths.values())
    floor, ceiling = sum(low[c] for c in free), sum(high[c] for c in free)
    for c in free:
        widths[c] = (low[c] * budget / floor if budget <= floor
                     else low[c] + (high[c] - low[c]) * (budget - floor) / (ceiling - floor))
    return _rounded([widths[c] for c in range(len(high))], available)


def _demands(rows: list[list[str]], header_rows: int) -> tuple[list[float], list[float]]:
    """Per column, in ems: the least width (longest word, header) and the width of its longest line."""
    count = max(len(r) for r in rows)
    least, want = [MIN_EMS] * count, [MIN_EMS] * count
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            want[c] = max(want[c], *(ems(line) for line in text.split("\n")))
            words = [ems(w) for w in WORD.findall(text)]
            least[c] = max(least[c], *words, min(ems(text), HEAD_EMS) if r < header_rows else 0)
    return least, want


def _rounded(widths: list[float], available: int) -> list[int]:
    result = [int(w) for w in widths]
    result[-1] += available - sum(result)
    return result


def _layout(tbl: etree._Element) -> None:
    rows = tbl.findall(f"{W}tr")
    if not rows:
        return
    header_rows = sum(1 for tr in rows if tr.find(f"{W}trPr/{W}tblHeader") is not None)
    widths = column_widths([_grid_texts(tr) for tr in rows], header_rows)
    _table_properties(tbl, sum(widths))
    grid = tbl.find(f"{W}tblGrid")
    if grid is not None:
        grid.clear()
        for w in widths:
            etree.SubElement(grid, f"{W}gridCol").set(f"{W}w", str(w))
    for r, tr in enumerate(rows):
        _row(tr, widths, header=r < header_rows)


def _grid_texts(tr: etree._Element) -> list[str]:
    """A row's text per grid column: a cell spanning columns demands nothing of any one of them (its
    columns are sized by the rows that fill them), so the cells after it keep their own columns."""
    texts: list[str] = []
    for tc in tr.findall(f"{W}tc"):
        span = _span(tc)
        texts.extend([_cell_text(tc)] if span == 1 else [""] * span)
    return texts


def _row(tr: etree._Element, widths: list[int], *, header: bool) -> None:
    trpr = tr.find(f"{W}trPr")
    if trpr is None:
        trpr = etree.Element(f"{W}trPr")
        tr.insert(0, trpr)
    if trpr.find(f"{W}cantSplit") is None:
        trpr.insert(0, etree.Element(f"{W}cantSplit"))
    col = 0
    for tc in tr.findall(f"{W}tc"):
        span = _span(tc)
        _cell(tc, sum(widths[col:col + span]), header=header)
        col += span


def _cell(tc: etree._Element, width: int, *, header: bool) -> None:
    tcpr = tc.find(f"{W}tcPr")
    if tcpr is None:
        tcpr = etree.Element(f"{W}tcPr")
        tc.insert(0, tcpr)
    tcw = etree.Element(f"{W}tcW", {f"{W}w": str(width), f"{W}type": "dxa"})
    added = [tcw, copy(SHADE), copy(VALIGN)] if header else [tcw, copy(VALIGN)]
    if len(tcpr):   # merged cells: keep gridSpan / vMerge, all in the schema's order
        kept = {etree.QName(c).localname: c for c in tcpr}
        kept.update({etree.QName(c).localname: c for c in added})
        added = [kept[name] for name in sorted(kept, key=lambda n: RANK.get(n, len(RANK)))]
    tcpr[:] = added
    for p in tc.iter(f"{W}p"):
        _cell_paragraph_style(p, header=header)


def _cell_paragraph_style(p: etree._Element, *, header: bool) -> None:
    """Table text instead of the body's; a paragraph without a style (the empty paragraph pandoc puts in
    a vertically merged continuation cell) gets it too, or it would take the body's indent and spacing."""
    ppr = p.find(f"{W}pPr")
    if ppr is None:
        ppr = etree.Element(f"{W}pPr")
        p.insert(0, ppr)
    style = ppr.find(f"{W}pStyle")
    if style is None:
        style = etree.Element(f"{W}pStyle", {f"{W}val": "Compact"})
        ppr.insert(0, style)
    old = style.get(f"{W}val", "")
    if old in TABLE_STYLES:
        style.set(f"{W}val", "TableHeading" if header else TABLE_STYLES[old])


def _table_properties(tbl: etree._Element, width: int) -> None:
    tblpr = tbl.find(f"{W}tblPr")
    style = tblpr.find(f"{W}tblStyle") if tblpr is not None else None
    look = tblpr.find(f"{W}tblLook") if tblpr is not None else None
    new = etree.fromstring(
        f'<w:tblPr xmlns:w="{W_NS}"><w:tblW w:w="{width}" w:type="dxa"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>'
        '</w:tblPr>')
    if style is not None:
        new.insert(0, style)
    if look is not None:
        new.append(look)
    if tblpr is not None:
        tbl.replace(tblpr, new)
    else:
        tbl.insert(0, new)


def _span(tc: etree._Element) -> int:
    span = tc.find(f"{W}tcPr/{W}gridSpan")
    return int(span.get(f"{W}val", "1")) if span is not None else 1


def _cell_text(tc: etree._Element) -> str:
    return "\n".join("".join(p.itertext(f"{W}t")) for p in tc.iter(f"{W}p"))
