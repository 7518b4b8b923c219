"""Shared fixtures: example repositories built in temporary folders."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CASES = REPO / "tests" / "cases"
TODAY = "2026-11-22"


def make_repo(dest: Path, files: Path | None = None, config: Path = CASES / "docctl.yml") -> Path:
    """A repository in `dest`: the case config, this repository's schemas, and the case files."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(config, dest / "docctl.yml")
    shutil.copytree(REPO / "schemas", dest / "schemas", dirs_exist_ok=True)
    if files is not None:
        for item in files.iterdir():
            if item.is_dir():
                shutil.copytree(item, dest / item.name, dirs_exist_ok=True)
    return dest


@pytest.fixture
def case_repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo")
