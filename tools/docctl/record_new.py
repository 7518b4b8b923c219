"""`docctl record new`: the text of a new record, validated before it is written with the next id."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from docctl.catalog import render
from docctl.check import check_loaded
from docctl.config import Config
from docctl.errors import InputError, UsageError
from docctl.findings import Finding, Severity
from docctl.load import load_repository, load_text
from docctl.model import RECORD, Repository
from docctl.records import next_record_id, record_path, write_new
from docctl.schemas import SchemaSet

# Empty fields shown in a new record so its author sees what to fill in.
TEMPLATES: dict[str, dict[str, Any]] = {
    "internal-audit": {"plan": {"scope": None, "scheduled": None, "approved_by": None, "approved": None},
                       "lead_auditor": None, "auditors": [], "audited_departments": [], "checklist": [],
                       "report": {"date": None, "summary": None}, "findings": []},
    "capa": {"problem": None, "actions": [], "due": None, "implementation": None,
             "verification": {"by": None, "date": None, "effective": None}},
    "improvement": {"description": None, "notified": None, "implemented": None, "verified": None},
    "management-review": {"chair": None, "plan_date": None, "participants": [],
                          "inputs": {k: None for k in ("capability_plan", "indicators", "satisfaction",
                                                       "operations_report", "internal_audit", "complaints",
                                                       "improvement")},
                          "decisions": [], "report_date": None},
    "satisfaction-survey": {"scope": None, "methods": [], "analysis": None, "analyzed_by": None},
    "kpi-measurement": {"numerator": None, "denominator": None},
    "quality-check": {"project": None, "checker": None, "items": [], "issues": []},
    "quality-incident": {"occurred": None, "description": None, "impact": None, "cause": None,
                         "responsible": None, "manager": None, "penalty": None},
}
_PLAIN = re.compile(r"^[\w\u3400-\u9fff][\w\u3400-\u9fff.\-]*$")
_RESERVED = re.compile(r"^(?:[-+]?[\d.]+(?:e[-+]?\d+)?|true|false|null|yes|no|on|off|~|\.inf|\.nan)$", re.I)


def scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    if isinstance(value, str) and _PLAIN.match(value) and not _RESERVED.match(value):
        return value
    return json.dumps(value, ensure_ascii=False)


def front_matter(meta: dict[str, Any]) -> str:
    lines = []
    for key, value in meta.items():
        if isinstance(value, dict) and value:
            lines.append(f"{key}:")
            lines.extend(f"  {k}: {scalar(v) if not isinstance(v, (list, dict)) else _flow(v)}"
                         for k, v in value.items())
        else:
            lines.append(f"{key}: {scalar(value) if not isinstance(value, (list, dict)) else _flow(value)}")
    return "\n".join(lines)


def _flow(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def record_meta(record_type: str, record_id: str, fields: dict[str, Any]) -> dict[str, Any]:
    meta: dict[str, Any] = {"id": record_id, "type": record_type}
    meta |= {k: fields[k] for k in ("title", "org", "department", "date") if fields.get(k) is not None}
    meta |= {"status": "open", "closed": None, "owner": fields.get("owner"), "clauses": []}
    meta |= TEMPLATES.get(record_type, {})
    return meta | {k: v for k, v in fields.items() if v is not None}


def record_text(record_type: str, record_id: str, fields: dict[str, Any]) -> str:
    meta = record_meta(record_type, record_id, fields)
    return f"---\n{front_matter(meta)}\n---\n# {meta.get('title', record_id)}\n\n"


def create_record(config: Config, record_type: str, fields: dict[str, Any]) -> Path:
    """Write records/<type>/<year>/<next id>.md; refuse (nothing written) if it would not validate."""
    schemas = SchemaSet(config.path("schemas"))
    if f"records/{record_type}" not in schemas.schemas:
        known = ", ".join(sorted(n.removeprefix("records/") for n in schemas.schemas
                                 if n.startswith("records/")))
        raise UsageError(f"unknown record type '{record_type}' (未知的记录类型；可用：{known})")
    day = _day(fields.get("date"), config)
    fields = fields | {"date": day.isoformat()}
    repo = load_repository(config)
    for _attempt in range(100):
        record_id = next_record_id(config, record_type, day.year)
        rel = record_path(record_type, day.year, record_id)
        text = record_text(record_type, record_id, fields)
        quoted = _as_text(fields, schemas, f"records/{record_type}", record_id, record_type)
        if quoted != fields:  # --set period=2025 means the text "2025" where the schema wants text
            fields, text = quoted, record_text(record_type, record_id, quoted)
        findings = faults(repo, text, rel)
        if any(f.severity == Severity.ERROR for f in findings):
            missing = missing_fields(schemas, f"records/{record_type}", record_id, record_type, fields)
            lines = refusal_lines(findings, text, fields, missing, config.lang)
            raise UsageError(f"{rel} not written (未写入):\n" + "\n".join(lines))
        if write_new(config.path(rel), text):
            return config.path(rel)
    raise InputError(f"could not find a free record id in records/{record_type}/{day.year}")


def _day(value: Any, config: Config) -> date:
    text = str(value or config.today.isoformat())
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--date {text}: not a date YYYY-MM-DD (不是有效日期)") from None


def faults(repo: Repository, text: str, rel: str) -> list[Finding]:
    """What `docctl check` would report for the new record, with it added to the repository."""
    doc, findings = load_text(text, rel, RECORD, repo.config.lang)
    if doc is None:
        return findings
    added = Repository(repo.config, repo.documents, [*repo.records, doc], [*repo.findings, *findings],
                       repo.unparsed)
    return [f for f in check_loaded(added).findings if f.path == rel]


OPTIONS = {"title": "--title", "org": "--org", "date": "--date", "department": "--department", "owner": "--owner"}


def option(key: str, fields: dict[str, Any]) -> str:
    """The command-line option giving top-level field `key`, with the value given, or `=…`."""
    name = OPTIONS.get(key, f"--set {key}")
    value = fields.get(key)
    shown = "…" if value is None else scalar(value) if not isinstance(value, (list, dict)) else _flow(value)
    return f"{name} {shown}" if key in OPTIONS else f"{name}={shown}"


def missing_fields(schemas: SchemaSet, schema: str, record_id: str, record_type: str,
                   fields: dict[str, Any]) -> list[str]:
    """The required top-level fields the command line did not give."""
    meta = record_meta(record_type, record_id, fields)
    found = []
    for error in schemas.errors(schema, meta):
        details = error.kind.as_dict() if hasattr(error.kind, "as_dict") else {}
        if type(error.kind).__name__ == "Required" and not list(error.instance_path):
            found.append(str(details.get("property")))
    return sorted(set(found))


def refusal_lines(findings: list[Finding], text: str, fields: dict[str, Any], missing: list[str],
                  lang: str) -> list[str]:
    """What `check` rejects, told as the options to add or correct: the file was never written, so a
    place in it would mean nothing."""
    from docctl.messages_records import RECORD_NEW

    hint = RECORD_NEW["record-new-missing"]
    lines: list[str] = []
    for key in missing:
        lines.append(f"{option(key, {})}: error schema-required: "
                     + render(hint.en if lang == "en" else hint.zh, {"field": key}))
        lines.append(f"    {'提示' if lang != 'en' else 'hint'}: "
                     + render(hint.hint_en if lang == "en" else hint.hint_zh, {"option": option(key, {})}))
    keys = top_level_keys(text)
    for f in findings:
        if f.rule == "schema-required" and f.line <= 1:
            continue  # told above as the missing options
        key = keys.get(f.line, "")
        where = option(key, fields) if key else f.path
        lines.append(f"{where}: {f.severity.value} {f.rule}: {f.message}")
        if f.hint:
            lines.append(f"    {'提示' if lang != 'en' else 'hint'}: {f.hint}")
    return lines


def top_level_keys(text: str) -> dict[int, str]:
    """Each line of the front matter (1-based, as findings count) and the top-level key it belongs to."""
    found: dict[int, str] = {}
    key = ""
    for number, line in enumerate(text.split("\n")[1:], start=2):
        if line == "---":
            break
        top = re.match(r"^([^\s:#][^:]*):", line)
        key = top[1] if top else key
        found[number] = key
    return found


def _as_text(fields: dict[str, Any], schemas: SchemaSet, schema: str, record_id: str,
             record_type: str) -> dict[str, Any]:
    """Numbers given for top-level text fields become text."""
    meta = {"id": record_id, "type": record_type, **fields}
    names = set()
    for error in schemas.errors(schema, meta):
        path = list(error.instance_path)
        details = error.kind.as_dict() if hasattr(error.kind, "as_dict") else {}
        wanted = [str(t).lower() for t in details.get("types") or [details.get("expected")] if t]
        if len(path) == 1 and "string" in wanted:
            names.add(path[0])
    return {k: (str(v) if k in names and isinstance(v, (int, float)) else v) for k, v in fields.items()}
