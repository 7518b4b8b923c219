"""`comply` and `kpi` never give a clean result on incomplete evidence: files that do not load are
reported as `check` reports them, and controls `check` rejects are not evaluated."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import REPO
from docctl.cli import main
from recordkit import TODAY, build, policy, record

DAILY = {"id": "DAILY", "clause": "2.2", "title": "日常改进5个工作日内实施", "kind": "deadline",
         "record": "improvement", "where": 'r["class"] == "日常改进"', "from": "notified",
         "to": "implemented", "working_days": 5}
AUDIT = {"id": "IA-OCT", "clause": "2.1", "title": "每年10月内审", "kind": "occurrence",
         "record": "internal-audit", "min": 1, "per": "year", "month": 10}
GOOD_IM = record("improvement", "IM-2025-001", "2025-06-03", **{"class": "日常改进"},
                 notified="2025-06-03", implemented="2025-06-05")
AUDIT_REC = record("internal-audit", "IA-2025-001", "2025-10-13")
BROKEN = "---\nid: IM-2025-002\ntype: improvement\ntitle: [未闭合\n---\n# 记录\n"


def run(capsys, root: Path, *args: str) -> tuple[int, str, str]:
    code = main(["-C", str(root), "--lang", "zh", "--today", TODAY.isoformat(), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def check_lines(capsys, root: Path) -> list[str]:
    """What `docctl check` prints for the repository, finding lines only."""
    return [line for line in check_report(capsys, root) if ": error " in line]


def check_report(capsys, root: Path) -> list[str]:
    """What `docctl check` prints for the repository's errors: each with its hint lines."""
    _, out, _ = run(capsys, root, "check")
    kept: list[str] = []
    keep = False
    for line in out.splitlines():
        keep = ": error " in line or (keep and line.startswith("    "))
        if keep:
            kept.append(line)
    return kept


def test_all_good_is_clean(tmp_path, capsys):
    build(tmp_path, [("policies/YNTD-ITSS-0001.md", policy([DAILY, AUDIT])), GOOD_IM, AUDIT_REC])
    code, out, _ = run(capsys, tmp_path, "comply", "--period", "2025")
    assert code == 0 and out.splitlines()[-1] == "期间 2025：2 项控制——不通过 0，无法评估 0，无证据 0，通过 2"


def test_a_broken_record_makes_controls_over_its_type_cannot_be_evaluated(tmp_path, capsys):
    files = [("policies/YNTD-ITSS-0001.md", policy([DAILY, AUDIT])), GOOD_IM, AUDIT_REC,
             ("records/improvement/2025/IM-2025-002.md", BROKEN)]
    build(tmp_path, files)
    found = check_lines(capsys, tmp_path)
    assert found == ["records/improvement/2025/IM-2025-002.md:5:1: error yaml-syntax: "
                     + found[0].split("yaml-syntax: ", 1)[1]]
    code, out, _ = run(capsys, tmp_path, "comply", "--period", "2025")
    lines = out.splitlines()
    assert code == 1
    report = check_report(capsys, tmp_path)
    assert lines[:len(report) + 2] == ["以下文件无法正确读取（证据不完整）：", *report, ""]
    assert lines[len(report) + 2:len(report) + 4] == [
        "! 无法评估  YNTD-ITSS-0001 §2.2 DAILY: 日常改进5个工作日内实施",
        "    - 无法评估：记录 records/improvement/2025/IM-2025-002.md（improvement）无法正确读取，证据不完整"]
    assert "✔ 通过  YNTD-ITSS-0001 §2.1 IA-OCT: 每年10月内审" in lines  # another type: unaffected
    assert lines[-1] == "期间 2025：2 项控制——不通过 0，无法评估 1，无证据 0，通过 1"


def test_a_broken_policy_is_reported_and_its_controls_cannot_be_evaluated(tmp_path, capsys):
    text = policy([DAILY]).replace("title: 测试制度", "title: [测试制度", 1)
    build(tmp_path, {"policies/YNTD-ITSS-0001.md": text})
    found = check_lines(capsys, tmp_path)
    assert len(found) == 1 and found[0].startswith("policies/YNTD-ITSS-0001.md:")
    report = check_report(capsys, tmp_path)
    code, out, _ = run(capsys, tmp_path, "comply", "--period", "2025")
    assert code == 1
    assert out.splitlines() == [
        "以下文件无法正确读取（证据不完整）：", *report, "",
        "! 无法评估  policies/YNTD-ITSS-0001.md",
        "    - 无法评估：制度文件 policies/YNTD-ITSS-0001.md 无法正确读取，其控制项无法评估（见上方读取错误）",
        "期间 2025：1 项控制——不通过 0，无法评估 1，无证据 0，通过 0"]
    code, out, _ = run(capsys, tmp_path, "--lang", "en", "comply", "--period", "2025", "--format", "json")
    data = json.loads(out)
    assert code == 1 and [e["path"] for e in data["load_errors"]] == ["policies/YNTD-ITSS-0001.md"]
    assert data["results"][0]["failures"][0]["reason"] == (
        "cannot be evaluated: the policy file policies/YNTD-ITSS-0001.md cannot be read correctly, nor its "
        "controls (see the load errors above)")


def test_a_policy_with_a_load_error_but_parsed_does_not_evaluate_its_controls(tmp_path, capsys):
    text = policy([DAILY]).replace("department: 质量部\n", "department: 质量部\ndepartment: 质量部\n", 1)
    build(tmp_path, [("policies/YNTD-ITSS-0001.md", text), GOOD_IM])
    code, out, _ = run(capsys, tmp_path, "comply", "--period", "2025", "--format", "md")
    assert code == 1 and "## 读取错误（证据不完整）" in out
    assert ("| ! 无法评估 | YNTD-ITSS-0001 | 2.2 | DAILY 日常改进5个工作日内实施 | 无法评估：制度文件 "
            "policies/YNTD-ITSS-0001.md 无法正确读取，其控制项无法评估（见上方读取错误） |") in out


def test_controls_check_rejects_are_not_evaluated(tmp_path, capsys):
    controls = [{**AUDIT, "clause": "9.9.9"}, {**AUDIT, "id": "IA-2", "record": "improvment"},
                {**DAILY, "from": "notifyed"}, {**DAILY, "id": "DAILY-2", "where": 'r.nosuch == "x"'}]
    build(tmp_path, [("policies/YNTD-ITSS-0001.md", policy(controls)), GOOD_IM, AUDIT_REC])
    found = check_lines(capsys, tmp_path)
    code, out, _ = run(capsys, tmp_path, "comply", "--period", "2025")
    reasons = [line for line in out.splitlines() if line.startswith("    - ")]
    expected = []
    for line in found:
        where, rest = line.split(": error ", 1)
        rule, message = rest.split(": ", 1)
        expected.append(f"    - 无法评估：{message}（{where} {rule}）")
    assert code == 1 and sorted(reasons) == sorted(expected) and len(expected) == 4
    assert "    - 无法评估：控制项 IA-OCT 引用的条款 9.9.9 在正文中不存在（policies/YNTD-ITSS-0001.md:29:11 " \
        "control-clause-unknown）" in reasons
    assert out.splitlines()[-1] == "期间 2025：4 项控制——不通过 0，无法评估 4，无证据 0，通过 0"


def test_a_schema_fault_in_a_control_is_not_evaluated(tmp_path, capsys):
    control = {k: v for k, v in DAILY.items() if k != "to"}
    build(tmp_path, [("policies/YNTD-ITSS-0001.md", policy([control])), GOOD_IM])
    code, out, _ = run(capsys, tmp_path, "comply", "--period", "2025")
    assert code == 1
    assert "    - 无法评估：缺少必填字段“to”（policies/YNTD-ITSS-0001.md:28:3 schema-required）" in out.splitlines()


def test_kpi_reports_an_unreadable_measurement_and_exits_1(tmp_path, capsys):
    root = tmp_path / "repo"
    build(root, {"policies/TFDL-ITSS-08-09.md": (REPO / "policies/TFDL-ITSS-08-09.md").read_text("utf-8")})
    broken = root / "records/kpi-measurement/2025/KM-2025-001.md"
    broken.parent.mkdir(parents=True)
    broken.write_text("---\nid: KM-2025-001\nvalue: [1\n---\n", encoding="utf-8")
    found = check_lines(capsys, root)
    report = check_report(capsys, root)
    code, out, _ = run(capsys, root, "kpi", "--period", "2025")
    assert code == 1
    assert out.splitlines()[:len(report) + 4] == [
        "以下文件无法正确读取（证据不完整）：", *report, "",
        "! 无法评估  records/kpi-measurement/2025/KM-2025-001.md: 缺少此文件，达成情况不完整", ""]
    code, out, err = run(capsys, root, "kpi", "--period", "2025", "--format", "json")
    assert code == 1 and isinstance(json.loads(out), list) and found[0] in err.splitlines()
