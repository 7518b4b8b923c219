"""A one-character fix to the search worker of mkdocs-material 9.8.1, so whole Chinese terms are searched.

In the browser, Material cuts a Chinese query into the longest terms of the index that start at each
character, but its loop stops one character short (`o<t.length`), so a query is never matched as a whole
term: 管理评审 is searched as 管理* and every 管理制度 outranks the documents about 管理评审.
Allowing the whole query (`o<=t.length`) keeps everything else as it was. When the pattern is missing
(another Material version), the build logs a warning, which fails --strict, so it is looked at again.
"""

from __future__ import annotations

from pathlib import Path

WORKERS = "assets/javascripts/workers"
BROKEN = "for(let o=s+1;o<t.length;o++)t.slice(s,o)in e"
FIXED = "for(let o=s+1;o<=t.length;o++)t.slice(s,o)in e"


def fix_query_segmentation(site_dir: Path) -> bool:
    """Patch the built worker in place; True when the fix is in (now or already)."""
    workers = sorted((site_dir / WORKERS).glob("search.*.min.js"))
    if not workers:
        return False
    done = True
    for worker in workers:
        text = worker.read_text(encoding="utf-8")
        if FIXED in text:
            continue
        if BROKEN not in text:
            done = False
            continue
        worker.write_text(text.replace(BROKEN, FIXED, 1), encoding="utf-8")
    return done
