"""Accepted findings stay visible as notes with their reason; expired or unused acceptances are reported;
docctl.yml itself is checked against its schema with lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CASES, TODAY, make_repo
from docctl.cli import main

ACCEPT = """
accepted:
  - rule: review-overdue
    path: policies/YNTD-ITSS-0001.md
    reason: 年度评审已于 2026-11-01 召开，修订版待发布
    until: {until}
  - rule: link-missing
    path: policies/YNTD-ITSS-0001.md
    reason: 附件待补
    until: 2027-01-31
"""


def overdue_repo(tmp_path: Path, until: str) -> Path:
    repo = make_repo(tmp_path / "repo", CASES / "invalid" / "review-overdue")
    with (repo / "docctl.yml").open("a", encoding="utf-8") as f:
        f.write(ACCEPT.format(until=until))
    return repo


def run(repo: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    rc = main(["-C", str(repo), "--today", TODAY, "--lang", "zh", "check", *extra])
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_accepted_finding_becomes_a_note_with_its_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = run(overdue_repo(tmp_path, "2027-01-31"), capsys, "--strict")
    line = len((CASES / "docctl.yml").read_text(encoding="utf-8").splitlines()) + 7  # the second accepted item
    assert rc == 0
    assert out == (
        f"docctl.yml:{line}:5: info acceptance-unused: "
        "对 policies/YNTD-ITSS-0001.md 的 link-missing 的接受没有匹配任何问题\n"
        "    提示: 问题已不存在时，从 docctl.yml 的 accepted 中删除此项\n"
        "policies/YNTD-ITSS-0001.md:16:15: info review-overdue: 定期评审已过期：应于 2026-07-08 评审（已过 137 天）"
        "（已接受：年度评审已于 2026-11-01 召开，修订版待发布；有效至 2027-01-31）\n"
        "    提示: 评审后用 docctl revise 开新版本，或更新 next_review\n"
        "已检查 1 个文件：0 个错误，0 个警告，2 个提示\n")


def test_expired_acceptance_no_longer_applies(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc, out, _ = run(overdue_repo(tmp_path, "2026-11-01"), capsys, "--strict")
    line = len((CASES / "docctl.yml").read_text(encoding="utf-8").splitlines()) + 3  # the first accepted item
    assert rc == 1
    assert (f"docctl.yml:{line}:5: warning acceptance-expired: 对 policies/YNTD-ITSS-0001.md 的 review-overdue 的接受"
            "已于 2026-11-01 到期，该问题重新按原级别报告\n    提示: 修正问题，或经批准后延长 until\n") in out
    assert ("policies/YNTD-ITSS-0001.md:16:15: warning review-overdue: "
            "定期评审已过期：应于 2026-07-08 评审（已过 137 天）\n") in out


def test_invalid_settings_are_listed_with_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = make_repo(tmp_path / "repo")
    (repo / "docctl.yml").write_text(
        "organizations:\n  - name: X\n    id_pattern: '^X'\npeople:\n  - name: 张三\n    email: z@x.example.com\n"
        "    roles: [boss]\naccepted:\n  - rule: x\n    path: y\n    until: 2027-13-01\n", encoding="utf-8")
    rc, out, err = run(repo, capsys)
    assert (rc, out) == (2, "")
    assert err == (
        "docctl: invalid settings (配置有误):\n"
        "  docctl.yml:2:5: schema-required: 缺少必填字段“code” / required field 'code' is missing"
        "（补上 code: … / add code: …）\n"
        "  docctl.yml:7:13: schema-enum: “people.0.roles.0”的值“boss”不在允许值之中 / 'people.0.roles.0' has the "
        "value 'boss', which is not allowed（允许值：author, reviewer, approver, auditor / allowed: author, reviewer, "
        "approver, auditor）\n"
        "  docctl.yml:9:5: schema-required: 缺少必填字段“reason” / required field 'reason' is missing"
        "（补上 reason: … / add reason: …）\n"
        "  docctl.yml:11:12: date-invalid: “accepted.0.until”的日期“2027-13-01”不存在 / 'accepted.0.until' has the "
        "date '2027-13-01', which does not exist（检查年月日，格式为 YYYY-MM-DD / check year, month and day; the "
        "form is YYYY-MM-DD）\n")
