"""The records index: every quality record by record type and year (records/<type>/<year>/<id>.md)."""

from __future__ import annotations

from collections.abc import Iterable

from docctl.model import Document, Repository
from docctl.site import paths
from docctl.site.labels import status_label, word
from docctl.site.markdown import escape, link, table
from docctl.site.types import GeneratedPage, SiteOptions

GROUP_START = '<div class="docctl-register-group" markdown>\n'  # one filter box for every table (register.js)
GROUP_END = "</div>\n"
SECTION_START = '<div class="docctl-register-section" markdown>\n'  # hidden when the filter leaves it empty


def type_and_year(record: Document) -> tuple[str, str]:
    parts = record.path.split("/")
    record_type = record.type or (parts[1] if len(parts) > 3 else "")
    year = parts[2] if len(parts) > 3 else (record.text("date") or "")[:4]
    return record_type, year


def record_type_label(repo: Repository, name: str, lang: str) -> str:
    spec = repo.config.record_types.get(name)
    return spec.label if spec and lang != "en" else name


def render(repo: Repository, lang: str) -> str:
    title = word(lang, "records")
    if not repo.records:
        return f"# {title}\n\n{word(lang, 'no_records')}\n"
    groups: dict[str, dict[str, list[Document]]] = {}
    for record in repo.records:
        record_type, year = type_and_year(record)
        groups.setdefault(record_type, {}).setdefault(year, []).append(record)
    header = [word(lang, k) for k in ("record_id", "title", "date", "status", "owner", "department")]
    parts = [f"# {title}\n", word(lang, "count", n=len(repo.records)) + "\n", GROUP_START]
    for record_type in sorted(groups):
        label = escape(record_type_label(repo, record_type, lang))
        count = sum(len(rs) for rs in groups[record_type].values())
        parts.append(f"{SECTION_START}## {label}\n\n{word(lang, 'count', n=count)}\n")
        for year in sorted(groups[record_type], reverse=True):
            rows = [
                [
                    link(r.id, paths.RECORDS, r.path),
                    escape(r.title),
                    escape(r.text("date") or "—"),
                    escape(status_label(lang, r.status)),
                    escape(r.text("owner") or "—"),
                    escape(r.department or "—"),
                ]
                for r in sorted(groups[record_type][year], key=lambda r: r.id)
            ]
            parts.append(f"### {label} {escape(year or word(lang, 'none'))}\n\n" + table(header, rows))
        parts.append(GROUP_END)
    return "\n".join([*parts, GROUP_END])


def pages(repo: Repository, options: SiteOptions) -> Iterable[GeneratedPage]:
    yield GeneratedPage(paths.RECORDS, word(options.lang, "records"), render(repo, options.lang), "")
