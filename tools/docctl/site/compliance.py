"""The compliance dashboard of the site: `comply` once per build, one page per year that has records.

Periods shown: every year that has records (the `<year>` folder of records/<type>/<year>/, else the year of
the record's date), newest first; the current year when there are no records. The newest year is
compliance/index.md and gives the clause badges; older years get compliance/<year>.md.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from docctl.controls.evaluate import ComplyReport, comply
from docctl.dashboard import compliance_dashboard
from docctl.model import Document, Repository
from docctl.periods import parse_period
from docctl.site import anchors, document_page
from docctl.site.markdown import NO_TOC, href, link
from docctl.site.paths import page_path
from docctl.site.records_index import type_and_year
from docctl.site.relations import Relations
from docctl.site.types import GeneratedPage, SiteCompliance, SiteOptions

INDEX = "compliance/index.md"
SECTION = {"zh": "合规与指标", "en": "Compliance and KPIs"}


def record_years(repo: Repository) -> list[str]:
    years = {year for year in (type_and_year(r)[1] for r in repo.records) if year[:4].isdigit()}
    return sorted({y[:4] for y in years}, reverse=True) or [str(repo.config.today.year)]


def compute(repo: Repository) -> SiteCompliance:
    return SiteCompliance(tuple(comply(repo, parse_period(year)) for year in record_years(repo)))


def with_compliance(repo: Repository, options: SiteOptions) -> SiteOptions:
    """The options with `comply` results, computed only if nobody did yet in this build."""
    return options if options.compliance is not None else replace(options, compliance=compute(repo))


def year_path(report: ComplyReport, newest: bool) -> str:
    return INDEX if newest else f"compliance/{report.period.label}.md"


def section(lang: str) -> str:
    return SECTION["en" if lang == "en" else "zh"]


def clause_anchors(repo: Repository, options: SiteOptions) -> Callable[[Document, str], str]:
    """The heading anchor of a clause on a document's page; each cited document's page is rendered once
    (without its reverse links, which hold no headings) to number its headings as on the site."""
    found: dict[str, dict[str, str]] = {}

    def anchor(doc: Document, number: str) -> str:
        if doc.id not in found:
            found[doc.id] = anchors.clause_anchors(document_page.render(doc, repo, options, Relations()), options.lang)
        return found[doc.id].get(number, "")

    return anchor


def pages(repo: Repository, options: SiteOptions) -> Iterable[GeneratedPage]:
    reports = (options.compliance or compute(repo)).reports
    clause_anchor = clause_anchors(repo, options)
    for i, report in enumerate(reports):
        here = year_path(report, i == 0)
        title = f"{'Compliance' if options.lang == 'en' else '合规看板'} {report.period.label}"

        def evidence(rec: Document, here: str = here) -> str:
            return href(here, page_path(rec))

        def clause(doc: Document, number: str, here: str = here) -> str:
            return href(here, page_path(doc), clause_anchor(doc, number) if number else "")

        body = compliance_dashboard(repo, report.results, evidence, title, clause)
        others = [link(r.period.label, here, year_path(r, j == 0)) for j, r in enumerate(reports) if r is not report]
        if others:
            body += f"\n{'Other years' if options.lang == 'en' else '其他年度'}：" + "、".join(others) + "\n"
        yield GeneratedPage(here, title, dashboard_page(body), section(options.lang) if i == 0 else None)


def dashboard_page(body: str) -> str:
    """The dashboard at full width (no empty table of contents) with its table in columns that fit
    (docctl.css: reasons wrapped in the widest column, evidence links kept whole)."""
    title, _, rest = body.partition("\n")
    return f"{NO_TOC}{title}\n\n<div class=\"docctl-compliance\" markdown>\n{rest}\n</div>\n"
