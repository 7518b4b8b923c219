"""The digest of approved content: what an approver's signature is bound to.

Content = the normalized body plus every front-matter field except the lifecycle record (status,
signatures and their dates, effective and review dates, successor, history). Changing a title,
a reference, a related id or one character of the text changes the digest; approving, releasing
or scheduling the next review does not.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from typing import Any

from docctl.model import Document

PREFIX = "sha256:"
LIFECYCLE_FIELDS = frozenset(
    {
        "status",
        "author",
        "prepared",
        "reviewer",
        "reviewed",
        "approver",
        "approved",
        "effective",
        "next_review",
        "superseded_by",
        "withdrawn",
        "withdrawn_by",
        "withdrawn_reason",
        "history",
    }
)


def normalize_body(body: str) -> str:
    """NFC, LF line ends, no trailing spaces, no leading or trailing blank lines."""
    text = unicodedata.normalize("NFC", body.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


def controlled_fields(meta: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in meta.items() if k not in LIFECYCLE_FIELDS}


def content_digest(meta: dict[str, Any], body: str) -> str:
    fields = json.dumps(
        controlled_fields(meta), ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str
    )
    payload = fields + "\n\n" + normalize_body(body)
    return PREFIX + hashlib.sha256(payload.encode("utf-8")).hexdigest()


def document_digest(doc: Document) -> str:
    return content_digest(doc.meta, doc.body)
