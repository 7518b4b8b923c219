"""Controls as declared in front matter, and the result of evaluating one."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from docctl.model import Document

PASS, FAIL, NO_EVIDENCE, ERROR = "pass", "fail", "no-evidence", "error"
STATUSES = (FAIL, ERROR, NO_EVIDENCE, PASS)  # worst first
KINDS = ("occurrence", "deadline", "required-when", "independence", "closure", "kpi-target", "condition",
         "retention")


@dataclass(frozen=True)
class Control:
    doc: Document
    index: int
    spec: Mapping[str, Any]

    @property
    def id(self) -> str:
        return str(self.spec.get("id", ""))

    @property
    def key(self) -> str:
        return f"{self.doc.id}/{self.id}"

    @property
    def clause(self) -> str:
        return str(self.spec.get("clause", ""))

    @property
    def title(self) -> str:
        return str(self.spec.get("title", ""))

    @property
    def kind(self) -> str:
        return str(self.spec.get("kind", ""))

    @property
    def record(self) -> str:
        return str(self.spec.get("record", ""))

    def get(self, name: str, default: Any = None) -> Any:
        return self.spec.get(name, default)

    def where(self, *key: str) -> tuple[int, int]:
        return self.doc.where("controls", self.index, *key)


@dataclass(frozen=True)
class Fields:
    """Record fields named in a reason: their Chinese labels (record_labels) with the dotted path."""

    record_type: str
    paths: tuple[str, ...]

    def text(self, lang: str) -> str:
        from docctl.record_labels import field_label

        if lang == "en":
            return ", ".join(self.paths)
        return "、".join(_labelled(field_label(self.record_type, p), p) for p in self.paths)


def _labelled(label: str, path: str) -> str:
    return f"“{path}”" if label == path else f"{label}（{path}）"


@dataclass(frozen=True)
class Failure:
    """Why a control failed (or could not be evaluated), optionally about one record."""

    code: str
    args: Mapping[str, Any] = field(default_factory=dict)
    record: str = ""


@dataclass(frozen=True)
class ControlResult:
    control: Control
    status: str
    evidence: tuple[Document, ...] = ()
    failures: tuple[Failure, ...] = ()
    notes: tuple[Failure, ...] = ()  # pending items, not failures

    @property
    def failed(self) -> bool:
        return self.status in (FAIL, ERROR)


def controls_of(doc: Document) -> list[Control]:
    items = doc.meta.get("controls")
    if not isinstance(items, list):
        return []
    return [Control(doc, i, c) for i, c in enumerate(items) if isinstance(c, dict)]


def outcome(evidence: list[Document], failures: list[Failure]) -> str:
    if any(f.code.startswith("cannot-") for f in failures):
        return ERROR
    if failures:
        return FAIL
    return PASS if evidence else NO_EVIDENCE
