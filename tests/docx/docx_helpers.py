"""Shared by the DOCX tests: paths, a temp copy of this repository's policies, the exported set."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from docctl.cli import main

REPO = Path(__file__).resolve().parents[2]
POLICIES = sorted((REPO / "policies").glob("*.md"))


def policy_repo(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "docctl.yml", dest / "docctl.yml")
    shutil.copytree(REPO / "schemas", dest / "schemas")
    shutil.copytree(REPO / "policies", dest / "policies")
    return dest


@pytest.fixture(scope="session", name="exported")
def exported_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every policy of this repository exported as DOCX (plain, non-controlled)."""
    root = policy_repo(tmp_path_factory.mktemp("export") / "repo")
    out = root / "out"
    assert main(["-C", str(root), "export", "--all", "--out", str(out)]) == 0
    return out
