"""Word fields: the 目录 (TOC) field, and the page header and footer parts with PAGE / NUMPAGES."""

from __future__ import annotations

import re

from docctl.docx.ooxml import R_NS, W_NS, esc, field, field_begin, field_end, para, rpr, run
from docctl.docx.watermark import watermark_run

TOC_LEVELS = 3
HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$")
FENCE = re.compile(r"^(```|~~~)")
HEADING_BOOKMARK = re.compile(r'<w:bookmarkStart w:id="\d+" w:name="([^"]*)" />\s*'
                              r'<w:p><w:pPr><w:pStyle w:val="Heading\d"')
PART_NS = (f'xmlns:w="{W_NS}" xmlns:r="{R_NS}" '
           'xmlns:v="urn:schemas-microsoft-com:vml" '
           'xmlns:o="urn:schemas-microsoft-com:office:office" '
           'xmlns:w10="urn:schemas-microsoft-com:office:word"')


def headings(body: str) -> list[tuple[int, str]]:
    """(level, text) of every ATX heading of a Markdown body, outside code fences."""
    found, fenced = [], False
    for line in body.splitlines():
        if FENCE.match(line):
            fenced = not fenced
        elif not fenced and (m := HEADING.match(line)):
            found.append((len(m.group(1)), m.group(2)))
    return found


def numbered(items: list[tuple[int, str]]) -> list[tuple[int, str, str]]:
    """Add the numbers Word's heading numbering will show (1. / 5.1. / 6.2.1.)."""
    counters = [0] * 6
    result = []
    for level, text in items:
        counters[level - 1] += 1
        counters[level:] = [0] * (6 - level)
        number = ".".join(str(c) for c in counters[:level]) + "."
        result.append((level, number, text))
    return result


def heading_anchors(document: str) -> list[str]:
    """The bookmark pandoc put on each heading of its document.xml, in order."""
    return HEADING_BOOKMARK.findall(document)


def toc_block(body: str, anchors: list[str] | None = None) -> str:
    """目录 on its own page: a real TOC field (marked dirty: Word rebuilds it with page numbers on opening)
    whose cached result already lists the headings, each linked to the bookmark pandoc gave it."""
    title = para(run("目录", rpr(bold=True, size=32, east_asia="黑体")), align="center",
                 page_break_before=True, spacing='<w:spacing w:before="0" w:after="240"/>')
    every = numbered(headings(body))
    names = anchors if anchors is not None and len(anchors) == len(every) else [""] * len(every)
    entries = [(lvl, num, text, name) for (lvl, num, text), name in zip(every, names, strict=True)
               if lvl <= TOC_LEVELS]
    if not entries:
        entries = [(1, "", "右键更新域以生成目录", "")]
    begin = field_begin('TOC \\o "1-3" \\h \\z \\u', dirty=True)
    paragraphs = []
    for i, (level, number, text, name) in enumerate(entries):
        prefix = begin if i == 0 else ""
        suffix = field_end() if i == len(entries) - 1 else ""
        style = f'<w:pPr><w:pStyle w:val="TOC{level}"/></w:pPr>'
        paragraphs.append(f"<w:p>{style}{prefix}{_toc_entry(f'{number} {text}'.strip(), name)}{suffix}</w:p>")
    return title + "".join(paragraphs) + '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def _toc_entry(label: str, anchor: str) -> str:
    """A link to the heading. No page number: nothing but a layout engine knows it, and LibreOffice shows
    a TOC's cached text as it is (a PAGEREF inside stays blank), so Word's update on opening adds them."""
    return f'<w:hyperlink w:anchor="{esc(anchor)}" w:history="1">{run(label)}</w:hyperlink>' if anchor else run(label)


def header_part(text: str, mark: str, shape_id: str) -> bytes:
    """A header: the line `title  number  version` over a rule (empty on the cover), and the watermark."""
    small = rpr(size=18, east_asia="宋体")
    border = ('<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
              if text else "")
    body = (f'<w:p><w:pPr><w:pStyle w:val="Header"/>{border}<w:jc w:val="center"/></w:pPr>'
            f"{watermark_run(mark, shape_id)}{run(text, small) if text else ''}</w:p>")
    return _part("hdr", body)


def footer_part() -> bytes:
    """第 X 页 共 Y 页 with real PAGE and NUMPAGES fields."""
    small = rpr(size=18, east_asia="宋体")
    runs = (run("第 ", small) + field("PAGE", "1", small) + run(" 页 共 ", small)
            + field("NUMPAGES", "1", small) + run(" 页", small))
    return _part("ftr", f'<w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr>{runs}</w:p>')


def _part(tag: str, body: str) -> bytes:
    xml = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:{tag} {PART_NS}>{body}</w:{tag}>'
    return xml.encode("utf-8")


def header_text(title: str, doc_id: str, version: str) -> str:
    return f"{title}    {doc_id}    V{version}"


