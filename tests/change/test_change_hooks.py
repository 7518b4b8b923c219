"""The pre-commit hooks and the GitHub workflow this repository ships, run for real where possible."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
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


def _check_steps() -> dict[str, dict[str, object]]:
    flow = yaml.safe_load((REPO / ".github" / "workflows" / "docctl.yml").read_text(encoding="utf-8"))
    return {str(s.get("id") or s.get("name") or s.get("uses")): s for s in flow["jobs"]["check"]["steps"]}


def test_workflow_compares_with_the_target_branch_on_a_full_clone() -> None:
    flow = yaml.safe_load((REPO / ".github" / "workflows" / "docctl.yml").read_text(encoding="utf-8"))
    steps = flow["jobs"]["check"]["steps"]
    assert steps[0]["with"]["fetch-depth"] == 0
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["if"] == "steps.sarif.outputs.ready == 'true'"
    assert all("|| true" not in str(s.get("run", "")) for job in flow["jobs"].values() for s in job["steps"])
    assert _check_steps()["docctl check"]["run"] == 'docctl check ${BASE:+--base "$BASE"}'


def test_site_and_docx_jobs_read_the_whole_history() -> None:
    """A document under revision: its version in force and the redline pages come from git."""
    flow = yaml.safe_load((REPO / ".github" / "workflows" / "docctl.yml").read_text(encoding="utf-8"))
    for job in ("site", "docx"):
        checkout = flow["jobs"][job]["steps"][0]
        assert (checkout["uses"], checkout["with"]["fetch-depth"]) == ("actions/checkout@v4", 0)


def test_workflow_says_to_merge_with_a_merge_commit() -> None:
    text = (REPO / ".github" / "workflows" / "docctl.yml").read_text(encoding="utf-8")
    assert "# Merge document pull requests with a MERGE COMMIT" in text


@dataclass
class Runner:
    """Runs a `run:` script of the workflow's check job with bash, as GitHub would, in `root`."""

    root: Path
    tmp: Path

    def __call__(self, step: str, **env: str) -> tuple[int, dict[str, str], str]:
        spec = _check_steps()[step]
        bin_dir = self.tmp / "bin"
        bin_dir.mkdir(exist_ok=True)
        shim = bin_dir / "docctl"  # the CLI of this checkout, as `pip install` would put it on PATH
        shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m docctl "$@"\n', encoding="utf-8")
        shim.chmod(0o755)
        output = self.tmp / f"{step}.out"
        output.write_text("", encoding="utf-8")
        variables = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "GITHUB_OUTPUT": str(output),
                     "DOCCTL_TODAY": "2026-11-22", "PYTHONPATH": str(REPO / "tools"), **env}
        done = subprocess.run(["bash", "-e", "-c", str(spec["run"])], cwd=self.root, env=variables,
                              capture_output=True, text=True, check=False)
        outputs = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines())
        return done.returncode, outputs, done.stderr


@pytest.fixture
def runner(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[GitRepo, Runner]:
    repo = make_git_repo(tmp_path / "repo", capsys)
    return repo, Runner(repo.root, tmp_path)


def test_workflow_base_is_the_target_branch_or_the_commit_before_the_push(runner: tuple[GitRepo, Runner]) -> None:
    _, run = runner
    assert run("base", EVENT="pull_request", TARGET="main", BEFORE="")[:2] == (0, {"ref": "origin/main"})
    assert run("base", EVENT="push", TARGET="", BEFORE="1f" * 20)[:2] == (0, {"ref": "1f" * 20})
    assert run("base", EVENT="push", TARGET="", BEFORE="0" * 40)[:2] == (0, {"ref": ""})  # a new branch


def test_workflow_sarif_carries_change_control_findings(runner: tuple[GitRepo, Runner]) -> None:
    repo, run = runner
    repo.git("update-ref", "refs/remotes/origin/main", "HEAD")
    repo.docctl("revise", "YNTD-ITSS-0403", "--change", "年度评审")
    repo.commit("吴杰", "修订")
    repo.docctl("approve", "YNTD-ITSS-0403", "--as", "赵建中")
    repo.commit("吴杰", "代签审核")
    rc, outputs, _ = run("sarif", BASE="origin/main")
    assert (rc, outputs) == (0, {"ready": "true"})  # findings: exit 1 of docctl check is allowed
    sarif = json.loads((repo.root / "docctl.sarif").read_text(encoding="utf-8"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"] if r["level"] == "error"] == ["approval-by-author"]


def test_workflow_fails_on_a_usage_error_and_uploads_nothing(runner: tuple[GitRepo, Runner]) -> None:
    repo, run = runner
    rc, outputs, err = run("sarif", BASE="1f" * 20)  # a base that is not in the clone: exit 2
    assert (rc, outputs) == (2, {})
    assert err.endswith("docctl check exited with 2\n")
    assert (repo.root / "docctl.sarif").read_text(encoding="utf-8") == ""
    assert run("sarif", BASE="")[:2] == (0, {"ready": "true"})  # no base: the plain check


def test_repository_codeowners_is_current(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    repo = GitRepo(REPO, capsys)
    assert repo.docctl("codeowners", "--check")[:2] == (0, ".github/CODEOWNERS is up to date\n")
