"""The benchmark runner end to end on a tiny corpus (structure only: no timing is asserted)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import harness, run


def test_run_check_measures_floor_and_check_and_saves_results(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(harness, "CORPORA", tmp_path / "corpora")
    monkeypatch.setattr(harness, "RESULTS", tmp_path / "results")
    rc = run.main(["check", "--sizes", "6", "--repeat", "2", "--records-per-doc", "1"])
    out = capsys.readouterr().out
    assert rc == 0  # below 1,000 documents no goal applies
    assert out.splitlines()[1].split()[:2] == ["docs", "files"]
    assert out.splitlines()[2].split()[:2] == ["6", "12"]
    saved = json.loads((tmp_path / "results" / "check-latest.json").read_text(encoding="utf-8"))
    row = saved["rows"][0]
    assert (row["docs"], row["files"]) == (6, 12)
    for name in ("floor", "check"):
        assert len(row[name]["runs"]) == 2
        assert all(r["exit_code"] == 0 and r["seconds"] > 0 and r["peak_mb"] > 0 for r in row[name]["runs"])
    assert row["check"]["command"][-5:] == ["--today", "2026-01-15", "check", "--format", "json"]
    assert saved["settings"]["sizes"] == "6" and saved["settings"]["today"] == "2026-01-15"


def test_corpus_is_generated_once_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(harness, "CORPORA", tmp_path)
    first = harness.corpus(3, 0.0, seed=2)
    marker = first / "policies" / "mark.txt"
    marker.write_text("kept")
    assert harness.corpus(3, 0.0, seed=2) == first and marker.exists()
    assert harness.corpus(3, 0.0, seed=3) != first


def test_a_failing_command_is_an_error_not_a_timing() -> None:
    with pytest.raises(RuntimeError, match=r"exited 2: boom"):
        harness.run_once([harness.python(), "-c", "import sys; sys.stderr.write('boom'); sys.exit(2)"])
