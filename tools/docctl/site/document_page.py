"""The page of one controlled document: banner, control block, signatures, body, history, links."""

from __future__ import annotations

from collections.abc import Mapping

from docctl.inforce import in_force, review_due
from docctl.model import WITHDRAWN, Document, Repository
from docctl.schedule import next_review
from docctl.site.labels import status_label, word
from docctl.site.markdown import escape, href, link, shift_headings, table
from docctl.site.paths import in_force_path, page_path, redline_path
from docctl.site.relations import Relations
from docctl.site.types import SiteOptions

BLOCKS_MARKER = "<!-- docctl:blocks -->"


def render(
    doc: Document, repo: Repository, options: SiteOptions, rel: Relations, notice: str | None = None
) -> str:
    """The page; `notice` replaces the status banner (the page of a version in force names its revision)."""
    lang = options.lang
    parts = [
        f"# {escape(doc.id)} {escape(doc.title)}\n",
        banner(doc, repo, lang, options) if notice is None else notice,
        BLOCKS_MARKER + "\n",
        control_block(doc, repo, lang),
        signature_block(doc, lang),
        f"## {word(lang, 'body')}\n\n" + shift_headings(doc.body.strip("\n"), 2) + "\n",
        history_block(doc, lang),
        links_block(doc, repo, rel, lang, redline_link(doc, options)),
    ]
    return "\n".join(p for p in parts if p)


def banner(doc: Document, repo: Repository, lang: str, options: SiteOptions | None = None) -> str:
    """The unmissable notice on a document that must not be used as the current version."""
    status = doc.status
    here = page_path(doc)
    if status == "obsolete":
        day = escape(doc.text("withdrawn") or "")
        if lang == "en":
            since = f" since {day}" if day else ""
            text = f"OBSOLETE: this document is withdrawn{since}; for reference only, do not use."
        else:
            text = f"作废：本文件已{f'于 {day} ' if day else ''}作废，仅供查阅，不得使用。"
    elif status == "superseded":
        text = _superseded_text(doc, repo, here, lang)
    elif status in ("draft", "review"):
        text = (
            f"{status_label(lang, status)}：本文件尚未批准，不是受控版本。"
            if lang != "en"
            else f"{status.upper()}: not approved, not a controlled version."
        )
    elif status == "approved":
        text = (
            f"已批准，尚未实施（实施日期 {escape(doc.text('effective') or '—')}）。"
            if lang != "en"
            else f"Approved, not yet in effect (effective {escape(doc.text('effective') or '—')})."
        )
    else:
        return ""
    text += _in_force_text(doc, lang, (options.in_force or {}) if options else {})
    return f'<div class="docctl-banner docctl-banner--{status}" role="alert" markdown>\n{text}\n</div>\n'


def _in_force_text(doc: Document, lang: str, texts: Mapping[str, Document]) -> str:
    """While a revision is prepared, which version staff must follow meanwhile, linked to its page (or why
    its text is not on this site: no git history holding it)."""
    force = in_force(doc)
    if force is None or force.pending is None:
        return ""
    version, day, draft = f"V{escape(force.version)}", escape(force.effective or "—"), escape(doc.version)
    if doc.id in texts:
        version = f"[{version}]({href(page_path(doc), in_force_path(doc))})"
    if lang == "en":
        missing = "" if doc.id in texts else " Its text is not available on this site (not in the git history)."
        return f" The version in force is {version} (effective {day}); this page shows the revision V{draft}.{missing}"
    missing = "" if doc.id in texts else "现行版本的文本在本站不可用（git 历史中没有）。"
    return f"现行有效版本为 {version}（{day} 起实施）；本页是修订稿 V{draft}。{missing}"


def _superseded_text(doc: Document, repo: Repository, here: str, lang: str) -> str:
    successor_id = doc.text("superseded_by") or ""
    successor = repo.get(successor_id)
    target = link(successor_id, here, page_path(successor)) if successor else escape(successor_id or "?")
    if lang == "en":
        return f"SUPERSEDED by {target}: this version is no longer valid; for reference only."
    return f"已被 {target} 替代：本版本已失效，仅供查阅。"


def control_block(doc: Document, repo: Repository, lang: str) -> str:
    """Number, version, status, organization, department, effective date, and the next review — or, on a
    withdrawn (obsolete / superseded) document, the day it was withdrawn: it has no review to come."""
    last = "withdrawn" if doc.status in WITHDRAWN else "next_review"
    header = [word(lang, k) for k in ("id", "version", "status", "org", "department", "effective", last)]
    row = [
        escape(doc.id),
        escape(doc.version),
        escape(status_label(lang, doc.status)),
        escape(doc.org),
        escape(doc.department or word(lang, "none")),
        escape(doc.text("effective") or "—"),
        date_cell(doc, repo, lang),
    ]
    block = f'<div class="docctl-control" markdown>\n\n{table(header, [row])}\n</div>\n'
    return f"## {word(lang, 'control')}\n\n" + _unsearched(block)


def date_cell(doc: Document, repo: Repository, lang: str) -> str:
    """The withdrawal day of a withdrawn document, else the next review of its version in force (overdue
    marked, as the register shows it — also while a revision is being prepared)."""
    if doc.status in WITHDRAWN:
        return escape(doc.text("withdrawn") or "—")
    force = in_force(doc)
    due = review_due(doc, repo.config, force) if force else next_review(doc, repo.config)
    return review_cell(due.isoformat() if due else "", force is not None, repo, lang)


def review_cell(due: str, in_force_now: bool, repo: Repository, lang: str) -> str:
    """A review date, marked 已逾期 when a version in force is past it (a never released draft is not)."""
    if not due:
        return "—"
    if in_force_now and due < repo.config.today.isoformat():
        return f'<span class="docctl-overdue">{due} {word(lang, "overdue")}</span>'
    return due


def signature_block(doc: Document, lang: str) -> str:
    rows = [
        [word(lang, role), escape(doc.text(who) or "—"), escape(doc.text(when) or "—"), word(lang, meaning)]
        for role, who, when, meaning in (
            ("prepared_by", "author", "prepared", "meaning_prepared"),
            ("reviewed_by", "reviewer", "reviewed", "meaning_reviewed"),
            ("approved_by", "approver", "approved", "meaning_approved"),
        )
    ]
    header = [word(lang, k) for k in ("role", "name", "date", "meaning")]
    return f"## {word(lang, 'signatures')}\n\n" + _unsearched(table(header, rows))


def _unsearched(block: str) -> str:
    """Kept out of the search index: the same fields on every page (a department, a status, the meaning of
    each signature) would make every document a hit; names and dates stay searchable in the history."""
    return f"<div data-search-exclude markdown>\n\n{block}\n</div>\n"


def history_block(doc: Document, lang: str) -> str:
    """文件编制和变更履历 in five columns that fit the page: version, change (given the room), and 编制 /
    审核 / 批准 each with the name over its date."""
    header = [word(lang, k) for k in ("version", "change", "prepared_by", "reviewed_by", "approved_by")]
    rows = [
        [
            escape(r.version),
            escape(r.change),
            _signed(r.author, r.date),
            _signed(r.reviewer, r.reviewed),
            _signed(r.approver, r.approved),
        ]
        for r in doc.history
    ]
    if not rows:
        return f"## {word(lang, 'history')}\n\n—\n"
    return f'## {word(lang, "history")}\n\n<div class="docctl-history" markdown>\n\n{table(header, rows)}\n</div>\n'


def _signed(who: str | None, day: str | None) -> str:
    name = escape(who or "—")
    return f'{name}<br><span class="docctl-date">{escape(day)}</span>' if day else name


def redline_link(doc: Document, options: SiteOptions) -> str:
    """A line linking the document's 版本差异 page, when git history has two released versions of it."""
    versions = (options.redlines or {}).get(doc.id, ())
    if len(versions) < 2:
        return ""
    label = " / ".join(f"V{old.version} → V{new.version}" for old, new in zip(versions, versions[1:], strict=False))
    return f"- {word(options.lang, 'redlines')}：" + link(label, page_path(doc), redline_path(doc))


def links_block(doc: Document, repo: Repository, rel: Relations, lang: str, redline: str = "") -> str:
    here = page_path(doc)
    items = [
        (word(lang, "superseded_by"), rel.superseded_by.get(doc.id, [])),
        (word(lang, "supersedes"), rel.supersedes.get(doc.id, [])),
        (word(lang, "related"), doc.ids("related")),
        (word(lang, "referenced_by"), [d.id for d in rel.referenced_by.get(doc.id, [])]),
    ]
    lines = [f"- {label}：" + "、".join(_doc_link(i, here, repo) for i in ids) for label, ids in items if ids]
    if doc.ids("references"):
        lines.append(f"- {word(lang, 'references')}：" + "、".join(escape(r) for r in doc.ids("references")))
    evidence = rel.evidence.get(doc.id, [])
    if evidence:
        lines.append(
            f"- {word(lang, 'evidence')}：" + "、".join(link(r.id, here, page_path(r)) for r in evidence)
        )
    if redline:
        lines.append(redline)
    return f"## {word(lang, 'links')}\n\n" + ("\n".join(lines) if lines else "—") + "\n"


def _doc_link(doc_id: str, here: str, repo: Repository) -> str:
    target = repo.get(doc_id)
    return link(f"{doc_id} {target.title}", here, page_path(target)) if target else escape(doc_id)
