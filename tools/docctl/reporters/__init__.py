"""Reporters turn findings into text, JSON or SARIF; they are swappable and never decide exit codes."""

from __future__ import annotations

from collections.abc import Callable

from docctl.findings import Finding
from docctl.reporters import jsonreport, sarif, text

Reporter = Callable[[list[Finding], int, str], str]

REPORTERS: dict[str, Reporter] = {
    "text": text.render,
    "json": jsonreport.render,
    "sarif": sarif.render,
}
