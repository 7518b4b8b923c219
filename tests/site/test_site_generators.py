"""The page generators are pure functions of the loaded repository: test them without MkDocs."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import sitecorpus as corpus

from docctl.check import check_loaded
from docctl.config import load_config
from docctl.errors import InputError
from docctl.load import load_repository
from docctl.model import Document, Repository
from docctl.site import pages, paths
from docctl.site.markdown import escape, link, shift_headings
from docctl.site.types import GeneratedPage, SiteOptions


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Repository, SiteOptions]:
    root = corpus.add_states(corpus.copy_example(tmp_path_factory.mktemp("pages") / "repo"))
    config = replace(load_config(root), today=date(2026, 11, 22))
    result = check_loaded(load_repository(config))
    return result.repo, SiteOptions("zh", tuple(result.findings))


def page(loaded: tuple[Repository, SiteOptions], path: str) -> str:
    content = pages.generate(*loaded).by_path[path].content
    assert isinstance(content, str)
    return content


def test_obsolete_superseded_and_draft_pages_carry_their_banner(
    loaded: tuple[Repository, SiteOptions],
) -> None:
    assert (
        '<div class="docctl-banner docctl-banner--obsolete" role="alert" markdown>\n'
        "作废：本文件已于 2025-09-30 作废，仅供查阅，不得使用。\n</div>"
    ) in page(loaded, "YNTD-ITSS-0901.md")
    assert "已被 [YNTD-ITSS-0903](YNTD-ITSS-0903.md) 替代：本版本已失效，仅供查阅。" in page(
        loaded, "YNTD-ITSS-0902.md"
    )
    assert "草稿：本文件尚未批准，不是受控版本。" in page(loaded, "YNTD-ITSS-0904.md")
    assert "docctl-banner" not in page(loaded, "YNTD-ITSS-0903.md")


def test_document_page_has_control_signatures_history_and_links(
    loaded: tuple[Repository, SiteOptions],
) -> None:
    text = page(loaded, "XDYJ-04-04.md")
    assert text.startswith("# XDYJ-04-04 运维服务质量改进管理制度\n")
    assert (
        "| XDYJ-04-04 | 1.1 | 现行 | 北京新都远景网络技术有限公司 | 质量效能部 | 2025-02-12 | "
        '<span class="docctl-overdue">2026-02-12 已逾期</span> |'
    ) in text
    assert "| 批准 | 孙玘 | 2025-02-12 | 批准本版本发布实施 |" in text
    assert (
        '<div class="docctl-history" markdown>\n\n| 版本 | 变更内容 | 编制 | 审核 | 批准 |\n|---|---|---|---|---|\n'
        '| 1.0 | 新建 | —<br><span class="docctl-date">2025-01-10</span> | — | '
        '孙玥<br><span class="docctl-date">2025-01-10</span> |\n'
    ) in text
    assert "- 引用标准：GB/T 28827.1-2022、" in text
    successor = page(loaded, "YNTD-ITSS-0903.md")
    assert "- 替代了：[YNTD-ITSS-0902 服务台管理制度（旧版）](YNTD-ITSS-0902.md)" in successor
    assert "- 相关记录：[IA-2025-001](records/internal-audit/2025/IA-2025-001.md)" in page(loaded, "YNTD-ITSS-0403.md")


def test_body_keeps_its_text_and_headings_move_under_the_page_title(
    loaded: tuple[Repository, SiteOptions],
) -> None:
    repo, _ = loaded
    text = page(loaded, "YNTD-ITSS-0403.md")
    assert "\n### 目的\n" in text and "\n# 目的\n" not in text
    body_sentence = repo.by_id["YNTD-ITSS-0403"].body.split("\n")[2]
    assert body_sentence and body_sentence in text


def test_register_lists_current_documents_with_overdue_reviews_marked(
    loaded: tuple[Repository, SiteOptions],
) -> None:
    text = page(loaded, paths.REGISTER)
    assert "共 6 份" in text
    assert (
        "[YNTD-ITSS-0903](YNTD-ITSS-0903.md) | 服务台管理制度 | 制度 | 1.0 | 现行 | 云南腾电科技有限公司 | 质量部 | "
        "2025-03-01 | "
        '<span class="docctl-overdue">2026-03-01 已逾期</span> |' in text
    )
    assert "YNTD-ITSS-0901.md" not in text and "YNTD-ITSS-0902.md" not in text
    assert '<div class="docctl-register" markdown>' in text


def test_archive_holds_superseded_and_obsolete_only(loaded: tuple[Repository, SiteOptions]) -> None:
    text = page(loaded, paths.ARCHIVE)
    assert "YNTD-ITSS-0901.md" in text and "YNTD-ITSS-0902.md" in text
    assert text.count("](") == 3  # the two, and the successor of the superseded one
    assert "| 实施日期 | 作废日期 | 替代文件 |" in text
    assert "| 2025-09-30 | — |" in text  # the obsolete one: nothing replaced it
    assert "| [YNTD-ITSS-0903](YNTD-ITSS-0903.md) |" in text


def test_register_csv_has_every_document_and_a_bom(loaded: tuple[Repository, SiteOptions]) -> None:
    data = pages.generate(*loaded).by_path[paths.REGISTER_CSV].content
    assert isinstance(data, bytes) and data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header = [
        "文件编号", "标题", "类型", "版本", "状态", "组织", "归口部门", "实施日期", "下次评审", "作废日期", "替代文件"
    ]
    assert rows[0] == header
    assert [
        "YNTD-ITSS-0901",
        "运维服务应急管理制度",
        "制度",
        "1.0",
        "作废",
        "云南腾电科技有限公司",
        "质量部",
        "2025-03-01",
        "",
        "2025-09-30",
        "",
    ] in rows
    assert [r[0] for r in rows if r[-1] == "YNTD-ITSS-0903"] == ["YNTD-ITSS-0902"]
    assert len(rows) == 1 + 8


def test_records_index_groups_by_type_and_year(loaded: tuple[Repository, SiteOptions]) -> None:
    text = page(loaded, paths.RECORDS)
    assert "### internal-audit 2025\n" not in text and "### 内部审核记录 2025\n" in text
    assert (
        "| [IA-2025-001](internal-audit/2025/IA-2025-001.md) | 2025 年度内审报告 | "
        "2025-10-20 | 已关闭 | 吴杰 | 质量部 |" in text
    )


def test_withdrawal_date_on_the_page_and_in_the_archive_without_a_next_review(
    loaded: tuple[Repository, SiteOptions],
) -> None:
    obsolete = page(loaded, "YNTD-ITSS-0901.md")
    assert "作废：本文件已于 2025-09-30 作废，仅供查阅，不得使用。" in obsolete
    assert (
        "| 文件编号 | 版本 | 状态 | 组织 | 归口部门 | 实施日期 | 作废日期 |\n|---|---|---|---|---|---|---|\n"
        "| YNTD-ITSS-0901 | 1.0 | 作废 | 云南腾电科技有限公司 | 质量部 | 2025-03-01 | 2025-09-30 |\n" in obsolete
    )
    superseded = page(loaded, "YNTD-ITSS-0902.md")
    assert "下次评审" not in superseded and "2026-03-01" not in superseded
    archive = page(loaded, paths.ARCHIVE)
    assert "下次评审" not in archive and "| 实施日期 | 作废日期 |" in archive
    assert "| 质量部 | 2025-03-01 | 2025-09-30 |" in archive


def test_changes_list_withdrawals_and_mark_pending_revisions(loaded: tuple[Repository, SiteOptions]) -> None:
    text = page(loaded, paths.CHANGES)
    withdrawal = "| 2025-09-30 | [YNTD-ITSS-0901](YNTD-ITSS-0901.md) | 运维服务应急管理制度 | 1.0 | **作废** |"
    assert withdrawal + " — | — | — |" in text
    assert (
        "| 2025-03-01 | [YNTD-ITSS-0904](YNTD-ITSS-0904.md) | 知识库管理制度 | 1.0 | "
        '<span class="docctl-pending">待批准</span> 首次发布 | 吴杰 | — | 待批准 |' in text
    )
    assert text.index("2025-09-30") < text.index("YNTD-ITSS-0904")


def test_changes_list_every_revision_newest_first(loaded: tuple[Repository, SiteOptions]) -> None:
    text = page(loaded, paths.CHANGES)
    assert text.index("## 2025") < text.index("## 2022")
    assert "更正：V1.0 修订记录中批准人记为“孙玥”" in text
    assert "| 2025-02-12 | [XDYJ-04-04](XDYJ-04-04.md) |" in text


def test_findings_are_injected_on_the_affected_page(loaded: tuple[Repository, SiteOptions]) -> None:
    repo, options = loaded
    content = pages.generate(repo, options)
    generated = content.by_path["YNTD-ITSS-0404.md"]
    assert isinstance(generated.content, str) and generated.document is not None
    text = pages.inject_blocks(generated.content, generated.document, repo, options)
    found = options.findings_by_path["policies/YNTD-ITSS-0404.md"]
    assert f'!!! info "检查发现（{len(found)}）"\n' in text  # accepted in docctl.yml: a note, not a warning
    assert (
        "    - `review-overdue` policies/YNTD-ITSS-0404.md 第 17 行："
        "定期评审已过期：应于 2026-01-07 评审（已过 319 天）"
        "（已接受：示例仓库：种子只提供 V1.0，未附 2026 年度评审记录；"
        "有效至 2027-03-31） — "
        "评审后用 docctl revise 开新版本，或更新 next\\_review"
    ) in text
    clean = content.by_path["YNTD-ITSS-0904.md"]
    assert clean.document is not None and isinstance(clean.content, str)
    assert "!!!" not in pages.inject_blocks(clean.content, clean.document, repo, options)


def test_generators_extension_point_adds_pages_and_nav_sections(
    loaded: tuple[Repository, SiteOptions],
) -> None:
    def audit(repo: Repository, options: SiteOptions) -> list[GeneratedPage]:
        here = "audit/index.md"
        return [
            GeneratedPage(here, "审核准备", "# 审核准备\n\n" + link("清单", here, paths.REGISTER) + "\n", "审核"),
            GeneratedPage("audit/plan.svg", "计划", b"<svg/>", "审核"),
        ]

    content = pages.generate(*loaded, generators=(*pages.GENERATORS, audit))
    assert content.by_path["audit/index.md"].content == "# 审核准备\n\n[清单](../register.md)\n"
    nav = pages.nav(content.pages)
    assert nav[:2] == [{"首页": "index.md"}, {"受控文件清单": "register.md"}]
    assert {
        "索引": [
            {"按类型": "indexes/types.md"},
            {"按部门": "indexes/departments.md"},
            {"按组织": "indexes/organizations.md"},
        ]
    } in nav
    assert nav[-1] == {"审核": [{"审核准备": "audit/index.md"}]}
    kpi = {"合规与指标": [{"合规看板 2025": "compliance/index.md"},
                          {"指标达成": "kpi/index.md"}]}
    assert kpi in nav and all("ITSS" not in str(entry) for entry in nav if entry != kpi)


def test_document_blocks_extension_point(loaded: tuple[Repository, SiteOptions]) -> None:
    repo, options = loaded

    def badge(doc: Document, repo: Repository, options: SiteOptions) -> str:
        return f"**{doc.id} 控制项：2 通过**\n"

    generated = pages.generate(repo, options).by_path["YNTD-ITSS-0903.md"]
    assert generated.document is not None and isinstance(generated.content, str)
    text = pages.inject_blocks(generated.content, generated.document, repo, options, blocks=(badge,))
    assert "**YNTD-ITSS-0903 控制项：2 通过**\n" in text
    assert text.index("控制项") < text.index("## 文件控制信息")


def test_two_generators_claiming_one_path_is_an_error(loaded: tuple[Repository, SiteOptions]) -> None:
    def clash(repo: Repository, options: SiteOptions) -> list[GeneratedPage]:
        return [GeneratedPage(paths.REGISTER, "另一个清单", "# x\n")]

    with pytest.raises(InputError, match="two site pages claim register.md: 受控文件清单 / 另一个清单"):
        pages.generate(*loaded, generators=(*pages.GENERATORS, clash))


def test_markdown_helpers() -> None:
    assert escape("a|b <x> *y* [z] 1_2\n续") == "a\\|b \\<x\\> \\*y\\* \\[z\\] 1\\_2 续"
    assert link("X", "records/index.md", "YNTD-ITSS-0403.md") == "[X](../YNTD-ITSS-0403.md)"
    body = "# 目的\n\n```\n# not a heading\n```\n###### 深\n"
    assert shift_headings(body, 2) == "### 目的\n\n```\n# not a heading\n```\n###### 深\n"


def test_search_terms_stay_whole() -> None:
    from docctl.site.search import segment

    words = segment("每年组织一次内审和管理评审，对不符合项采取纠正措施，履行服务级别协议。")
    for term in ("内审", "管理评审", "不符合项", "纠正措施", "服务级别协议"):
        assert term in words


def test_missing_jieba_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from docctl.errors import ExternalToolError
    from docctl.site.search import require_jieba

    monkeypatch.setitem(sys.modules, "jieba", None)
    with pytest.raises(ExternalToolError, match="Chinese search needs the jieba package"):
        require_jieba()


def test_example_paths_are_inside_the_site(loaded: tuple[Repository, SiteOptions]) -> None:
    repo, _ = loaded
    assert paths.page_path(repo.by_id["YNTD-ITSS-0403"]) == "YNTD-ITSS-0403.md"
    assert paths.page_path(repo.records[0]) == "records/internal-audit/2025/IA-2025-001.md"
    assert Path(paths.RECORDS).parent.as_posix() == "records"


def test_compact_html_keeps_pre_script_and_line_breaks() -> None:
    from docctl.site.compact_html import compact

    html = (
        "<div>\n    <p>甲</p>\n\n   <pre><code>a\n    b\n</code></pre>\n"
        "  <script>\n  var x=1;\n</script>\n <span>乙</span>"
    )
    assert (
        compact(html)
        == "<div>\n<p>甲</p>\n<pre><code>a\n    b\n</code></pre>\n<script>\n  var x=1;\n</script>\n<span>乙</span>"
    )


def test_search_index_is_rewritten_as_utf8(tmp_path: Path) -> None:
    from docctl.site.search_index import INDEX, compact_index

    (tmp_path / "search").mkdir()
    (tmp_path / INDEX).write_text('{"docs": [{"text": "\\u7ba1\\u7406\\u8bc4\\u5ba1"}]}', encoding="utf-8")
    assert compact_index(tmp_path) == 4 * 3 + 2  # three bytes per character, two spaces
    assert (tmp_path / INDEX).read_text(encoding="utf-8") == '{"docs":[{"text":"管理评审"}]}'
    assert compact_index(tmp_path / "nothing") == 0


def test_register_shows_the_version_in_force_of_a_document_under_revision(tmp_path: Path) -> None:
    from docctl.revisions import revise

    root = corpus.copy_example(tmp_path / "repo")
    config = replace(load_config(root), today=date(2026, 11, 22))
    revise(config, "YNTD-ITSS-0403", "年度评审")
    repo = load_repository(config)
    text = pages.generate(repo, SiteOptions("zh", ())).by_path[paths.REGISTER].content
    assert isinstance(text, str)
    assert (
        "[YNTD-ITSS-0403](YNTD-ITSS-0403.md) | 运维服务质量管理制度 | 制度 | 1.0 | 现行 · 修订中 1.1（草稿） | "
        '云南腾电科技有限公司 | 质量部 | 2025-01-07 | <span class="docctl-overdue">2026-01-07 已逾期</span> |' in text
    )
    data = pages.generate(repo, SiteOptions("en", ())).by_path[paths.REGISTER_CSV].content
    assert isinstance(data, bytes)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert [r for r in rows if r[0] == "YNTD-ITSS-0403"][0][3:] == [
        "1.0", "effective · revision 1.1 in draft", "云南腾电科技有限公司", "质量部", "2025-01-07", "2026-01-07", "", ""
    ]
    page_text = pages.generate(repo, SiteOptions("zh", ())).by_path["YNTD-ITSS-0403.md"].content
    assert isinstance(page_text, str)
    assert ('<div class="docctl-banner docctl-banner--draft" role="alert" markdown>\n'
            "草稿：本文件尚未批准，不是受控版本。现行有效版本为 V1.0（2025-01-07 起实施）；本页是修订稿 V1.1。"
            "现行版本的文本在本站不可用（git 历史中没有）。\n"  # not a git repository
            "</div>\n") in page_text


def test_search_separator_gets_the_latin_chinese_boundary_once(tmp_path: Path) -> None:
    from docctl.site.search_index import BOUNDARY, INDEX, compact_index, with_boundary

    (tmp_path / "search").mkdir()
    (tmp_path / INDEX).write_text('{"config": {"separator": "[\\\\s]+"}, "docs": []}', encoding="utf-8")
    compact_index(tmp_path)
    separator = json.loads((tmp_path / INDEX).read_text(encoding="utf-8"))["config"]["separator"]
    assert separator == "[\\s]+|" + BOUNDARY and with_boundary(separator) == separator
    assert re.split(separator, "SLA达成率 IT服务") == ["SLA", "达成率", "IT", "服务"]


def test_worker_fixes_apply_to_the_installed_material_worker() -> None:
    from material import templates

    from docctl.site import worker_fix

    folder = Path(templates.__file__).parent / worker_fix.WORKERS
    text = next(folder.glob("search.*.min.js")).read_text(encoding="utf-8")
    patched = worker_fix.patch_worker(text)
    assert patched is not None and worker_fix.FIXED in patched and worker_fix.SPLIT_FIXED in patched
    assert worker_fix.patch_worker(patched) == patched
    assert worker_fix.patch_worker(text.replace(worker_fix.SPLIT_BROKEN, "")) is None


def test_home_counts_findings_by_severity_and_rule_for_the_auditor(loaded: tuple[Repository, SiteOptions]) -> None:
    text = page(loaded, paths.HOME)
    assert text[text.index("## 检查发现") :] == (
        "## 检查发现\n\n| 错误 | 警告 | 提示 |\n|---|---|---|\n| 0 | 1 | 14 |\n\n"
        "| 检查项 | 级别 | 数量 |\n|---|---|---|\n"
        "| 定期评审已过期 | 警告 | 1 |\n"
        "| 早于内容摘要制度批准的版本（未记录内容摘要） | 提示 | 7 |\n"
        "| 定期评审已过期 | 提示 | 4 |\n"
        "| 指标重复 | 提示 | 1 |\n"
        "| 指标公式分子分母疑似颠倒 | 提示 | 1 |\n"
        "| 指标的考核要求与计量方式不符 | 提示 | 1 |\n\n"
        "[查看全部检查发现](findings.md)\n\n生成日期：2026-11-22\n"
    )
    for developer_text in ("check --base", "docctl revise", "内容即是经批准的文本", "digest-legacy"):
        assert developer_text not in text, developer_text
    assert "草稿、审核中、已作废和已被替代的文件也一并收录" in text


def test_findings_page_opens_warnings_and_collapses_notes(loaded: tuple[Repository, SiteOptions]) -> None:
    text = page(loaded, paths.FINDINGS)
    assert (
        "## 警告（1）\n\n<details open markdown>\n<summary>定期评审已过期（1）</summary>\n\n"
        "- [YNTD-ITSS-0903](YNTD-ITSS-0903.md) 第 16 行：定期评审已过期：应于 2026-03-01 评审（已过 266 天）\n\n"
        "</details>\n"
    ) in text
    notes = "## 提示（14）\n\n<details markdown>\n<summary>早于内容摘要制度批准的版本（未记录内容摘要）（7）</summary>"
    assert notes in text
    assert text.index("## 警告") < text.index("## 提示")
    assert "docctl revise" not in text, "hints for the document owner stay on the document pages"


def test_clause_numbers_are_not_shown_twice_where_the_heading_has_them_typed() -> None:
    from docctl.site.anchors import number_headings

    page_html = ('<h3 id="目的">目的<a class="headerlink" href="#目的">&para;</a></h3>'
                 '<h3 id="5-管理要求">5 管理要求</h3><h4 id="51-要求">5.1. 要求</h4><h4 id="52">5.2</h4>')
    numbers = {"目的": "1", "5-管理要求": "5", "51-要求": "5.1", "52": "5.2"}
    assert number_headings(page_html, numbers) == (
        '<h3 id="目的"><span class="docctl-clause-number">1</span> 目的<a class="headerlink" href="#目的">&para;</a>'
        '</h3><h3 id="5-管理要求">5 管理要求</h3><h4 id="51-要求">5.1. 要求</h4>'
        '<h4 id="52">5.2</h4>')
