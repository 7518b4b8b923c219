"""The home page for the auditor: what is here, how to find it, and the state of the checks."""

from __future__ import annotations

from collections.abc import Iterable

from docctl.model import WITHDRAWN, Repository
from docctl.site import compliance, findings_page, kpi_pages, paths
from docctl.site.labels import word
from docctl.site.markdown import escape, link, table
from docctl.site.types import GeneratedPage, SiteOptions

ZH_INTRO = (
    "本站收录各组织的受控文件和质量记录，由文件库直接生成。现行文件为经批准发布的版本；"
    "草稿、审核中、已作废和已被替代的文件也一并收录，并在页首以醒目的横幅标明，不得作为现行版本使用。"
    "每份文件页顶部列出文件编号、版本、状态、实施日期、下次评审和签署（编制 / 审核 / 批准），"
    "末尾是文件编制和变更履历。已作废或已被替代的文件另列于归档。\n\n"
    "**查找方法**：右上角搜索框支持中文（如“内审”“管理评审”“不符合项”“纠正措施”“SLA达成率”）；"
    "受控文件清单可按任意列排序、按关键词筛选，也可下载 CSV。本站可离线打开（file://），无需联网。"
)

EN_INTRO = (
    "This site holds the controlled documents and quality records of each organization, generated from the "
    "document repository. Documents in effect are the approved, released versions; drafts, documents under "
    "review, withdrawn and superseded ones are included too and carry a banner: they are not the version in "
    "force. Each document page starts with its number, version, status, dates and signatures, and ends with "
    "its revision history. Superseded and obsolete documents are listed in the archive.\n\n"
    "**Finding things**: search (top right) understands Chinese; the register sorts, filters and downloads "
    "as CSV. The site works offline from file://."
)


def render(repo: Repository, options: SiteOptions) -> str:
    lang = options.lang
    withdrawn = sum(1 for d in repo.documents if d.status in WITHDRAWN)
    links = [
        (word(lang, k), path)
        for k, path in (
            ("register", paths.REGISTER),
            ("by_type", paths.BY_TYPE),
            ("by_department", paths.BY_DEPARTMENT),
            ("by_org", paths.BY_ORG),
            ("records", paths.RECORDS),
            ("changes", paths.CHANGES),
            ("archive", paths.ARCHIVE),
        )
    ] + compliance_links(repo, lang)
    counts = table(
        [word(lang, "current"), word(lang, "archive"), word(lang, "records")],
        [[str(len(repo.documents) - withdrawn), str(withdrawn), str(len(repo.records))]],
    )
    title = "受控文件与质量记录" if lang != "en" else "Controlled documents and quality records"
    return "\n".join(
        [
            f"# {title}\n",
            _unsearched(EN_INTRO if lang == "en" else ZH_INTRO),
            counts,
            "\n".join(f"- {link(label, paths.HOME, path)}" for label, path in links) + "\n",
            findings_page.summary(options),
            f"{'生成日期' if lang != 'en' else 'Generated on'}：{escape(repo.config.today.isoformat())}\n",
        ]
    )


def _unsearched(text: str) -> str:
    """The help text names the domain terms as examples of queries: indexed, the home page would rank first
    for 不符合项 or 内审 instead of the documents that hold them."""
    return f"<div class=\"docctl-intro\" data-search-exclude markdown>\n\n{text}\n\n</div>\n"


def compliance_links(repo: Repository, lang: str) -> list[tuple[str, str]]:
    """The compliance dashboard and the KPI index, which lists each plan's page (compliance, kpi_pages)."""
    dashboard = ("Compliance dashboard" if lang == "en" else "合规看板", compliance.INDEX)
    kpis = [(kpi_pages.index_title(lang), kpi_pages.INDEX)] if kpi_pages.plans(repo) else []
    return [dashboard, *kpis]


def pages(repo: Repository, options: SiteOptions) -> Iterable[GeneratedPage]:
    yield GeneratedPage(paths.HOME, word(options.lang, "home"), render(repo, options), "")
