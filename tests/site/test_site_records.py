"""Record pages and the records index of the built example site: Chinese labels, tables, 是/否."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import sitebuild
import sitecorpus as corpus

from docctl.record_labels import LABELS, field_label


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sitebuild.example_site(tmp_path_factory)


def audit_page(site: Path) -> str:
    return (site / "records" / "internal-audit" / "2025" / "IA-2025-001.html").read_text(encoding="utf-8")


def test_record_fields_have_chinese_labels_and_booleans_read_yes_no(example_site: Path) -> None:
    html = audit_page(example_site)
    assert (
        "<td>审核计划</td>\n<td>范围：运维服务涉及的所有部门<br>计划日期：2025-10-14<br>批准人：陆涛<br>"
        "批准日期：2025-09-25</td>" in html
    )
    assert "<td>审核组长</td>\n<td>钱进</td>" in html and "<td>内审员</td>\n<td>钱进</td>" in html
    assert "<td>受审核部门</td>\n<td>运维部、服务台、备件库、研发部、质量部</td>" in html
    assert "<td>示例数据</td>\n<td>是</td>" in html
    for raw in ("lead_auditor", "audited_departments", "department：", "auditor：", "True"):
        assert raw not in html, raw


def test_lists_of_mappings_are_tables_with_chinese_column_headers(example_site: Path) -> None:
    html = audit_page(example_site)
    checklist = html[html.index('<h2 id="检查表">') :]
    assert checklist.startswith(
        '<h2 id="检查表">检查表<a class="headerlink" href="#检查表" title="Permanent link">&para;</a></h2>\n'
        "<table>\n<thead>\n<tr>\n<th>部门</th>\n<th>审核员</th>\n<th>检查项</th>\n<th>结果</th>\n<th>证据</th>\n"
        "</tr>\n</thead>\n<tbody>\n<tr>\n<td>运维部</td>\n<td>钱进</td>\n<td>SLA 达成情况与服务报告按时提交</td>\n"
        "<td>不符合</td>\n<td>9月服务报告迟交 6 天</td>\n</tr>"
    )
    findings = html[html.index('<h3 id="审核发现">') :]
    assert "<th>严重程度</th>\n<th>纠正与预防措施</th>" in findings
    assert '<td><a href="../../capa/2025/CA-2025-002.html">CA-2025-002</a></td>' in findings


def test_a_table_the_text_has_a_heading_for_is_named_once(example_site: Path) -> None:
    html = audit_page(example_site)
    assert re.findall(r'<h\d id="审核发现[^"]*"', html) == ['<h3 id="审核发现"']
    toc = re.findall(r'<a href="#审核发现[^"]*" class="md-nav__link">', html)
    assert toc == ['<a href="#审核发现" class="md-nav__link">'], "one entry in the table of contents"
    section = html[html.index('<h3 id="审核发现">') :]
    assert section.index("共发现一般不符合项 2 项") < section.index("<th>严重程度</th>"), "the text, then its table"


def test_records_index_headings_use_the_record_type_label(example_site: Path) -> None:
    html = (example_site / "records" / "index.html").read_text(encoding="utf-8")
    headings = re.findall(r"<h[23] id=\"[^\"]+\">([^<]+)<", html)
    assert "内部审核记录" in headings and "内部审核记录 2025" in headings and "纠正与预防措施报告 2025" in headings
    assert not [h for h in headings if re.search(r"[a-z]", h)], "no record type keys in headings"
    assert '<h2 id="内部审核记录">内部审核记录<a class="headerlink" href="#内部审核记录" title="Permanent link">' \
        "&para;</a></h2>\n<p>共 2 份</p>" in html


def properties(schema: Any) -> set[str]:
    """Every property name anywhere in a schema (nested objects, array items, $defs)."""
    found: set[str] = set()
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "properties" and isinstance(value, dict):
                found.update(value)
            found |= properties(value)
    elif isinstance(schema, list):
        for value in schema:
            found |= properties(value)
    return found


def test_every_record_schema_property_has_a_label() -> None:
    schemas = [*(corpus.REPO / "schemas" / "records").glob("*.json"), corpus.REPO / "schemas" / "record.schema.json",
               corpus.REPO / "schemas" / "defs" / "quality.schema.json"]
    names = set().union(*(properties(json.loads(p.read_text(encoding="utf-8"))) for p in schemas))
    labelled = {key.rsplit(".", 1)[-1] for key in LABELS}
    missing = sorted(n for n in names if n.isascii() and n not in labelled)
    assert missing == []


def test_field_label_lookup_order() -> None:
    assert field_label("internal-audit", "plan") == "审核计划"
    assert field_label("kpi-measurement", "plan") == "指标计划"
    assert field_label("internal-audit", "plan.approved_by") == "批准人"
    assert field_label("capa", "root_cause.method") == "分析方法"
    assert field_label("capa", "unknown_field") == "unknown_field"
    assert field_label("capa", "root_cause.method", "en") == "method"
    assert field_label("internal-audit", "lead_auditor", "en") == "lead auditor"
