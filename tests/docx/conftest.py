"""Fixtures for DOCX tests: a copy of this repository's policies in a temp repo, exported once."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from docx_helpers import REPO

from docctl.cli import main


def policy_repo(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "docctl.yml", dest / "docctl.yml")
    shutil.copytree(REPO / "schemas", dest / "schemas")
    shutil.copytree(REPO / "policies", dest / "policies")
    return dest


@pytest.fixture(scope="session")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every policy of this repository exported as DOCX (plain, non-controlled)."""
    root = policy_repo(tmp_path_factory.mktemp("export") / "repo")
    out = root / "out"
    assert main(["-C", str(root), "export", "--all", "--out", str(out)]) == 0
    return out
