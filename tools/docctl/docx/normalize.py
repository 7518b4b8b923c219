"""Legacy spellings to the front-matter contract: `V 1 . 0` → "1.0", `2025. 1. 7` → 2025-01-07."""

from __future__ import annotations

import re

from docctl.dates import legacy_to_iso

DATE_RE = re.compile(r"(\d{4})\s*[.\-/年]\s*(\d{1,2})\s*[.\-/月]\s*(\d{1,2})\s*日?")
VERSION_RE = re.compile(r"^(?:版本|版次|[Vv])?\s*[:：]?\s*(\d+)\s*(?:\.\s*(\d+))?\s*(?:\.\s*0+)?\s*$")
# 版次/修改状态 `A/0`, `B/2`: the letter is the edition (A the first), the number the amendments since.
LETTER_VERSION = re.compile(r"^([A-T])\s*版?\s*(?:[/／]\s*(\d{1,2}))?$")   # not V: that is V1.0's
CJK = r"\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
SPACE_NEAR_CJK = re.compile(rf"(?<=[{CJK}])\s+|\s+(?=[{CJK}])")


def iso_date(text: str | None) -> str | None:
    """The ISO date in a legacy date text, or None when there is none or it is impossible."""
    if not text:
        return None
    m = DATE_RE.search(text)
    return legacy_to_iso(f"{m.group(1)}.{m.group(2)}.{m.group(3)}") if m else None


def version(text: str | None) -> str | None:
    if not text:
        return None
    m = VERSION_RE.match(text.strip())
    if not m:
        return None
    return f"{int(m.group(1))}.{int(m.group(2) or 0)}"


def letter_version(text: str | None) -> str | None:
    """The MAJOR.MINOR of a letter/number version: A/0 → 1.0, A/1 → 1.1, B/2 → 2.2, C → 3.0 (the order
    is kept: A/3 < B/0 as 1.3 < 2.0). None if it is not one."""
    m = LETTER_VERSION.match((text or "").strip().upper())
    return f"{ord(m.group(1)) - ord('A') + 1}.{int(m.group(2) or 0)}" if m else None


def label(text: str) -> str:
    """A cover label without stray spaces and colon: `批 准 人：` → 批准人."""
    return re.sub(r"\s+", "", text).rstrip(":：")


def squeeze(text: str) -> str:
    """Collapse whitespace; drop spaces next to CJK characters (`2022年 运维` → `2022年运维`)."""
    return SPACE_NEAR_CJK.sub("", re.sub(r"\s+", " ", text)).strip()


def name(text: str | None) -> str | None:
    value = re.sub(r"\s+", "", text or "")
    return value or None
