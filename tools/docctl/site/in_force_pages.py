"""现行版本: while a document is under revision (its next version a draft, in review or approved), the page
of its version in force — the text staff must follow meanwhile — taken from git (docctl.inforcetext: the file
as the last commit holding that version effective had it), rendered like any document page.

Git is read once per build (`with_in_force`). Outside git, or when git does not hold the version in force,
there is no such page and the revision's banner says the text is not available here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from docctl.inforce import in_force
from docctl.load import load_text
from docctl.model import Document, Repository
from docctl.site import document_page
from docctl.site.labels import word
from docctl.site.markdown import escape, link
from docctl.site.paths import in_force_path, page_path
from docctl.site.relations import Relations
from docctl.site.types import GeneratedPage, SiteOptions


def in_force_documents(repo: Repository, lang: str) -> dict[str, Document]:
    """Document id -> its version in force as git holds it, for each document under revision."""
    revised = [d for d in repo.documents if (f := in_force(d)) is not None and f.pending is not None]
    if not revised:
        return {}
    from docctl.inforcetext import in_force_text  # GitPython is loaded only when a revision is open

    found: dict[str, Document] = {}
    for doc in revised:
        text = in_force_text(repo.config.root, doc)
        old = load_text(text.text, doc.path, doc.kind, lang)[0] if text else None
        if old is not None:
            found[doc.id] = old
    return found


def with_in_force(repo: Repository, options: SiteOptions) -> SiteOptions:
    """The options with the versions in force, read only if nobody did yet in this build."""
    if options.in_force is not None:
        return options
    return replace(options, in_force=in_force_documents(repo, options.lang))


def pages(repo: Repository, options: SiteOptions) -> Iterable[GeneratedPage]:
    rel = Relations.of(repo)
    for doc_id, old in (options.in_force or {}).items():
        doc = repo.get(doc_id)
        if doc is None:
            continue
        content = document_page.render(old, repo, options, rel, notice=banner(old, doc, options.lang))
        title, _, rest = content.partition("\n")  # named apart from the revision's page in search results
        content = f"{title}{word(options.lang, 'in_force_title', version=escape(old.version))}\n{rest}"
        yield GeneratedPage(in_force_path(doc), f"{old.id} {old.title} V{old.version}", content, None, old)


def banner(old: Document, doc: Document, lang: str) -> str:
    """现行版本 V1.0；修订稿 V1.1 见 …: the page of the version in force names the revision being prepared."""
    here = in_force_path(doc)
    target = link(f"{doc.id} V{doc.version}", here, page_path(doc))
    version, draft = escape(old.version), escape(doc.version)
    if lang == "en":
        text = f"Version in force V{version}; the revision V{draft} (not yet in force) is at {target}."
    else:
        text = f"现行版本 V{version}；修订稿 V{draft}（尚未生效）见 {target}。"
    return f'<div class="docctl-banner docctl-banner--in-force" role="note" markdown>\n{text}\n</div>\n'
