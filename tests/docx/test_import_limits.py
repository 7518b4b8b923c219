"""The import child's CPU and memory limits, met by a large but legal document (80,000 paragraphs of
varied text, 12 MB of XML: within the zip checks, but more than the lowered limits allow)."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

import pytest

import docx
from docctl.cli import main
from docctl.docx import worker

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture(scope="module", name="large")
def large_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    rnd = random.Random(7)
    paragraphs = "".join(
        "<w:p><w:r><w:t>" + "".join(chr(0x4E00 + rnd.randrange(20000)) for _ in range(40)) + "。</w:t></w:r></w:p>"
        for _ in range(80_000))
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{W_NS}">'
                f"<w:body>{paragraphs}<w:sectPr/></w:body></w:document>").encode()
    path = tmp_path_factory.mktemp("large") / "large.docx"
    with zipfile.ZipFile(buffer) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, document if info.filename == "word/document.xml" else zin.read(info))
    return path


@pytest.mark.parametrize(("variable", "value", "message"), [
    ("DOCCTL_IMPORT_CPU_SECONDS", "1", "refused: reading needs more than 1 s of CPU time "
                                       "(解析超出 1 秒 CPU 时间限制，拒绝导入)"),
    ("DOCCTL_IMPORT_MEMORY_MB", "120", "refused: reading needs more than 120 MB of memory "
                                       "(解析超出 120 MB 内存限制，拒绝导入)"),
])
def test_limits_refuse_cleanly(large: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                               capsys: pytest.CaptureFixture[str], variable: str, value: str,
                               message: str) -> None:
    monkeypatch.setenv(variable, value)
    out = tmp_path / "out"
    assert main(["import", str(large), "--out", str(out)]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == ("", f"docctl: {large}: {message}\n")
    assert not out.exists() or not list(out.iterdir())


def test_limits_can_be_lowered_not_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOCCTL_IMPORT_CPU_SECONDS", "100000")
    monkeypatch.setenv("DOCCTL_IMPORT_MEMORY_MB", "64")
    assert worker.limits() == (30, 64)
    monkeypatch.setenv("DOCCTL_IMPORT_CPU_SECONDS", "abc")
    assert worker.limits() == (30, 64)
