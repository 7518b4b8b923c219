"""Decide the front matter of an imported document from what its parts say, naming every contradiction."""

from __future__ import annotations

import re
from typing import Any

from docctl.docx.normalize import iso_date, version
from docctl.docx.properties import CUSTOM_PREFIX, parse_custom

ID_RE = re.compile(r"\b([A-Z][A-Z0-9]*(?:-[A-Z0-9]+){1,4})\b")
SIGNED = (("author", "author"), ("prepared", "date"), ("reviewer", "reviewer"), ("reviewed", "reviewed"),
          ("approver", "approver"), ("approved", "approved"))
ROW_KEYS = ("version", "author", "date", "reviewer", "reviewed", "approver", "approved", "change")
TYPE_WORDS = (("计划", "plan"), ("程序", "procedure"), ("流程", "procedure"), ("表", "form"),
              ("制度", "policy"), ("办法", "policy"), ("规定", "policy"), ("方针", "policy"))
NAMES = {"id": "文件编号", "version": "版本", "author": "编制人", "prepared": "编制日期",
         "reviewer": "审核人",
         "reviewed": "审核日期", "approver": "批准人", "approved": "批准日期", "title": "标题"}


def decide(found: dict[str, Any], stem: str) -> tuple[dict[str, Any], list[str]]:
    cover: dict[str, str] = found["cover"]
    custom = {k.removeprefix(CUSTOM_PREFIX): parse_custom(v) for k, v in found["custom"].items()
              if k.startswith(CUSTOM_PREFIX)}
    core: dict[str, str] = found["core"]
    history = [_row(r) for r in found["history"]]
    last = history[-1] if history else {}
    warnings = [f"封面中“{NAMES.get(k, k)}”出现两个不同的值：{a} / {b}；采用 {a}"
                for k, a, b in found["conflicts"]]
    warnings += found["notes"]
    meta: dict[str, Any] = {}
    meta["id"] = _doc_id(cover, core, found["headers"], stem, warnings)
    meta["title"] = cover.get("title") or core.get("title") or _missing("title", stem, warnings)
    meta["type"] = custom.get("type") or _guess_type(str(meta["title"]), warnings)
    meta["org"] = cover.get("org") or core.get("subject") or _missing("org", "", warnings)
    if cover.get("department") or custom.get("department"):
        meta["department"] = cover.get("department") or custom.get("department")
    meta["version"] = _version(cover, last, core, warnings)
    meta["status"] = (cover.get("status") or custom.get("status") or core.get("contentStatus")
                      or ("effective" if cover.get("approved") or last.get("approved") else "draft"))
    for key, row_key in SIGNED:
        meta[key] = _signed(key, cover.get(key), last.get(row_key), warnings)
    meta["effective"] = cover.get("effective") or custom.get("effective") or meta["approved"]
    meta["review_cycle"] = custom.get("review_cycle") or "P1Y"
    if "next_review" in custom:
        meta["next_review"] = custom["next_review"]
    meta["supersedes"] = custom.get("supersedes", [])
    meta["superseded_by"] = custom.get("superseded_by")
    meta["references"] = custom.get("references", [])
    meta["related"] = custom.get("related", [])
    meta["history"] = history or _history_from_cover(meta, found["revision_tables"], warnings)
    meta |= {key: custom[key] for key in ("controls", "indicators") if key in custom}
    return meta, warnings


def _row(raw: dict[str, Any]) -> dict[str, Any]:
    row = {k: raw.get(k) for k in ROW_KEYS}
    if not row["change"]:
        row["change"] = "未载明"
    return row


def _doc_id(cover: dict[str, str], core: dict[str, str], headers: list[str], stem: str,
            warnings: list[str]) -> str:
    header_ids = [m.group(1) for h in headers for m in ID_RE.finditer(h)]
    candidates = [("封面", cover.get("id")), ("文档属性", core.get("identifier")),
                  ("页眉", header_ids[0] if header_ids else None)]
    present = [(where, v) for where, v in candidates if v]
    if not present:
        warnings.append(f"无法确定文件编号：封面、页眉和文档属性都未载明；暂用文件名 {stem}")
        return stem
    where, chosen = present[0]
    for other_where, value in present[1:]:
        if value != chosen:
            warnings.append(f"文件编号不一致：{where} {chosen}，{other_where} {value}；采用 {chosen}")
    return chosen


def _missing(key: str, fallback: str, warnings: list[str]) -> str:
    warnings.append(f"无法确定{ {'title': '标题', 'org': '组织'}[key] }：封面和文档属性都未载明" +
                    (f"；暂用 {fallback}" if fallback else "；请补填"))
    return fallback or "（未载明）"


def _guess_type(title: str, warnings: list[str]) -> str:
    for word, kind in TYPE_WORDS:
        if word in title:
            return kind
    warnings.append(f"无法从标题“{title}”判断文件类型；暂定 policy，请核对 type")
    return "policy"


def _version(cover: dict[str, str], last: dict[str, Any], core: dict[str, str], warnings: list[str]) -> str:
    on_cover, in_table = cover.get("version"), last.get("version")
    if on_cover and in_table and on_cover != in_table:
        warnings.append(f"版本不一致：封面 {on_cover}，变更履历最后一行 {in_table}；采用封面 {on_cover}")
    chosen = on_cover or in_table or version(core.get("version")) or ""
    if not chosen:
        warnings.append("无法确定版本：封面、变更履历和文档属性都未载明；暂定 1.0")
    return chosen or "1.0"


def _signed(key: str, on_cover: str | None, in_table: Any, warnings: list[str]) -> Any:
    if on_cover and in_table and on_cover != in_table:
        warnings.append(f"{NAMES[key]}不一致：封面为 {on_cover}，变更履历最后一行为 {in_table}；"
                        f"两者均照录（封面字段取封面），请核实后以受控修订更正")
    value = on_cover or in_table
    if key in ("prepared", "reviewed", "approved") and isinstance(value, str):
        return iso_date(value) or value
    return value


def _history_from_cover(meta: dict[str, Any], tables: int, warnings: list[str]) -> list[dict[str, Any]]:
    warnings.append(("没有找到变更履历表" if not tables else "变更履历表为空") + "；按封面生成一行履历")
    return [{"version": meta["version"], "author": meta["author"], "date": meta["prepared"],
             "reviewer": meta["reviewer"], "reviewed": meta["reviewed"], "approver": meta["approver"],
             "approved": meta["approved"], "change": "首次发布"}]
