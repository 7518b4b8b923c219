"""deadline: at most N working days in China's calendar (holidays and 调休 make-up workdays)."""

from __future__ import annotations

from datetime import date

import pytest

from docctl.workdays import add_working_days, is_workday, working_days_between
from recordkit import evaluate, evidence, notes, reasons, record

DAILY = {"id": "DAILY-5", "clause": "2.2", "title": "日常改进5个工作日内实施", "kind": "deadline",
         "record": "improvement", "where": 'r["class"] == "日常改进"', "from": "notified", "to": "implemented",
         "working_days": 5}


def improvement(rec_id: str, notified: str, implemented: str | None, cls: str = "日常改进") -> tuple[str, str]:
    return record("improvement", rec_id, notified, **{"class": cls, "source": "员工建议", "notified": notified,
                                                      "implemented": implemented})


@pytest.mark.parametrize(("start", "end", "expected"), [
    ("2025-09-30", "2025-10-11", 3),   # 国庆 1-8 Oct off; Sat 11 Oct is a make-up workday
    ("2025-09-30", "2025-10-14", 5),
    ("2025-09-26", "2025-09-28", 1),   # Sun 28 Sep 2025 is a make-up workday
    ("2026-02-13", "2026-02-24", 2),   # 春节 2026: Sat 14 Feb make-up workday, 15-23 Feb off
    ("2026-02-24", "2026-02-28", 4),   # Sat 28 Feb 2026 is a make-up workday
    ("2025-12-29", "2026-01-06", 5),   # 元旦 2026: 1-3 Jan off, Sun 4 Jan make-up workday
    ("2025-06-03", "2025-06-03", 0),
])
def test_working_days_follow_the_official_calendar(start, end, expected):
    assert working_days_between(date.fromisoformat(start), date.fromisoformat(end)) == expected


def test_chinese_calendar_covers_2025_and_2026():
    assert is_workday(date(2025, 10, 11)) and not is_workday(date(2025, 10, 3))
    assert is_workday(date(2026, 2, 14)) and not is_workday(date(2026, 2, 17))
    assert add_working_days(date(2025, 9, 30), 5) == date(2025, 10, 14)


def test_across_national_day_three_working_days_pass(tmp_path):
    result = evaluate(tmp_path, [DAILY], [improvement("IM-2025-001", "2025-09-30", "2025-10-11")])
    assert (result.status, evidence(result), reasons(result)) == ("pass", ["IM-2025-001"], [])


def test_across_national_day_six_working_days_fail(tmp_path):
    result = evaluate(tmp_path, [DAILY], [improvement("IM-2025-001", "2025-09-30", "2025-10-15")])
    assert result.status == "fail"
    assert reasons(result) == ["IM-2025-001: 通知日期（notified）2025-09-30 至 实施日期（implemented）2025-10-15 "
                               "用了 6 个工作日，限 5 个"]
    assert reasons(result, "en") == [
        "IM-2025-001: notified 2025-09-30 to implemented 2025-10-15 took 6 working days, limit 5"]


def test_across_spring_festival_the_make_up_saturday_counts(tmp_path):
    # 13 Feb 2026 (Fri) → 25 Feb (Wed): 14 Feb (make-up), 24, 25 Feb = 3 working days, 12 calendar days
    result = evaluate(tmp_path, [DAILY], [improvement("IM-2026-001", "2026-02-13", "2026-02-25")], period="2026")
    assert result.status == "pass"
    # to 3 Mar: 14 Feb, 24-27 Feb, 28 Feb (make-up Saturday), 2 and 3 Mar = 8 working days
    late = evaluate(tmp_path / "b", [DAILY], [improvement("IM-2026-001", "2026-02-13", "2026-03-03")],
                    period="2026")
    assert reasons(late) == ["IM-2026-001: 通知日期（notified）2026-02-13 至 实施日期（implemented）2026-03-03 "
                             "用了 8 个工作日，限 5 个"]


def test_calendar_days_are_plain_days(tmp_path):
    control = {**DAILY, "working_days": None, "days": 5}
    del control["working_days"]
    result = evaluate(tmp_path, [control], [improvement("IM-2025-001", "2025-09-30", "2025-10-11")])
    assert reasons(result) == ["IM-2025-001: 通知日期（notified）2025-09-30 至 实施日期（implemented）2025-10-11 "
                               "用了 11 个自然日，限 5 个"]


def test_open_past_its_deadline_fails_and_open_before_it_is_pending(tmp_path):
    result = evaluate(tmp_path, [DAILY], [improvement("IM-2025-001", "2025-11-04", None)])
    assert reasons(result) == [
        "IM-2025-001: 通知日期（notified）2025-11-04 起 5 个工作日内应完成（截止 2025-11-11），"
        "实施日期（implemented）仍未填写"]
    pending = evaluate(tmp_path / "b", [DAILY], [improvement("IM-2026-001", "2026-11-20", None)], period="2026")
    assert (pending.status, notes(pending)) == ("no-evidence", ["IM-2026-001: 截止 2026-11-27，尚未到期"])


def test_records_not_matching_the_condition_are_ignored(tmp_path):
    result = evaluate(tmp_path, [DAILY], [improvement("IM-2025-001", "2025-06-03", "2025-08-01", cls="改进项目")])
    assert (result.status, evidence(result)) == ("no-evidence", [])


def test_a_year_the_calendar_does_not_know_cannot_be_evaluated(tmp_path):
    result = evaluate(tmp_path, [DAILY], [improvement("IM-2027-001", "2027-03-01", "2027-03-05")], period="2027")
    assert result.status == "error"
    assert reasons(result) == ["IM-2027-001: 无法评估：chinese-calendar 尚无 2027 年的法定节假日数据，无法计算工作日"
                               "（请升级 chinese-calendar）"]
    assert reasons(result, "en") == ["IM-2027-001: cannot be evaluated: chinese-calendar has no official holidays "
                                     "for 2027 yet, so working days cannot be counted (upgrade chinese-calendar)"]
