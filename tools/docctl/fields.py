"""Dotted paths into front matter: `verification.by`, `plan.approved_by`."""

from __future__ import annotations

from typing import Any

MISSING = object()


def get_path(data: Any, path: str) -> Any:
    """The value at a dotted path, or MISSING when a step is absent."""
    for part in path.split("."):
        if not isinstance(data, dict) or part not in data:
            return MISSING
        data = data[part]
    return data


def is_empty(value: Any) -> bool:
    return value is MISSING or value is None or value == "" or value == [] or value == {}


def key_path(path: str) -> tuple[str, ...]:
    return tuple(path.split("."))
