"""docctl.yml against schemas/docctl.schema.json: every fault with its line, before anything uses it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docctl.yamlsafe import Parsed

SCHEMA = Path("schemas") / "docctl.schema.json"


def config_faults(root: Path, parsed: Parsed, name: str) -> list[str]:
    """`docctl.yml:LINE:COL: message` for each fault of the YAML or of the schema."""
    faults = [f"{name}:{p.line + 1}:{p.col + 1}: {p.rule}: {_args(p.args)}" for p in parsed.problems]
    schema_path = root / SCHEMA
    if faults or not schema_path.is_file():
        return faults
    from docctl.schemas import SchemaSet  # here: schemas -> model -> config would be a cycle

    validator = SchemaSet(root / "schemas").validator("docctl")
    located: list[tuple[int, int, str]] = []
    for error in validator.iter_errors(parsed.data):
        line, col = _where(parsed, tuple(error.instance_path))
        field = ".".join(str(p) for p in error.instance_path) or "(top level)"
        located.append((line, col, f"{name}:{line}:{col}: {field}: {error.message}"))
    return [text for *_, text in sorted(located)]


def _where(parsed: Parsed, key: tuple[Any, ...]) -> tuple[int, int]:
    while key:
        pos = parsed.values.get(key) or parsed.keys.get(key)
        if pos:
            return pos[0] + 1, pos[1] + 1
        key = key[:-1]
    return 1, 1


def _args(args: dict[str, Any]) -> str:
    return ", ".join(f"{k}={v}" for k, v in args.items()) or "invalid YAML"
