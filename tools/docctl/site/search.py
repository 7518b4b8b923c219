"""Chinese search: jieba must be there, and the domain terms must stay whole in the index."""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable
from importlib.resources import files
from pathlib import Path
from types import ModuleType

from docctl.errors import ExternalToolError

TERMS_FILE = "search-terms.txt"
TERM_FREQUENCY = 200000


def terms_file() -> Path:
    return Path(str(files("docctl.site").joinpath("data", TERMS_FILE)))


def require_jieba() -> ModuleType:
    """jieba, or a loud error: without it the search plugin silently indexes Chinese as one long word."""
    try:
        jieba = importlib.import_module("jieba")
    except ImportError as exc:
        raise ExternalToolError(
            "Chinese search needs the jieba package: pip install jieba (中文搜索需要 jieba：请安装 jieba)"
        ) from exc
    jieba.setLogLevel(logging.WARNING)
    return jieba


def load_terms(extra: Iterable[str] = ()) -> ModuleType:
    """Teach jieba the shipped domain terms and the repository's own (docctl.yml site.search_terms)."""
    jieba = require_jieba()
    jieba.load_userdict(str(terms_file()))
    for term in extra:
        jieba.add_word(str(term), TERM_FREQUENCY)
    return jieba


def segment(text: str, extra: Iterable[str] = ()) -> list[str]:
    """How the index will cut `text` (what the search plugin does with jieba.cut)."""
    return [w for w in load_terms(extra).cut(text) if w.strip()]
