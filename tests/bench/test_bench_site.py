"""The site benchmark compares like with like: both builds produce the same pages from the same corpus."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from bench.generate import generate

from bench import bench_site


def test_plain_and_docctl_builds_make_the_same_pages(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    generate(corpus, docs=6, records_per_doc=1.0, seed=3)
    work = tmp_path / "work"
    work.mkdir()
    cmds = bench_site.commands(work, bench_site.docctl_config(corpus, work), bench_site.plain_config(corpus, work))
    env = os.environ | {"NO_MKDOCS_2_WARNING": "1"}
    for cmd in cmds.values():
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr
    built = sorted(p.relative_to(work / "site").as_posix() for p in (work / "site").rglob("*.html"))
    plain = sorted(p.relative_to(work / "plain-site").as_posix() for p in (work / "plain-site").rglob("*.html"))
    # 404 + documents + records + 9 site pages (home, findings, register, 3 indexes, records, changes, archive)
    # + compliance dashboards of the three record years
    assert built == plain and len(built) == 1 + 6 + 6 + 9 + 3
    assert not (corpus / "site").exists() and not (corpus / "mkdocs.yml").exists()
