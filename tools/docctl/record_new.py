"""`docctl record new`: the text of a new record, validated before it is written with the next id."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

from docctl.check import check_loaded
from docctl.config import Config
from docctl.errors import InputError, UsageError
from docctl.findings import Finding, Severity
from docctl.load import load_repository, load_text
from docctl.model import RECORD, Repository
from docctl.records import next_record_id, record_path, write_new
from docctl.reporters.text import finding_lines
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


def record_text(record_type: str, record_id: str, fields: dict[str, Any]) -> str:
    meta: dict[str, Any] = {"id": record_id, "type": record_type}
    meta |= {k: fields[k] for k in ("title", "org", "department", "date") if fields.get(k) is not None}
    meta |= {"status": "open", "closed": None, "owner": fields.get("owner"), "clauses": []}
    meta |= TEMPLATES.get(record_type, {})
    meta |= {k: v for k, v in fields.items() if v is not None}
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
            raise UsageError(f"{rel} not written (未写入):\n" + "\n".join(finding_lines(findings, config.lang)))
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
