"""Two small fixes to the search worker of mkdocs-material 9.8.1, so Chinese and mixed terms are searched.

1. In the browser, Material cuts a Chinese query into the longest terms of the index that start at each
   character, but its loop stops one character short (`o<t.length`), so a query is never matched as a
   whole term: 管理评审 is searched as 管理* and every 管理制度 outranks the documents about 管理评审.
   Allowing the whole query (`o<=t.length`) keeps everything else as it was.
2. A term the separator cuts into pieces (SLA达成率: the index's separator splits between Latin letters
   or digits and Chinese, docctl.site.search_index.BOUNDARY) is searched as pieces that must all be
   present (+SLA +达成率*: only the last piece, which the user may still be typing, is a prefix), as
   Material already does for a quoted phrase; otherwise IT服务 would find every page that mentions 服务
   or any ITSS number, and the page about IT服务 drowns.

When a pattern is missing (another Material version), the build logs a warning, which fails --strict, so
it is looked at again.
"""

from __future__ import annotations

from pathlib import Path

WORKERS = "assets/javascripts/workers"
BROKEN = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e"
FIXED = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"
SPLIT_BROKEN = (
    'case"TERM":H(s,lunr.tokenizer.separator,(...u)=>{r.push([e.slice(0,o),s.slice(...u),e.slice(a)].join(""))})'
)
SPLIT_FIXED = (
    'case"TERM":{let q=[];H(s,lunr.tokenizer.separator,(...u)=>{q.push(s.slice(...u))});'
    'let p=q.length>1&&!/^[+-]/.test(e)?"+":"";'
    'q.forEach((w,k)=>r.push([p,e.slice(0,o),w,p&&k==q.length-1&&!e.slice(a)&&!/[*~^]$/.test(w)?"*":"",e.slice(a)].join("")))}'
)
PATCHES = ((BROKEN, FIXED), (SPLIT_BROKEN, SPLIT_FIXED))


def patch_worker(text: str) -> str | None:
    """The worker with both fixes in, or None when a pattern is not found."""
    for broken, fixed in PATCHES:
        if fixed in text:
            continue
        if broken not in text:
            return None
        text = text.replace(broken, fixed, 1)
    return text


def fix_query_segmentation(site_dir: Path) -> bool:
    """Patch the built worker in place; True when the fixes are in (now or already)."""
    workers = sorted((site_dir / WORKERS).glob("search.*.min.js"))
    if not workers:
        return False
    done = True
    for worker in workers:
        text = worker.read_text(encoding="utf-8")
        patched = patch_worker(text)
        if patched is None:
            done = False
        elif patched != text:
            worker.write_text(patched, encoding="utf-8")
    return done
