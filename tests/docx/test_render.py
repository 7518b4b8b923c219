"""Render an exported DOCX with LibreOffice (tools/render-docx.sh) and read the PDF back."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx_helpers import REPO, exported_docx  # noqa: F401 (the `exported` fixture)

TOOLS = ("soffice", "pdftoppm", "pdftotext", "pdffonts")


@pytest.mark.skipif(any(shutil.which(t) is None for t in TOOLS), reason="LibreOffice / poppler not installed")
def test_rendered_pages(exported: Path, tmp_path: Path) -> None:
    source = exported / "YNTD-ITSS-0403.docx"
    done = subprocess.run([str(REPO / "tools/render-docx.sh"), str(tmp_path), str(source)],
                          capture_output=True, text=True, timeout=180, check=True)
    pdf = Path(done.stdout.strip())
    pages = sorted(tmp_path.glob("YNTD-ITSS-0403-*.png"))
    assert len(pages) >= 8
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout.split("\f")
    cover, history, toc = text[0], text[1], text[2]
    assert "云南腾电科技有限公司" in cover and "文件编号：YNTD-ITSS-0403" in cover
    assert "非受控副本" in cover and "第 1 页" not in cover            # no footer on the cover
    assert "文件编制和变更履历" in history and "第 2 页 共 " in history
    assert ["运维服务质量管理制度", "YNTD-ITSS-0403", "V1.0"][0] in history
    assert "目录" in toc and "5.1. 总经理" in toc
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "NotoSerifCJK" in fonts and "NotoSansCJK" in fonts


@pytest.mark.skipif(any(shutil.which(t) is None for t in TOOLS), reason="LibreOffice / poppler not installed")
def test_rendered_tables_keep_dates_and_headers_whole(exported: Path, tmp_path: Path) -> None:
    """In LibreOffice's layout: history dates on one line, the KPI table's header row repeated on the
    next page and its short headers unbroken."""
    source = exported / "TFDL-ITSS-08-09.docx"
    done = subprocess.run([str(REPO / "tools/render-docx.sh"), str(tmp_path), str(source)],
                          capture_output=True, text=True, timeout=180, check=True)
    pages = subprocess.run(["pdftotext", "-layout", done.stdout.strip(), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    assert "2022-01-06" in pages[1] and "2022-01-07" in pages[1]
    with_kpi_header = [i for i, page in enumerate(pages) if "指标名称" in page and "考核要求" in page]
    assert len(with_kpi_header) >= 2 and with_kpi_header[1] == with_kpi_header[0] + 1
    assert all("考核周期" in pages[i] for i in with_kpi_header)
