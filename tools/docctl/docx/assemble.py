"""Turn pandoc's body DOCX into a controlled copy: cover, history, TOC, headers, footer, watermark,
properties, heading numbering; written reproducibly. Plain string work on the package: fast."""

from __future__ import annotations

import re

from docctl.docx.cover import CopyInfo, copy_header, cover
from docctl.docx.fields import footer_part, header_part, header_text, heading_anchors, toc_block
from docctl.docx.layout import add_heading_numbering, section_properties
from docctl.docx.package import epoch_date, read_zip, write_zip
from docctl.docx.properties import core_xml, custom_values, custom_xml
from docctl.docx.revisions import revision_page
from docctl.docx.tables import format_tables
from docctl.docx.watermark import mark_for
from docctl.model import Document

PARTS = {  # relationship id -> (part name, relationship type)
    "rIdDocctlHeader": ("header1.xml", "header"),
    "rIdDocctlFirst": ("header2.xml", "header"),
    "rIdDocctlFooter": ("footer1.xml", "footer"),
}
REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT_BASE = "application/vnd.openxmlformats-officedocument.wordprocessingml."
FINAL_SECTPR = re.compile(r"<w:sectPr>(?:(?!<w:sectPr>).)*</w:sectPr>\s*</w:body>", re.S)


def assemble(body_docx: bytes, doc: Document, copy: CopyInfo | None = None) -> bytes:
    entries = read_zip(body_docx)
    mark = mark_for(doc.status, copy is not None)
    document = format_tables(entries["word/document.xml"].decode("utf-8"))
    front = cover(doc, copy) + revision_page(doc) + toc_block(doc.body, heading_anchors(document))
    document = document.replace("<w:body>", "<w:body>" + front, 1)
    sectpr = section_properties(("rIdDocctlHeader", "rIdDocctlFirst"), "rIdDocctlFooter")
    document, count = FINAL_SECTPR.subn(sectpr + "</w:body>", document, count=1)
    if not count:
        document = document.replace("</w:body>", sectpr + "</w:body>", 1)
    entries["word/document.xml"] = document.encode("utf-8")
    heading = header_text(doc.title, doc.id, doc.version) + copy_header(copy)
    entries["word/header1.xml"] = header_part(heading, mark, "DocctlMark1")
    entries["word/header2.xml"] = header_part("", mark, "DocctlMark2")
    entries["word/footer1.xml"] = footer_part()
    entries["word/_rels/document.xml.rels"] = _relationships(entries["word/_rels/document.xml.rels"])
    entries["[Content_Types].xml"] = _content_types(entries["[Content_Types].xml"])
    if "word/numbering.xml" in entries:
        entries["word/numbering.xml"] = add_heading_numbering(
            entries["word/numbering.xml"].decode("utf-8")).encode("utf-8")
    entries["docProps/core.xml"] = core_xml(doc)
    entries["docProps/custom.xml"] = custom_xml(custom_values(doc, _copy_values(copy, mark)))
    return write_zip(entries, epoch_date(doc.text("approved") or doc.text("prepared")))


def _copy_values(copy: CopyInfo | None, mark: str) -> dict[str, str]:
    values = {"watermark": mark}
    if copy is not None:
        values.update({"copy": str(copy.number), "recipient": copy.recipient, "issued": copy.date})
    return values


def _relationships(xml: bytes) -> bytes:
    text = xml.decode("utf-8")
    rels = "".join(f'<Relationship Id="{rid}" Type="{REL_BASE}{kind}" Target="{name}"/>'
                   for rid, (name, kind) in PARTS.items() if f'Id="{rid}"' not in text)
    return text.replace("</Relationships>", rels + "</Relationships>", 1).encode("utf-8")


def _content_types(xml: bytes) -> bytes:
    text = xml.decode("utf-8")
    overrides = "".join(f'<Override PartName="/word/{name}" ContentType="{CT_BASE}{kind}+xml"/>'
                        for name, kind in PARTS.values() if f'/word/{name}"' not in text)
    return text.replace("</Types>", overrides + "</Types>", 1).encode("utf-8")
