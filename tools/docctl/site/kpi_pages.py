"""KPI pages of the site: one page per plan with indicators, one static SVG chart per indicator and year.

The charts are docctl.kpi.chart's SVG, written as files next to the page (kpi/<plan>/<indicator>-<year>.svg)
at build time: no script, no network; CJK labels use the reader's system fonts. The years shown are those
of the plan's measurement records (their `period`), newest first.
"""

from __future__ import annotations

from collections.abc import Iterable

from docctl.dashboard import badge
from docctl.kpi.attainment import Attainment, attainment, measurements_by_indicator
from docctl.kpi.chart import kpi_chart_svg
from docctl.kpi.indicators import Indicator, indicators_of
from docctl.model import CURRENT, Document, Repository
from docctl.periods import LABELS_ZH, parse_period
from docctl.site.compliance import section
from docctl.site.markdown import NO_TOC, escape, link, table
from docctl.site.paths import page_path
from docctl.site.types import GeneratedPage, SiteOptions


def plans(repo: Repository) -> list[Document]:
    return [d for d in repo.documents if d.status in CURRENT and indicators_of(d)]


def page_of(plan: Document) -> str:
    return f"kpi/{plan.id}.md"


def chart_of(plan: Document, indicator: Indicator, year: str) -> str:
    return f"kpi/{plan.id}/{indicator.id}-{year}.svg"


INDEX = "kpi/index.md"


def index_title(lang: str) -> str:
    return "KPIs" if lang == "en" else "指标达成"


def index(found: list[tuple[Document, list[str]]], lang: str) -> str:
    """The one nav entry for every plan's KPI page, however many plans there are."""
    en = lang == "en"
    header = ["Plan" if en else "计划", "Title" if en else "标题", "Organization" if en else "组织",
              "Indicators" if en else "指标数", "Years" if en else "年度"]
    rows = [[link(p.id, INDEX, page_of(p)), escape(p.title), escape(p.org), str(len(indicators_of(p))),
             escape("、".join(years) or "—")] for p, years in found]
    return f"{NO_TOC}# {index_title(lang)}\n\n" + table(header, rows)


def pages(repo: Repository, options: SiteOptions) -> Iterable[GeneratedPage]:
    listed: list[tuple[Document, list[str]]] = []
    for plan in plans(repo):
        results = plan_results(plan, repo)
        for year, found in results.items():
            for a in found:
                yield GeneratedPage(chart_of(plan, a.indicator, year), a.indicator.name,
                                    kpi_chart_svg(a.indicator, a.measurements))
        title = f"{index_title(options.lang)}：{plan.title}"  # out of the nav: kpi/index.md lists it
        yield GeneratedPage(page_of(plan), title, render(plan, results, options.lang))
        listed.append((plan, list(results)))
    if listed:
        yield GeneratedPage(INDEX, index_title(options.lang), index(listed, options.lang), section(options.lang))


def plan_results(plan: Document, repo: Repository) -> dict[str, list[Attainment]]:
    """Each year of the plan's measurement records, newest first: the attainment of every indicator."""
    records = measurements_by_indicator(plan, repo.records)
    years = sorted({str(r.meta.get("period"))[:4] for rs in records.values() for r in rs}, reverse=True)
    return {
        year: [attainment(i, records.get(i.id, []), parse_period(year)) for i in indicators_of(plan)]
        for year in years
        if year.isdigit()
    }


def render(plan: Document, results: dict[str, list[Attainment]], lang: str) -> str:
    en = lang == "en"
    here = page_of(plan)
    years = list(results)
    head = [f"# {'KPIs of' if en else '指标达成：'} {escape(plan.id)} {escape(plan.title)}\n",
            ("Indicators declared in " if en else "指标定义见 ") + link(plan.id, here, page_path(plan)) + "。\n"]
    if not years:
        return "\n".join([*head, "No measurement records yet.\n" if en else "尚无指标测量记录。\n"])
    header = ["Indicator" if en else "指标", "Target" if en else "目标", "Period" if en else "统计周期",
              *years]
    rows = [[escape(f"{a.indicator.id} {a.indicator.name}"), escape(a.indicator.target.text()),
             escape(a.indicator.period if en else LABELS_ZH.get(a.indicator.period, a.indicator.period)),
             *(badge(results[y][i].status, lang) for y in years)]
            for i, a in enumerate(results[years[0]])]
    charts = []
    for a in results[years[0]]:
        ind = a.indicator
        images = [f"![{escape(ind.id)} {escape(ind.name)} {y}]({chart_of(plan, ind, y)[len('kpi/'):]})"
                  for y in years]
        charts.append(f"## {escape(ind.id)} {escape(ind.name)}\n\n" + "\n\n".join(images) + "\n")
    return "\n".join([*head, table(header, rows), *charts])
