"""Small builders for WordprocessingML snippets, written as text (fast, deterministic)."""

from __future__ import annotations

from xml.sax.saxutils import escape

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
BLACK = "000000"


def esc(text: str) -> str:
    return escape(text, {'"': "&quot;"})


def rpr(*, bold: bool = False, size: int | None = None, east_asia: str | None = None,
        color: str | None = None) -> str:
    """Run properties in schema order: rFonts, b, color, sz, szCs."""
    parts = []
    if east_asia:
        parts.append(f'<w:rFonts w:eastAsia="{esc(east_asia)}"/>')
    if bold:
        parts.append("<w:b/><w:bCs/>")
    if color:
        parts.append(f'<w:color w:val="{color}"/>')
    if size:
        parts.append(f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


def run(text: str, props: str = "") -> str:
    return f'<w:r>{props}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


def para(runs: str, *, align: str | None = None, style: str | None = None, spacing: str = "",
         keep_next: bool = False, page_break_before: bool = False) -> str:
    """A paragraph; pPr children in schema order (pStyle, keepNext, pageBreakBefore, spacing, ind, jc)."""
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if keep_next:
        ppr += "<w:keepNext/>"
    if page_break_before:
        ppr += "<w:pageBreakBefore/>"
    ppr += spacing
    if style is None:
        ppr += '<w:ind w:firstLine="0" w:firstLineChars="0"/>'
    if align:
        ppr += f'<w:jc w:val="{align}"/>'
    return f"<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>"


def page_break() -> str:
    return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def field_begin(instruction: str, props: str = "", *, dirty: bool = False) -> str:
    """The runs that open a complex field up to its cached result: begin, instruction, separate."""
    flag = ' w:dirty="true"' if dirty else ""
    return (f'<w:r>{props}<w:fldChar w:fldCharType="begin"{flag}/></w:r>'
            f'<w:r>{props}<w:instrText xml:space="preserve"> {esc(instruction)} </w:instrText></w:r>'
            f'<w:r>{props}<w:fldChar w:fldCharType="separate"/></w:r>')


def field_end(props: str = "") -> str:
    return f'<w:r>{props}<w:fldChar w:fldCharType="end"/></w:r>'


def field(instruction: str, cached: str, props: str = "") -> str:
    """A complex field: begin, instruction, separate, cached result, end."""
    return field_begin(instruction, props) + run(cached, props) + field_end(props)


def cell(content: str, width: int, *, span: int = 1, vmerge: str | None = None, shade: bool = False) -> str:
    """A table cell with its width (Word reads tcW, LibreOffice the grid: callers set both)."""
    pr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        pr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        pr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        pr += "<w:vMerge/>"
    if shade:
        pr += '<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>'
    pr += '<w:vAlign w:val="center"/>'
    return f"<w:tc><w:tcPr>{pr}</w:tcPr>{content or para('')}</w:tc>"


def row(cells: str, *, header: bool = False, cant_split: bool = True, height: int = 0) -> str:
    """A table row; trPr children in schema order (cantSplit, trHeight, tblHeader); height is a minimum."""
    pr = ("<w:cantSplit/>" if cant_split else "")
    pr += f'<w:trHeight w:val="{height}" w:hRule="atLeast"/>' if height else ""
    pr += "<w:tblHeader/>" if header else ""
    return f"<w:tr><w:trPr>{pr}</w:trPr>{cells}</w:tr>" if pr else f"<w:tr>{cells}</w:tr>"


BORDERS = "".join(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="{BLACK}"/>'
                  for side in ("top", "left", "bottom", "right", "insideH", "insideV"))


def table(widths: list[int], rows: str, *, borders: bool = True, align: str = "center") -> str:
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    total = sum(widths)
    tblpr = (f'<w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="{align}"/>'
             + (f"<w:tblBorders>{BORDERS}</w:tblBorders>" if borders else "")
             + '<w:tblLayout w:type="fixed"/>'
             + '<w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>'
             + '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0"'
             ' w:noHBand="0" w:noVBand="1"/>')
    return f"<w:tbl><w:tblPr>{tblpr}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{rows}</w:tbl>"
