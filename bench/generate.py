"""Synthetic Chinese corpora for benchmarks: a complete, valid docctl repository of N documents.

    python bench/generate.py --docs 1000 --out /tmp/corpus [--records-per-doc 2] [--seed 1]

Writes docctl.yml (four invented organizations, ~30 people), a copy of schemas/ (plus one schema per
generated record type), N controlled documents under policies/ (~8 KB bodies with numbered headings,
lists and GFM tables; 1-6 history rows) and records under records/<type>/<year>/<id>.md. Every file is
valid, so `docctl check` reports no errors (review warnings depend on the day it runs). The same seed
gives byte-identical output.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `bench` importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import vocab
from bench.body import document_body, record_body

REPO = Path(__file__).resolve().parents[1]
MARKER = ".bench-corpus"
DOCUMENT_TYPES = (("policy", "制度", "P1Y"), ("procedure", "程序", "P1Y"), ("plan", "计划", "P1Y"),
                  ("form", "表单", "P2Y"), ("external", "外来文件", "P1Y"))

# type -> (label, id prefix, retention, extra properties (JSON Schema), required extras)
RECORD_TYPES: dict[str, tuple[str, str, str, dict[str, object], list[str]]] = {
    "audit": ("内部审核记录", "IA", "P3Y",
              {"auditor": {"$ref": "../document.schema.json#/$defs/name"}, "scope": {"type": "string"}},
              ["auditor"]),
    "nonconformity": ("不符合项报告", "NC", "P3Y",
                      {"severity": {"enum": ["一般", "严重"]}, "corrective_action": {"type": "string"}},
                      ["severity"]),
    "training": ("培训记录", "TR", "P2Y",
                 {"trainer": {"$ref": "../document.schema.json#/$defs/name"},
                  "attendees": {"type": "integer", "minimum": 1}}, ["trainer"]),
    "incident": ("重大事件报告", "INC", "P5Y",
                 {"level": {"enum": ["一级", "二级", "三级"]}, "sla_met": {"type": "boolean"}}, ["level"]),
}


@dataclass
class Doc:
    """What the generator decides about one document before writing it."""

    id: str
    org: int
    type: str
    status: str
    title: str
    topic: str
    sections: int = 0  # number of 5.x clauses, filled when the body is written
    related: list[str] = field(default_factory=list)
    supersedes: list[str] = field(default_factory=list)
    superseded_by: str | None = None


def generate(out: Path, docs: int, records_per_doc: float = 2.0, seed: int = 1) -> None:
    """Write a corpus of `docs` documents and about `records_per_doc` records each into `out`."""
    _prepare(out)
    rng = random.Random(seed)
    (out / "docctl.yml").write_text(config_text(), encoding="utf-8")
    _write_schemas(out)
    plan = plan_documents(rng, docs)
    for doc in plan:
        (out / "policies" / f"{doc.id}.md").write_text(document_text(rng, doc, plan), encoding="utf-8")
    for rel, text in records(rng, plan, round(docs * records_per_doc)):
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    settings = {"docs": docs, "records_per_doc": records_per_doc, "seed": seed}
    (out / MARKER).write_text(json.dumps(settings) + "\n")


def _prepare(out: Path) -> None:
    if out.exists() and any(out.iterdir()):
        if not (out / MARKER).exists():
            raise SystemExit(f"{out}: not empty and not a generated corpus; refusing to overwrite")
        shutil.rmtree(out)
    (out / "policies").mkdir(parents=True)


# --- docctl.yml and schemas ------------------------------------------------------------------


def config_text() -> str:
    lines = ["# 基准测试用的合成仓库（bench/generate.py 生成，人员与单位均为虚构）",
             "lang: zh", "organizations:"]
    for code, name, pattern, _fmt, departments in vocab.ORGS:
        lines += [f"  - code: {code}", f"    name: {name}", f"    id_pattern: '{pattern}'",
                  f"    departments: [{', '.join(departments)}]"]
    lines.append("people:")
    for index, people in enumerate(vocab.PEOPLE):
        code, departments = vocab.ORGS[index][0], vocab.ORGS[index][4]
        for n, (name, user, role) in enumerate(people):
            lines += [f"  - name: {name}", f"    email: {user}@{code.lower()}.example.com",
                      f"    org: {code}", f"    roles: [{role}]",
                      f"    departments: [{departments[n % len(departments)]}]"]
    lines.append("document_types:")
    for name, label, cycle in DOCUMENT_TYPES:
        lines.append(f"  {name}: {{label: {label}, review_cycle: {cycle}}}")
    lines.append("record_types:")
    for name, (label, prefix, retention, _props, _req) in RECORD_TYPES.items():
        lines.append(f"  {name}: {{label: {label}, retention: {retention}, prefix: {prefix}}}")
    lines += ["review:", "  warn_within: P30D"]
    return "\n".join(lines) + "\n"


def _write_schemas(out: Path) -> None:
    shutil.copytree(REPO / "schemas", out / "schemas")
    folder = out / "schemas" / "records"
    folder.mkdir(exist_ok=True)
    for name, (label, _prefix, _retention, props, required) in RECORD_TYPES.items():
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": f"docctl record: {label} (generated by bench/generate.py)",
            "$ref": "../record.schema.json#/$defs/recordBase",
            "properties": {"type": {"const": name}, **props},
            "required": required,
            "unevaluatedProperties": False,
        }
        (folder / f"{name}.schema.json").write_text(json.dumps(schema, ensure_ascii=False, indent=2) + "\n",
                                                    encoding="utf-8")


# --- planning: ids, types, statuses, links ----------------------------------------------------


def doc_id(org: int, n: int) -> str:
    fmt = vocab.ORGS[org][3]
    return fmt.format(n=n, a=n // 1000 + 1, b=n % 1000, c=n // 100 + 1, d=n % 100)


def _pick(rng: random.Random, weighted: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([w[0] for w in weighted], [w[1] for w in weighted])[0]


def plan_documents(rng: random.Random, count: int) -> list[Doc]:
    seq = [0] * len(vocab.ORGS)
    plan: list[Doc] = []
    for i in range(count):
        org = i % len(vocab.ORGS)
        seq[org] += 1
        kind = _pick(rng, vocab.TYPE_WEIGHTS)
        topic = rng.choice(vocab.TOPICS)
        suffix = vocab.TYPE_SUFFIX[kind]
        title = topic + (suffix.removeprefix("管理") if topic.endswith("管理") else suffix)
        plan.append(Doc(doc_id(org, seq[org]), org, kind, _pick(rng, vocab.STATUS_WEIGHTS), title, topic))
    _link(rng, plan)
    return plan


def _link(rng: random.Random, plan: list[Doc]) -> None:
    current = [d for d in plan if d.status not in ("superseded", "obsolete")]
    effective = [d for d in plan if d.status == "effective"]
    for doc in plan:
        if doc.status == "superseded":
            if not effective:
                doc.status = "obsolete"
                continue
            same_org = [d for d in effective if d.org == doc.org]
            successor = rng.choice(same_org or effective)
            doc.superseded_by = successor.id
            successor.supersedes.append(doc.id)
    for doc in plan:
        choices = [d.id for d in rng.sample(current, min(len(current), 4)) if d.id != doc.id]
        doc.related = sorted(set(choices[: rng.randint(0, 3)]))


# --- documents ----------------------------------------------------------------------------------


def _signers(rng: random.Random, org: int) -> tuple[str, str, str]:
    people = vocab.PEOPLE[org]
    return tuple(rng.choice([p[0] for p in people if p[2] == role])  # type: ignore[return-value]
                 for role in ("author", "reviewer", "approver"))


def _versions(rng: random.Random, rows: int) -> list[str]:
    major, minor = 1, 0
    result = []
    for i in range(rows):
        if i:
            major, minor = (major + 1, 0) if rng.random() < 0.25 else (major, minor + 1)
        result.append(f"{major}.{minor}")
    return result


def history(rng: random.Random, doc: Doc) -> list[dict[str, str | None]]:
    """1-6 rows, oldest first; the last one is the cover. Unsigned fields depend on the status."""
    count = rng.randint(1, 6)
    end = date(2024, 1, 1) + timedelta(days=rng.randint(0, 880))
    gaps = [rng.randint(60, 420) for _ in range(count - 1)]
    day = end - timedelta(days=sum(gaps))
    rows: list[dict[str, str | None]] = []
    for i, version in enumerate(_versions(rng, count)):
        author, reviewer, approver = _signers(rng, doc.org)
        reviewed = day + timedelta(days=rng.randint(0, 5))
        approved = reviewed + timedelta(days=rng.randint(0, 5))
        rows.append({"version": version, "author": author, "date": day.isoformat(), "reviewer": reviewer,
                     "reviewed": reviewed.isoformat(), "approver": approver, "approved": approved.isoformat(),
                     "change": "首次发布" if i == 0 else rng.choice(vocab.CHANGES)})
        day += timedelta(days=gaps[i] if i < len(gaps) else 0)
    last = rows[-1]
    if doc.status in ("draft", "review"):
        last.update(approver=None, approved=None)
        if doc.status == "draft":
            last.update(reviewer=None, reviewed=None)
    return rows


def _scalar(value: str | None) -> str:
    if value is None:
        return "null"
    plain = value and not any(c in value for c in ":#'\"{}[],&*!|>%@`") and value.strip() == value
    return value if plain else json.dumps(value, ensure_ascii=False)


def _id_list(ids: list[str]) -> str:
    return "[" + ", ".join(ids) + "]"


def front_matter(rng: random.Random, doc: Doc) -> list[str]:
    rows = history(rng, doc)
    last = rows[-1]
    code, org_name, _pattern, _fmt, departments = vocab.ORGS[doc.org]
    lines = [f"id: {doc.id}", f"title: {doc.title}", f"type: {doc.type}", f"org: {org_name}",
             f"department: {rng.choice(departments)}", f'version: "{last["version"]}"',
             f"status: {doc.status}"]
    for cover, row in (("author", "author"), ("prepared", "date"), ("reviewer", "reviewer"),
                       ("reviewed", "reviewed"), ("approver", "approver"), ("approved", "approved")):
        if last[row] is not None:
            lines.append(f"{cover}: {last[row]}")
    if last["approved"] is not None and doc.status != "approved":
        effective = date.fromisoformat(str(last["approved"])) + timedelta(days=rng.randint(0, 15))
        lines.append(f"effective: {effective.isoformat()}")
    lines.append(f"review_cycle: {rng.choice(('P1Y', 'P1Y', 'P2Y', 'P3Y'))}")
    lines += [f"supersedes: {_id_list(doc.supersedes)}", f"superseded_by: {doc.superseded_by or 'null'}"]
    refs = sorted(rng.sample(vocab.STANDARDS, rng.randint(0, 3)))
    lines.append("references:" + ("".join(f"\n  - {_scalar(r)}" for r in refs) if refs else " []"))
    lines.append(f"related: {_id_list(doc.related)}")
    if rng.random() < 0.5:
        lines.append(f"distribution: [{', '.join(rng.sample(departments, 2))}]")
    if rng.random() < 0.3:
        lines.append(f"keywords: [{doc.title[:4]}, {code}]")
    lines.append("history:")
    for entry in rows:
        lines.append(f'  - version: "{entry["version"]}"')
        lines += [f"    {k}: {_scalar(v)}" for k, v in entry.items() if k != "version" and v is not None]
    return lines


def document_text(rng: random.Random, doc: Doc, plan: list[Doc]) -> str:
    head = front_matter(rng, doc)
    titles = {d.id: d.title for d in plan}
    body, doc.sections = document_body(rng, doc.topic, vocab.ORGS[doc.org][4],
                                       [(i, titles[i]) for i in doc.related], rng.randint(6500, 9500))
    return "---\n" + "\n".join(head) + "\n---\n" + body


# --- records ------------------------------------------------------------------------------------


def records(rng: random.Random, plan: list[Doc], count: int) -> list[tuple[str, str]]:
    """(relative path, text) of `count` records, numbered per type and year."""
    numbers: dict[tuple[str, int], int] = {}
    result = []
    names = list(RECORD_TYPES)
    for _ in range(count):
        kind = rng.choice(names)
        year = rng.randint(2023, 2025)
        numbers[(kind, year)] = numbers.get((kind, year), 0) + 1
        rec_id = f"{RECORD_TYPES[kind][1]}-{year}-{numbers[(kind, year)]:03d}"
        source = rng.choice(plan)
        text = record_text(rng, rec_id, kind, year, source)
        result.append((f"records/{kind}/{year}/{rec_id}.md", text))
    return result


def _record_extras(rng: random.Random, kind: str, org: int) -> list[str]:
    people = vocab.PEOPLE[org]
    if kind == "audit":
        auditor = rng.choice([p[0] for p in people if p[2] == "auditor"])
        return [f"auditor: {auditor}", f"scope: {rng.choice(vocab.TOPICS)}过程"]
    if kind == "nonconformity":
        return [f"severity: {rng.choice(('一般', '一般', '严重'))}",
                f"corrective_action: {rng.choice(vocab.VERBS)}{rng.choice(vocab.OBJECTS)}"]
    if kind == "training":
        trainer = rng.choice([p[0] for p in people if p[2] in ("author", "reviewer")])
        return [f"trainer: {trainer}", f"attendees: {rng.randint(3, 40)}"]
    return [f"level: {rng.choice(('一级', '二级', '三级'))}", f"sla_met: {rng.choice(('true', 'false'))}"]


def record_text(rng: random.Random, rec_id: str, kind: str, year: int, source: Doc) -> str:
    label = RECORD_TYPES[kind][0]
    day = date(year, 1, 1) + timedelta(days=rng.randint(0, 330))
    status = rng.choice(("closed", "closed", "closed", "open", "in-progress"))
    owner = rng.choice([p[0] for p in vocab.PEOPLE[source.org]])
    clause = f"{source.id}#5.{rng.randint(1, max(source.sections, 1))}"
    title = f"{day.year}年{day.month}月{rng.choice(vocab.TOPICS)}{label}"
    lines = [f"id: {rec_id}", f"type: {kind}", f"title: {title}",
             f"org: {vocab.ORGS[source.org][1]}", f"department: {rng.choice(vocab.ORGS[source.org][4])}",
             f"date: {day.isoformat()}", f"status: {status}"]
    if status == "closed":
        lines.append(f"closed: {(day + timedelta(days=rng.randint(1, 30))).isoformat()}")
    lines += [f"owner: {owner}", f"clauses: [{clause}]", *_record_extras(rng, kind, source.org)]
    body = record_body(rng, label, source.id, source.title)
    return "---\n" + "\n".join(lines) + "\n---\n" + body


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--docs", type=int, required=True, help="number of controlled documents")
    parser.add_argument("--out", type=Path, required=True, help="folder to write (new or a generated corpus)")
    parser.add_argument("--records-per-doc", type=float, default=2.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    generate(args.out, args.docs, args.records_per_doc, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
