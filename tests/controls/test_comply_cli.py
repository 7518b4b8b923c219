"""`docctl comply` on the example repository: both outcomes, three formats, the evidence inventory."""

from __future__ import annotations

import json

from conftest import REPO
from docctl.cli import main
from recordkit import TODAY, build, policy, record


def ids(records):
    return [r["id"] for r in records]


def comply(capsys, *args, root=REPO):
    code = main(["-C", str(root), "--lang", "zh", "--today", TODAY.isoformat(), "comply", *args])
    return code, capsys.readouterr().out


def test_failures_exit_1_and_json_carries_evidence_and_reasons(capsys):
    code, out = comply(capsys, "--period", "2025", "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["period"] == "2025"
    by_id = {(r["policy"], r["control"]): r for r in data["results"]}
    assert by_id[("YNTD-ITSS-0403", "IA-YEARLY-OCT")] | {"failures": [], "notes": []} == {
        "policy": "YNTD-ITSS-0403", "clause": "7.3.1", "control": "IA-YEARLY-OCT", "kind": "occurrence",
        "title": "内审每年度至少执行一次，安排在每年10月进行", "status": "pass",
        "evidence": [{"id": "IA-2025-001", "path": "records/internal-audit/2025/IA-2025-001.md"}],
        "failures": [], "notes": []}
    assert data["summary"] == {"controls": 28, "fail": 13, "error": 0, "no-evidence": 0, "pass": 15}
    daily = by_id[("XDYJ-04-04", "DAILY-5-WORKDAYS")]
    assert daily["status"] == "fail"
    assert [f["reason"] for f in daily["failures"]] == [
        "通知日期（notified）2025-06-03 至 实施日期（implemented）2025-06-12 用了 7 个工作日，限 5 个",
        "通知日期（notified）2025-11-04 起 5 个工作日内应完成（截止 2025-11-11），实施日期（implemented）仍未填写"]
    assert ids(daily["evidence"]) == ["IM-2025-001", "IM-2025-002", "IM-2025-004", "IM-2025-005"]
    statuses = [r["status"] for r in data["results"]]
    assert statuses.count("pass") == 15 and statuses.count("fail") == 13


def test_the_evidence_inventory_lists_clauses_with_their_records(capsys):
    _, out = comply(capsys, "--period", "2025", "--format", "json")
    inventory = {(e["policy"], e["clause"]): e for e in json.loads(out)["inventory"]}
    assert inventory[("YNTD-ITSS-0403", "7.3.1")] == {
        "policy": "YNTD-ITSS-0403", "clause": "7.3.1", "title": "内审要求",
        "controls": ["IA-YEARLY-OCT", "IA-PLAN-REPORT", "IA-INDEPENDENT", "IA-FINDINGS-CLOSED",
                     "IA-PLAN-APPROVED-FIRST", "IA-FINDINGS-CAPA"],
        "records": [{"id": "CA-2025-001", "path": "records/capa/2025/CA-2025-001.md"},
                    {"id": "CA-2025-002", "path": "records/capa/2025/CA-2025-002.md"},
                    {"id": "IA-2025-001", "path": "records/internal-audit/2025/IA-2025-001.md"}]}
    assert ids(inventory[("YNTD-ITSS-0404", "5.3.2")]["records"]) == ["CA-2025-003"]  # cited, no control


def test_text_and_markdown_reports(capsys):
    _, text = comply(capsys, "--period", "2025")
    assert text.splitlines()[-1] == "期间 2025：28 项控制——不通过 13，无法评估 0，无证据 0，通过 15"
    assert "    - IA-2025-001: checklist[4] auditor（钱进）与 department（质量部）重合：质量部" in text
    _, md = comply(capsys, "--period", "2025", "--format", "md")
    assert md.startswith("# 合规检查 2025\n") and "## 证据清单" in md
    assert ("| YNTD-ITSS-0403 | 7.1 客户满意度调查要求 | CS-COMPANY-YEARLY ✔ "
            "| [CS-2025-001](records/satisfaction-survey/2025/CS-2025-001.md) |") in md
    assert "| 状态 | 文件 | 条款 | 控制项 | 原因 | 证据 |" in md
    assert ("| ✔ 通过 | YNTD-ITSS-0403 | 7.1 | CS-COMPANY-YEARLY 公司级客户满意度调查每年最少进行一次 | — "
            "| [CS-2025-001](records/satisfaction-survey/2025/CS-2025-001.md) |") in md.splitlines()


def test_no_failures_exit_0_and_a_bad_period_is_a_usage_error(tmp_path, capsys):
    control = {"id": "MR", "clause": "2", "title": "管理评审", "kind": "occurrence", "record": "management-review",
               "min": 1, "per": "year"}
    root = tmp_path / "repo"
    build(root, {"policies/YNTD-ITSS-0001.md": policy([control])})
    code, out = comply(capsys, "--period", "2026", root=root)
    assert code == 0 and out.endswith("期间 2026：1 项控制——不通过 0，无法评估 0，无证据 1，通过 0\n")
    assert main(["-C", str(root), "comply", "--period", "2025-Q5"]) == 2
    assert "period '2025-Q5': expected 2025, 2025-H1, 2025-Q3 or 2025-07" in capsys.readouterr().err


def test_the_text_report_carries_the_evidence_inventory(capsys):
    _, text = comply(capsys, "--period", "2025")
    lines = text.splitlines()
    start = lines.index("证据清单：")
    assert lines[start + 1:start + 4] == [
        "  TFDL-ITSS-08-09 §2 监控运维服务管理目标达成情况", "    控制项: KPI-TARGETS ✘",
        "    记录: " + ", ".join(f"KM-2025-{n:03d}" for n in range(1, 74))]
    at = lines.index("  YNTD-ITSS-0403 §7.3.1 内审要求")
    assert lines[at + 1:at + 3] == [
        "    控制项: IA-YEARLY-OCT ✔, IA-PLAN-REPORT ✔, IA-INDEPENDENT ✘, IA-FINDINGS-CLOSED ✘, "
        "IA-PLAN-APPROVED-FIRST ✔, IA-FINDINGS-CAPA ✔",
        "    记录: CA-2025-001, CA-2025-002, IA-2025-001"]
    code = main(["-C", str(REPO), "--lang", "en", "--today", TODAY.isoformat(), "comply", "--period", "2025"])
    english = capsys.readouterr().out.splitlines()
    at = next(i for i, x in enumerate(english) if x.startswith("  YNTD-ITSS-0404 §5.3.2 "))
    assert code == 1 and "Evidence inventory:" in english
    assert english[at + 1:at + 3] == ["    controls: —", "    records: CA-2025-003"]


def test_the_seeds_rules_declared_as_controls_in_the_example(capsys):
    _, out = comply(capsys, "--period", "2025", "--format", "json")
    by_id = {(r["policy"], r["control"]): r for r in json.loads(out)["results"]}
    effective = by_id[("XDYJ-04-04", "CAPA-CLOSED-EFFECTIVE")]
    assert (effective["clause"], effective["status"], ids(effective["evidence"])) == (
        "4.3.4", "fail", ["CA-2025-004", "CA-2025-006"])
    assert [f["record"] for f in effective["failures"]] == ["CA-2025-006"]
    for key in ("IA-PLAN-APPROVED-FIRST", "IA-FINDINGS-CAPA"):
        assert (by_id[("YNTD-ITSS-0403", key)]["status"], ids(by_id[("YNTD-ITSS-0403", key)]["evidence"])) == (
            "pass", ["IA-2025-001"])
    assert by_id[("TFDL-ITSS-08-09", "IA-YEARLY")]["status"] == "pass"
    assert [f["reason"] for f in by_id[("TFDL-ITSS-08-09", "MR-YEARLY")]["failures"]] == [
        "2025：1 月内 0 条记录，要求至少 1 条（期间内其他记录：—）"]


def test_a_policy_under_revision_keeps_its_controls(tmp_path, capsys):
    """While the next version of a policy is a draft, its version in force still governs the records."""
    import shutil

    root = tmp_path / "repo"
    shutil.copytree(REPO, root, ignore=shutil.ignore_patterns(".git", ".venv", "site", "build", "bench", "tests",
                                                               "tools", "*.egg-info"))
    code, before = comply(capsys, "--period", "2025", "--format", "json", root=root)
    revise = ["revise", "YNTD-ITSS-0403", "--change", "年度评审"]
    assert main(["-C", str(root), "--today", TODAY.isoformat(), *revise]) == 0
    capsys.readouterr()
    code, after = comply(capsys, "--period", "2025", "--format", "json", root=root)
    policies = [r["policy"] for r in json.loads(after)["results"]]
    assert policies.count("YNTD-ITSS-0403") > 0
    assert policies == [r["policy"] for r in json.loads(before)["results"]]


def test_the_evidence_inventory_lists_only_records_of_the_period(tmp_path, capsys):
    """A record is evidence for the period it was dated or closed in, as the controls count it."""
    control = {"id": "IM", "clause": "2.2", "title": "日常改进", "kind": "deadline", "record": "improvement",
               "from": "notified", "to": "implemented", "working_days": 5}
    cite = {"clauses": ["YNTD-ITSS-0001#2.2"], "source": "员工建议", "class": "日常改进"}
    root = tmp_path / "repo"
    build(root, [("policies/YNTD-ITSS-0001.md", policy([control])),
                 record("improvement", "IM-2024-001", "2024-03-01", notified="2024-03-01",
                        implemented="2024-03-04", **cite),
                 record("improvement", "IM-2025-001", "2025-12-29", "closed", closed="2026-01-09",
                        notified="2025-12-29", implemented="2026-01-06", **cite),
                 record("improvement", "IM-2026-001", "2026-02-02", notified="2026-02-02",
                        implemented="2026-02-04", **cite)])
    for period, expected in (("2024", ["IM-2024-001"]), ("2025", ["IM-2025-001"]),
                             ("2026", ["IM-2025-001", "IM-2026-001"]), ("2023", [])):
        _, out = comply(capsys, "--period", period, "--format", "json", root=root)
        assert [ids(e["records"]) for e in json.loads(out)["inventory"]] == [expected], period
