"""KPIs: the seed plan's catalogue as data, agreement with its table, lint, attainment, the kpi-target control."""

from __future__ import annotations

import re

from conftest import REPO
from docctl.check import check_loaded
from docctl.cli import main
from docctl.config import load_config
from docctl.controls.evaluate import comply
from docctl.kpi.attainment import attainment, measurements_by_indicator
from docctl.kpi.indicators import Target, indicators_of
from docctl.kpi.lint import inverted_ratio
from docctl.kpi.table import indicator_table
from docctl.load import load_repository
from docctl.periods import parse_period
from recordkit import TODAY, build, reasons

PLAN = REPO / "policies" / "TFDL-ITSS-08-09.md"


def repo_findings(rule_prefix: str):
    # without docctl.yml's acceptances: the example repository accepts these faults as notes
    repo = load_repository(load_config(REPO, today=TODAY, accepted=()))
    return [f for f in check_loaded(repo).findings if f.rule.startswith(rule_prefix)]


def test_the_plan_declares_the_25_indicators_of_its_table():
    repo = load_repository(load_config(REPO, today=TODAY))
    plan = repo.get("TFDL-ITSS-08-09")
    indicators = indicators_of(plan)
    table = indicator_table(plan.body, plan.body_line)
    assert len(indicators) == len(table) == 25
    assert [i.row for i in indicators] == [r.row for r in table] == list(range(1, 26))
    assert not [f for f in repo_findings("kpi-table")]


def test_the_seed_catalogue_has_its_three_faults_reported_as_warnings():
    found = [(f.rule, f.severity.value, f.message) for f in repo_findings("kpi-")]
    assert found == [
        ("kpi-ratio-inverted", "warning", "指标 K04“项目验收合格率”的公式可能超过 100%：分母“验收通过项目数量”含“通过”"
         "而分子“申请验收项目数量”不含，分子分母疑似颠倒"),
        ("kpi-unit-mismatch", "warning", "指标 K11“知识条目增加数量”是计数（公式无除法），考核要求却是百分比 ≥95%"),
        ("kpi-duplicate", "warning", "指标 K16“SLA达成率”与序号 1 的指标 K01 重复"),
    ]


def test_ratio_direction_is_judged_by_the_words_of_success():
    assert inverted_ratio("申请验收项目数量/验收通过项目数量 *100%") == ("申请验收项目数量", "验收通过项目数量", "通过")
    assert inverted_ratio("成功解决的事件数量/已关闭的事件数量 × 100 %") is None
    assert inverted_ratio("(服务台成功派单数/服务台派单总数) *100%") is None
    assert inverted_ratio("新增的知识条目数量") is None


def test_targets_render_as_the_table_writes_them():
    assert [Target(">=", 95, "%").text(), Target("=", 100, "%").text(), Target(">=", 1, "").text(),
            Target("=", 0, "次").text()] == ["≥95%", "100%", "≥1", "0次"]
    assert Target("=", 0, "次").met(0) and not Target(">=", 95, "%").met(94.99)


def test_data_that_disagrees_with_the_table_is_an_error(tmp_path):
    text = PLAN.read_text(encoding="utf-8").replace("    name: 客户满意度\n", "    name: 顾客满意度\n", 1)
    repo = build(tmp_path, {"policies/TFDL-ITSS-08-09.md": text})
    found = [f for f in check_loaded(repo).findings if f.rule == "kpi-table-mismatch"]
    assert [f.message for f in found] == [
        "指标 K02（序号 2）的指标名称与正文表格（第 278 行）不一致：数据“顾客满意度”，表格“客户满意度”"]
    assert found[0].severity.value == "error"


def test_attainment_per_period_from_the_example_records():
    repo = load_repository(load_config(REPO, today=TODAY))
    plan = repo.get("TFDL-ITSS-08-09")
    by = measurements_by_indicator(plan, repo.records)
    ind = {i.id: i for i in indicators_of(plan)}
    k18 = attainment(ind["K18"], by["K18"], parse_period("2025"))
    assert k18.status == "fail"
    assert [(m.period, m.met) for m in k18.measurements if not m.met] == [("2025-07", False)]
    k04 = attainment(ind["K04"], by["K04"], parse_period("2025"))
    assert (k04.status, k04.measurements[0].over_100) == ("pass", True)
    assert attainment(ind["K14"], by.get("K14", []), parse_period("2025")).status == "no-evidence"
    half = attainment(ind["K18"], by["K18"], parse_period("2025-H1"))
    assert (half.status, len(half.measurements)) == ("pass", 6)


def test_the_kpi_target_control_fails_with_each_missed_target():
    repo = load_repository(load_config(REPO, today=TODAY))
    report = comply(repo, parse_period("2025"))
    result = next(r for r in report.results if r.control.id == "KPI-TARGETS")
    assert result.status == "fail"
    assert "KM-2025-039: K18 事件及时响应率 2025-07：87.5%，目标 ≥90%" in reasons(result)
    assert any(n.args.get("indicator") == "K14" for n in result.notes)


def test_docctl_kpi_prints_attainment_and_flags_values_over_100(capsys):
    code = main(["-C", str(REPO), "--lang", "zh", "--today", TODAY.isoformat(), "kpi", "--period", "2025"])
    out = capsys.readouterr().out
    assert code == 1
    assert "✘ 不通过  TFDL-ITSS-08-09 K18 事件及时响应率 (目标 ≥90%)" in out
    assert re.search(r"2025: 109\.09% ✔（超过 100%）  KM-2025-004", out)
