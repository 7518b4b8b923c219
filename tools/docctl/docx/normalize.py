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


CYCLE = re.compile(r"^(?:每)?\s*([0-9]+|[一二两三四五六]|半)?\s*(年|个月|月)(?:一次|1次)?$")
CYCLE_NUMBERS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}


def cycle(text: str | None) -> str | None:
    """A review cycle as an ISO 8601 duration: `每年` / `1年` → P1Y, `两年` → P2Y, `半年` → P6M,
    `6个月` → P6M; None if it is not one."""
    m = CYCLE.match(re.sub(r"\s+", "", text or ""))
    if not m:
        return None
    count, unit = m.group(1) or "1", m.group(2)
    if count == "半":
        return "P6M" if unit == "年" else None
    n = int(count) if count.isdigit() else CYCLE_NUMBERS[count]
    return f"P{n}Y" if unit == "年" else f"P{n}M"
