"""The three reporters on the same findings: text, JSON and SARIF 2.1.0."""

from __future__ import annotations

import json

from docctl import __version__
from docctl.catalog import make_finding
from docctl.findings import Finding
from docctl.reporters import REPORTERS, jsonreport, sarif, text
from sarif_shape import assert_sarif_2_1_0

P = "policies/YNTD-ITSS-0001.md"


def findings(lang: str) -> list[Finding]:
    return [
        make_finding(lang, P, 9, 10, "yaml-unquoted", field="version", raw="1.10", value="1.1",
                     kind="数字", kind_en="number"),
        make_finding(lang, P, 16, 15, "review-overdue", due="2026-07-08", days=137,
                     days_en="137 days"),
        make_finding(lang, "records/audit/2025/IA-2025-001.md", 3, 1, "review-due-soon", due="2026-12-01", days=9,
                     days_en="9 days"),
    ]


def test_text_report_zh() -> None:
    assert text.render(findings("zh"), 4, "zh") == (
        f"{P}:9:10: error yaml-unquoted: “version”的值 1.10 未加引号，YAML 会把它读成数字 1.1，而不是文本\n"
        '    提示: 加引号：version: "1.10"\n'
        f"{P}:16:15: warning review-overdue: 定期评审已过期：应于 2026-07-08 评审（已过 137 天）\n"
        "    提示: 评审后用 docctl revise 开新版本，或更新 next_review\n"
        "records/audit/2025/IA-2025-001.md:3:1: info review-due-soon: 定期评审将于 2026-12-01 到期（还有 9 天）\n"
        "已检查 4 个文件：1 个错误，1 个警告，1 个提示\n")


def test_text_report_en() -> None:
    assert text.render(findings("en"), 4, "en") == (
        f"{P}:9:10: error yaml-unquoted: the value 1.10 of 'version' is not quoted; "
        "YAML reads it as the number 1.1, not as text\n"
        '    hint: quote it: version: "1.10"\n'
        f"{P}:16:15: warning review-overdue: periodic review is overdue: it was due on 2026-07-08 (137 days ago)\n"
        "    hint: after the review, run docctl revise or update next_review\n"
        "records/audit/2025/IA-2025-001.md:3:1: info review-due-soon: periodic review is due on 2026-12-01 "
        "(in 9 days)\n"
        "4 files checked: 1 error, 1 warning, 1 note\n")


def test_text_report_without_findings() -> None:
    assert text.render([], 0, "zh") == "已检查 0 个文件：0 个错误，0 个警告，0 个提示\n"


def test_json_report_structure() -> None:
    data = json.loads(jsonreport.render(findings("zh"), 4, "zh"))
    assert data == {
        "files": 4,
        "summary": {"error": 1, "warning": 1, "info": 1, "total": 3},
        "findings": [
            {"path": P, "line": 9, "col": 10, "rule": "yaml-unquoted", "severity": "error",
             "message": "“version”的值 1.10 未加引号，YAML 会把它读成数字 1.1，而不是文本",
             "hint": '加引号：version: "1.10"'},
            {"path": P, "line": 16, "col": 15, "rule": "review-overdue", "severity": "warning",
             "message": "定期评审已过期：应于 2026-07-08 评审（已过 137 天）",
             "hint": "评审后用 docctl revise 开新版本，或更新 next_review"},
            {"path": "records/audit/2025/IA-2025-001.md", "line": 3, "col": 1, "rule": "review-due-soon",
             "severity": "info", "message": "定期评审将于 2026-12-01 到期（还有 9 天）", "hint": ""},
        ],
    }


def test_json_report_keeps_every_summary_key_when_clean() -> None:
    text_out = jsonreport.render([], 2, "en")
    assert json.loads(text_out) == {"files": 2, "summary": {"error": 0, "warning": 0, "info": 0, "total": 0},
                                    "findings": []}
    assert text_out.endswith("}\n")


def test_json_report_writes_chinese_as_utf8_not_escapes() -> None:
    assert "定期评审已过期" in jsonreport.render(findings("zh"), 4, "zh")


def test_sarif_report() -> None:
    log = json.loads(sarif.render(findings("en"), 4, "en"))
    assert_sarif_2_1_0(log)
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "docctl"
    assert run["tool"]["driver"]["version"] == __version__
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["review-due-soon", "review-overdue",
                                                                   "yaml-unquoted"]
    assert run["results"][0] == {
        "ruleId": "yaml-unquoted", "ruleIndex": 2, "level": "error",
        "message": {"text": "the value 1.10 of 'version' is not quoted; YAML reads it as the number 1.1, not as text\n"
                            'quote it: version: "1.10"'},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": P, "uriBaseId": "%SRCROOT%"},
            "region": {"startLine": 9, "startColumn": 10}}}],
    }
    assert [r["level"] for r in run["results"]] == ["error", "warning", "note"]
    assert run["results"][2]["message"] == {"text": "periodic review is due on 2026-12-01 (in 9 days)"}


def test_sarif_report_without_findings_is_still_a_valid_log() -> None:
    log = json.loads(sarif.render([], 0, "zh"))
    assert_sarif_2_1_0(log)
    assert log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"] == []


def test_every_reporter_is_registered() -> None:
    assert {"text": text.render, "json": jsonreport.render, "sarif": sarif.render} == REPORTERS
