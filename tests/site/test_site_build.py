"""Real mkdocs-material builds through the docctl plugin: the example repository and generated corpora."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import sitebuild
import sitecorpus as corpus

from docctl.site import worker_fix
from docctl.site.build import finding_line, prepare


@pytest.fixture(scope="session")
def states_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return sitebuild.states_site(tmp_path_factory)


def run_mkdocs(repo: Path, *args: str, today: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1", "DOCCTL_TODAY": today, "HOME": str(repo)}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_example_repository_builds_strict_and_fails_once_acceptances_expire(tmp_path: Path) -> None:
    repo = corpus.copy_example(tmp_path / "repo")
    strict_now = run_mkdocs(repo, "--strict", today="2026-11-22")  # known faults accepted in docctl.yml
    assert strict_now.returncode == 0, strict_now.stderr
    assert (repo / "site" / "index.html").is_file()
    strict = run_mkdocs(repo, "--strict", today="2027-04-02")  # the acceptances ended on 2027-03-31
    assert strict.returncode == 1
    warnings = [line for line in strict.stderr.splitlines() if line.startswith("WARNING")]
    checked = prepare(repo, "2027-04-02")  # exactly what `docctl check` finds, as MkDocs warnings
    assert warnings == [f"WARNING -  docctl: {finding_line(f)}" for f in checked.warnings]
    assert (
        "WARNING -  docctl: policies/YNTD-ITSS-0403.md:17:14: warning review-overdue: "
        "定期评审已过期：应于 2026-01-07 评审（已过 450 天） (评审后用 docctl revise 开新版本，或更新 next_review)"
    ) in warnings
    assert f"Aborted with {len(warnings)} warnings in strict mode!" in strict.stdout
    assert sorted(p.name for p in (repo / "policies").iterdir()) == sorted(
        p.name for p in (corpus.REPO / "policies").iterdir()
    ), "the build must not write into the sources"


def test_strict_build_of_a_clean_corpus_passes(tmp_path: Path) -> None:
    repo = corpus.add_states(corpus.synthetic(tmp_path / "repo", 30))
    result = run_mkdocs(repo, "--strict", today="2025-06-01")
    assert result.returncode == 0, result.stderr
    assert len(list((repo / "site").glob("YNTD-ITSS-1*.html"))) == 30


def test_an_error_fails_the_build_with_path_and_line(tmp_path: Path) -> None:
    repo = corpus.add_states(corpus.synthetic(tmp_path / "repo", 2))
    bad = repo / "policies" / "YNTD-ITSS-1001.md"
    bad.write_text(bad.read_text(encoding="utf-8").replace('version: "1.0"', "version: 1.10", 1), encoding="utf-8")
    result = run_mkdocs(repo, today="2025-06-01")
    assert result.returncode == 1
    assert (
        "ERROR   -  docctl check found 1 error(s) (检查发现 1 个错误); the site is not built:\n"
        "policies/YNTD-ITSS-1001.md:7:10: error yaml-unquoted:" in result.stderr
    )
    assert not (repo / "site" / "index.html").exists()


def test_docctl_site_exit_codes(tmp_path: Path) -> None:
    repo = corpus.synthetic(tmp_path / "repo", 3)
    assert sitebuild.build_site(repo, "--strict", today="2025-06-01") == 0
    assert sitebuild.build_site(repo, "--strict", today="2026-11-22") == 1
    (repo / "mkdocs.yml").unlink()
    assert sitebuild.build_site(repo, today="2025-06-01") == 2


def test_site_works_offline_without_cdn_or_web_fonts(states_site: Path) -> None:
    remote = re.compile(r'<(?:script|link|img)[^>]+(?:src|href)="(?:https?:)?//[^"]*"')
    for page in states_site.rglob("*.html"):
        assert not remote.findall(page.read_text(encoding="utf-8")), page
    index = (states_site / "index.html").read_text(encoding="utf-8")
    assert '<script src="assets/docctl/iframe-worker-shim.js"></script>' in index
    assert "fonts.googleapis" not in index and "unpkg" not in index
    assert (states_site / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = ")
    worker = next((states_site / worker_fix.WORKERS).glob("search.*.min.js")).read_text(encoding="utf-8")
    assert worker_fix.FIXED in worker and worker_fix.BROKEN not in worker
    assert worker_fix.SPLIT_FIXED in worker and worker_fix.SPLIT_BROKEN not in worker


def test_search_index_keeps_domain_terms_whole(states_site: Path) -> None:
    raw = (states_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "管理评审" in raw and "\\u7ba1" not in raw, "Chinese is stored as UTF-8, not escaped"
    index = json.loads(raw)
    pages = {d["location"].split("#")[0] for d in index["docs"]}
    assert not pages & {"register.html", "changes.html", "archive.html", "indexes/types.html"}, "lists not indexed"
    assert "review-overdue" not in raw, "check findings are shown on pages but not indexed"
    assert index["config"]["lang"] == ["zh"]
    separator = re.compile(index["config"]["separator"])
    for term, page in (
        ("内审", "YNTD-ITSS-0403.html"),
        ("管理评审", "TFDL-ITSS-08-09.html"),
        ("不符合项", "YNTD-ITSS-0403.html"),
        ("纠正措施", "XDYJ-04-04.html"),
        ("服务级别协议", "YNTD-ITSS-0403.html"),
        ("SLA", "YNTD-ITSS-0403.html"),
    ):
        found = {
            d["location"].split("#")[0]
            for d in index["docs"]
            if term in separator.split(d["text"]) + separator.split(d["title"])
        }
        assert page in found, term
        assert not found & {"", "index.html"}, f"the home page's help text is not a hit for {term}"
    assert separator.split("SLA达成率与IT服务、2025年") == ["SLA", "达成率与", "IT", "服务", "2025", "年"]


def test_pages_nav_and_anchors(states_site: Path) -> None:
    page = (states_site / "YNTD-ITSS-0403.html").read_text(encoding="utf-8")
    assert 'id="目的"' in page and 'id="文件编制和变更履历"' in page
    home = (states_site / "register.html").read_text(encoding="utf-8")
    primary = home[home.index("md-nav--primary") : home.index('class="md-content"')]
    hrefs = re.findall(r'href="([^"]+)"', primary)
    assert hrefs and not any("ITSS" in h for h in hrefs), "documents stay out of the nav"
    assert primary.count('class="md-nav__link') < 20
    obsolete = (states_site / "YNTD-ITSS-0901.html").read_text(encoding="utf-8")
    assert '<div class="docctl-banner docctl-banner--obsolete" role="alert">' in obsolete
    assert "作废：本文件已于 2025-09-30 作废，仅供查阅，不得使用。" in obsolete
    superseded = (states_site / "YNTD-ITSS-0902.html").read_text(encoding="utf-8")
    assert '已被 <a href="YNTD-ITSS-0903.html">YNTD-ITSS-0903</a> 替代' in superseded
    warned = (states_site / "YNTD-ITSS-0404.html").read_text(encoding="utf-8")
    assert '<p class="admonition-title">检查发现（2）</p>' in warned  # review overdue, no digest (info)
    record = (states_site / "records" / "internal-audit" / "2025" / "IA-2025-001.html").read_text(encoding="utf-8")
    assert '<a href="../../../YNTD-ITSS-0403.html#内审要求">YNTD-ITSS-0403#7.3.1</a>' in record
    assert (states_site / "register.csv").read_bytes().startswith("\ufeff文件编号".encode())
    index = (states_site / "index.html").read_text(encoding="utf-8")
    assert "本站由 docctl 根据受控文件与质量记录生成" in index and "Made with" not in index, "a Chinese footer"
    findings = (states_site / "findings.html").read_text(encoding="utf-8")
    assert "<details open=\"open\">\n<summary>定期评审已过期（1）</summary>" in findings


def test_nothing_generated_is_committed() -> None:
    ignored = (corpus.REPO / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "/site/" in ignored
    if shutil.which("git") and (corpus.REPO / ".git").exists():
        tracked = subprocess.run(
            ["git", "ls-files", "site", "policies"],
            cwd=corpus.REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        assert all(not t.startswith("site/") and t.endswith(".md") for t in tracked)


@pytest.mark.parametrize("lang,title", [("en", "Document register")])
def test_english_interface(tmp_path: Path, lang: str, title: str) -> None:
    repo = corpus.synthetic(tmp_path / "repo", 2)
    assert sitebuild.build_site(repo, today="2025-06-01") == 0
    from docctl.cli import main

    assert main(["-C", str(repo), "--lang", lang, "--today", "2025-06-01", "site", "-d", str(repo / "en")]) == 0
    assert f'<h1 id="document-register">{title}' in (repo / "en" / "register.html").read_text(encoding="utf-8")
