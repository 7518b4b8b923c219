"""Read a Word package's XML safely (no entities, no network) into paragraphs and tables."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from docctl.docx import places
from docctl.docx.ooxml import W_NS
from docctl.docx.places import Place

W = f"{{{W_NS}}}"
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
HEADING_NAME = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)
TOC_NAME = re.compile(r"^(?:toc|目录)\s*\d$", re.I)


@dataclass
class Para:
    element: etree._Element
    text: str
    style: str = ""
    level: int = 0           # heading level from the style or outline level, 0 for body text
    toc: bool = False        # a TOC entry or inside a TOC field
    block: int = 0           # position among the body's paragraphs and tables, from 1
    number: int = 0          # position among the body's paragraphs, from 1

    def place(self) -> Place:
        return places.paragraph(self.block, self.number)


@dataclass
class Cell:
    text: str
    span: int = 1
    vmerge: str | None = None   # "restart", "continue" or None


@dataclass
class Table:
    element: etree._Element
    rows: list[list[Cell]] = field(default_factory=list)
    block: int = 0           # position among the body's paragraphs and tables, from 1
    number: int = 0          # position among the body's tables, from 1

    def place(self, row: int, col: int) -> Place:
        """The place of grid cell (row, col), both from 0."""
        return places.cell(self.block, self.number, row + 1, col + 1)

    def grid(self) -> list[list[str]]:
        """Cell texts per grid column: a merged cell's text is repeated over its span, vertical
        continuations take the text from above."""
        result: list[list[str]] = []
        for r, cells in enumerate(self.rows):
            line: list[str] = []
            for c in cells:
                text = c.text
                if c.vmerge == "continue" and r > 0 and len(result[r - 1]) > len(line):
                    text = result[r - 1][len(line)]
                line.extend([text] * c.span)
            result.append(line)
        return result


Block = Para | Table


def _numbered(blocks: list[Block]) -> list[Block]:
    counts = {Para: 0, Table: 0}
    for i, block in enumerate(blocks, 1):
        counts[type(block)] += 1
        block.block, block.number = i, counts[type(block)]
    return blocks


def xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, PARSER)


def text_of(el: etree._Element) -> str:
    parts = []
    for node in el.iter(f"{W}t", f"{W}tab", f"{W}br"):
        parts.append(node.text or "" if node.tag == f"{W}t" else ("\t" if node.tag == f"{W}tab" else "\n"))
    return "".join(parts)


class Package:
    """The parts of one DOCX that import reads."""

    def __init__(self, path: Path) -> None:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            self.document = xml(zf.read("word/document.xml"))
            self.styles = xml(zf.read("word/styles.xml")) if "word/styles.xml" in names else None
            self.core = xml(zf.read("docProps/core.xml")) if "docProps/core.xml" in names else None
            self.custom = xml(zf.read("docProps/custom.xml")) if "docProps/custom.xml" in names else None
            self.numbering = xml(zf.read("word/numbering.xml")) if "word/numbering.xml" in names else None
            self.headers = [xml(zf.read(n)) for n in sorted(names)
                            if re.match(r"word/(header|footer)\d*\.xml$", n)]
        self.style_names = self._style_names()

    def _style_names(self) -> dict[str, tuple[str, int]]:
        result: dict[str, tuple[str, int]] = {}
        if self.styles is None:
            return result
        for style in self.styles.iter(f"{W}style"):
            sid = style.get(f"{W}styleId", "")
            name_el = style.find(f"{W}name")
            name = name_el.get(f"{W}val", sid) if name_el is not None else sid
            outline = style.find(f"{W}pPr/{W}outlineLvl")
            level = int(outline.get(f"{W}val", "9")) + 1 if outline is not None else 0
            m = HEADING_NAME.match(name) or HEADING_NAME.match(sid)
            result[sid] = (name, int(m.group(1)) if m else (level if level <= 6 else 0))
        return result

    def blocks(self) -> list[Block]:
        body = self.document.find(f"{W}body")
        result: list[Block] = []
        in_toc = False
        for el in body if body is not None else []:
            if el.tag == f"{W}p":
                para, in_toc = self._para(el, in_toc)
                result.append(para)
            elif el.tag == f"{W}tbl":
                result.append(self._table(el))
            elif el.tag == f"{W}sdt":
                gallery = el.find(f".//{W}docPartGallery")
                is_toc = gallery is not None and "Contents" in gallery.get(f"{W}val", "")
                for p in el.iter(f"{W}p"):
                    para, _ = self._para(p, False)
                    para.toc = para.toc or is_toc
                    result.append(para)
        return _numbered(result)

    def _para(self, el: etree._Element, in_toc: bool) -> tuple[Para, bool]:
        style_el = el.find(f"{W}pPr/{W}pStyle")
        sid = style_el.get(f"{W}val", "") if style_el is not None else ""
        name, level = self.style_names.get(sid, (sid, 0))
        m = HEADING_NAME.match(sid)
        if m and not level:
            level = int(m.group(1))
        outline = el.find(f"{W}pPr/{W}outlineLvl")
        if outline is not None and int(outline.get(f"{W}val", "9")) < 6:
            level = int(outline.get(f"{W}val", "9")) + 1
        instr = "".join(t.text or "" for t in el.iter(f"{W}instrText"))
        starts = " TOC " in f" {instr} " or instr.strip().startswith("TOC")
        toc = in_toc or starts or bool(TOC_NAME.match(name) or TOC_NAME.match(sid))
        ends = any(f.get(f"{W}fldCharType") == "end" for f in el.iter(f"{W}fldChar"))
        still = (in_toc or starts) and not ends
        return Para(el, text_of(el), name, level, toc), still

    def _table(self, el: etree._Element) -> Table:
        table = Table(el)
        for tr in el.findall(f"{W}tr"):
            row = []
            for tc in tr.findall(f"{W}tc"):
                span_el = tc.find(f"{W}tcPr/{W}gridSpan")
                vm = tc.find(f"{W}tcPr/{W}vMerge")
                vmerge = None if vm is None else ("restart" if vm.get(f"{W}val") == "restart" else "continue")
                span = int(span_el.get(f"{W}val", "1")) if span_el is not None else 1
                texts = [text_of(p) for p in tc.iter(f"{W}p")]
                row.append(Cell("\n".join(t for t in texts if t.strip()).strip(), span, vmerge))
            table.rows.append(row)
        return table

    def header_texts(self) -> list[str]:
        return [text_of(p) for h in self.headers for p in h.iter(f"{W}p") if text_of(p).strip()]

    def core_values(self) -> dict[str, str]:
        if self.core is None:
            return {}
        return {etree.QName(el).localname: (el.text or "").strip()
                for el in self.core if (el.text or "").strip()}

    def custom_values(self) -> dict[str, str]:
        if self.custom is None:
            return {}
        result = {}
        for prop in self.custom:
            name = prop.get("name")
            if name and len(prop):
                result[name] = prop[0].text or ""
        return result
