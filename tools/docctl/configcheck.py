"""docctl.yml against schemas/docctl.schema.json: every fault with its line, before anything uses it.

docctl.yml is read before the language is known, so each fault is said in Chinese and in English, with
the rule id and the hint of the message catalogue, as `docctl.yml:LINE:COL: rule: 中文 / English`.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from docctl.yamlsafe import Parsed

SCHEMA = Path("schemas") / "docctl.schema.json"


def config_faults(root: Path, parsed: Parsed, name: str) -> list[str]:
    """`docctl.yml:LINE:COL: rule: message` for each fault of the YAML or of the schema."""
    faults = [_said(name, p.line + 1, p.col + 1, p.rule, _yaml_args(p.rule, p.args, p.line))
              for p in parsed.problems]
    schema_path = root / SCHEMA
    if faults or not schema_path.is_file():
        return faults
    from docctl.schemas import SchemaSet  # here: schemas -> model -> config would be a cycle

    schemas = SchemaSet(root / "schemas")
    located: list[tuple[int, int, str]] = []
    for error in schemas.validator("docctl").iter_errors(parsed.data):
        for path, rule, args in _faults(error, parsed.data, schemas):
            line, col = _where(parsed, path, key_first=rule == "schema-unknown-key")
            located.append((line, col, _said(name, line, col, rule, args)))
    return [text for *_, text in sorted(set(located))]


def _said(name: str, line: int, col: int, rule: str, args: dict[str, Any]) -> str:
    from docctl.catalog import CATALOG, render

    text = CATALOG.get(rule)
    if text is None:
        return f"{name}:{line}:{col}: {rule}: {args.get('detail', '')}"
    en_args = args | args.get("en", {})  # words that differ by language (type names)
    zh, en = render(text.zh, args), render(text.en, en_args)
    hint = render(text.hint_zh, args) + (" / " + render(text.hint_en, en_args) if text.hint_en else "")
    if rule == "schema-unknown-key" and not args.get("suggestion"):
        hint = ""
    return f"{name}:{line}:{col}: {rule}: {zh} / {en}" + (f"（{hint}）" if hint else "")


def _yaml_args(rule: str, args: dict[str, Any], line: int) -> dict[str, Any]:
    from docctl import yamlerrors

    args = dict(args)
    if "first" in args:  # a 0-based line
        args["first"] = args["first"] + 1
    return yamlerrors.place_start(args, 1) if rule == "yaml-syntax" else args


def _faults(error: Any, data: Any, schemas: Any) -> list[tuple[tuple[Any, ...], str, dict[str, Any]]]:
    from docctl.schemas import value_at

    path = tuple(error.instance_path)
    kind = type(error.kind).__name__
    details = error.kind.as_dict() if hasattr(error.kind, "as_dict") else {}
    field = ".".join(str(p) for p in path) or "docctl.yml"
    if kind in ("AdditionalProperties", "UnevaluatedProperties"):
        known = sorted(_known(data, path, schemas))
        return [((*path, key), "schema-unknown-key",
                 {"key": key, "suggestion": next(iter(difflib.get_close_matches(key, known, 1, 0.6)), "")})
                for key in details.get("unexpected", [])]
    if kind == "Format" and details.get("format") == "date":
        return [(path, "date-invalid", {"field": field, "value": value_at(data, path)})]
    if kind == "Type":
        return [(path, "schema-type", _type_args(field, details, value_at(data, path)))]
    if kind == "Required":
        return [(path, "schema-required", {"field": details.get("property", "?")})]
    if kind in ("Enum", "Constant"):
        allowed = details.get("options", details.get("expected_value", ""))
        shown = ", ".join(map(str, allowed)) if isinstance(allowed, list) else str(allowed)
        return [(path, "schema-enum", {"field": field, "value": value_at(data, path), "allowed": shown})]
    return [(path, "schema-invalid", {"field": field, "detail": error.message})]


def _type_args(field: str, details: dict[str, Any], value: Any) -> dict[str, Any]:
    """schema-type's arguments, the type names in both languages."""
    from docctl.schemas import TYPE_NAMES, json_type

    expected = [str(t) for t in details.get("types") or [details.get("expected")] if t]
    actual = TYPE_NAMES.get(json_type(value), ("?", "?"))
    names = [TYPE_NAMES.get(t, (t, t)) for t in expected]
    return {"field": field, "expected": "或".join(n[0] for n in names), "actual": actual[0],
            "en": {"expected": " or ".join(n[1] for n in names), "actual": actual[1]}}


def _known(data: Any, path: tuple[Any, ...], schemas: Any) -> set[str]:
    return set(schemas.known_keys("docctl")) if not path else set()


def _where(parsed: Parsed, key: tuple[Any, ...], key_first: bool = False) -> tuple[int, int]:
    while key:
        pos = (parsed.keys.get(key) or parsed.values.get(key)) if key_first else (
            parsed.values.get(key) or parsed.keys.get(key))
        if pos:
            return pos[0] + 1, pos[1] + 1
        key = key[:-1]
    return 1, 1
