"""What every rule is given: the repository, its settings and schemas, and a finding factory."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docctl.catalog import make_finding
from docctl.config import Config
from docctl.findings import Finding
from docctl.model import Document, Repository
from docctl.schemas import SchemaSet


@dataclass(frozen=True)
class CheckContext:
    repo: Repository
    schemas: SchemaSet

    @property
    def config(self) -> Config:
        return self.repo.config

    @property
    def lang(self) -> str:
        return self.repo.config.lang

    def finding(self, doc: Document, key: tuple[str | int, ...], rule: str, **args: Any) -> Finding:
        line, col = doc.where(*key)
        return make_finding(self.lang, doc.path, line, col, rule, **args)
