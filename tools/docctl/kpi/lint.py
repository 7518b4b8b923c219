"""Lint an indicator catalogue: units that do not fit, ratios that can exceed 100 %, duplicates.

The ratio test is lexical: a formula numerator/denominator whose denominator carries a word of success
(通过, 成功, 合格, …) that the numerator lacks counts a subset over its superset and can exceed 100 %.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from docctl.kpi.indicators import Indicator
from docctl.kpi.table import squeeze

SUCCESS_WORDS = ("通过", "成功", "合格", "按时", "及时", "正确", "达成", "解决")
_NOISE = re.compile(r"[Σ()（）]|[*×]\s*100\s*%?")


@dataclass(frozen=True)
class LintIssue:
    indicator: Indicator
    rule: str
    args: dict[str, str]


def lint(indicators: list[Indicator]) -> Iterator[LintIssue]:
    seen: dict[str, Indicator] = {}
    for ind in indicators:
        if not ind.is_ratio and ind.target.unit == "%":
            yield LintIssue(ind, "kpi-unit-mismatch", {"target": ind.target.text()})
        inverted = inverted_ratio(ind.formula)
        if inverted:
            yield LintIssue(ind, "kpi-ratio-inverted", {"numerator": inverted[0], "denominator": inverted[1],
                                                        "word": inverted[2]})
        key = squeeze(ind.name)
        if key in seen:
            yield LintIssue(ind, "kpi-duplicate", {"first": seen[key].id, "first_row": str(seen[key].row)})
        else:
            seen[key] = ind


def inverted_ratio(formula: str) -> tuple[str, str, str] | None:
    """(numerator, denominator, word) when the denominator is the qualified subset; None otherwise."""
    if "/" not in formula:
        return None
    numerator, denominator = (_NOISE.sub("", part).strip() for part in formula.split("/", 1))
    for word in SUCCESS_WORDS:
        if word in denominator and word not in numerator:
            return numerator, denominator, word
    return None
