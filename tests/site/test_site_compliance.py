"""The compliance dashboard, KPI pages, clause badges and clause links of the built example site."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import sitebuild

from docctl.site import anchors


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sitebuild.example_site(tmp_path_factory)


def rows(html: str) -> list[str]:
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    return re.findall(r"<tr>(.*?)</tr>", body, re.S)


def test_dashboard_shows_failures_first_with_evidence_links(example_site: Path) -> None:
    html = (example_site / "compliance" / "index.html").read_text(encoding="utf-8")
    assert "<h1" in html and "合规看板 2025" in html
    statuses = [re.search(r"docctl-badge--([a-z-]+)", row).group(1) for row in rows(html)]  # type: ignore[union-attr]
    assert statuses.count("fail") == 13 and statuses.count("pass") == 15
    assert statuses == sorted(statuses, key=["fail", "error", "no-evidence", "pass"].index)
    independence = next(row for row in rows(html) if "IA-INDEPENDENT" in row)
    assert "checklist[4] auditor（钱进）与 department（质量部）重合：质量部" in independence
    assert '<a href="../records/internal-audit/2025/IA-2025-001.html">IA-2025-001</a>' in independence
    for href in re.findall(r'href="(\.\./records/[^"]+)"', html):
        assert (example_site / "compliance" / href).resolve().is_file(), href
    older = (example_site / "compliance" / "2022.html").read_text(encoding="utf-8")
    assert "合规看板 2022" in older and '<a href="index.html">2025</a>' in older


def test_kpi_page_and_svg_charts_with_chinese_labels(example_site: Path) -> None:
    page = (example_site / "kpi" / "TFDL-ITSS-08-09.html").read_text(encoding="utf-8")
    assert '<img alt="K01 SLA达成率 2025" src="TFDL-ITSS-08-09/K01-2025.svg" />' in page
    charts = sorted((example_site / "kpi" / "TFDL-ITSS-08-09").glob("*.svg"))
    assert len(charts) == 25
    svg = ET.parse(example_site / "kpi" / "TFDL-ITSS-08-09" / "K01-2025.svg").getroot()
    texts = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert "K01 SLA达成率" in texts and "目标 ≥95%" in texts and "96.8%" in texts
    assert "Noto Sans CJK SC" in svg.get("font-family", "")
    assert "http" not in svg.get("font-family", "")  # no web fonts


def test_clause_badge_under_0403_internal_audit_heading(example_site: Path) -> None:
    html = (example_site / "YNTD-ITSS-0403.html").read_text(encoding="utf-8")
    after = html[html.index('id="内审要求"') :]
    badge = re.search(r'<p class="docctl-clause-status">(.*?)</p>', after).group(1)  # type: ignore[union-attr]
    assert after.index("docctl-clause-status") < after.index("<ol>")  # right under the heading
    assert 'class="docctl-badge docctl-badge--fail"' in badge and "✘ 不通过" in badge
    assert "IA-INDEPENDENT: 不通过" in badge and "IA-YEARLY-OCT: 通过" in badge
    css = (example_site / "assets" / "docctl" / "docctl.css").read_text(encoding="utf-8")
    assert ".md-typeset .docctl-badge--fail" in css and ".md-typeset .docctl-badge--no-evidence" in css


def test_record_clause_reference_links_to_the_heading_anchor(example_site: Path) -> None:
    html = (example_site / "records" / "internal-audit" / "2025" / "IA-2025-001.html").read_text(encoding="utf-8")
    assert '<a href="../../../YNTD-ITSS-0403.html#内审要求">YNTD-ITSS-0403#7.3.1</a>' in html


def test_home_links_to_the_dashboard_and_kpi_pages(example_site: Path) -> None:
    html = (example_site / "index.html").read_text(encoding="utf-8")
    assert '<a href="compliance/index.html">合规看板</a>' in html
    assert '<a href="kpi/index.html">指标达成</a>' in html
    kpis = (example_site / "kpi" / "index.html").read_text(encoding="utf-8")
    assert '<td><a href="TFDL-ITSS-08-09.html">TFDL-ITSS-08-09</a></td>' in kpis
    assert "<td>2022年运维服务质量管理计划</td>\n<td>湖南同飞电力调度信息有限责任公司</td>" in kpis


PAGE = """# X-1 标题

## 文件控制信息

## 正文

### 目的

### 正文

#### 内审要求

### 目的

## 文件编制和变更履历
"""


def test_clause_anchors_follow_the_toc_extension() -> None:
    assert anchors.clause_anchors(PAGE, "zh") == {"1": "目的", "2": "正文_1", "2.1": "内审要求", "3": "目的_1"}
    marked = anchors.add_badges(PAGE, {"2.1": "<b>B</b>"}, "zh")
    assert "#### 内审要求\n\n<p class=\"docctl-clause-status\"><b>B</b></p>\n\n" in marked
    assert anchors.heading_text(r"SLA \*达成\* **率** &amp; A") == "SLA *达成* 率 & A"


def test_body_headings_show_their_clause_number_and_keep_their_anchor(example_site: Path) -> None:
    html = (example_site / "YNTD-ITSS-0403.html").read_text(encoding="utf-8")
    assert '<h5 id="内审要求"><span class="docctl-clause-number">7.3.1</span> 内审要求<a class="headerlink"' in html
    assert '<h3 id="目的"><span class="docctl-clause-number">1</span> 目的<a' in html
    assert '<h2 id="文件控制信息">文件控制信息<a' in html, "only body clauses are numbered"
    assert '<a href="#内审要求" class="md-nav__link">\n<span class="md-ellipsis">\n7.3.1 内审要求\n</span>' in html
    index = json.loads((example_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    titles = {d["location"]: d["title"].replace("\u200b", "") for d in index["docs"]}
    assert titles["YNTD-ITSS-0403.html#内审要求"] == "7.3.1 内审要求"


def test_dashboard_document_and_clause_cells_link_to_the_clause(example_site: Path) -> None:
    html = (example_site / "compliance" / "index.html").read_text(encoding="utf-8")
    assert (
        '<td><a href="../TFDL-ITSS-08-09.html">TFDL-ITSS-08-09</a></td>\n'
        '<td><a href="../TFDL-ITSS-08-09.html#监控运维服务管理目标达成情况">§2</a></td>' in html
    )
    assert '<td><a href="../YNTD-ITSS-0403.html#内审要求">§7.3.1</a></td>' in html
