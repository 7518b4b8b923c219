"""Site pieces as pure functions: the compliance dashboard, clause badges, records index and KPI charts."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import REPO
from docctl.config import load_config
from docctl.controls.evaluate import comply
from docctl.dashboard import clause_badges, compliance_dashboard, records_index
from docctl.kpi.attainment import attainment, measurements_by_indicator
from docctl.kpi.chart import kpi_chart_svg
from docctl.kpi.indicators import indicators_of
from docctl.load import load_repository
from docctl.periods import parse_period
from recordkit import TODAY

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def example():
    repo = load_repository(load_config(REPO, today=TODAY))
    return repo, comply(repo, parse_period("2025"))


def test_the_dashboard_lists_failures_first_with_reasons_and_linked_evidence(example):
    repo, report = example
    page = compliance_dashboard(repo, report.results, link=lambda r: f"../{r.path[:-3]}/")
    rows = [line for line in page.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert len(rows) == len(report.results) == 28
    statuses = [row.split("docctl-badge--", 1)[1].split('"', 1)[0] for row in rows]
    assert statuses == sorted(statuses, key=["fail", "error", "no-evidence", "pass"].index)
    independence = next(row for row in rows if "IA-INDEPENDENT" in row)
    assert "IA-2025-001: checklist[4] auditor（钱进）与 department（质量部）重合：质量部" in independence
    assert "[IA-2025-001](../records/internal-audit/2025/IA-2025-001/)" in independence
    assert page.splitlines()[2] == "✘ 不通过 13，! 无法评估 0，○ 无证据 0，✔ 通过 15"


def test_clause_badges_show_the_worst_status_of_the_clause(example):
    repo, report = example
    badges = clause_badges(repo.get("YNTD-ITSS-0403"), report.results)
    assert sorted(badges) == ["5.2", "7.1", "7.3.1", "7.3.2"]
    assert badges["7.1"] == ('<span class="docctl-badge docctl-badge--pass" title="CS-COMPANY-YEARLY: 通过">'
                             "✔ 通过</span>")
    assert badges["7.3.1"].startswith(
        '<span class="docctl-badge docctl-badge--fail" title="IA-YEARLY-OCT: 通过; IA-PLAN-REPORT: 通过; '
        "IA-INDEPENDENT: 不通过; IA-FINDINGS-CLOSED: 不通过")


def test_the_records_index_marks_example_data(example):
    repo, _ = example
    page = records_index(repo)
    assert "## 内部审核记录" in page
    assert ("| [IA-2025-001](records/internal-audit/2025/IA-2025-001.md) | 2025-10-14 | "
            "2025年度运维服务体系内部审核 *（示例）* | closed | YNTD-ITSS-0403#7.3.1 |") in page


def chart(example, indicator_id):
    repo, _ = example
    plan = repo.get("TFDL-ITSS-08-09")
    ind = {i.id: i for i in indicators_of(plan)}[indicator_id]
    found = measurements_by_indicator(plan, repo.records).get(indicator_id, [])
    return kpi_chart_svg(ind, attainment(ind, found, parse_period("2025")).measurements)


def test_a_kpi_chart_is_static_svg_with_one_coloured_bar_per_period(example):
    svg = chart(example, "K18")
    root = ET.fromstring(svg)
    bars = root.findall(f"{SVG}rect")
    assert [b.get("fill") for b in bars].count("#c62828") == 1 and len(bars) == 12
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert texts[:2] == ["K18 事件及时响应率 2025", "目标 ≥90%"]
    assert "87.5%" in texts and "07" in texts
    assert "<script" not in svg and "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_a_period_without_measurement_is_shown_as_such(example):
    root = ET.fromstring(chart(example, "K14"))
    assert root.findall(f"{SVG}rect") == []
    assert "无数据" in [t.text for t in root.iter(f"{SVG}text")]


@pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="Debian chromium is not installed")
def test_cjk_labels_render_as_glyphs_in_chromium(example):
    """The title in real glyphs differs from the same number of missing-glyph boxes."""
    playwright = pytest.importorskip("playwright.sync_api")
    svg = chart(example, "K18")
    tofu = svg.replace("K18 事件及时响应率 2025", "K18 \ue000\ue001\ue002\ue003\ue004\ue005\ue006 2025")
    shots = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run"])
        page = browser.new_page()
        for text in (svg, tofu):
            page.set_content(f"<html><body style='margin:0'>{text}</body></html>")
            title = page.locator("svg > text").first
            box = title.bounding_box()
            assert box is not None and box["width"] > 7 * 14
            shots.append(title.screenshot())
        browser.close()
    assert shots[0] != shots[1]


def axis_labels(svg):
    root = ET.fromstring(svg)
    return [t.text for t in root.iter(f"{SVG}text") if t.get("fill") == "#616161"]


def test_count_charts_have_whole_distinct_ticks(example):
    for indicator_id in ("K24", "K25"):
        labels = axis_labels(chart(example, indicator_id))
        assert len(labels) == len(set(labels)) >= 2, labels
    assert axis_labels(chart(example, "K25")) == ["0次", "1次"]
    assert axis_labels(chart(example, "K18")) == ["0%", "20%", "40%", "60%", "80%", "100%"]


def test_nice_ticks():
    from docctl.kpi.chart import ticks

    assert ticks(1.1, integer=True) == [0, 1, 2]
    assert ticks(5.5, integer=True) == [0, 2, 4, 6]
    assert ticks(0.3, integer=True) == [0, 1]
    assert ticks(120, integer=False) == [0, 25, 50, 75, 100, 125]
    assert ticks(100, integer=False) == [0, 20, 40, 60, 80, 100]
    assert ticks(1.1, integer=False) == [0, 0.25, 0.5, 0.75, 1, 1.25]


def test_a_ratio_above_100_percent_is_drawn_as_an_anomaly(example):
    root = ET.fromstring(chart(example, "K04"))
    bar = root.find(f"{SVG}rect")
    assert bar is not None and bar.get("class") == "bar over-100" and bar.get("fill") == "#ef6c00"
    assert bar.findtext(f"{SVG}title") == "2025: 109.1%（超过 100%）"
    notes = [t for t in root.iter(f"{SVG}text") if t.get("class") == "anomaly"]
    assert [(t.text, t.get("fill")) for t in notes] == [("超过 100%", "#ef6c00")]
    assert axis_labels(chart(example, "K04"))[-1] == "125%"
