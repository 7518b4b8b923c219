"""The schemas themselves: valid JSON Schema 2020-12, every $ref resolvable, one per document type."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource

from conftest import REPO

SCHEMAS = sorted((REPO / "schemas").rglob("*.schema.json"))


def load(path: Path) -> dict[str, object]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.relative_to(REPO / "schemas").as_posix())
def test_schema_is_valid_2020_12(path: Path) -> None:
    schema = load(path)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_every_reference_resolves() -> None:
    resources = [(p.resolve().as_uri(), Resource.from_contents(load(p))) for p in SCHEMAS]
    registry: Registry = Registry().with_resources(resources)
    for path in SCHEMAS:
        resolver = registry.resolver(base_uri=path.resolve().as_uri())
        for ref in _refs(load(path)):
            resolver.lookup(ref)  # raises if the file or the pointer does not exist


def _refs(node: object) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [r for v in node.values() for r in _refs(v)]
    if isinstance(node, list):
        return [r for v in node for r in _refs(v)]
    return []


def test_one_schema_per_document_type_and_record_type() -> None:
    names = {p.relative_to(REPO / "schemas").as_posix().removesuffix(".schema.json") for p in SCHEMAS}
    assert {"policy", "procedure", "plan", "form", "external"} <= names
    records = {n.removeprefix("records/") for n in names if n.startswith("records/")}
    assert {"internal-audit", "capa", "improvement", "management-review", "satisfaction-survey",
            "kpi-measurement", "quality-check", "quality-incident", "distribution"} <= records
