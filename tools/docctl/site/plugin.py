"""The MkDocs plugin `docctl`: it only adapts MkDocs events to docctl library calls.

on_config         load and check the repository once (errors fail the build with path:line, warnings are
                  logged as MkDocs warnings so --strict fails); teach jieba the domain terms; add the assets.
on_files          drop the raw Markdown of the docs folder and add every generated page (File.generated).
on_page_markdown  inject the per-document blocks (check findings, DOCUMENT_BLOCKS of other areas) and the
                  clause status badges (pages.decorate).
on_page_content   show the clause number in front of each body heading of a document page (anchors.py).
on_post_page      drop template indentation from the HTML (compact_html.py).
on_post_build     write the search index as UTF-8 (search_index.py) and fix Material's Chinese query
                  segmentation in the built search worker (worker_fix.py).
on_serve          also watch records/, schemas/ and docctl.yml.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from docctl.errors import DocctlError
from docctl.site import anchors, assets, compact_html, pages, search, search_index, worker_fix
from docctl.site.build import Prepared, errors_message, finding_line, prepare
from docctl.site.types import SiteContent

log = get_plugin_logger(__name__)
WATCHED = ("records", "schemas", "docctl.yml")
Event = TypeVar("Event", bound=Callable[..., Any])


class InternalBuildError(PluginError):
    """A bug of docctl inside the build, reported on one line (DOCCTL_DEBUG=1 lets the traceback out)."""


def adapted(method: Event) -> Event:
    """An event handler whose docctl errors become MkDocs plugin errors: never a traceback in the build."""

    @functools.wraps(method)
    def handler(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except DocctlError as exc:
            raise PluginError(str(exc)) from exc
        except PluginError:
            raise
        except Exception as exc:
            if os.environ.get("DOCCTL_DEBUG"):
                raise
            raise InternalBuildError(
                f"docctl: internal error (内部错误): {type(exc).__name__}: {exc} "
                "(set DOCCTL_DEBUG=1 for details; please report it)"
            ) from exc

    return handler  # type: ignore[return-value]


class DocctlPluginConfig(base.Config):  # type: ignore[no-untyped-call]
    root = c.Optional(c.Type(str))
    today = c.Optional(c.Type(str))
    lang = c.Optional(c.Choice(("zh", "en")))


class DocctlPlugin(BasePlugin[DocctlPluginConfig]):  # type: ignore[no-untyped-call]
    prepared: Prepared | None = None
    content: SiteContent = SiteContent()

    @event_priority(100)  # before the offline plugin, which looks for the worker shim
    @adapted
    def on_config(self, config: Any) -> Any:
        root = Path(self.config.root or Path(config.config_file_path).parent)
        try:
            prepared = prepare(root.resolve(), self.config.today, self.config.lang)
            site_settings = prepared.repo.config.settings.get("site") or {}
            search.load_terms(site_settings.get("search_terms") or ())
        except DocctlError as exc:
            raise PluginError(str(exc)) from exc
        if prepared.errors:
            raise PluginError(errors_message(prepared.errors))
        for finding in prepared.warnings:
            log.warning(finding_line(finding))
        self.prepared = prepared
        assets.configure(config, prepared.options.lang)
        return config

    @adapted
    def on_files(self, files: Files, config: Any) -> Files:
        assert self.prepared is not None
        repo, options = self.prepared.repo, self.prepared.options
        try:
            self.content = pages.generate(repo, options)
        except DocctlError as exc:
            raise PluginError(str(exc)) from exc
        for raw in [f for f in files if f.is_documentation_page()]:
            files.remove(raw)
        for page in self.content.pages:
            in_nav = InclusionLevel.UNDEFINED if page.nav_section is not None else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, page.path, content=page.content, inclusion=in_nav))
        for site_path, source in assets.asset_files().items():
            files.append(File.generated(config, site_path, abs_src_path=str(source)))
        if not config.nav:
            config.nav = pages.nav(self.content.pages)
        return files

    @adapted
    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        generated = self.content.by_path.get(page.file.src_uri)
        if generated is None or generated.document is None or self.prepared is None:
            return markdown
        return pages.decorate(markdown, generated.document, self.prepared.repo, self.prepared.options)

    @adapted
    def on_page_content(self, html: str, page: Any, config: Any, files: Files) -> str:
        generated = self.content.by_path.get(page.file.src_uri)
        if generated is None or self.prepared is None:
            return html
        numbers = pages.clause_numbers(generated, self.prepared.options)
        anchors.number_toc(page.toc, numbers)
        return anchors.number_headings(html, numbers)

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        return compact_html.compact(output)

    @event_priority(-50)  # after the search plugin writes its index, before the offline plugin copies it
    @adapted
    def on_post_build(self, config: Any) -> None:
        searching = any(name.endswith("search") for name in config.plugins)
        search_index.compact_index(Path(config.site_dir))
        if searching and not worker_fix.fix_query_segmentation(Path(config.site_dir)):
            log.warning(
                "cannot apply the Chinese query fix to Material's search worker: check the Material "
                "version (docctl.site.worker_fix; 未能修正搜索分词)"
            )

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        root = Path(self.config.root or Path(config.config_file_path).parent)
        for name in WATCHED:
            if (root / name).exists():
                server.watch(str(root / name))
        return server
