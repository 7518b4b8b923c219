"""A real browser (Debian's headless Chromium, driven by Playwright) on the built site: search in Chinese,
sort the register, see the banner of an obsolete document; once over http on loopback, once from file://."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import sitebuild

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SHOTS = Path(__file__).resolve().parents[2] / "tests" / "site" / "screenshots"

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="needs Debian chromium (tools/test.sh installs it)")


@pytest.fixture(scope="session")
def states_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sitebuild.states_site(tmp_path_factory)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    profile = tmp_path_factory.mktemp("chromium-profile")
    with playwright.sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            args=ARGS,
            headless=True,
            viewport={"width": 1280, "height": 900},
            locale="zh-CN",
        )
        yield context
        context.close()


@pytest.fixture(scope="module")
def http_root(states_site: Path) -> Iterator[str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(states_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.timeout = 5
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


@pytest.fixture(params=["http", "file"])
def base(request: pytest.FixtureRequest, states_site: Path) -> str:
    if request.param == "http":
        return str(request.getfixturevalue("http_root"))
    return states_site.as_uri() + "/"


def search(page: object, base: str, query: str) -> list[str]:
    page.goto(base + "index.html")  # type: ignore[attr-defined]
    box = page.locator("input[data-md-component=search-query]")  # type: ignore[attr-defined]
    box.click()
    box.fill("")
    page.keyboard.type(query)  # type: ignore[attr-defined]
    page.keyboard.press("End")  # CJK text arrives as insertText without keyup; an IME commit sends one
    meta = page.locator(".md-search-result__meta")  # type: ignore[attr-defined]
    playwright.expect(meta).to_contain_text("个符合条件的结果", timeout=20000)
    titles = page.locator(".md-search-result__item > .md-search-result__link h1")  # type: ignore[attr-defined]
    return [t.replace("\u200b", "").strip() for t in titles.all_inner_texts()]


def test_chinese_search_finds_the_documents(browser: object, base: str) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    internal_audit = search(page, base, "内审")
    assert "YNTD-ITSS-0403 运维服务质量管理制度" in internal_audit
    assert "TFDL-ITSS-08-09 2022年运维服务质量管理计划" in internal_audit
    review = search(page, base, "管理评审")
    assert review[0] in ("YNTD-ITSS-0403 运维服务质量管理制度", "TFDL-ITSS-08-09 2022年运维服务质量管理计划")
    marks = [m.replace("\u200b", "") for m in page.locator(".md-search-result mark").all_inner_texts()]
    assert marks and all(m == "管理评审" for m in marks[:5])
    if base.startswith("file:"):
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / "search-file.png"))
    assert errors == []
    page.close()


def test_mixed_chinese_and_latin_queries_find_the_term(browser: object, base: str) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    assert "TFDL-ITSS-08-09 2022年运维服务质量管理计划" in search(page, base, "SLA达成率")[:3]
    assert search(page, base, "IT服务") == ["YNTD-ITSS-0403 运维服务质量管理制度"], "every piece is required"
    assert search(page, base, "IT服") == ["YNTD-ITSS-0403 运维服务质量管理制度"], "the last piece is a prefix"
    assert errors == []
    page.close()


def test_register_sorts_and_filters(browser: object, base: str) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(base + "register.html")
    rows = page.locator(".docctl-register tbody tr")
    first_ids = page.locator(".docctl-register tbody tr td:first-child")
    ids = first_ids.all_inner_texts()
    assert ids == sorted(ids) and len(ids) == 6
    header = page.locator(".docctl-register th", has_text="文件编号")
    header.click()
    assert header.get_attribute("aria-sort") == "ascending"
    header.click()
    assert header.get_attribute("aria-sort") == "descending"
    assert first_ids.all_inner_texts() == sorted(ids, reverse=True)
    overdue = page.locator(".docctl-register tr.docctl-row-overdue")
    assert overdue.count() == 5
    page.fill(".docctl-filter", "服务台")
    assert [r for r in rows.all() if r.is_visible()][0].inner_text().startswith("YNTD-ITSS-0903")
    assert page.locator(".docctl-count").inner_text() == "显示 1 / 6"
    page.fill(".docctl-filter", "云南腾电")
    assert page.locator(".docctl-count").inner_text() == "显示 4 / 6", "the organization column is filtered too"
    if base.startswith("file:"):
        page.fill(".docctl-filter", "")
        page.screenshot(path=str(SHOTS / "register-file.png"), full_page=True)
    page.close()


def test_obsolete_document_shows_its_banner(browser: object, base: str) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(base + "archive.html")
    page.click("text=YNTD-ITSS-0901")
    banner = page.locator(".docctl-banner--obsolete")
    playwright.expect(banner).to_be_visible()
    assert banner.inner_text().strip() == "作废：本文件已于 2025-09-30 作废，仅供查阅，不得使用。"
    box = banner.bounding_box()
    assert box is not None and box["y"] < 300 and box["width"] > 500, "the banner is at the top and wide"
    if base.startswith("file:"):
        page.screenshot(path=str(SHOTS / "obsolete-file.png"))
    page.close()


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sitebuild.example_site(tmp_path_factory)


def test_compliance_dashboard_lists_a_failing_control_first(browser: object, example_site: Path) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(example_site.as_uri() + "/index.html")
    page.click("text=合规看板")
    playwright.expect(page.locator("h1")).to_contain_text("合规看板 2025")
    first = page.locator(".md-typeset table tbody tr").first
    assert first.locator("td").first.inner_text().strip() == "✘ 不通过"
    color = first.locator(".docctl-badge").evaluate("e => getComputedStyle(e).color")
    assert color == "rgb(142, 0, 0)", "the site's stylesheet colours the failing badge"
    first.locator("td").last.locator("a").first.click()
    assert "/records/kpi-measurement/2025/" in page.url
    page.close()


def example_controls() -> int:
    """How many controls the example repository's policies declare (one dashboard row each)."""
    from docctl.config import load_config
    from docctl.controls.evaluate import all_controls
    from docctl.load import load_repository

    return len(all_controls(load_repository(load_config(Path(__file__).resolve().parents[2]))))


def test_compliance_dashboard_uses_the_full_width_at_1280_px(browser: object, example_site: Path) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(example_site.as_uri() + "/compliance/index.html")
    assert not page.locator(".md-sidebar--secondary").is_visible(), "no empty table of contents beside it"
    heights = page.locator(".docctl-compliance tbody tr").evaluate_all(
        "rows => rows.map(r => r.getBoundingClientRect().height)"
    )
    assert len(heights) == example_controls() and max(heights) < 800, f"no row is absurdly tall: {max(heights)} px"
    widths = page.locator(".docctl-compliance thead th").evaluate_all(
        "cells => cells.map(c => c.getBoundingClientRect().width)"
    )
    assert widths[4] == max(widths), f"the reasons get the widest column: {widths}"
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "compliance-1280.png"))
    page.goto(example_site.as_uri() + "/kpi/index.html")
    assert not page.locator(".md-sidebar--secondary").is_visible()
    page.close()


def test_document_numbers_in_tables_stay_on_one_line(browser: object, example_site: Path) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.set_viewport_size({"width": 1280, "height": 800})
    broken = "els => els.filter(e => e.getClientRects().length > 1).map(e => e.textContent)"
    for name in ("register.html", "indexes/departments.html", "changes.html", "records/index.html"):
        page.goto(example_site.as_uri() + "/" + name)
        links = page.locator("article table td a")
        assert links.count() > 0 and links.evaluate_all(broken) == [], name
    page.goto(example_site.as_uri() + "/TFDL-ITSS-08-09.html")
    lines = "td => { const r = document.createRange(); r.selectNodeContents(td); return r.getClientRects().length; }"
    assert page.locator(".docctl-control td").first.evaluate(lines) == 1, "the number in the control block too"
    fits = "t => t.getBoundingClientRect().right <= t.closest('article').getBoundingClientRect().right + 0.5"
    assert page.locator(".docctl-control table").evaluate(fits), "the next review is not cut off"
    page.close()


def test_kpi_page_shows_its_svg_charts(browser: object, example_site: Path) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(example_site.as_uri() + "/kpi/TFDL-ITSS-08-09.html")
    chart = page.locator('img[src="TFDL-ITSS-08-09/K18-2025.svg"]')
    chart.scroll_into_view_if_needed()
    assert chart.evaluate("img => img.complete && img.naturalWidth") == 640
    SHOTS.mkdir(exist_ok=True)
    chart.screenshot(path=str(SHOTS / "kpi-chart-file.png"))
    page.screenshot(path=str(SHOTS / "kpi-page-file.png"))
    page.close()


def test_clause_numbers_stand_in_front_of_readable_headings(browser: object, example_site: Path) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.goto(example_site.as_uri() + "/YNTD-ITSS-0403.html#内审要求")
    heading = page.locator("h5#内审要求")
    assert heading.inner_text().strip() == "7.3.1 内审要求¶"  # ¶: the permalink
    style = "e => [parseFloat(getComputedStyle(e).fontSize), getComputedStyle(e).textTransform]"
    size, transform = heading.evaluate(style)
    text_size = page.locator(".md-typeset p").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= text_size and transform == "none", "a third-level clause is not smaller than the text"
    page.close()


def test_revision_history_fits_the_page_at_1280_px(browser: object, example_site: Path) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(example_site.as_uri() + "/XDYJ-04-04.html#文件编制和变更履历")
    table = page.locator(".docctl-history table")
    table.scroll_into_view_if_needed()
    sizes = table.evaluate(
        "t => [t.getBoundingClientRect().right, t.closest('article').getBoundingClientRect().right,"
        " [...t.querySelectorAll('th')].map(th => th.getBoundingClientRect().width)]"
    )
    right, article_right, widths = sizes
    assert right <= article_right + 0.5, "the approval column is not cut off"
    assert [page.locator(".docctl-history th").nth(i).inner_text() for i in range(5)] == [
        "版本", "变更内容", "编制", "审核", "批准"
    ]
    assert widths[1] > sum(widths) / 2, "the change column gets the room"
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "history-1280.png"))
    page.close()


def test_records_index_filters_every_table_with_one_box(browser: object, example_site: Path) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(example_site.as_uri() + "/records/index.html")
    records = len(list((Path(__file__).resolve().parents[2] / "records").rglob("*.md")))
    assert page.locator(".docctl-count").inner_text() == f"显示 {records} / {records}"
    page.fill(".docctl-filter", "钱进")
    assert page.locator(".docctl-count").inner_text() == f"显示 1 / {records}"
    visible = [h.inner_text().replace("¶", "").strip() for h in page.locator("h2, h3").all() if h.is_visible()]
    assert visible == ["内部审核记录", "内部审核记录 2025"], "sections left without a row are hidden"
    header = page.locator("th:visible", has_text="日期").first
    header.click()
    assert header.get_attribute("aria-sort") == "ascending"
    assert errors == []
    page.close()


def teardown_module() -> None:
    shutil.rmtree(SHOTS / "__pycache__", ignore_errors=True)
