"""`docctl site` (mkdocs build with the docctl plugin) against a plain mkdocs-material build of the same pages.

The floor is measured in the same run on the same corpus: the Markdown pages docctl generates (blocks
injected, assets copied) are written into a plain docs folder once, then built by mkdocs-material with the
same theme, search (jieba), offline plugin, Markdown extensions and nav, without the docctl plugin. The
ratio is what loading + checking + generating costs on top of MkDocs itself. Goals: <= 1.3x, and the built
site <= 100 MB, at 1,000 documents.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
from pathlib import Path

from bench import harness
from docctl.site import assets, pages
from docctl.site.build import prepare

GOAL_RATIO = 1.3
GOAL_SITE_MB = 100.0
TODAY = "2026-01-15"
MKDOCS_YML = harness.BENCH.parent / "mkdocs.yml"
PLUGIN_LINE = "  - docctl "


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sizes", default="1000", help="corpus sizes in documents (default %(default)s)")
    p.add_argument("--records-per-doc", type=float, default=2.0)
    p.add_argument("--repeat", type=int, default=2, help="best of this many runs (default %(default)s)")
    p.add_argument("--seed", type=int, default=1)


def docctl_config(corpus: Path, work: Path) -> Path:
    """This repository's mkdocs.yml, pointed at the corpus."""
    text = MKDOCS_YML.read_text(encoding="utf-8")
    text = _replace_line(text, "docs_dir:", f"docs_dir: {corpus / 'policies'}")
    text = _replace_line(text, PLUGIN_LINE, f"  - docctl: {{root: {corpus}, today: '{TODAY}'}}")
    path = work / "docctl-mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


def plain_config(corpus: Path, work: Path) -> Path:
    """The same pages as plain Markdown files and a mkdocs.yml without the docctl plugin."""
    prepared = prepare(corpus, TODAY)
    content = pages.generate(prepared.repo, prepared.options)
    docs = work / "plain-docs"
    for page in content.pages:
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        body = page.content
        if page.document is not None and isinstance(body, str):
            body = pages.decorate(body, page.document, prepared.repo, prepared.options)
        target.write_bytes(body.encode("utf-8") if isinstance(body, str) else body)
    for site_path, source in assets.asset_files().items():
        (docs / site_path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, docs / site_path)
    hidden = [p.path for p in content.pages if p.nav_section is None and p.path.endswith(".md")]
    text = MKDOCS_YML.read_text(encoding="utf-8")
    text = _replace_line(text, "docs_dir:", f"docs_dir: {docs}")
    text = _replace_line(text, PLUGIN_LINE, "")
    text += "\nnav: " + json.dumps(pages.nav(content.pages), ensure_ascii=False) + "\n"
    text += "not_in_nav: |\n" + "".join(f"  /{p}\n" for p in hidden)
    text += "extra_css: " + json.dumps([assets.PREFIX + n for n in assets.CSS]) + "\n"
    text += "extra_javascript: " + json.dumps([assets.PREFIX + n for n in assets.SCRIPTS]) + "\n"
    text += "extra: {polyfills: " + json.dumps([assets.PREFIX + n for n in assets.POLYFILLS]) + "}\n"
    path = work / "plain-mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


def _replace_line(text: str, start: str, new: str) -> str:
    lines = text.splitlines()
    found = [i for i, line in enumerate(lines) if line.startswith(start)]
    if len(found) != 1:
        raise RuntimeError(f"mkdocs.yml: expected one line starting with {start!r}")
    lines[found[0]] = new
    return "\n".join(line for line in lines if line != "") + "\n"


def commands(work: Path, docctl_yml: Path, plain_yml: Path) -> dict[str, list[str]]:
    py = harness.python()
    return {
        "plain": [py, "-m", "mkdocs", "build", "-q", "-f", str(plain_yml), "-d", str(work / "plain-site")],
        "docctl": [py, "-m", "mkdocs", "build", "-q", "-f", str(docctl_yml), "-d", str(work / "site")],
    }


def site_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1024 / 1024


def run(args: argparse.Namespace) -> int:
    rows: list[dict[str, object]] = []
    for docs in (int(s) for s in args.sizes.split(",")):
        corpus = harness.corpus(docs, args.records_per_doc, args.seed)
        with tempfile.TemporaryDirectory(prefix="bench-site-") as tmp:
            work = Path(tmp)
            cmds = commands(work, docctl_config(corpus, work), plain_config(corpus, work))
            result = harness.measure(cmds, args.repeat)
            plain, built = result["plain"], result["docctl"]
            pages_count = sum(1 for _ in (work / "site").rglob("*.html"))
            rows.append({"docs": docs, "pages": pages_count, "corpus": corpus.name,
                         "ratio": round(built.seconds / plain.seconds, 3),
                         "site_mb": round(site_mb(work / "site"), 1),
                         "plain_site_mb": round(site_mb(work / "plain-site"), 1),
                         "plain": harness.as_dict(plain), "docctl": harness.as_dict(built)})
        print(f"  {docs} documents done", flush=True)
    print(report(rows))
    settings = {k: v for k, v in vars(args).items() if k != "run"} | {"today": TODAY}
    saved = harness.save("site", rows, settings)
    print(f"\nresults: {saved.relative_to(harness.BENCH.parent)}")
    return 0 if all(_meets_goal(r) for r in rows if int(str(r["docs"])) >= 1000) else 1


def _meets_goal(row: dict[str, object]) -> bool:
    return float(str(row["ratio"])) <= GOAL_RATIO and float(str(row["site_mb"])) <= GOAL_SITE_MB


def report(rows: list[dict[str, object]]) -> str:
    lines = []
    for row in rows:
        plain, built = row["plain"], row["docctl"]
        assert isinstance(plain, dict) and isinstance(built, dict)
        lines.append((str(row["docs"]), str(row["pages"]), f"{plain['seconds']:.2f}", f"{built['seconds']:.2f}",
                      f"{row['ratio']:.2f}x", f"{row['site_mb']}", f"{built['peak_mb']:.0f}",
                      "yes" if _meets_goal(row) else "NO"))
    header = ("docs", "pages", "plain s", "docctl s", "ratio", "site MB", "peak MB",
              f"goal (<={GOAL_RATIO}x, <={GOAL_SITE_MB:.0f} MB)")
    return harness.table(header, lines)
