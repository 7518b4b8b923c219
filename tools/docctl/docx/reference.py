"""The reference DOCX pandoc styles the body with, generated reproducibly from pandoc's own default.

pandoc's default uses theme fonts (which override East-Asian fonts), coloured headings, no page size and
borderless tables. Here every style gets explicit fonts (宋体 body, 黑体 headings in the East-Asian slot),
black headings numbered 1. / 1.1. / 1.1.1. like the seeds' Word originals, A4 with margins, and a
bordered table style. Same pandoc, same bytes.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from docctl.docx import pandoc
from docctl.docx.layout import HEADING_NUM_ID, PAGE
from docctl.docx.ooxml import BORDERS, W_NS
from docctl.docx.package import write_zip

W = f"{{{W_NS}}}"
BODY_FONT, HEADING_FONT, LATIN_FONT = "宋体", "黑体", "Times New Roman"
HEADING_SIZES = {1: 32, 2: 28, 3: 24, 4: 24}  # 三号, 四号, 小四, 小四 (half-points)
BODY_STYLES = ("BodyText", "FirstParagraph")
FONT_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


def build(dest: Path) -> Path:
    """Write the reference DOCX to `dest` (a file path) and return it."""
    source = pandoc.default_reference()
    entries: dict[str, bytes] = {}
    with zipfile.ZipFile(io.BytesIO(source)) as zf:
        for name in zf.namelist():
            entries[name] = zf.read(name)
    entries["word/styles.xml"] = styles(entries["word/styles.xml"])
    dest.write_bytes(write_zip(entries))
    return dest


def styles(xml: bytes) -> bytes:
    root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    for rfonts in root.iter(f"{W}rFonts"):
        for attr in FONT_ATTRS:
            rfonts.attrib.pop(f"{W}{attr}", None)
    _defaults(root)
    for style in root.iter(f"{W}style"):
        sid = style.get(f"{W}styleId", "")
        level = _heading_level(sid)
        if level:
            _heading(style, level)
        elif sid in ("Title", "TitleChar", "Subtitle", "SubtitleChar", "TOCHeading"):
            _fonts(style, HEADING_FONT)
            _color(style)
        elif sid in BODY_STYLES:
            _ppr_child(style, "ind", {"firstLineChars": "200", "firstLine": "480"})
            _ppr_child(style, "spacing", {"before": "0", "after": "0", "line": "360", "lineRule": "auto"})
        elif sid == "Compact":
            _ppr_child(style, "ind", {"firstLineChars": "0", "firstLine": "0"})
            _ppr_child(style, "spacing", {"before": "20", "after": "20", "line": "260", "lineRule": "auto"})
        elif sid == "Table":
            _table_borders(style)
        elif sid == "Hyperlink":
            _color(style)
    for level in (1, 2, 3):
        root.append(_toc_style(level))
    root.extend(_table_text_styles())
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _heading_level(style_id: str) -> int:
    if style_id.startswith("Heading") and style_id[7:].isdigit():
        return int(style_id[7:])
    if style_id.startswith("Heading") and style_id.endswith("Char") and style_id[7:-4].isdigit():
        return -int(style_id[7:-4])
    return 0


def _defaults(root: etree._Element) -> None:
    rpr = root.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
    assert rpr is not None
    rfonts = rpr.find(f"{W}rFonts")
    assert rfonts is not None
    fonts = (("ascii", LATIN_FONT), ("hAnsi", LATIN_FONT), ("eastAsia", BODY_FONT), ("cs", LATIN_FONT))
    for attr, value in fonts:
        rfonts.set(f"{W}{attr}", value)
    ppr = root.find(f"{W}docDefaults/{W}pPrDefault/{W}pPr/{W}spacing")
    if ppr is not None:
        ppr.set(f"{W}after", "0")


def _heading(style: etree._Element, level: int) -> None:
    _fonts(style, HEADING_FONT)
    _color(style)
    rpr = _rpr(style)
    size = HEADING_SIZES.get(abs(level), 24)
    for tag in ("sz", "szCs"):
        _set_child(rpr, tag, {"val": str(size)}, after=("rFonts", "b", "bCs", "i", "iCs", "color"))
    for tag in ("b", "bCs"):
        _set_child(rpr, tag, {}, after=("rFonts",))
    for tag in ("i", "iCs"):
        for el in rpr.findall(f"{W}{tag}"):
            rpr.remove(el)
    if level > 0:
        numpr = etree.Element(f"{W}numPr")
        if level > 1:
            etree.SubElement(numpr, f"{W}ilvl").set(f"{W}val", str(level - 1))
        etree.SubElement(numpr, f"{W}numId").set(f"{W}val", str(HEADING_NUM_ID))
        ppr = _ppr(style)
        _insert_ordered(ppr, numpr, after=("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr",
                                          "widowControl"))
        _ppr_child(style, "spacing", {"before": "240", "after": "120", "line": "360", "lineRule": "auto"})
        _ppr_child(style, "ind", {"left": "0", "firstLine": "0", "firstLineChars": "0"})


def _fonts(style: etree._Element, east_asia: str) -> None:
    rfonts = _set_child(_rpr(style), "rFonts", {}, after=("rStyle",))
    for attr in ("ascii", "hAnsi", "cs"):
        rfonts.set(f"{W}{attr}", LATIN_FONT if east_asia == BODY_FONT else "Arial")
    rfonts.set(f"{W}eastAsia", east_asia)


def _color(style: etree._Element) -> None:
    rpr = _rpr(style)
    _set_child(rpr, "color", {"val": "000000"}, after=("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps",
                                                        "smallCaps", "strike", "dstrike", "outline", "shadow",
                                                        "emboss", "imprint", "noProof", "snapToGrid",
                                                        "vanish", "webHidden"))
    color = rpr.find(f"{W}color")
    assert color is not None
    for attr in ("themeColor", "themeShade", "themeTint"):
        color.attrib.pop(f"{W}{attr}", None)


def _table_borders(style: etree._Element) -> None:
    tblpr = style.find(f"{W}tblPr")
    if tblpr is None:
        tblpr = etree.SubElement(style, f"{W}tblPr")
    for old in tblpr.findall(f"{W}tblBorders"):
        tblpr.remove(old)
    borders = etree.fromstring(f'<w:tblBorders xmlns:w="{W_NS}">{BORDERS}</w:tblBorders>')
    _insert_ordered(tblpr, borders, after=("tblStyle", "tblpPr", "tblOverlap", "bidiVisual",
                                           "tblStyleRowBandSize", "tblStyleColBandSize", "tblW", "jc",
                                           "tblCellSpacing", "tblInd"))


def _toc_style(level: int) -> etree._Element:
    indent = (level - 1) * 420
    return etree.fromstring(
        f'<w:style xmlns:w="{W_NS}" w:type="paragraph" w:styleId="TOC{level}"><w:name w:val="toc {level}"/>'
        f'<w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="39"/><w:unhideWhenUsed/>'
        f'<w:pPr><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="{PAGE.text_width}"/></w:tabs>'
        f'<w:spacing w:before="0" w:after="0" w:line="360" w:lineRule="auto"/>'
        f'<w:ind w:left="{indent}"/></w:pPr></w:style>')


def _table_text_styles() -> list[etree._Element]:
    """Body table cells: 五号 (10.5 pt), single spacing, no indent; the header row bold and centred."""
    ppr = ('<w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/>'
           '<w:ind w:firstLine="0" w:firstLineChars="0"/>{jc}</w:pPr>')
    text = (f'<w:style xmlns:w="{W_NS}" w:type="paragraph" w:customStyle="1" w:styleId="TableText">'
            '<w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/>'
            + ppr.format(jc="") + '<w:rPr><w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>')
    head = (f'<w:style xmlns:w="{W_NS}" w:type="paragraph" w:customStyle="1" w:styleId="TableHeading">'
            '<w:name w:val="Table Heading"/><w:basedOn w:val="TableText"/><w:qFormat/>'
            + ppr.format(jc='<w:jc w:val="center"/>')
            + f'<w:rPr><w:rFonts w:eastAsia="{HEADING_FONT}"/><w:b/><w:bCs/></w:rPr></w:style>')
    return [etree.fromstring(text), etree.fromstring(head)]


def _rpr(style: etree._Element) -> etree._Element:
    rpr = style.find(f"{W}rPr")
    if rpr is None:
        rpr = etree.SubElement(style, f"{W}rPr")
    return rpr


def _ppr(style: etree._Element) -> etree._Element:
    ppr = style.find(f"{W}pPr")
    if ppr is None:
        ppr = etree.Element(f"{W}pPr")
        rpr = style.find(f"{W}rPr")
        if rpr is not None:
            rpr.addprevious(ppr)
        else:
            style.append(ppr)
    return ppr


PPR_BEFORE_SPACING = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
                      "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku",
                      "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi",
                      "adjustRightInd", "snapToGrid")


def _ppr_child(style: etree._Element, tag: str, attrs: dict[str, str]) -> None:
    after = PPR_BEFORE_SPACING + (("spacing",) if tag == "ind" else ())
    _set_child(_ppr(style), tag, attrs, after=after, replace=True)


def _set_child(parent: etree._Element, tag: str, attrs: dict[str, str], *, after: tuple[str, ...],
               replace: bool = False) -> etree._Element:
    el = parent.find(f"{W}{tag}")
    if el is None or replace:
        if el is not None:
            parent.remove(el)
        el = etree.Element(f"{W}{tag}")
        _insert_ordered(parent, el, after=after)
    for key, value in attrs.items():
        el.set(f"{W}{key}", value)
    return el


def _insert_ordered(parent: etree._Element, child: etree._Element, *, after: tuple[str, ...]) -> None:
    """Insert `child` after the last existing sibling whose tag is in `after` (schema order)."""
    names = {f"{W}{a}" for a in after}
    position = 0
    for i, el in enumerate(parent):
        if el.tag in names:
            position = i + 1
    parent.insert(position, child)
