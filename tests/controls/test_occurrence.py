"""occurrence: at least N records per period, optionally in a given month."""

from __future__ import annotations

from recordkit import evaluate, evidence, notes, reasons, record

AUDIT_OCTOBER = {"id": "IA-OCT", "clause": "2.1", "title": "每年10月内审", "kind": "occurrence",
                 "record": "internal-audit", "min": 1, "per": "year", "month": 10}


def test_an_audit_in_october_passes(tmp_path):
    result = evaluate(tmp_path, [AUDIT_OCTOBER], [record("internal-audit", "IA-2025-001", "2025-10-14")])
    assert (result.status, evidence(result), reasons(result)) == ("pass", ["IA-2025-001"], [])


def test_an_audit_in_november_fails_and_says_where_it_was(tmp_path):
    result = evaluate(tmp_path, [AUDIT_OCTOBER], [record("internal-audit", "IA-2025-001", "2025-11-03")])
    assert result.status == "fail"
    assert reasons(result) == ["2025：10 月内 0 条记录，要求至少 1 条（期间内其他记录：IA-2025-001 (2025-11-03)）"]
    assert reasons(result, "en") == [
        "2025: 0 records in month 10, at least 1 required (others in the period: IA-2025-001 (2025-11-03))"]


def test_no_audit_at_all_fails_and_cancelled_ones_do_not_count(tmp_path):
    cancelled = record("internal-audit", "IA-2025-001", "2025-10-14", status="cancelled")
    result = evaluate(tmp_path, [AUDIT_OCTOBER], [cancelled])
    assert (result.status, reasons(result)) == ("fail", ["2025：10 月内 0 条记录，要求至少 1 条（期间内其他记录：—）"])


def test_records_of_another_organization_do_not_count(tmp_path):
    other = record("internal-audit", "IA-2025-001", "2025-10-14", org="北京新都远景网络技术有限公司")
    assert evaluate(tmp_path, [AUDIT_OCTOBER], [other]).status == "fail"


def test_a_period_not_yet_over_is_pending_not_failed(tmp_path):
    result = evaluate(tmp_path, [{**AUDIT_OCTOBER, "month": 12}], [], period="2026")
    assert (result.status, reasons(result)) == ("no-evidence", [])
    assert notes(result) == ["2026 尚未结束：目前 0 条，要求 1 条"]


def test_quarterly_with_a_condition_names_the_missing_quarter(tmp_path):
    control = {"id": "QC-Q", "clause": "2", "title": "每季度定期检查", "kind": "occurrence", "record": "quality-check",
               "min": 1, "per": "quarter", "where": 'r.check_kind == "定期"'}
    records = [record("quality-check", f"QC-2025-00{i}", day, check_kind=kind)
               for i, (day, kind) in enumerate([("2025-03-28", "定期"), ("2025-06-27", "定期"),
                                                ("2025-09-26", "定期"), ("2025-12-12", "随机")], start=1)]
    result = evaluate(tmp_path, [control], records)
    assert result.status == "fail"
    assert reasons(result) == ["2025-Q4：0 条记录，要求至少 1 条"]
    assert evidence(result) == ["QC-2025-001", "QC-2025-002", "QC-2025-003"]
