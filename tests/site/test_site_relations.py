"""Supersession links both ways on the site, whichever side of the pair declares it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import sitecorpus as corpus

from docctl.check import check_loaded
from docctl.config import load_config
from docctl.findings import Severity
from docctl.load import load_repository
from docctl.site import pages
from docctl.site.types import SiteOptions


def test_successor_shows_what_it_replaced_when_only_the_old_one_says_so(tmp_path: Path) -> None:
    root = corpus.synthetic(tmp_path / "repo", 0)
    replaced_by = "superseded_by: YNTD-ITSS-0903\n"
    old = corpus.policy("YNTD-ITSS-0902", "服务台管理制度（旧版）", "superseded", extra=replaced_by)
    new = corpus.policy("YNTD-ITSS-0903", "服务台管理制度", "effective")  # no supersedes: [YNTD-ITSS-0902]
    (root / "policies" / "YNTD-ITSS-0902.md").write_text(old, encoding="utf-8")
    (root / "policies" / "YNTD-ITSS-0903.md").write_text(new, encoding="utf-8")
    result = check_loaded(load_repository(replace(load_config(root), today=date(2025, 6, 1))))
    assert [f for f in result.findings if f.severity == Severity.ERROR] == []
    by_path = pages.generate(result.repo, SiteOptions("zh", tuple(result.findings))).by_path
    successor = by_path["YNTD-ITSS-0903.md"].content
    assert isinstance(successor, str)
    assert "## 相关文件\n\n- 替代了：[YNTD-ITSS-0902 服务台管理制度（旧版）](YNTD-ITSS-0902.md)\n" in successor
    predecessor = by_path["YNTD-ITSS-0902.md"].content
    assert isinstance(predecessor, str)
    assert "- 被替代为：[YNTD-ITSS-0903 服务台管理制度](YNTD-ITSS-0903.md)" in predecessor
    assert predecessor.count("YNTD-ITSS-0903 服务台管理制度") == 1, "listed once"
