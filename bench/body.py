"""Markdown bodies for synthetic documents: numbered headings, paragraphs, lists and GFM tables."""

from __future__ import annotations

import random
from collections.abc import Sequence

from bench import vocab


def sentence(rng: random.Random) -> str:
    subject, verb, obj = rng.choice(vocab.SUBJECTS), rng.choice(vocab.VERBS), rng.choice(vocab.OBJECTS)
    return f"{subject}{verb}{obj}，{rng.choice(vocab.TAILS)}。"


def paragraph(rng: random.Random, low: int = 2, high: int = 5) -> str:
    return "".join(sentence(rng) for _ in range(rng.randint(low, high)))


def numbered(rng: random.Random, low: int = 2, high: int = 5) -> list[str]:
    return [f"{i}. {sentence(rng)}" for i in range(1, rng.randint(low, high) + 1)]


def table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def document_body(rng: random.Random, topic: str, departments: tuple[str, ...],
                  related: list[tuple[str, str]], target: int) -> tuple[str, int]:
    """A body of about `target` UTF-8 bytes and the number of 5.x clauses it has."""
    out = ["# 1 目的", "", f"为规范公司{topic}工作，{paragraph(rng, 1, 2)}", "",
           "# 2 适用范围", "",
           f"本文件适用于公司{rng.choice(vocab.TOPICS)}相关的全部活动。{sentence(rng)}", "",
           "# 3 术语和定义", ""]
    out += [f"- **{term}**：{meaning}" for term, meaning in rng.sample(vocab.TERMS, rng.randint(2, 4))]
    out += ["", "# 4 职责", ""]
    for i, dept in enumerate(rng.sample(departments, min(3, len(departments))), start=1):
        out += [f"## 4.{i} {dept}", "", *numbered(rng, 2, 4), ""]
    out += ["# 5 管理要求", ""]
    tail = _closing_sections(rng, departments, related)
    size = len("\n".join(out + tail).encode())
    clause = 0
    while size < target or clause < 2:
        clause += 1
        part = _clause(rng, clause)
        size += len("\n".join(part).encode()) + 1
        out += part
    return "\n".join(out + tail) + "\n", clause


def _clause(rng: random.Random, n: int) -> list[str]:
    part = [f"## 5.{n} {rng.choice(vocab.TOPICS)}要求", "", paragraph(rng), ""]
    shape = rng.random()
    if shape < 0.4:
        part += [*numbered(rng), ""]
    elif shape < 0.6:
        part += [f"### 5.{n}.1 工作流程", "", *[f"- {sentence(rng)}" for _ in range(rng.randint(2, 4))], "",
                 f"### 5.{n}.2 输出", "", paragraph(rng, 1, 3), ""]
    else:
        part += [paragraph(rng, 2, 4), ""]
    return part


def _closing_sections(rng: random.Random, departments: tuple[str, ...],
                      related: list[tuple[str, str]]) -> list[str]:
    indicators = rng.sample(vocab.INDICATORS, rng.randint(3, 6))
    rows = [(name, goal, period, rng.choice(departments)) for name, goal, period in indicators]
    out = ["# 6 指标与考核", "", *table(("指标", "目标值", "统计周期", "责任部门"), rows), ""]
    out += ["# 7 记录", "", *table(("记录名称", "保存部门", "保存期限"),
                                   [(f"{rng.choice(vocab.TOPICS)}记录", rng.choice(departments),
                                     f"{rng.randint(1, 5)} 年") for _ in range(rng.randint(2, 4))]), ""]
    out += ["# 8 相关文件", ""]
    out += [f"- [《{name}》]({doc_id}.md)" for doc_id, name in related] or ["- 无"]
    return out


def record_body(rng: random.Random, label: str, source_id: str, source_title: str) -> str:
    link = f"[《{source_title}》](../../../policies/{source_id}.md)"
    out = [f"# {label}", "", f"依据{link}的要求，{paragraph(rng, 1, 3)}",
           "", "## 情况说明", "", paragraph(rng, 2, 4), "", "## 处理与跟踪", ""]
    rows = [(str(i), rng.choice(vocab.OBJECTS), rng.choice(vocab.SUBJECTS), rng.choice(("已完成", "进行中")))
            for i in range(1, rng.randint(2, 5) + 1)]
    out += table(("序号", "事项", "责任人", "完成情况"), rows)
    return "\n".join(out) + "\n"
