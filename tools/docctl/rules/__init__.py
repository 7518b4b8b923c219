"""Rules: each takes the loaded repository and yields findings. The order here is the run order."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from docctl.findings import Finding
from docctl.rules import (
    controls,
    dates,
    digest,
    history,
    identity,
    indicators,
    lifecycle,
    links,
    records,
    retention,
    review,
    schema,
    signatures,
)
from docctl.rules.context import CheckContext

Rule = Callable[[CheckContext], Iterable[Finding]]

RULES: tuple[Rule, ...] = (
    schema.check,
    identity.check,
    history.check,
    dates.check,
    signatures.check,
    links.check,
    review.check,
    records.check, controls.check, retention.check, indicators.check,
    lifecycle.check,
    digest.check,
)


def run_rules(ctx: CheckContext, rules: Iterable[Rule] = RULES) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(rule(ctx))
    return findings
