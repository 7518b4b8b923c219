"""A real git repository in a temporary folder, with this repository's roster, schemas and seed
documents, where each commit is made under the identity of a person on the roster."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from docctl.cli import main

REPO = Path(__file__).resolve().parents[2]
TODAY = "2026-11-22"
EMAILS = {
    "吴杰": "wujie@yntd.example.com",
    "赵建中": "zhaojianzhong@yntd.example.com",
    "陆涛": "lutao@yntd.example.com",
    "孙玘": "sunqi@xdyj.example.com",
    "钱进": "qianjin@yntd.example.com",
    "管理员": "admin@yntd.example.com",
}


@dataclass
class GitRepo:
    root: Path
    capsys: pytest.CaptureFixture[str]
    env: dict[str, str] = field(default_factory=dict)

    def git(self, *args: str, who: str = "管理员", check: bool = True) -> str:
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": who,
            "GIT_AUTHOR_EMAIL": EMAILS[who],
            "GIT_COMMITTER_NAME": who,
            "GIT_COMMITTER_EMAIL": EMAILS[who],
            **self.env,
        }
        done = subprocess.run(["git", *args], cwd=self.root, env=env, capture_output=True, text=True, check=False)
        if check and done.returncode:
            raise AssertionError(f"git {' '.join(args)}: {done.stderr}")
        return done.stdout.strip()

    def commit(self, who: str, message: str, *extra: str) -> str:
        self.git("add", "-A", who=who)
        self.git("commit", "-q", *extra, "-m", message, who=who)
        return self.git("rev-parse", "HEAD")

    def docctl(self, *args: str, lang: str = "en", today: str = TODAY) -> tuple[int, str, str]:
        self.capsys.readouterr()
        rc = main(["-C", str(self.root), "--lang", lang, "--today", today, *args])
        out = self.capsys.readouterr()
        return rc, out.out, out.err

    def check_base(self, ref: str, *extra: str, lang: str = "en") -> tuple[int, list[str], str]:
        """`docctl check --base REF`: exit code, error lines, and the short base as messages name it."""
        rc, out, _ = self.docctl("check", "--base", ref, *extra, lang=lang)
        return rc, errors(out), f"{ref} ({self.git('rev-parse', '--short=10', ref)})"

    def line(self, doc_id: str, needle: str) -> int:
        """The 1-based number of the last line of the document that contains `needle`."""
        lines = self.text(doc_id).split("\n")
        return max(i for i, line in enumerate(lines, 1) if needle in line)

    def path(self, doc_id: str) -> Path:
        return self.root / "policies" / f"{doc_id}.md"

    def text(self, doc_id: str) -> str:
        return self.path(doc_id).read_text(encoding="utf-8")

    def write(self, doc_id: str, text: str) -> None:
        self.path(doc_id).write_text(text, encoding="utf-8")


def make_git_repo(dest: Path, capsys: pytest.CaptureFixture[str]) -> GitRepo:
    dest.mkdir(parents=True)
    for name in ("docctl.yml",):
        shutil.copy(REPO / name, dest / name)
    for folder in ("schemas", "policies"):
        shutil.copytree(REPO / folder, dest / folder)
    repo = GitRepo(dest, capsys)
    repo.git("init", "-q", "-b", "main")
    repo.git("config", "commit.gpgsign", "false")
    repo.commit("管理员", "seed documents")
    return repo


def errors(report: str) -> list[str]:
    """The finding lines of a text report (hints and the summary left out)."""
    return [line for line in report.splitlines() if " error " in line]
