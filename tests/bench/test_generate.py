"""The benchmark corpus generator writes a valid, deterministic repository."""

from __future__ import annotations

from pathlib import Path

import pytest
from bench.generate import generate

from docctl.check import check_repository
from docctl.config import load_config
from docctl.findings import Severity
from docctl.load import discover


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_small_corpus_checks_without_errors(tmp_path: Path) -> None:
    generate(tmp_path / "c", docs=20, records_per_doc=2.0, seed=7)
    result = check_repository(load_config(tmp_path / "c"))
    errors = [f for f in result.findings if f.severity == Severity.ERROR]
    assert errors == []
    assert len(result.repo.documents) == 20
    assert len(result.repo.records) == 40
    assert result.files == 60


def test_corpus_shape(tmp_path: Path) -> None:
    generate(tmp_path / "c", docs=12, records_per_doc=0.5, seed=3)
    found = discover(tmp_path / "c")
    policies = [p for p, kind in found if kind == "document"]
    records = [p for p, kind in found if kind == "record"]
    assert len(policies) == 12 and len(records) == 6
    sizes = [p.stat().st_size for p in policies]
    assert min(sizes) > 6000 and max(sizes) < 14000
    text = policies[0].read_text(encoding="utf-8")
    assert "\n# 5 管理要求\n" in text and "\n## 5.1 " in text and "\n|---|---|---|---|\n" in text
    for path in records:
        kind, year, name = path.relative_to(tmp_path / "c" / "records").parts
        assert name.split("-")[1] == year
        assert (tmp_path / "c" / "schemas" / "records" / f"{kind}.schema.json").is_file()


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path) -> None:
    generate(tmp_path / "a", docs=8, seed=5)
    generate(tmp_path / "b", docs=8, seed=5)
    generate(tmp_path / "c", docs=8, seed=6)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")
    assert _files(tmp_path / "a") != _files(tmp_path / "c")


def test_regenerating_replaces_a_corpus_but_never_other_folders(tmp_path: Path) -> None:
    generate(tmp_path / "c", docs=6, seed=1)
    generate(tmp_path / "c", docs=4, seed=1)
    assert len(list((tmp_path / "c" / "policies").iterdir())) == 4
    other = tmp_path / "other"
    other.mkdir()
    (other / "keep.txt").write_text("mine")
    with pytest.raises(SystemExit, match="not empty and not a generated corpus; refusing to overwrite"):
        generate(other, docs=2)
    assert (other / "keep.txt").read_text() == "mine"
