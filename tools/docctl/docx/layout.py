"""Page layout of a controlled copy: A4, margins, heading numbering, and the section properties."""

from __future__ import annotations

from dataclasses import dataclass

HEADING_NUM_ID = 9000  # pandoc numbers its own lists from 990 up; ours stays clear of them


@dataclass(frozen=True)
class Page:
    width: int = 11906   # A4 in twentieths of a point
    height: int = 16838
    top: int = 1440      # 2.54 cm
    bottom: int = 1440
    left: int = 1701     # 3.0 cm (binding side)
    right: int = 1417    # 2.5 cm
    header: int = 851
    footer: int = 992

    @property
    def text_width(self) -> int:
        return self.width - self.left - self.right


PAGE = Page()


def section_properties(header_ids: tuple[str, str], footer_id: str) -> str:
    """The body's final sectPr: A4, margins, a first page (the cover) with its own header, no footer."""
    default_header, first_header = header_ids
    p = PAGE
    return (f'<w:sectPr><w:headerReference w:type="default" r:id="{default_header}"/>'
            f'<w:headerReference w:type="first" r:id="{first_header}"/>'
            f'<w:footerReference w:type="default" r:id="{footer_id}"/>'
            f'<w:pgSz w:w="{p.width}" w:h="{p.height}"/>'
            f'<w:pgMar w:top="{p.top}" w:right="{p.right}" w:bottom="{p.bottom}" w:left="{p.left}"'
            f' w:header="{p.header}" w:footer="{p.footer}" w:gutter="0"/>'
            '<w:pgNumType w:start="1"/><w:cols w:space="425"/><w:titlePg/>'
            '<w:docGrid w:linePitch="312"/></w:sectPr>')


def heading_numbering() -> tuple[str, str]:
    """abstractNum and num that number Heading 1-4 as 1. / 1.1. / 1.1.1. / 1.1.1.1. (the seeds' style)."""
    levels = []
    for ilvl in range(4):
        text = ".".join(f"%{i + 1}" for i in range(ilvl + 1)) + "."
        levels.append(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            f'<w:pStyle w:val="Heading{ilvl + 1}"/><w:suff w:val="space"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr></w:lvl>')
    abstract = (f'<w:abstractNum w:abstractNumId="{HEADING_NUM_ID}"><w:nsid w:val="5D0C0C71"/>'
                f'<w:multiLevelType w:val="multilevel"/>{"".join(levels)}</w:abstractNum>')
    num = f'<w:num w:numId="{HEADING_NUM_ID}"><w:abstractNumId w:val="{HEADING_NUM_ID}"/></w:num>'
    return abstract, num


def add_heading_numbering(numbering_xml: str) -> str:
    if f'w:abstractNumId="{HEADING_NUM_ID}"' in numbering_xml:
        return numbering_xml
    abstract, num = heading_numbering()
    first_num = numbering_xml.find("<w:num ")
    if first_num < 0:
        first_num = numbering_xml.rindex("</w:numbering>")
    with_abstract = numbering_xml[:first_num] + abstract + numbering_xml[first_num:]
    end = with_abstract.rindex("</w:numbering>")
    return with_abstract[:end] + num + with_abstract[end:]
