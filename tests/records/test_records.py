"""Records: `record new`, retention and disposal, check rules, immutability after closure."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import REPO
from docctl.check import check_loaded
from docctl.cli import main
from docctl.config import load_config
from docctl.load import load_repository, load_text
from docctl.records import closed_record_changes, closed_records_changed, due_for_disposal
from recordkit import TODAY, build, record

TYPES = ["internal-audit", "capa", "improvement", "management-review", "satisfaction-survey", "quality-check",
         "quality-incident", "kpi-measurement"]
REQUIRED = {"quality-check": ["--set", "check_kind=定期"], "quality-incident": ["--set", "level=三级"],
            "kpi-measurement": ["--set", "plan=TFDL-ITSS-08-09", "--set", "indicator=K01", "--set", "period=2025",
                                "--set", "value=96.5"]}


def run(root, *argv):
    return main(["-C", str(root), "--lang", "zh", "--today", TODAY.isoformat(), *argv])


@pytest.mark.parametrize("record_type", TYPES)
def test_record_new_writes_a_valid_record_with_the_next_id(tmp_path, capsys, record_type):
    root = tmp_path / "repo"
    build(root, {"policies/TFDL-ITSS-08-09.md": (REPO / "policies" / "TFDL-ITSS-08-09.md").read_text("utf-8")})
    org = "TFDL" if record_type == "kpi-measurement" else "YNTD"
    args = ["record", "new", record_type, "--org", org, "--title", "新记录", "--date", "2025-10-14",
            *REQUIRED.get(record_type, [])]
    assert run(root, *args) == 0
    assert run(root, *args) == 0
    paths = capsys.readouterr().out.split()
    prefix = load_config(root).settings["record_types"][record_type]["prefix"]
    folder = f"records/{record_type}/2025"
    assert paths == [f"{folder}/{prefix}-2025-001.md", f"{folder}/{prefix}-2025-002.md"]
    repo = load_repository(load_config(root, today=TODAY))
    errors = [f for f in check_loaded(repo).findings if f.severity.value == "error"]
    assert errors == []


def test_record_new_refuses_what_would_not_validate_and_writes_nothing(tmp_path, capsys):
    root = tmp_path / "repo"
    build(root, {})
    assert run(root, "record", "new", "quality-check", "--org", "YNTD", "--title", "检查",
               "--set", "check_kind=每日") == 2
    err = capsys.readouterr().err
    assert "records/quality-check/" in err and "not written (未写入)" in err and "schema-enum" in err
    assert not (root / "records").exists()
    assert run(root, "record", "new", "audit", "--org", "YNTD", "--title", "x") == 2
    assert "unknown record type 'audit'" in capsys.readouterr().err


def test_disposal_lists_finished_records_past_retention(tmp_path):
    repo = build(tmp_path, [
        record("quality-check", "QC-2022-001", "2022-01-25", status="closed", closed="2022-01-25", check_kind="常规"),
        record("quality-check", "QC-2024-001", "2024-01-25", status="closed", closed="2024-01-25", check_kind="常规"),
        record("internal-audit", "IA-2022-001", "2022-10-14", status="closed", closed="2022-10-20"),
        record("capa", "CA-2022-001", "2022-01-25", status="open"),
    ])
    assert [(d.record.id, d.due.isoformat()) for d in due_for_disposal(repo)] == [("QC-2022-001", "2025-01-25")]


def test_the_example_repository_has_one_record_past_retention(capsys):
    assert run(REPO, "records", "due-for-disposal") == 0
    assert capsys.readouterr().out == (
        "records/quality-check/2022/QC-2022-001.md: QC-2022-001 2022年1月服务过程日常监督检查 — "
        "2022-01-25 关闭，保存期限 P3Y，2025-01-25 起可销毁\n1 条记录已过保存期限\n")


def test_record_rules_catch_folder_id_closure_and_references(tmp_path):
    repo = build(tmp_path, [
        ("records/capa/2024/CA-2025-001.md", record("capa", "CA-2025-001", "2025-01-05")[1]),
        record("capa", "XX-2025-002", "2025-01-05"),
        record("capa", "CA-2025-003", "2025-01-05", status="closed", source_record="IA-2025-009"),
        record("capa", "CA-2025-004", "2025-01-05", closed="2025-01-01", clauses=["YNTD-ITSS-9999#1"]),
    ])
    found = [(f.path.rsplit("/", 1)[1], f.rule, f.message) for f in check_loaded(repo).findings
             if f.severity.value == "error"]
    assert found == [
        ("CA-2025-001.md", "record-folder", "记录应位于 records/capa/2025/CA-2025-001.md"),
        ("CA-2025-003.md", "record-closed-date", "状态为 closed 的记录须填写关闭日期 closed"),
        ("CA-2025-003.md", "record-ref-unknown", "引用的记录 IA-2025-009 不存在"),
        ("CA-2025-004.md", "record-closed-early", "关闭日期 2025-01-01 早于记录日期 2025-01-05"),
        ("CA-2025-004.md", "record-not-closed", "记录状态为 open，却填写了关闭日期"),
        ("CA-2025-004.md", "record-clause-unknown", "引用的条款 YNTD-ITSS-9999#1 不存在"),
        ("XX-2025-002.md", "record-id-prefix", "记录编号 XX-2025-002 应为 CA-2025-NNN"),
    ]


def test_a_kpi_measurement_names_a_declared_indicator_and_its_period_grain(tmp_path):
    plan = (REPO / "policies" / "TFDL-ITSS-08-09.md").read_text("utf-8")
    org = "湖南同飞电力调度信息有限责任公司"
    repo = build(tmp_path, [("policies/TFDL-ITSS-08-09.md", plan),
                            record("kpi-measurement", "KM-2025-001", "2025-03-31", org=org, plan="TFDL-ITSS-08-09",
                                   indicator="K99", period="2025", value=1),
                            record("kpi-measurement", "KM-2025-002", "2025-03-31", org=org, plan="TFDL-ITSS-08-09",
                                   indicator="K18", period="2025-Q1", numerator=9, denominator=10, value=95)])
    found = [(f.rule, f.message) for f in check_loaded(repo).findings if f.path.startswith("records/")]
    assert found == [
        ("kpi-indicator-unknown", "计划 TFDL-ITSS-08-09 中没有指标 K99"),
        ("kpi-period-grain", "指标 K18 按月度考核，期间“2025-Q1”不符"),
        ("kpi-value-mismatch", "value 95 与 numerator/denominator 算得的 90.0 不一致"),
    ]


CLOSED = record("capa", "CA-2025-001", "2025-10-24", status="closed", closed="2025-11-20", problem="回访不及时")


def doc(text, path=CLOSED[0]):
    loaded, findings = load_text(text, path, "record", "zh")
    assert loaded is not None and not findings
    return loaded


def test_an_unchanged_closed_record_is_fine_and_open_records_may_change():
    assert closed_record_changes(doc(CLOSED[1]), doc(CLOSED[1]), "zh") == []
    opened = record("capa", "CA-2025-002", "2025-10-24", problem="旧")
    edited = opened[1].replace("problem: 旧", "problem: 新")
    assert closed_record_changes(doc(opened[1], opened[0]), doc(edited, opened[0]), "zh") == []


def test_editing_a_closed_record_is_an_error_at_the_changed_field():
    edited = CLOSED[1].replace("problem: 回访不及时", "problem: 回访及时") + "补充一句。\n"
    found = closed_record_changes(doc(CLOSED[1]), doc(edited), "zh")
    assert [(f.line, f.col, f.rule, f.severity.value, f.message) for f in found] == [
        (9, 1, "record-closed-changed", "error",
         "已关闭的记录 CA-2025-001（2025-11-20 关闭）在关闭后被修改：problem, 正文")]
    reopened = CLOSED[1].replace("status: closed", "status: open")
    assert closed_record_changes(doc(CLOSED[1]), doc(reopened), "en")[0].message == (
        "closed record CA-2025-001 (closed 2025-11-20) was changed after closure: status")


def test_deleting_a_closed_record_is_an_error_and_the_repository_wide_comparison_matches_by_path(tmp_path):
    assert closed_record_changes(doc(CLOSED[1]), None, "zh")[0].message == (
        "已关闭的记录 CA-2025-001（2025-11-20 关闭）被删除或移走")
    edited = (CLOSED[0], CLOSED[1].replace("回访不及时", "回访及时"))
    repo = build(tmp_path, [edited])
    found = closed_records_changed([doc(CLOSED[1])], repo)
    assert [f.rule for f in found] == ["record-closed-changed"]
    moved = replace(doc(CLOSED[1]), path="records/capa/2025/old.md")
    assert [f.rule for f in closed_records_changed([moved], repo)] == ["record-closed-changed"]


def test_record_new_with_an_impossible_date_is_a_usage_error(tmp_path, capsys):
    root = tmp_path / "repo"
    build(root, {})
    assert run(root, "record", "new", "capa", "--org", "YNTD", "--title", "x", "--date", "2025-13-01") == 2
    assert capsys.readouterr().err == "docctl: --date 2025-13-01: not a date YYYY-MM-DD (不是有效日期)\n"
    assert not (root / "records").exists()


KPI = ["--set", "plan=TFDL-ITSS-08-09", "--set", "indicator=K18", "--set", "period=2025-07", "--set", "value=95"]


@pytest.mark.parametrize(("record_type", "extra", "expected"), [
    ("capa", ["--set", "id=CA-2025-007"],
     ["--set id=CA-2025-007: error id-filename: 文件编号“CA-2025-007”与文件名“CA-2025-001.md”不一致",
      "    提示: 把文件改名为 CA-2025-007.md，或更正 id",
      "--set id=CA-2025-007: error record-folder: 记录应位于 records/capa/2025/CA-2025-007.md",
      "    提示: 记录按 records/<类型>/<年份>/<编号>.md 存放"]),
    ("capa", ["--set", "status=closed"],
     ["--set status=closed: error record-closed-date: 状态为 closed 的记录须填写关闭日期 closed"]),
    ("capa", ["--set", "source_record=ZZ-2025-999"],
     ["--set source_record=ZZ-2025-999: error record-ref-unknown: 引用的记录 ZZ-2025-999 不存在"]),
    ("kpi-measurement", [*KPI, "--set", "indicator=K99"],
     ["--set indicator=K99: error kpi-indicator-unknown: 计划 TFDL-ITSS-08-09 中没有指标 K99"]),
    ("kpi-measurement", [*KPI, "--set", "plan=NOPE-1"],
     ["--set plan=NOPE-1: error kpi-plan-unknown: 引用的计划 NOPE-1 不存在",
      "    提示: plan 写作声明指标的文件编号，如 TFDL-ITSS-08-09"]),
    ("kpi-measurement", [],
     [*(line for key in ("indicator", "period", "plan", "value")
        for line in (f"--set {key}=…: error schema-required: 缺少必填字段“{key}”",
                     f"    提示: 用 --set {key}=… 给出"))]),
])
def test_record_new_refuses_what_check_would_reject(tmp_path, capsys, record_type, extra, expected):
    """The refusal names the options to add or correct: the file it names was never written."""
    root = tmp_path / "repo"
    build(root, {"policies/TFDL-ITSS-08-09.md": (REPO / "policies" / "TFDL-ITSS-08-09.md").read_text("utf-8")})
    org = "TFDL" if record_type == "kpi-measurement" else "YNTD"
    assert run(root, "record", "new", record_type, "--org", org, "--title", "新记录", "--date", "2025-07-31",
               *extra) == 2
    err = capsys.readouterr().err.splitlines()
    prefix = "KM" if record_type == "kpi-measurement" else "CA"
    path = f"records/{record_type}/2025/{prefix}-2025-001.md"
    assert err == [f"docctl: {path} not written (未写入):", *expected]
    assert not (root / "records").exists()


def test_record_new_refusal_in_english(tmp_path, capsys):
    root = tmp_path / "repo"
    build(root, {"policies/TFDL-ITSS-08-09.md": (REPO / "policies" / "TFDL-ITSS-08-09.md").read_text("utf-8")})
    assert main(["-C", str(root), "--lang", "en", "--today", TODAY.isoformat(), "record", "new", "kpi-measurement",
                 "--org", "TFDL", "--title", "x", "--date", "2025-07-31", "--set", "plan=NOPE-1",
                 "--set", "indicator=K18", "--set", "period=2025-07"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "docctl: records/kpi-measurement/2025/KM-2025-001.md not written (未写入):",
        "--set value=…: error schema-required: required field 'value' is missing",
        "    hint: give it with --set value=…",
        "--set plan=NOPE-1: error kpi-plan-unknown: the plan NOPE-1 does not exist",
        "    hint: plan is the id of the document declaring the indicators, e.g. TFDL-ITSS-08-09"]


def test_a_measurement_naming_a_missing_plan_or_one_without_indicators_says_so(tmp_path):
    from recordkit import policy

    org = "湖南同飞电力调度信息有限责任公司"
    repo = build(tmp_path, [("policies/YNTD-ITSS-0001.md", policy([])),
                            record("kpi-measurement", "KM-2025-001", "2025-03-31", org=org, plan="NOPE-1",
                                   indicator="K18", period="2025-03", value=1),
                            record("kpi-measurement", "KM-2025-002", "2025-03-31", org=org, plan="YNTD-ITSS-0001",
                                   indicator="K18", period="2025-03", value=1)])
    found = [(f.rule, f.message) for f in check_loaded(repo).findings if f.path.startswith("records/")]
    assert found == [("kpi-plan-unknown", "引用的计划 NOPE-1 不存在"),
                     ("kpi-plan-no-indicators", "文件 YNTD-ITSS-0001 没有声明指标（indicators）")]


def test_a_measurement_unit_must_fit_its_indicator(tmp_path):
    plan = (REPO / "policies" / "TFDL-ITSS-08-09.md").read_text("utf-8")
    org = "湖南同飞电力调度信息有限责任公司"

    def km(n, indicator, period, unit):
        return record("kpi-measurement", f"KM-2025-{n:03d}", "2025-03-31", org=org, plan="TFDL-ITSS-08-09",
                      indicator=indicator, period=period, value=36, unit=unit)

    repo = build(tmp_path, [("policies/TFDL-ITSS-08-09.md", plan), km(1, "K11", "2025-Q1", "%"),
                            km(2, "K11", "2025-Q2", "条"), km(3, "K18", "2025-01", "次"),
                            km(4, "K25", "2025", "条"), km(5, "K25", "2025", "次"), km(6, "K18", "2025-02", "%")])
    found = [f"{f.path[-14:]} {f.rule}: {f.message}" for f in check_loaded(repo).findings
             if f.rule == "kpi-measurement-unit"]
    assert found == [
        "KM-2025-001.md kpi-measurement-unit: 测量单位“%”不适合指标 K11“知识条目增加数量”："
        "该指标是计数（公式无除法），单位不应为 %",
        "KM-2025-003.md kpi-measurement-unit: 测量单位“次”不适合指标 K18“事件及时响应率”：该指标是比率，单位应为 %",
        "KM-2025-004.md kpi-measurement-unit: 测量单位“条”不适合指标 K25“信息安全事件数量”：该指标是计数，单位应为 次"]
    repo = load_repository(replace(load_config(tmp_path, today=TODAY), lang="en"))
    english = [f.message for f in check_loaded(repo).findings if f.rule == "kpi-measurement-unit"]
    assert english[0] == "unit '%' does not fit indicator K11 '知识条目增加数量': it is a count, not a percentage"


def test_the_example_measurements_have_fitting_units(capsys):
    repo = load_repository(load_config(REPO, today=TODAY))
    assert [f for f in check_loaded(repo).findings if f.rule == "kpi-measurement-unit"] == []
    assert {r.meta.get("unit") for r in repo.records if r.meta.get("indicator") == "K11"} == {"条"}
    assert run(REPO, "kpi", "--period", "2025") == 1
    assert "    2025-Q1: 36条 ✘  KM-2025-018" in capsys.readouterr().out.splitlines()  # its own unit


def test_a_closed_record_has_no_item_done_after_its_closure(tmp_path):
    decisions = [{"action": "纳入考核", "owner": "吴杰", "due": "2025-12-31", "done": "2025-12-20"},
                 {"action": "修订制度", "owner": "吴杰", "due": "2026-03-31", "done": "2026-03-20"}]
    repo = build(tmp_path, [record("management-review", "MR-2025-001", "2025-12-18", status="closed",
                                   closed="2025-12-26", decisions=decisions),
                            record("management-review", "MR-2025-002", "2025-12-18", decisions=decisions)])
    found = [f"{f.path[-14:]}:{f.line} {f.rule}: {f.message}" for f in check_loaded(repo).findings
             if f.rule == "record-done-after-closed"]
    assert found == ["MR-2025-001.md:17 record-done-after-closed: decisions[1] 于 2026-03-20 完成，"
                     "晚于记录的关闭日期 2025-12-26"]


def test_the_example_has_a_controlled_copy_on_record(capsys):
    repo = load_repository(load_config(REPO, today=TODAY))
    copy = repo.records_by_id["DIST-2025-001"]
    assert (copy.path, copy.meta["document"], copy.meta["recipient"]) == (
        "records/distribution/2025/DIST-2025-001.md", "YNTD-ITSS-0403", "运维部")
    assert [f for f in check_loaded(repo).findings if f.path == copy.path] == []
    assert run(REPO, "copies", "YNTD-ITSS-0403") == 0
    assert capsys.readouterr().out.splitlines()[1:] == ["001\tV1.0\t运维部\t2025-01-08\t现行\tDIST-2025-001"]
    review = repo.records_by_id["MR-2025-001"]
    assert (review.meta["closed"], review.meta["report_date"]) == ("2026-03-23", "2025-12-26")
    assert [f for f in check_loaded(repo).findings if f.path == review.path and f.severity.value == "error"] == []
