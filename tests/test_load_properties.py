"""Property-based tests: no front matter, however broken, crashes the loader or the check.

Every outcome of `load_text` is a Document or findings, and `check_loaded` turns whatever was loaded
into findings with a real position and a catalogued rule: never an exception.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CASES, make_repo
from docctl.catalog import CATALOG
from docctl.check import check_loaded, check_repository
from docctl.config import Config, load_config
from docctl.findings import Finding
from docctl.load import load_text
from docctl.model import DOCUMENT, RECORD, Document, Repository
from docctl.yamlsafe import _Loader

REL = "policies/YNTD-ITSS-0001.md"
PROFILE = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VALID = (CASES / "valid" / "minimal" / "policies" / "YNTD-ITSS-0001.md").read_text(encoding="utf-8")

FIELDS = ["id", "title", "type", "org", "department", "version", "status", "author", "prepared", "reviewer",
          "reviewed", "approver", "approved", "effective", "review_cycle", "next_review", "supersedes",
          "superseded_by", "references", "related", "history", "change", "date", "aprover", "clauses"]
FRAGMENTS = [
    "id", "title", "version", "history", "status", "related", ":", ": ", "：", "\t", "  ", "    ", "- ", "-",
    "&a ", "*a", "<<: *a", "!!python/object/apply:os.system ['true']", "!!binary aGk=", "!x", "!!set",
    "{", "}", "[", "]", ",", "'", '"', "#", "|", ">", "? ", "...", "---", "%YAML 1.1", "%TAG ! !foo",
    "1.10", "1.1", "2025.1.7", "2025-02-30", "2025-01-07", "0x1F", "1e3", ".nan", "-.inf", "~", "null",
    "NO", "yes", "on", "P1Y", "YNTD-ITSS-0001", "运维服务", "吴杰", "\u3000", "\ufeff", "\r\n", "\r", "\n",
    "\x00", "\x1b", "\u2028", "\ud7ff", "😀",
]


@pytest.fixture(scope="module")
def config(tmp_path_factory: pytest.TempPathFactory) -> Config:
    return load_config(make_repo(tmp_path_factory.mktemp("repo")))


def assert_sound(findings: list[Finding]) -> None:
    for f in findings:
        assert f.rule in CATALOG, f
        assert f.line >= 1 and f.col >= 1, f
        assert f.message, f


def load_and_check(text: str, config: Config, kind: str = DOCUMENT) -> None:
    rel = REL if kind == DOCUMENT else "records/audit/2025/IA-2025-001.md"
    doc, findings = load_text(text, rel, kind, "zh")
    assert_sound(findings)
    repo = Repository(config)
    repo.findings.extend(findings)
    if doc is not None:
        assert isinstance(doc.meta, dict)
        (repo.documents if kind == DOCUMENT else repo.records).append(doc)
    else:
        assert findings, "a file that does not load must say why"
    assert_sound(check_loaded(repo).findings)


def front(body: str) -> str:
    return f"---\n{body}\n---\n# 正文\n"


yaml_ish = st.lists(st.sampled_from(FRAGMENTS) | st.sampled_from(FIELDS) | st.text(max_size=6),
                    max_size=60).map("".join)


@PROFILE
@given(yaml_ish)
def test_yaml_ish_front_matter_never_crashes(config: Config, body: str) -> None:
    load_and_check(front(body), config)


@PROFILE
@given(st.text(max_size=400))
def test_any_text_never_crashes(config: Config, text: str) -> None:
    load_and_check(text, config)
    load_and_check(front(text), config)


@PROFILE
@given(st.text(max_size=200), st.sampled_from(["\ufeff", ""]), st.booleans())
def test_any_text_as_a_record_never_crashes(config: Config, text: str, bom: str, crlf: bool) -> None:
    body = front(text)
    load_and_check(bom + (body.replace("\n", "\r\n") if crlf else body), config, RECORD)


odd_scalars = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
               | st.text(max_size=20) | st.dates().map(dt.date.isoformat) | st.dates()
               | st.datetimes() | st.binary(max_size=8) | st.sampled_from([math.inf, -0.0, 1.10, "1.10"]))
odd_values = st.recursive(odd_scalars,
                          lambda inner: st.lists(inner, max_size=4)
                          | st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=5), inner, max_size=4),
                          max_leaves=20)


@PROFILE
@given(st.dictionaries(st.sampled_from(FIELDS), odd_values, max_size=len(FIELDS)),
       st.sampled_from([yaml.safe_dump, yaml.dump]), st.booleans())
def test_dumped_mappings_with_odd_values_never_crash(config: Config, data: dict[str, object],
                                                     dump: object, flow: bool) -> None:
    assert callable(dump)
    text = dump(data, allow_unicode=True, default_flow_style=flow, sort_keys=False)
    load_and_check(front(text.rstrip("\n")), config)


@PROFILE
@given(st.data())
def test_mutations_of_a_valid_document_never_crash(config: Config, data: st.DataObject) -> None:
    """Insert a fragment, or delete a span, anywhere in a valid document."""
    text = VALID
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        if data.draw(st.booleans()):
            text = text[:at] + data.draw(st.sampled_from(FRAGMENTS)) + text[at:]
        else:
            text = text[:at] + text[at + data.draw(st.integers(1, 40)):]
    load_and_check(text, config)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=300), st.sampled_from([b"", b"---\n", b"\xef\xbb\xbf---\r\n"]))
def test_any_bytes_on_disk_never_crash(tmp_path_factory: pytest.TempPathFactory, raw: bytes,
                                       prefix: bytes) -> None:
    repo = make_repo(tmp_path_factory.mktemp("bytes"))
    path = repo / REL
    path.parent.mkdir(parents=True)
    path.write_bytes(prefix + raw)
    result = check_repository(load_config(repo))
    assert_sound(result.findings)
    assert result.files == 1


@PROFILE
@given(st.sampled_from(FRAGMENTS) | st.text(alphabet="0123456789.-+:eExXoObBtTyYnN_~ ", max_size=12) | st.text(),
       st.booleans())
def test_tags_are_resolved_as_pyyaml_resolves_them_first_time_and_again(value: str, plain: bool) -> None:
    implicit = (plain, not plain)
    expected = yaml.resolver.Resolver().resolve(yaml.ScalarNode, value, implicit)
    assert _Loader.resolve(None, yaml.ScalarNode, value, implicit) == expected
    assert _Loader.resolve(None, yaml.ScalarNode, value, implicit) == expected  # from the memo


def assert_outline_agrees(text: str) -> None:
    """The outline recorded while loading places top-level findings exactly where a full parse does."""
    doc, _ = load_text(text, REL, DOCUMENT, "zh")
    if doc is None:
        return
    assert doc.outline is not None and list(doc.outline.names) == list(doc.meta)
    full = Document(doc.path, doc.kind, doc.meta, doc.body, doc.body_line, doc.front_line, doc.front)
    for key in [*doc.meta, "no-such-key", 0]:
        assert doc.where(key) == full.where(key), key
        assert doc.where_key(key) == full.where_key(key), key


@PROFILE
@given(yaml_ish)
def test_outline_agrees_with_a_full_parse(body: str) -> None:
    assert_outline_agrees(front(body))


@PROFILE
@given(st.dictionaries(st.sampled_from(FIELDS), odd_values, max_size=len(FIELDS)), st.booleans())
def test_outline_agrees_on_dumped_mappings(data: dict[str, object], flow: bool) -> None:
    text = yaml.dump(data, allow_unicode=True, default_flow_style=flow, sort_keys=False)
    assert_outline_agrees(front(text.rstrip("\n")))


@pytest.mark.parametrize("body", [
    "id: a\nid: b\ntitle: x", "a: &x [1]\nb: *x\nc: 1", "{id: a, title: b}", "# note\n\n  id: a\n  title: b",
    "? id\n: a\n1: b\n[x]: c\ntitle:\n  - t", "<<: {a: 1}\nid: x", "id: !!python/object:os.system x\ntitle: y",
])
def test_outline_agrees_on_awkward_front_matter(body: str) -> None:
    assert_outline_agrees(front(body))


def test_the_valid_document_loads_clean(config: Config) -> None:
    doc, findings = load_text(VALID, REL, DOCUMENT, "zh")
    assert doc is not None and findings == []
    assert Path(REL).stem == doc.id


durations = st.builds(lambda y, m, d: "P" + (f"{y}Y" if y else "") + (f"{m}M" if m else "") + f"{d}D",
                      st.integers(0, 10**12), st.integers(0, 10**6), st.integers(0, 10**9))


@PROFILE
@given(durations, st.dates(min_value=dt.date(1, 1, 1)), st.sampled_from(["approved", "effective", "prepared"]))
def test_any_review_cycle_from_any_date_never_crashes(config: Config, cycle: str, day: dt.date,
                                                      field: str) -> None:
    """Date arithmetic on review cycles and retention periods stays inside the calendar."""
    text = VALID.replace("review_cycle: P1Y", f"review_cycle: {cycle}").replace(
        f"{field}: 2026-01-0", f"{field}: {day.isoformat()}\nx_{field}: 2026-01-0", 1)
    load_and_check(text, config)
