"""The site's interface words in Chinese and English."""

from __future__ import annotations

from docctl.messages import STATUS_LABELS

WORDS: dict[str, tuple[str, str]] = {
    "home": ("首页", "Home"),
    "register": ("受控文件清单", "Document register"),
    "current": ("受控文件（未归档）", "Documents in use"),
    "indexes": ("索引", "Indexes"),
    "by_type": ("按类型", "By type"),
    "by_department": ("按部门", "By department"),
    "by_org": ("按组织", "By organization"),
    "records": ("质量记录", "Quality records"),
    "changes": ("变更记录", "Changes"),
    "archive": ("归档（已替代 / 作废）", "Archive (superseded / obsolete)"),
    "id": ("文件编号", "Number"),
    "record_id": ("记录编号", "Record"),
    "title": ("标题", "Title"),
    "type": ("类型", "Type"),
    "version": ("版本", "Version"),
    "status": ("状态", "Status"),
    "org": ("组织", "Organization"),
    "department": ("归口部门", "Department"),
    "effective": ("实施日期", "Effective"),
    "next_review": ("下次评审", "Next review"),
    "withdrawn": ("作废日期", "Withdrawn on"),
    "replaced_by": ("替代文件", "Replaced by"),
    "in_force_title": ("（现行版本 V{version}）", " (version in force V{version})"),
    "withdrawal_obsolete": ("作废", "Withdrawn"),
    "withdrawal_superseded": ("作废，被 {by} 替代", "Withdrawn, superseded by {by}"),
    "pending": ("待批准", "pending approval"),
    "pending_note": ("待批准的修订（草稿，尚未生效）", "revision pending approval (draft, not in force)"),
    "overdue": ("已逾期", "overdue"),
    "date": ("日期", "Date"),
    "owner": ("负责人", "Owner"),
    "none": ("（未指定）", "(none)"),
    "control": ("文件控制信息", "Document control"),
    "signatures": ("签署", "Signatures"),
    "role": ("签署", "Role"),
    "name": ("姓名", "Name"),
    "meaning": ("含义", "Meaning"),
    "prepared_by": ("编制", "Prepared"),
    "reviewed_by": ("审核", "Reviewed"),
    "approved_by": ("批准", "Approved"),
    "meaning_prepared": ("起草本文件并对内容负责", "drafted the document and answers for its content"),
    "meaning_reviewed": ("审核内容的正确性与适宜性", "checked the content is correct and suitable"),
    "meaning_approved": ("批准本版本发布实施", "approved this version for use"),
    "history": ("文件编制和变更履历", "Revision history"),
    "change": ("变更内容", "Change"),
    "links": ("相关文件", "Related documents"),
    "related": ("相关", "Related"),
    "referenced_by": ("被以下文件引用", "Referenced by"),
    "supersedes": ("替代了", "Supersedes"),
    "superseded_by": ("被替代为", "Superseded by"),
    "references": ("引用标准", "Standards"),
    "evidence": ("相关记录", "Records"),
    "body": ("正文", "Text"),
    "findings": ("检查发现", "Check findings"),
    "redlines": ("版本差异", "Changes between versions"),
    "redlines_intro": (
        "{doc} 各已发布版本之间的正文差异，新版本在前；各版本的文本取自 git 历史。"
        "删除的文字带删除线，新增的文字带下划线。",
        "The differences in the text of {doc} between its released versions, newest first, each version's text "
        "taken from git history. Deleted text is struck through, added text underlined.",
    ),
    "no_difference": (
        "正文没有变化（仅文件控制信息或签署不同）。", "The text did not change (only its control data)."
    ),
    "all_findings": ("查看全部检查发现", "All check findings"),
    "no_findings": ("未发现问题。", "No findings."),
    "check_item": ("检查项", "Check"),
    "severity": ("级别", "Severity"),
    "number": ("数量", "Count"),
    "line": ("第 {line} 行", "line {line}"),
    "csv": ("下载 CSV（含归档文件）", "Download CSV (archive included)"),
    "count": ("共 {n} 份", "{n} in all"),
    "no_records": ("尚无质量记录。", "No quality records yet."),
    "no_archive": ("没有已替代或作废的文件。", "No superseded or obsolete documents."),
}


def word(lang: str, key: str, **args: object) -> str:
    zh, en = WORDS[key]
    text = en if lang == "en" else zh
    return text.format(**args) if args else text


RECORD_STATUS: dict[str, str] = {
    "open": "未关闭",
    "in-progress": "处理中",
    "closed": "已关闭",
    "cancelled": "已取消",
}


def status_label(lang: str, status: str) -> str:
    return status if lang == "en" else STATUS_LABELS.get(status) or RECORD_STATUS.get(status, status)
