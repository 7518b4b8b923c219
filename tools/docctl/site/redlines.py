"""版本差异 (redlines): for each document with more than one released version, the differences between
consecutive released versions, each version's text taken from git history (docctl.git, read once per build).

A version is released at the first commit where the file carries it with status effective, superseded or
obsolete; the current file counts too when its own version is released. Outside a git repository (an
exported copy, a zip) there is no history and so no redline page: the documents' pages simply link none.
"""

from __future__ import annotations

import difflib
import html
from collections.abc import Iterable
from dataclasses import replace

from docctl.errors import UsageError
from docctl.model import Document, Repository
from docctl.site.labels import word
from docctl.site.markdown import escape, link
from docctl.site.paths import page_path, redline_path
from docctl.site.types import GeneratedPage, ReleasedVersion, SiteOptions
from docctl.snapshots import snapshot

Version = ReleasedVersion

RELEASED = ("effective", "superseded", "obsolete")
NOT_INDEXED = "---\nsearch:\n  exclude: true\n---\n"  # search finds the document, not its old texts again


def released_versions(repo: Repository) -> dict[str, tuple[Version, ...]]:
    """Document id -> its released versions, oldest first, for documents with at least two of them."""
    candidates = [d for d in repo.documents if len(d.history) > 1]
    if not candidates:
        return {}
    from docctl.git import History  # GitPython is loaded only when some document has two versions

    try:
        history = History(repo.config.root)
    except UsageError:  # not a git repository: no history to compare
        return {}
    commits = history.path_commits([d.path for d in candidates])
    texts = history.texts_at([(sha, d.path) for d in candidates for sha in commits.get(d.path, [])])
    found = {}
    for doc in candidates:
        versions = _versions(doc, [(sha, texts.get((sha, doc.path))) for sha in commits.get(doc.path, [])])
        if len(versions) > 1:
            found[doc.id] = tuple(versions)
    return found


def _versions(doc: Document, texts: list[tuple[str, str | None]]) -> list[Version]:
    seen: dict[str, Version] = {}
    for sha, text in texts:
        old = snapshot(text, doc.path)
        if old is not None and old.status in RELEASED and old.version and old.version not in seen:
            seen[old.version] = Version(old.version, old.body, sha)
    if doc.status in RELEASED and doc.version and doc.version not in seen:
        seen[doc.version] = Version(doc.version, doc.body, "")
    return list(seen.values())


def with_redlines(repo: Repository, options: SiteOptions) -> SiteOptions:
    """The options with the released versions, read from git only if nobody did yet in this build."""
    return options if options.redlines is not None else replace(options, redlines=released_versions(repo))


def render(doc: Document, versions: tuple[Version, ...], lang: str) -> str:
    here = redline_path(doc)
    title = f"{word(lang, 'redlines')}：{escape(doc.id)} {escape(doc.title)}"
    intro = word(lang, "redlines_intro", doc=link(doc.id, here, page_path(doc)))
    parts = [f"{NOT_INDEXED}# {title}\n", intro + "\n"]
    changes = {r.version: r.change for r in doc.history}
    for old, new in reversed(list(zip(versions, versions[1:], strict=False))):
        note = changes.get(new.version)
        parts.append(f"## V{escape(old.version)} → V{escape(new.version)}\n")
        if note:
            parts.append(f"{word(lang, 'change')}：{escape(note)}\n")
        parts.append(diff_html(old.body, new.body, lang))
    return "\n".join(parts)


def diff_html(old: str, new: str, lang: str) -> str:
    """The body's lines that changed, with the changed characters marked (<del> / <ins>), two lines of
    context around each change; unchanged stretches are left out."""
    a, b = old.strip("\n").split("\n"), new.strip("\n").split("\n")
    groups = list(difflib.SequenceMatcher(None, a, b, autojunk=False).get_grouped_opcodes(2))
    if not groups:
        return f"<p>{word(lang, 'no_difference')}</p>\n"
    lines: list[str] = []
    for group in groups:
        if lines:
            lines.append('<span class="docctl-diff-gap">…</span>')
        for tag, i1, i2, j1, j2 in group:
            lines.extend(_lines(tag, a[i1:i2], b[j1:j2]))
    return '<pre class="docctl-redline">' + "".join(lines) + "</pre>\n"  # each line is a block of its own


def _lines(tag: str, old: list[str], new: list[str]) -> Iterable[str]:
    if tag == "equal":
        return ['<span class="docctl-diff-same">  ' + html.escape(line) + "</span>" for line in old]
    if tag == "replace" and len(old) == len(new):
        return [line for pair in zip(old, new, strict=True) for line in _changed(*pair)]
    deleted = ['<span class="docctl-diff-del">- <del>' + html.escape(line) + "</del></span>" for line in old]
    inserted = ['<span class="docctl-diff-ins">+ <ins>' + html.escape(line) + "</ins></span>" for line in new]
    return [*deleted, *inserted]


def _changed(old: str, new: str) -> list[str]:
    """One changed line as its old and new forms, the changed characters marked."""
    before, after = [], []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag == "equal":
            before.append(html.escape(old[i1:i2]))
            after.append(html.escape(new[j1:j2]))
            continue
        if i2 > i1:
            before.append(f"<del>{html.escape(old[i1:i2])}</del>")
        if j2 > j1:
            after.append(f"<ins>{html.escape(new[j1:j2])}</ins>")
    return [
        '<span class="docctl-diff-del">- ' + "".join(before) + "</span>",
        '<span class="docctl-diff-ins">+ ' + "".join(after) + "</span>",
    ]


def pages(repo: Repository, options: SiteOptions) -> Iterable[GeneratedPage]:
    versions = options.redlines if options.redlines is not None else released_versions(repo)
    for doc in repo.documents:
        if doc.id in versions:
            title = f"{word(options.lang, 'redlines')}：{doc.id}"
            yield GeneratedPage(redline_path(doc), title, render(doc, versions[doc.id], options.lang))
