"""Column widths of body tables: content-sized, filling the text width."""

from __future__ import annotations

from docctl.docx.tables import column_widths, ems


def test_ems_counts_cjk_as_one_and_latin_as_about_half() -> None:
    assert ems("序号") == 2
    assert ems("SLA达成率") == 3 + 3 * 0.55


def test_short_columns_get_what_they_need_and_the_long_one_the_rest() -> None:
    rows = [["序号", "活动", "计划时间"], ["1", "发布2022年运维服务质量管理计划" * 3, "10-12月"]]
    widths = column_widths(rows, header_rows=1, available=8000)
    assert sum(widths) == 8000
    assert widths[0] == 2 * 210 + 220 and widths[2] == 4 * 210 + 220
    assert widths[1] == 8000 - widths[0] - widths[2]


def test_a_small_table_is_stretched_in_proportion() -> None:
    assert column_widths([["甲", "乙乙乙乙"]], header_rows=0, available=3400) == [2 * 640, 2 * 1060]


def test_too_many_columns_fall_back_to_their_minimum_in_proportion() -> None:
    widths = column_widths([["名称" * 5] * 10], header_rows=1, available=5000)
    assert sum(widths) == 5000 and len(set(widths[:-1])) == 1
