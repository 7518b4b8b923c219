"""Write front matter the way people write it in this repository: contract order, quoted versions,
bare ISO dates, flow lists for ids."""

from __future__ import annotations

import re
from typing import Any

import yaml

ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
VERSION_KEYS = ("version",)


def scalar(key: str, value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool | int):
        return str(value).lower() if isinstance(value, bool) else str(value)
    text = str(value)
    if key in VERSION_KEYS:
        return f'"{text}"'
    if ISO.match(text):
        return text
    dumped = yaml.safe_dump(text, allow_unicode=True, width=10_000, default_style=None)
    return dumped.removesuffix("\n...\n").removesuffix("\n")


def _flow(value: Any) -> str:
    dumped = yaml.safe_dump(value, allow_unicode=True, width=10_000, default_flow_style=True, sort_keys=False)
    return dumped.removesuffix("\n...\n").removesuffix("\n")


def front_matter(meta: dict[str, Any]) -> str:
    lines = ["---"]
    for key, value in meta.items():
        if isinstance(value, list) and key == "history":
            lines.append("history:")
            for row in value:
                first = True
                for k, v in row.items():
                    lines.append(f"  {'- ' if first else '  '}{k}: {scalar(k, v)}")
                    first = False
        elif isinstance(value, list) and any(isinstance(v, dict) for v in value):  # controls, indicators
            lines.append(f"{key}:")
            lines.extend(f"  - {_flow(v)}" for v in value)
        elif isinstance(value, list):
            if not value:
                lines.append(f"{key}: []")
            elif all(re.fullmatch(r"[A-Za-z0-9._-]+", str(v)) for v in value):
                lines.append(f"{key}: [{', '.join(str(v) for v in value)}]")
            else:
                lines.append(f"{key}:")
                lines.extend(f"  - {scalar('', v)}" for v in value)
        else:
            lines.append(f"{key}: {scalar(key, value)}")
    lines.append("---")
    return "\n".join(lines) + "\n"
