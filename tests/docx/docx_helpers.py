"""Paths shared by the DOCX tests."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
POLICIES = sorted((REPO / "policies").glob("*.md"))
