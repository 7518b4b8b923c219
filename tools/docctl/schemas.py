"""The JSON Schemas in schemas/: compiled once (jsonschema-rs), errors mapped back to YAML lines."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

import jsonschema_rs

from docctl.catalog import make_finding
from docctl.dates import legacy_to_iso
from docctl.errors import ConfigError
from docctl.findings import Finding
from docctl.model import Document

SCHEMA_SUFFIX = ".schema.json"
TYPE_NAMES = {
    "string": ("文本", "text"), "number": ("数字", "a number"), "integer": ("整数", "an integer"),
    "boolean": ("布尔值", "a boolean"), "array": ("列表", "a list"), "object": ("映射", "a mapping"),
    "null": ("空值", "null"),
}


class SchemaSet:
    """Every *.schema.json below a folder; validators are built on first use and kept."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.schemas: dict[str, dict[str, Any]] = {}
        if not folder.is_dir() or not any(folder.glob("*" + SCHEMA_SUFFIX)):
            raise ConfigError(
                f"{folder}: 没有 JSON Schema（*{SCHEMA_SUFFIX}），请从 docctl 复制 schemas/ 文件夹 / "
                f"no JSON schemas (*{SCHEMA_SUFFIX}) here: copy the schemas/ folder from docctl")
        for path in sorted(folder.rglob("*" + SCHEMA_SUFFIX)):
            name = path.relative_to(folder).as_posix().removesuffix(SCHEMA_SUFFIX)
            try:
                self.schemas[name] = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise ConfigError(f"{path}: not a readable JSON schema: {exc}") from exc
        self._validators: dict[str, Any] = {}

    @cached_property
    def registry(self) -> jsonschema_rs.Registry:
        return jsonschema_rs.Registry([(self.uri(n), s) for n, s in self.schemas.items()])

    def uri(self, name: str) -> str:
        return (self.folder / (name + SCHEMA_SUFFIX)).resolve().as_uri()

    def validator(self, name: str) -> Any:
        if name not in self._validators:
            self._validators[name] = jsonschema_rs.validator_for(
                self.schemas[name], registry=self.registry, base_uri=self.uri(name),
                validate_formats=True)
        return self._validators[name]

    def known_keys(self, name: str) -> list[str]:
        """Property names a schema (and the definitions it refers to) accepts, for typo hints."""
        found: set[str] = set()
        _collect_keys(self.schemas.get(name, {}), self, found, depth=0)
        return sorted(found)

    def errors(self, name: str, data: Any) -> Iterator[Any]:
        return iter(self.validator(name).iter_errors(data))


def _collect_keys(node: Any, schemas: SchemaSet, found: set[str], depth: int) -> None:
    if depth > 4 or not isinstance(node, dict):
        return
    found.update(node.get("properties", {}))
    ref = node.get("$ref")
    if isinstance(ref, str):
        file, _, pointer = ref.partition("#")
        target: Any = schemas.schemas.get(file.removesuffix(SCHEMA_SUFFIX), node) if file else None
        for part in pointer.strip("/").split("/") if pointer else []:
            target = target.get(part, {}) if isinstance(target, dict) else {}
        if target is not None:
            _collect_keys(target, schemas, found, depth + 1)
    for sub in node.get("allOf", []):
        _collect_keys(sub, schemas, found, depth + 1)


def schema_findings(doc: Document, schema: str, schemas: SchemaSet, lang: str) -> list[Finding]:
    """Validate a document's front matter; one finding per fault, at the line of the value."""
    findings: list[Finding] = []
    for error in schemas.errors(schema, doc.meta):
        findings.extend(_translate(doc, error, schemas, schema, lang))
    return _dedupe(findings)


def item_findings(doc: Document, schema: str, schemas: SchemaSet, lang: str, key: str) -> dict[int, list[Finding]]:
    """The schema findings inside each item of the list `key` (controls[i]), by item index."""
    found: dict[int, list[Finding]] = {}
    for error in schemas.errors(schema, doc.meta):
        path = list(error.instance_path)
        if len(path) >= 2 and path[0] == key and isinstance(path[1], int):
            found.setdefault(path[1], []).extend(_translate(doc, error, schemas, schema, lang))
    return {i: _dedupe(f) for i, f in found.items()}


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen: set[tuple[int, int, str, str]] = set()
    result = []
    for f in findings:
        if (f.line, f.col, f.rule, f.message) not in seen:
            seen.add((f.line, f.col, f.rule, f.message))
            result.append(f)
    return result


def _field(path: list[str | int]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(front matter)"


def _translate(doc: Document, error: Any, schemas: SchemaSet, schema: str, lang: str) -> list[Finding]:
    path = list(error.instance_path)
    kind = type(error.kind).__name__
    details = error.kind.as_dict() if hasattr(error.kind, "as_dict") else {}
    line, col = doc.where(*path)
    field = _field(path)
    value = value_at(doc.meta, path)

    def finding(rule: str, **args: Any) -> Finding:
        return make_finding(lang, doc.path, line, col, rule, **({"field": field} | args))

    if kind == "Required":
        return [finding("schema-required", field=details.get("property", "?"))]
    if kind in ("AdditionalProperties", "UnevaluatedProperties"):
        return _unknown_keys(doc, path, details.get("unexpected", []), schemas, schema, lang)
    if kind == "Type":
        return [_type_finding(doc, path, value, details, lang)]
    if kind in ("Enum", "Constant"):
        allowed = details.get("options", details.get("expected_value", ""))
        if path == ["type"]:
            return [finding("type-unknown", value=_display(value),
                            allowed=", ".join(sorted(schemas_types(schemas))))]
        return [finding("schema-enum", value=_display(value), allowed=_allowed(allowed))]
    if kind in ("Pattern", "Format") and isinstance(value, str):
        return [_pattern_finding(doc, path, value, details, lang)]
    if kind == "AnyOf" and isinstance(value, str) and (iso := legacy_to_iso(value)):
        return [finding("date-legacy", value=value, iso=iso)]
    if kind == "AnyOf":
        return [_anyof_finding(doc, path, value, error, lang)]
    return [finding("schema-invalid", detail=error.message)]


def schemas_types(schemas: SchemaSet) -> list[str]:
    return [n for n in schemas.schemas if "/" not in n and n not in ("document", "docctl", "record")]


def _allowed(allowed: Any) -> str:
    return ", ".join(str(a) for a in allowed) if isinstance(allowed, list) else str(allowed)


def value_at(data: Any, path: Sequence[str | int]) -> Any:
    """The value at a JSON path in loaded front matter or settings, or None."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _unknown_keys(doc: Document, path: list[str | int], keys: list[str], schemas: SchemaSet,
                  schema: str, lang: str) -> list[Finding]:
    known = schemas.known_keys(schema) if not path else list(value_at(doc.meta, path) or {})
    if path and path[0] == "history":
        known = ["version", "author", "date", "reviewer", "reviewed", "approver", "approved", "change",
                 "digest", "effective"]
    result = []
    for key in keys:
        line, col = doc.where_key(*path, key)
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
        f = make_finding(lang, doc.path, line, col, "schema-unknown-key", key=key,
                         suggestion=close[0] if close else "")
        result.append(f if close else _without_hint(f))
    return result


def _without_hint(f: Finding) -> Finding:
    from dataclasses import replace

    return replace(f, hint="")


def _type_finding(doc: Document, path: list[str | int], value: Any, details: dict[str, Any],
                  lang: str) -> Finding:
    line, col = doc.where(*path)
    field = _field(path)
    raw = doc.raw.get(tuple(path))
    expected = details.get("types") or [details.get("expected")]
    expected_names = [str(t).lower() for t in expected if t]
    if raw is not None and "string" in expected_names:
        return make_finding(lang, doc.path, line, col, "yaml-unquoted", field=field, raw=raw, value=_show(value),
                            **_kind(value))
    zh = lang != "en"
    names = [TYPE_NAMES.get(t, (t, t))[0 if zh else 1] for t in expected_names]
    actual = TYPE_NAMES.get(json_type(value), ("?", "?"))[0 if zh else 1]
    return make_finding(lang, doc.path, line, col, "schema-type", field=field,
                        expected=("或" if zh else " or ").join(names), actual=actual)


def _display(value: Any) -> str:
    """A value as the author wrote it in YAML terms: text as is, anything else in JSON spelling."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _kind(value: Any) -> dict[str, Any]:
    """What YAML made of an unquoted value, for the yaml-unquoted message."""
    if isinstance(value, bool):
        return {"kind": "布尔值", "kind_en": "boolean"}
    if isinstance(value, int | float):
        return {"kind": "数字", "kind_en": "number"}
    return {"kind": "值", "kind_en": "value"}


def _show(value: Any) -> str:
    return {True: "true", False: "false"}.get(value, str(value)) if isinstance(value, bool) else str(value)


def json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    return {float: "number", str: "string", list: "array", dict: "object"}.get(type(value), "?")


def _pattern_finding(doc: Document, path: list[str | int], value: str, details: dict[str, Any],
                     lang: str) -> Finding:
    line, col = doc.where(*path)
    field = _field(path)
    iso = legacy_to_iso(value)
    if iso:
        return make_finding(lang, doc.path, line, col, "date-legacy", field=field, value=value, iso=iso)
    if details.get("format") == "date" or _looks_like_date(value):
        return make_finding(lang, doc.path, line, col, "date-invalid", field=field, value=value)
    if str(details.get("pattern", "")).startswith("^P("):
        return make_finding(lang, doc.path, line, col, "duration-invalid", field=field, value=value)
    return make_finding(lang, doc.path, line, col, "schema-pattern", field=field, value=value,
                        pattern=details.get("pattern", details.get("format", "")))


def _looks_like_date(value: str) -> bool:
    return len(value) == 10 and value[4] == "-" and value[7] == "-" and value.replace("-", "").isdigit()


def _anyof_finding(doc: Document, path: list[str | int], value: Any, error: Any, lang: str) -> Finding:
    line, col = doc.where(*path)
    field = _field(path)
    raw = doc.raw.get(tuple(path))
    branches = [list(b) for b in getattr(error.kind, "context", None) or []]
    if isinstance(value, str) and _looks_like_date(value):
        return make_finding(lang, doc.path, line, col, "date-invalid", field=field, value=value)
    if isinstance(value, str) and _wants_date(branches):
        return make_finding(lang, doc.path, line, col, "date-format", field=field, value=value)
    if raw is not None:
        return make_finding(lang, doc.path, line, col, "yaml-unquoted", field=field, raw=raw, value=_show(value),
                            **_kind(value))
    types = _branch_types(branches)
    if types is not None:
        return _type_finding(doc, path, value, {"types": types}, lang)
    inner = next((e for b in branches for e in b if type(e.kind).__name__ != "Type"), None)
    if inner is not None and type(inner.kind).__name__ in ("Pattern", "Format") and isinstance(value, str):
        return _pattern_finding(doc, path, value, inner.kind.as_dict(), lang)
    return make_finding(lang, doc.path, line, col, "schema-invalid", field=field, detail=error.message)


def _wants_date(branches: list[list[Any]]) -> bool:
    """One branch of the anyOf is a date: a string there is a date that is not in YYYY-MM-DD form."""
    return any(type(e.kind).__name__ == "Format" and e.kind.as_dict().get("format") == "date"
               for b in branches for e in b)


def _branch_types(branches: list[list[Any]]) -> list[str] | None:
    """The types the anyOf accepts, when every branch failed on the value's type alone."""
    if not branches or not all(b and all(type(e.kind).__name__ == "Type" for e in b) for b in branches):
        return None
    types: list[str] = []
    for b in branches:
        for e in b:
            types += [t for t in e.kind.as_dict().get("types", []) if t not in types]
    return types
