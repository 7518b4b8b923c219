"""The next free document number of an organization, derived from its id_pattern and existing ids."""

from __future__ import annotations

import re
from collections.abc import Iterable

from docctl.config import Organization
from docctl.errors import UsageError

_DIGITS = re.compile(r"\\d\{(\d+)\}")
_LAST_NUMBER = re.compile(r"(\d+)(\D*)$")


def next_id(org: Organization, existing: Iterable[str]) -> str:
    """One more than the highest number of the organization's ids (last digit group, same width)."""
    taken = set(existing)
    ours = sorted((i for i in taken if org.id_pattern.match(i)), key=_number_key)
    candidate = _increment(ours[-1]) if ours else _first(org)
    while candidate in taken:
        candidate = _increment(candidate)
    if not org.id_pattern.match(candidate):
        raise UsageError(
            f"{org.code}: 编号已用尽，{candidate} 不符合 {org.id_pattern.pattern} / "
            f"numbers are exhausted: {candidate} does not match {org.id_pattern.pattern}"
        )
    return candidate


def _number_key(doc_id: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", doc_id))


def _increment(doc_id: str) -> str:
    m = _LAST_NUMBER.search(doc_id)
    if not m:
        raise UsageError(f"{doc_id}: 编号中没有数字 / the number has no digits")
    digits = m.group(1)
    return doc_id[: m.start(1)] + str(int(digits) + 1).zfill(len(digits)) + m.group(2)


def _first(org: Organization) -> str:
    """The first number a simple pattern allows, such as ^ABC-\\d{2}-\\d{2}$ → ABC-01-01."""
    pattern = org.id_pattern.pattern.removeprefix("^").removesuffix("$")
    groups = _DIGITS.findall(pattern)
    literal = _DIGITS.split(pattern)[::2]
    if not groups or any(re.search(r"[\[\]().*+?|{}]|\\[^-.]", part) for part in literal):
        raise UsageError(
            f"{org.code}: 无法从编号规则 {org.id_pattern.pattern} 推出第一个编号 / "
            "cannot derive a first number from this pattern"
        )
    widths = [int(g) for g in groups]
    numbers = ["1".zfill(w) for w in widths]
    parts = [p.replace("\\", "") for p in literal]
    return "".join(p + n for p, n in zip(parts, numbers, strict=False)) + parts[-1]
