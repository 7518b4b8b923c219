"""Decide the front matter of an imported document from what its parts say, naming every contradiction
as a finding with the places of both values."""

from __future__ import annotations

import re
from typing import Any

from docctl.catalog import make_finding
from docctl.docx import places
from docctl.docx.coverread import ID_IN_TITLE
from docctl.docx.normalize import iso_date, letter_version, squeeze, version
from docctl.docx.places import Place
from docctl.docx.properties import CUSTOM_PREFIX, ROW_KEYS, WRITTEN_KEYS, parse_custom
from docctl.findings import Finding
from docctl.messages_docx import default_reason, field_name

ID_RE = re.compile(r"\b([A-Z][A-Z0-9]*(?:-[A-Z0-9]+){1,4})\b")
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MAJOR_MINOR = re.compile(r"^\d+\.\d+$")
SIGNED = (("author", "author"), ("prepared", "date"), ("reviewer", "reviewer"), ("reviewed", "reviewed"),
          ("approver", "approver"), ("approved", "approved"))
DATE_KEYS = ("date", "prepared", "reviewed", "approved", "effective")
TYPE_WORDS = (("计划", "plan"), ("程序", "procedure"), ("流程", "procedure"), ("表", "form"),
              ("制度", "policy"), ("办法", "policy"), ("规定", "policy"), ("方针", "policy"))


class Decision:
    """The front matter chosen from one file's parts, and the findings on what could not be decided."""

    def __init__(self, found: dict[str, Any], source: str, lang: str) -> None:
        self.found, self.source, self.lang = found, source, lang
        self.cover: dict[str, str] = found["cover"]
        self.at: dict[str, Place] = found["places"]
        self.custom = {k.removeprefix(CUSTOM_PREFIX): parse_custom(v) for k, v in found["custom"].items()
                       if k.startswith(CUSTOM_PREFIX)}
        self.core: dict[str, str] = found["core"]
        self.rows: list[dict[str, Any]] = found["history"]
        self.findings: list[Finding] = []
        self.versions: dict[str, str] = {}   # each version as written → as imported, reported once
        self.defaulted: list[tuple[str, Any]] = []   # the defaults applied, said after the other findings

    def warn(self, rule: str, place: Place, **args: Any) -> None:
        line, col = places.position(place)
        args = {k: places.describe(v, self.lang) if k.endswith("at") and isinstance(v, dict) else v
                for k, v in args.items()}
        self.findings.append(make_finding(self.lang, self.source, line, col, rule, **args))

    def field(self, key: str) -> str:
        return field_name(key, self.lang)

    def where(self, key: str) -> Place:
        return self.at.get(key, places.WHOLE)

    def meta(self) -> dict[str, Any]:
        for key, first, first_at, other, other_at in self.found["conflicts"]:
            self.warn("import-cover-conflict", first_at, field=self.field(key), first=first, first_at=first_at,
                      other=other, other_at=other_at)
        for label, value, at in self.found.get("unknown_dates", []):
            self.warn("import-cover-date-unknown", at, label=label, value=value, at=at)
        for note in self.found["revision_notes"]:
            self.warn(note["rule"], note["place"], header=note["header"], at=note["place"])
        for note in self.found.get("body_notes", []):
            self.warn(note["rule"], note["place"], text=note["text"], previous=note["previous"], at=note["place"])
        last = self.rows[-1] if self.rows else {"_at": {}}
        meta: dict[str, Any] = {"id": self._doc_id(), "title": self._title()}
        meta["type"] = self.custom.get("type") or self._guess_type(str(meta["title"]))
        meta["org"] = self._org()
        if self.cover.get("department") or self.custom.get("department"):
            meta["department"] = self.cover.get("department") or self.custom.get("department")
        meta["version"] = self._version(last)
        meta["status"] = self._status(last)
        for key, row_key in SIGNED:
            meta[key] = self._signed(key, row_key, last)
        self._unnamed(meta)
        meta["effective"] = self._date("effective", self.cover.get("effective")) or (
            self.custom["effective"] if "effective" in self.custom else self._default("effective",
                                                                                    meta["approved"]))
        self._rest(meta)
        meta["history"] = [self._row(r) for r in self.rows] or self._history_from_cover(meta)
        meta |= {key: self.custom[key] for key in ("controls", "indicators") if key in self.custom}
        self._row_extras(meta["history"])
        self._say_defaults()
        return self._without_absent(meta)

    def _status(self, last: dict[str, Any]) -> str:
        given = self.cover.get("status") or self.custom.get("status") or self.core.get("contentStatus")
        if given:
            return str(given)
        approved = bool(self.cover.get("approved") or last.get("approved"))
        return str(self._default("status", "effective" if approved else "draft"))

    def _default(self, key: str, value: Any) -> Any:
        """A value the source does not give, said (import-defaulted) unless docctl's own export left the
        key out on purpose (docctl.absent: import leaves it out again)."""
        absent = self.custom.get("absent")
        if value is None or isinstance(absent, dict) and key in absent.get("keys", []):
            return value
        self.defaulted.append((key, value))
        return value

    def _say_defaults(self) -> None:
        for key, value in self.defaulted:
            self.warn("import-defaulted", places.WHOLE, field=self.field(key), key=key, value=value,
                      why=default_reason(key, str(value), self.lang))

    def _unnamed(self, meta: dict[str, Any]) -> None:
        """A signer label on the cover with no name in it, when nothing else names that signer."""
        absent = self.custom.get("absent")
        left_out = absent.get("keys", []) if isinstance(absent, dict) else []
        for role, label, value, at in self.found.get("unnamed", []):
            if meta.get(role) is None and role not in left_out:
                zh = self.lang != "en"
                shown = (f"内容为 {value}" if zh else f"it holds {value}") if value else (
                    "栏内为空" if zh else "it is blank")
                self.warn("import-signer-unnamed", at, label=label, at=at, value=shown, field=self.field(role))

    def _row_extras(self, rows: list[dict[str, Any]]) -> None:
        """docctl's own export carries what rows hold beyond the table (docctl.history_extra): put it
        back while the table has the rows the export wrote."""
        extras = self.custom.get("history_extra")
        if isinstance(extras, list) and len(extras) == len(rows):
            for row, extra in zip(rows, extras, strict=True):
                if isinstance(extra, dict):
                    row.update({k: v for k, v in extra.items() if k not in row})

    def _without_absent(self, meta: dict[str, Any]) -> dict[str, Any]:
        """docctl's own export names the keys its source left out (docctl.absent): leave them out again
        (a history row's only while the table has the rows the export wrote)."""
        absent = self.custom.get("absent")
        if not isinstance(absent, dict):
            return meta
        for key in absent.get("keys", []):
            if key in WRITTEN_KEYS:
                meta.pop(key, None)
        rows = absent.get("history", [])
        if isinstance(rows, list) and len(rows) == len(meta["history"]):
            for row, keys in zip(meta["history"], rows, strict=True):
                for key in keys if isinstance(keys, list) else []:
                    if key in ROW_KEYS and key not in ("version", "change"):
                        row.pop(key, None)
        return meta

    def _rest(self, meta: dict[str, Any]) -> None:
        meta["review_cycle"] = (self.cover.get("review_cycle") or self.custom.get("review_cycle")
                                or self._default("review_cycle", "P1Y"))
        if "next_review" in self.custom:
            meta["next_review"] = self.custom["next_review"]
        meta["supersedes"] = self.custom.get("supersedes", [])
        meta["superseded_by"] = self.custom.get("superseded_by")
        meta["references"] = self.custom.get("references", [])
        meta["related"] = self.custom.get("related", [])

    def _row(self, raw: dict[str, Any]) -> dict[str, Any]:
        row = {k: raw.get(k) for k in ROW_KEYS}
        row["version"] = self._version_text(row["version"], raw["_at"].get("version", places.WHOLE))
        for key in ("date", "reviewed", "approved"):
            if row[key] and key in raw["_at"] and (key != "approved" or raw["_at"][key] != raw["_at"].get("date")):
                self._date(key, row[key], raw["_at"][key])
        row["change"] = row["change"] or "未载明"
        return row

    def _doc_id(self) -> str:
        header_ids = [m.group(1) for h in self.found["headers"] for m in ID_RE.finditer(h)]
        candidates = [(self.where("id"), self.cover.get("id")), (places.CORE, self.core.get("identifier")),
                      (places.HEADER, header_ids[0] if header_ids else None)]
        present = [(where, v) for where, v in candidates if v]
        stem = self.found["stem"]
        if not present:
            self.warn("import-id-missing", places.WHOLE, stem=stem)
            return str(stem)
        where, chosen = present[0]
        for other_where, value in present[1:]:
            if value != chosen:
                self.warn("import-id-mismatch", where, where=places.describe(where, self.lang), chosen=chosen,
                          other_where=places.describe(other_where, self.lang), other=value)
        return str(chosen)

    def _title(self) -> str:
        if self.cover.get("title"):
            self._against_core("title", self.core.get("title"))
            return self.cover["title"]
        self.at["title"] = places.CORE if self.core.get("title") else places.FILE_NAME
        if not self.core.get("title"):
            self.warn("import-title-missing", places.WHOLE, fallback=self.found["stem"])
        return self.core.get("title") or str(self.found["stem"])

    def _against_core(self, key: str, in_core: str | None) -> None:
        """The cover (or the first page) wins over the document properties, which templates leave stale;
        a difference is said."""
        chosen = self.cover[key]
        if in_core and squeeze(ID_IN_TITLE.sub("", in_core)) != squeeze(chosen):
            self.warn("import-core-mismatch", self.where(key), field=self.field(key), chosen=chosen,
                      where=places.describe(self.where(key), self.lang), core=in_core)

    def _org(self) -> str:
        if self.cover.get("org"):
            self._against_core("org", self.core.get("subject"))
        org = self.cover.get("org") or self.core.get("subject")
        if not org:
            self.warn("import-org-missing", places.WHOLE)
        return org or "（未载明）"

    def _guess_type(self, title: str) -> str:
        for word, kind in TYPE_WORDS:
            if word in title:
                return kind
        self.warn("import-type-guessed", self.where("title"), title=title, at=self.where("title"))
        return "policy"

    def _version(self, last: dict[str, Any]) -> str:
        on_cover = self._version_text(self.cover.get("version"), self.where("version"))
        in_table = self._version_text(last.get("version"), last["_at"].get("version", places.WHOLE))
        if on_cover and in_table and on_cover != in_table:
            self.warn("import-version-mismatch", self.where("version"), cover=on_cover,
                      cover_at=self.where("version"), table=in_table, table_at=last["_at"]["version"])
        chosen = on_cover or in_table or self._version_text(
            version(self.core.get("version")) or self.core.get("version"), places.CORE) or ""
        if not chosen:
            self.warn("import-version-missing", places.WHOLE)
        return chosen or "1.0"

    def _version_text(self, written: str | None, at: Place) -> str | None:
        """MAJOR.MINOR as check wants it: a letter/number version (A/1) is converted and said; anything
        else is kept as written and said (check then rejects it until someone decides)."""
        if not written or MAJOR_MINOR.match(written):
            return written
        if written not in self.versions:
            mapped = letter_version(written)
            if mapped:
                self.warn("import-version-mapped", at, value=written, version=mapped, at=at)
            else:
                self.warn("import-version-unreadable", at, value=written, at=at)
            self.versions[written] = mapped or written
        return self.versions[written]

    def _signed(self, key: str, row_key: str, last: dict[str, Any]) -> Any:
        on_cover, in_table = self.cover.get(key), last.get(row_key)
        if on_cover and in_table and on_cover != in_table:
            self.warn("import-signatory-mismatch", self.where(key), field=self.field(key), cover=on_cover,
                      cover_at=self.where(key), table=in_table, table_at=last["_at"][row_key])
        if key in DATE_KEYS:
            return self._date(key, on_cover) if on_cover else in_table
        return on_cover or in_table

    def _date(self, key: str, value: str | None, at: Place | None = None) -> str | None:
        """The ISO date of a cover value (or a table cell at `at`); a finding if it is not one."""
        if not value:
            return None
        chosen = iso_date(value) or value
        if not ISO.match(chosen):
            place = at or self.where(key)
            self.warn("import-date-unreadable", place, field=self.field(key), value=value, at=place)
        return chosen

    def _history_from_cover(self, meta: dict[str, Any]) -> list[dict[str, Any]]:
        table_at = self.found["revision_table_at"]
        if table_at:
            self.warn("import-history-empty", table_at, at=table_at)
        else:
            self.warn("import-history-missing", places.WHOLE)
        return [{"version": meta["version"], "author": meta["author"], "date": meta["prepared"],
                 "reviewer": meta["reviewer"], "reviewed": meta["reviewed"], "approver": meta["approver"],
                 "approved": meta["approved"], "change": "首次发布"}]


def decide(found: dict[str, Any], source: str, lang: str) -> tuple[dict[str, Any], list[Finding]]:
    decision = Decision(found, source, lang)
    return decision.meta(), decision.findings
