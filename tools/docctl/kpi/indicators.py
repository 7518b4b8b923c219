"""Indicators as a plan declares them in its front matter (`indicators:`)."""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from docctl.model import Document

SYMBOLS = {">=": "≥", "<=": "≤", "=": "", ">": ">", "<": "<"}
_OPS: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge, "<=": operator.le, "=": operator.eq, ">": operator.gt, "<": operator.lt}


@dataclass(frozen=True)
class Target:
    op: str
    value: float
    unit: str

    def text(self) -> str:
        """As the plan's table writes it: ≥95%, 100%, ≥1, 0次."""
        return f"{SYMBOLS.get(self.op, self.op)}{number(self.value)}{self.unit}"

    def met(self, value: float) -> bool:
        return _OPS[self.op](round(value, 6), self.value)


@dataclass(frozen=True)
class Indicator:
    plan: Document
    index: int
    id: str
    row: int
    domain: str
    name: str
    formula: str
    target: Target
    period: str

    @property
    def is_ratio(self) -> bool:
        return "/" in self.formula

    def where(self, *key: str) -> tuple[int, int]:
        return self.plan.where("indicators", self.index, *key)


def number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def indicators_of(doc: Document) -> list[Indicator]:
    items = doc.meta.get("indicators")
    if not isinstance(items, list):
        return []
    return [ind for i, item in enumerate(items) if (ind := _indicator(doc, i, item)) is not None]


def _indicator(doc: Document, index: int, item: Any) -> Indicator | None:
    try:
        t = item["target"]
        target = Target(str(t["op"]), float(t["value"]), str(t.get("unit", "")))
        return Indicator(doc, index, str(item["id"]), int(item["row"]), str(item["domain"]),
                         str(item["name"]), str(item["formula"]), target, str(item["period"]))
    except (KeyError, TypeError, ValueError):
        return None  # the schema rule reports what is wrong with it
