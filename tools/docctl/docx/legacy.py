"""The untrusted half of import, run in a limited child process: parse the DOCX, read the cover,
revision table, headers and properties, and write a cleaned body DOCX for pandoc."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

from docctl.docx.continuation import blank_levels, fold_continuations
from docctl.docx.coverread import cover_lead, read_cover
from docctl.docx.outline import outline
from docctl.docx.revtable import history_rows, is_revision_table
from docctl.docx.typed import Headings, Typed, is_toc_line
from docctl.docx.wordxml import Block, Package, Para, Table, W, text_of


def extract(source: Path, cleaned: Path) -> dict[str, Any]:
    package = Package(source)
    blocks = package.blocks()
    typed = Headings({b.text for b in blocks if isinstance(b, Para) and is_toc_line(b.text)},
                     [b.text for b in blocks if isinstance(b, Para)])
    start = body_start(blocks, typed)
    front, body = blocks[:start], blocks[start:]
    tables = [b for b in front if isinstance(b, Table) and is_revision_table(b)]
    history, notes = history_rows(tables[0]) if tables else ([], [])
    cover_blocks = [b for b in front
                    if b not in tables and not (isinstance(b, Para) and (b.toc or is_toc_line(b.text)))]
    cover = read_cover(cover_blocks)
    styled = any(isinstance(b, Para) and b.level for b in body)
    decided = outline(body, typed, styled)
    for block in front:
        _remove(block.element)
    for block in body:
        if isinstance(block, Para):
            _body_paragraph(block, decided.headings.get(block.block))
    fold_continuations(package.document, blank_levels(package.numbering))
    _write_cleaned(source, cleaned, package)
    return {"cover": cover.values, "places": cover.places, "conflicts": cover.conflicts,
            "unknown_dates": cover.unknown_dates, "unnamed": cover.unnamed, "history": history,
            "revision_notes": notes, "body_notes": decided.notes,
            "revision_table_at": tables[0].place(0, 0) if tables else None, "headers": package.header_texts(),
            "core": package.core_values(), "custom": package.custom_values()}


def body_start(blocks: list[Block], typed: Headings) -> int:
    """Where the body begins: the first real heading, else the first typed heading numbered 1 or 一
    after the front part (revision table, typed 目录), else right after that front part, else after the
    leading lines that still show a cover (organization, title)."""
    for i, b in enumerate(blocks):
        if isinstance(b, Para) and b.level and not b.toc:
            return i
    after = 0
    for i, b in enumerate(blocks):
        if (isinstance(b, Table) and is_revision_table(b)
                or isinstance(b, Para) and (b.toc or is_toc_line(b.text))):
            after = i + 1
    for i in range(after, len(blocks)):
        b = blocks[i]
        found = typed.heading(b.text) if isinstance(b, Para) else None
        if found and found.first:
            return i
    return after or cover_lead(blocks, lambda text: typed.heading(text) is not None)


def _body_paragraph(block: Para, found: Typed | None) -> None:
    """Drop a TOC line; a typed heading (`found`) gets a heading style unless it has one, and loses its
    typed number."""
    if block.toc:
        _remove(block.element)
        return
    if found is None:
        return
    if not block.level:
        _set_heading(block.element, found.level)
    _set_text(block.element, found.title)


def _set_heading(p: etree._Element, level: int) -> None:
    ppr = p.find(f"{W}pPr")
    if ppr is None:
        ppr = etree.SubElement(p, f"{W}pPr")
        p.insert(0, ppr)
    style = ppr.find(f"{W}pStyle")
    if style is None:
        style = etree.Element(f"{W}pStyle")
        ppr.insert(0, style)
    style.set(f"{W}val", f"Heading{level}")
    for numpr in ppr.findall(f"{W}numPr"):
        ppr.remove(numpr)


def _set_text(p: etree._Element, text: str) -> None:
    nodes = list(p.iter(f"{W}t"))
    if text_of(p).strip() == text or not nodes:
        return
    nodes[0].text = text
    for node in nodes[1:]:
        node.text = ""


def _remove(el: etree._Element) -> None:
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


HEADING_STYLE = ('<w:style xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
                 'w:type="paragraph" w:styleId="Heading{n}"><w:name w:val="heading {n}"/>'
                 '<w:pPr><w:outlineLvl w:val="{m}"/></w:pPr></w:style>')


def _write_cleaned(source: Path, cleaned: Path, package: Package) -> None:
    """The source package with the cleaned document.xml, and Heading 1-6 styles if it had none."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(cleaned, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename == "word/document.xml":
                zout.writestr(info.filename, etree.tostring(package.document, xml_declaration=True,
                                                            encoding="UTF-8", standalone=True))
            elif info.filename == "word/styles.xml" and package.styles is not None:
                _ensure_heading_styles(package)
                zout.writestr(info.filename, etree.tostring(package.styles, xml_declaration=True,
                                                            encoding="UTF-8", standalone=True))
            else:
                zout.writestr(info, zin.read(info.filename))


def _ensure_heading_styles(package: Package) -> None:
    assert package.styles is not None
    have = {s.get(f"{W}styleId") for s in package.styles.iter(f"{W}style")}
    for n in range(1, 7):
        if f"Heading{n}" not in have:
            package.styles.append(etree.fromstring(HEADING_STYLE.format(n=n, m=n - 1)))
