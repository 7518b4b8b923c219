"""The indexes and the register with several organizations: departments stay apart per organization."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import sitecorpus as corpus

from docctl.check import check_loaded
from docctl.config import load_config
from docctl.findings import Severity
from docctl.load import load_repository
from docctl.site import pages, paths
from docctl.site.types import SiteOptions

XDYJ = "北京新都远景网络技术有限公司"


def two_hr_departments(root: Path) -> Path:
    """The example repository plus a 人力资源部 policy in YNTD and one in XDYJ."""
    corpus.copy_example(root)
    hr = "department: 人力资源部"
    yntd = corpus.policy("YNTD-ITSS-0950", "招聘管理制度", "effective").replace("department: 质量部", hr)
    xdyj = (
        corpus.policy("XDYJ-05-01", "培训管理制度", "effective")
        .replace("org: 云南腾电科技有限公司", f"org: {XDYJ}")
        .replace("department: 质量部", hr)
        .replace("吴杰", "周敏").replace("赵建中", "郑凯").replace("陆涛", "孙玘")
    )
    (root / "policies" / "YNTD-ITSS-0950.md").write_text(yntd, encoding="utf-8")
    (root / "policies" / "XDYJ-05-01.md").write_text(xdyj, encoding="utf-8")
    return root


def generated(root: Path) -> dict[str, str]:
    config = replace(load_config(root), today=date(2025, 6, 1))
    result = check_loaded(load_repository(config))
    assert [f for f in result.findings if f.severity == Severity.ERROR] == []
    content = pages.generate(result.repo, SiteOptions("zh", tuple(result.findings))).by_path
    return {path: page.content for path, page in content.items() if isinstance(page.content, str)}


def test_departments_are_grouped_per_organization(tmp_path: Path) -> None:
    text = generated(two_hr_departments(tmp_path / "repo"))[paths.BY_DEPARTMENT]
    yntd, xdyj = text.index("\n## 云南腾电科技有限公司\n"), text.index(f"\n## {XDYJ}\n")
    assert text.count("\n### 人力资源部\n") == 2
    assert "\n## 人力资源部\n" not in text
    assert yntd < text.index("YNTD-ITSS-0950") < xdyj < text.index("XDYJ-05-01"), "each under its organization"


def test_register_has_an_organization_column(tmp_path: Path) -> None:
    text = generated(two_hr_departments(tmp_path / "repo"))[paths.REGISTER]
    assert "| 文件编号 | 标题 | 类型 | 版本 | 状态 | 组织 | 归口部门 | 实施日期 | 下次评审 |" in text
    row = f"[XDYJ-05-01](XDYJ-05-01.md) | 培训管理制度 | 制度 | 1.0 | 现行 | {XDYJ} | 人力资源部 | 2025-03-01 |"
    assert row in text
