"""The pre-commit hooks and the GitHub workflow this repository ships, run for real where possible."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from gitrepo import REPO, GitRepo, make_git_repo


def test_pre_commit_runs_docctl_on_a_commit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    if pre_commit is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[dev]')")
    repo = make_git_repo(tmp_path / "repo", capsys)
    shutil.copy(REPO / ".pre-commit-config.yaml", repo.root)
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "DOCCTL_TODAY": "2026-11-22",
    }
    repo.docctl("codeowners")
    repo.write(
        "YNTD-ITSS-0403",
        repo.text("YNTD-ITSS-0403").replace('version: "1.0"\nstatus', "version: 1.0\nstatus", 1),
    )
    repo.git("add", "-A")
    run = subprocess.run([pre_commit, "run", "--all-files"], cwd=repo.root, env=env, capture_output=True, text=True)
    assert run.returncode == 1
    assert "docctl check" in run.stdout and "Failed" in run.stdout
    assert "error yaml-unquoted" in run.stdout
    repo.git("checkout", "HEAD", "--", "policies")
    run = subprocess.run([pre_commit, "run", "--all-files"], cwd=repo.root, env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stdout


def test_shipped_hooks_match_the_ones_used_here() -> None:
    shipped = {h["id"]: h for h in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    local = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"]
    for hook in local:
        assert {k: hook[k] for k in ("entry", "files", "pass_filenames")} == {
            k: shipped[hook["id"]][k] for k in ("entry", "files", "pass_filenames")
        }


def test_workflow_compares_with_the_target_branch_on_a_full_clone() -> None:
    flow = yaml.safe_load((REPO / ".github" / "workflows" / "docctl.yml").read_text(encoding="utf-8"))
    steps = flow["jobs"]["check"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0
    runs = [s.get("run", "") for s in steps]
    assert 'docctl check --base "origin/${{ github.base_ref }}"' in runs
    assert any(s.get("uses", "").startswith("github/codeql-action/upload-sarif") for s in steps)


def test_repository_codeowners_is_current(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = GitRepo(REPO, capsys)
    assert repo.docctl("codeowners", "--check")[:2] == (0, ".github/CODEOWNERS is up to date\n")
