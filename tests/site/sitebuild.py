"""Built sites shared by the site tests (each real mkdocs-material build takes a few seconds).

A plain module, not a conftest.py: tests/conftest.py is imported as `conftest` by other tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import sitecorpus as corpus

from docctl.cli import main

SITE_TODAY = "2026-11-22"


def build_site(repo: Path, *options: str, today: str = SITE_TODAY) -> int:
    """`docctl site` on `repo`, into repo/site."""
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    return main(["-C", str(repo), "--today", today, "site", "-d", str(repo / "site"), *options])


_BUILT: dict[int, Path] = {}


def states_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds plus documents in every state and one record, built as of 2026-11-22 (reviews overdue)."""
    key = id(tmp_path_factory)
    if key not in _BUILT:
        repo = corpus.add_states(corpus.copy_example(tmp_path_factory.mktemp("states") / "repo"))
        assert build_site(repo) == 0
        _BUILT[key] = repo / "site"
    return _BUILT[key]


def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example repository with its records (controls that pass and fail, KPI measurements), built as of
    2026-11-22."""
    key = -id(tmp_path_factory)
    if key not in _BUILT:
        repo = corpus.copy_example(tmp_path_factory.mktemp("example") / "repo", records=True)
        assert build_site(repo) == 0
        _BUILT[key] = repo / "site"
    return _BUILT[key]
