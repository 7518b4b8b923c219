"""Small repositories for the site tests: the example repository plus documents in every state."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SIGNED = """author: 吴杰
prepared: {day}
reviewer: 赵建中
reviewed: {day}
approver: 陆涛
approved: {day}
"""

HISTORY_ROW = """  - version: "{version}"
    author: 吴杰
    date: {day}
    reviewer: 赵建中
    reviewed: {day}
    approver: 陆涛
    approved: {day}
    change: {change}
"""
DRAFT_ROW = """  - version: "{version}"
    author: 吴杰
    date: {day}
    change: {change}
"""

BODY = """# 目的

规范运维服务过程中的内审、管理评审、不符合项处理和纠正措施，确保服务级别协议（SLA）得到履行。

# 职责

1. 质量部组织内审，每年至少一次。
2. 总经理主持管理评审。
"""


def policy(
    doc_id: str,
    title: str,
    status: str,
    day: str = "2025-03-01",
    version: str = "1.0",
    extra: str = "",
    body: str = BODY,
    change: str = "首次发布",
) -> str:
    """A valid policy of the example roster (YNTD) in the given state."""
    draft = status == "draft"
    signed = f"author: 吴杰\nprepared: {day}\n" if draft else SIGNED.format(day=day)
    effective = "" if draft else f"effective: {day}\n"
    row = DRAFT_ROW if draft else HISTORY_ROW
    history = "history:\n" + row.format(version=version, day=day, change=change)
    return (
        f"---\nid: {doc_id}\ntitle: {title}\ntype: policy\norg: 云南腾电科技有限公司\ndepartment: 质量部\n"
        f'version: "{version}"\nstatus: {status}\n{signed}{effective}review_cycle: P1Y\n{extra}'
        f"{history}---\n{body}"
    )


STATES = {
    "YNTD-ITSS-0901": policy("YNTD-ITSS-0901", "运维服务应急管理制度", "obsolete", extra="withdrawn: 2025-09-30\n"),
    "YNTD-ITSS-0902": policy(
        "YNTD-ITSS-0902", "服务台管理制度（旧版）", "superseded", extra="superseded_by: YNTD-ITSS-0903\n"
    ),
    "YNTD-ITSS-0903": policy(
        "YNTD-ITSS-0903",
        "服务台管理制度",
        "effective",
        extra="supersedes: [YNTD-ITSS-0902]\nrelated: [YNTD-ITSS-0403]\n",
    ),
    "YNTD-ITSS-0904": policy("YNTD-ITSS-0904", "知识库管理制度", "draft"),
}

RECORD_SCHEMA = """{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$ref": "../record.schema.json#/$defs/recordBase",
  "unevaluatedProperties": false
}
"""

RECORD = """---
id: IA-2025-001
type: internal-audit
title: 2025 年度内审报告
org: 云南腾电科技有限公司
department: 质量部
date: 2025-10-20
status: closed
closed: 2025-10-31
owner: 吴杰
clauses: ["YNTD-ITSS-0403#7.3.1"]
---
# 审核结论

本次内审发现不符合项 2 项，均已制定纠正措施。
"""


def copy_example(dest: Path, records: bool = False) -> Path:
    """This repository's documents, settings, schemas and mkdocs.yml in `dest` (and its records)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("docctl.yml", "mkdocs.yml"):
        shutil.copy(REPO / name, dest / name)
    for name in ("schemas", "policies", *(("records",) if records else ())):
        shutil.copytree(REPO / name, dest / name, dirs_exist_ok=True)
    return dest


def add_states(dest: Path) -> Path:
    """Documents in every state (obsolete, superseded, successor, draft) and one record."""
    for doc_id, text in STATES.items():
        if not (dest / "policies" / "YNTD-ITSS-0403.md").exists():
            text = text.replace("related: [YNTD-ITSS-0403]\n", "")
        (dest / "policies" / f"{doc_id}.md").write_text(text, encoding="utf-8")
    (dest / "schemas" / "records").mkdir(parents=True, exist_ok=True)
    schema = dest / "schemas" / "records" / "internal-audit.schema.json"
    if not schema.exists():
        schema.write_text(RECORD_SCHEMA, encoding="utf-8")
    folder = dest / "records" / "internal-audit" / "2025"
    folder.mkdir(parents=True, exist_ok=True)
    record = (
        RECORD
        if (dest / "policies" / "YNTD-ITSS-0403.md").exists()
        else RECORD.replace('clauses: ["YNTD-ITSS-0403#7.3.1"]\n', "")
    )
    (folder / "IA-2025-001.md").write_text(record, encoding="utf-8")
    return dest


def synthetic(dest: Path, count: int) -> Path:
    """The example settings and schemas with `count` generated policies instead of the seeds."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("docctl.yml", "mkdocs.yml"):
        shutil.copy(REPO / name, dest / name)
    shutil.copytree(REPO / "schemas", dest / "schemas", dirs_exist_ok=True)
    (dest / "policies").mkdir(exist_ok=True)
    for i in range(count):
        doc_id = f"YNTD-ITSS-{1000 + i:04d}"
        text = policy(doc_id, f"运维服务第{i}号制度", "effective", day="2025-03-01")
        (dest / "policies" / f"{doc_id}.md").write_text(text, encoding="utf-8")
    return dest
