"""Clause numbers from headings, and reporting periods."""

from __future__ import annotations

import pytest

from conftest import REPO
from docctl.clauses import clause_map
from docctl.errors import UsageError
from docctl.periods import buckets, grain_of, parse_period


def test_clause_numbers_follow_the_seed_numbering():
    text = (REPO / "policies" / "YNTD-ITSS-0403.md").read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    numbers = clause_map(body)
    assert (numbers["7.3.1"].title, numbers["7.3.2"].title, numbers["7.1"].title) == (
        "内审要求", "管理评审要求", "客户满意度调查要求")


def test_headings_in_code_blocks_do_not_count():
    numbers = clause_map("# 一\n\n```\n# 不是标题\n```\n\n## 一之一\n\n# 二\n")
    assert {n: c.title for n, c in numbers.items()} == {"1": "一", "1.1": "一之一", "2": "二"}


def test_periods_and_their_buckets():
    year = parse_period("2025")
    assert [p.label for p in buckets(year, "quarter")] == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
    assert [p.label for p in buckets(parse_period("2025-H2"), "month")][:2] == ["2025-07", "2025-08"]
    q3 = parse_period("2025-Q3")
    assert (q3.start.isoformat(), q3.end.isoformat(), grain_of(q3)) == ("2025-07-01", "2025-09-30", "quarter")
    assert parse_period("2024-02").end.isoformat() == "2024-02-29"
    with pytest.raises(UsageError):
        parse_period("2025Q1")
