"""The status watermark on every page: the VML text shape Word itself writes, placed in each header."""

from __future__ import annotations

from docctl.docx.ooxml import esc

CONTROLLED, UNCONTROLLED, DRAFT, VOID = "受控副本", "非受控副本", "草稿", "作废"
STATUS_MARKS = {"draft": DRAFT, "review": DRAFT, "superseded": VOID, "obsolete": VOID}


def mark_for(status: str, controlled_copy: bool) -> str:
    """草稿 / 作废 win over everything; a controlled copy says 受控副本; any other export 非受控副本."""
    if status in STATUS_MARKS:
        return STATUS_MARKS[status]
    return CONTROLLED if controlled_copy else UNCONTROLLED


SHAPETYPE = (
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800"'
    ' path="m@7,l@8,m@5,21600l@6,21600e"><v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/>'
    '<v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/>'
    '<v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/>'
    '<v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>'
    '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800"'
    ' o:connectangles="270,180,90,0"/><v:textpath on="t" fitshape="t"/>'
    '<v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>'
    '<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>')


def watermark_run(text: str, shape_id: str) -> str:
    """A run holding the rotated, semi-transparent text shape, centred on the page. The fill is spelled
    out on `v:fill` (on, colour): LibreOffice draws a bare `<v:fill opacity>` as hollow outlined text."""
    width = 80 * len(text)
    return (
        f'<w:r><w:rPr><w:noProof/></w:rPr><w:pict>{SHAPETYPE}'
        f'<v:shape id="{shape_id}" o:spid="{shape_id}" type="#_x0000_t136"'
        f' style="position:absolute;margin-left:0;margin-top:0;width:{width}pt;height:80pt;rotation:315;'
        'z-index:-251657216;mso-position-horizontal:center;mso-position-horizontal-relative:margin;'
        'mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f"'
        ' filled="t" fillcolor="#d9d9d9" stroked="f"><v:stroke on="f"/>'
        '<v:fill on="t" color="#d9d9d9" opacity=".5"/>'
        f'<v:textpath style="font-family:&quot;黑体&quot;;font-size:1pt" string="{esc(text)}"/>'
        '<w10:wrap anchorx="margin" anchory="margin"/></v:shape></w:pict></w:r>')
