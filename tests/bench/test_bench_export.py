"""The export benchmark's verdict (no timing is measured here: the numbers are made up)."""

from __future__ import annotations

from bench.bench_export import GOAL_RATIO, meets_goal


def test_goal_is_judged_on_the_wall_ratio() -> None:
    assert GOAL_RATIO == 1.3
    assert meets_goal((10.0, 20.0), (13.0, 40.0))        # CPU does not decide
    assert not meets_goal((10.0, 20.0), (13.1, 20.0))
