"""The repository's own settings (docctl.yml) as one explicit, frozen object."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from docctl.acceptance import Acceptance, acceptances
from docctl.configcheck import config_faults
from docctl.dates import Duration, parse_duration
from docctl.errors import ConfigError
from docctl.yamlsafe import parse

CONFIG_NAME = "docctl.yml"
ROLES = ("author", "reviewer", "approver", "auditor")


@dataclass(frozen=True)
class Organization:
    code: str
    name: str
    id_pattern: re.Pattern[str]
    departments: tuple[str, ...] = ()


@dataclass(frozen=True)
class Person:
    name: str
    email: str
    org: str = ""
    roles: frozenset[str] = frozenset()
    departments: tuple[str, ...] = ()
    signing_key: str = ""
    github: str = ""


@dataclass(frozen=True)
class DocumentType:
    name: str
    label: str
    review_cycle: Duration | None = None


@dataclass(frozen=True)
class RecordType:
    name: str
    label: str
    retention: Duration | None = None


@dataclass(frozen=True)
class Config:
    root: Path
    lang: str = "zh"
    organizations: tuple[Organization, ...] = ()
    people: tuple[Person, ...] = ()
    document_types: Mapping[str, DocumentType] = field(default_factory=dict)
    record_types: Mapping[str, RecordType] = field(default_factory=dict)
    review_warn_within: Duration = Duration(days=30, text="P30D")
    today: date = field(default_factory=date.today)
    settings: Mapping[str, Any] = field(default_factory=dict)
    accepted: tuple[Acceptance, ...] = ()

    @cached_property
    def orgs_by_name(self) -> dict[str, Organization]:
        return {o.name: o for o in self.organizations} | {o.code: o for o in self.organizations}

    @cached_property
    def people_by_name(self) -> dict[str, Person]:
        return {p.name: p for p in self.people}

    @cached_property
    def people_by_email(self) -> dict[str, Person]:
        return {p.email.lower(): p for p in self.people if p.email}

    def path(self, *parts: str) -> Path:
        return self.root.joinpath(*parts)


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` holding docctl.yml."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise ConfigError(f"{CONFIG_NAME} not found in {start} or any parent folder "
                      f"(未找到 {CONFIG_NAME}：请在文档仓库内运行，或用 -C 指定仓库)")


def load_config(root: Path, **overrides: Any) -> Config:
    """Read and check docctl.yml; every fault is listed in one ConfigError."""
    path = root / CONFIG_NAME
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from exc
    parsed = parse(text)
    faults = config_faults(root, parsed, CONFIG_NAME)
    if faults:
        raise ConfigError("invalid settings (配置有误):\n  " + "\n  ".join(faults))
    data = parsed.data if isinstance(parsed.data, dict) else {}
    errors: list[str] = []
    config = Config(
        root=root,
        lang=str(data.get("lang", "zh")),
        organizations=tuple(_organizations(data.get("organizations") or [], errors)),
        people=tuple(_people(data.get("people") or [], errors)),
        document_types=_document_types(data.get("document_types") or {}, errors),
        record_types=_record_types(data.get("record_types") or {}, errors),
        review_warn_within=_duration((data.get("review") or {}).get("warn_within", "P30D"), errors),
        settings=data,
        accepted=acceptances(data, {k[1]: v[0] + 1 for k, v in parsed.values.items()
                                     if len(k) == 2 and k[0] == "accepted" and isinstance(k[1], int)}),
    )
    if errors:
        raise ConfigError(f"{CONFIG_NAME}: " + "; ".join(errors))
    return _replace(config, overrides)


def _replace(config: Config, overrides: Mapping[str, Any]) -> Config:
    from dataclasses import replace

    return replace(config, **{k: v for k, v in overrides.items() if v is not None})


def _duration(text: Any, errors: list[str]) -> Duration:
    duration = parse_duration(str(text)) if text else None
    if duration is None:
        errors.append(f"'{text}' is not an ISO 8601 duration such as P1Y")
        return Duration()
    return duration


def _organizations(items: list[Any], errors: list[str]) -> list[Organization]:
    result = []
    for item in items:
        try:
            pattern = re.compile(str(item.get("id_pattern", ".*")))
        except re.error as exc:
            errors.append(f"organization {item.get('code')}: bad id_pattern: {exc}")
            continue
        result.append(Organization(str(item["code"]), str(item["name"]), pattern,
                                   tuple(item.get("departments") or ())))
    return result


def _people(items: list[Any], errors: list[str]) -> list[Person]:
    result = []
    for item in items:
        roles = frozenset(item.get("roles") or ())
        unknown = roles - set(ROLES)
        if unknown:
            errors.append(f"person {item.get('name')}: unknown roles {sorted(unknown)}")
        result.append(Person(str(item["name"]), str(item.get("email", "")), str(item.get("org", "")),
                             roles, tuple(item.get("departments") or ()), str(item.get("signing_key", "")),
                             str(item.get("github", ""))))
    return result


def _document_types(items: Mapping[str, Any], errors: list[str]) -> dict[str, DocumentType]:
    return {name: DocumentType(name, str(spec.get("label", name)),
                               _duration(spec["review_cycle"], errors) if spec.get("review_cycle") else None)
            for name, spec in items.items()}


def _record_types(items: Mapping[str, Any], errors: list[str]) -> dict[str, RecordType]:
    return {name: RecordType(name, str(spec.get("label", name)),
                             _duration(spec["retention"], errors) if spec.get("retention") else None)
            for name, spec in items.items()}
