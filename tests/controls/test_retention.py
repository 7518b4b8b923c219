"""retention: a policy's minimum keeping period against docctl.yml's record_types (and a record's own)."""

from __future__ import annotations

from docctl.check import check_loaded
from docctl.config import load_config
from docctl.load import load_repository
from recordkit import TODAY, build, policy, reasons, record

RETAINED = {"id": "KEPT-3Y", "clause": "2.2", "title": "改进相关记录保存期限不少于3年", "kind": "retention",
            "records": ["improvement", "capa"], "at_least": "P3Y"}
CAPA_LINE = "  capa: {label: 纠正与预防措施报告, retention: P3Y, prefix: CA}"


def repo_with(tmp_path, controls, records=(), capa_retention="P3Y"):
    root = tmp_path / "repo"
    build(root, [("policies/YNTD-ITSS-0001.md", policy(controls)), *records])
    config = root / "docctl.yml"
    text = config.read_text(encoding="utf-8")
    assert CAPA_LINE in text
    config.write_text(text.replace(CAPA_LINE, CAPA_LINE.replace("P3Y", capa_retention)), encoding="utf-8")
    return load_repository(load_config(root, today=TODAY)), text.splitlines().index(CAPA_LINE) + 1


def errors(repo):
    return [(f"{f.path}:{f.line}:{f.col}", f.rule, f.message, f.hint) for f in check_loaded(repo).findings
            if f.severity.value == "error"]


def comply_result(repo):
    from docctl.controls.evaluate import comply
    from docctl.periods import parse_period

    (result,) = comply(repo, parse_period("2025")).results
    return result


def test_a_type_kept_long_enough_passes_check_and_comply(tmp_path):
    repo, _ = repo_with(tmp_path, [RETAINED])
    assert errors(repo) == []
    assert comply_result(repo).status == "pass"


def test_a_shorter_retention_in_docctl_yml_is_an_error_at_its_line(tmp_path):
    repo, line = repo_with(tmp_path, [RETAINED], capa_retention="P1Y")
    assert errors(repo) == [(
        f"docctl.yml:{line}:39", "control-retention-short",
        "记录类型 capa 的保存期限 P1Y 少于 YNTD-ITSS-0001 §2.2 控制项 KEPT-3Y 要求的 P3Y",
        "把 record_types.capa.retention 改为至少 P3Y")]
    result = comply_result(repo)
    assert result.status == "fail"
    assert reasons(result) == ["记录类型 capa 的保存期限为 P1Y（docctl.yml），少于要求的 P3Y"]
    assert reasons(result, "en") == ["record type capa is kept P1Y (docctl.yml), less than the required P3Y"]


def test_months_and_days_count_too(tmp_path):
    repo, _ = repo_with(tmp_path, [RETAINED], capa_retention="P35M")
    assert [e[1] for e in errors(repo)] == ["control-retention-short"]
    repo, _ = repo_with(tmp_path / "b", [RETAINED], capa_retention="P36M")
    assert errors(repo) == []


def test_a_records_own_shorter_retention_is_an_error_at_that_record(tmp_path):
    rec = record("capa", "CA-2025-001", "2025-03-03", retention="P2Y")
    repo, _ = repo_with(tmp_path, [RETAINED], [rec])
    assert errors(repo) == [(
        "records/capa/2025/CA-2025-001.md:8:12", "record-retention-short",
        "记录的保存期限 P2Y 少于 YNTD-ITSS-0001 §2.2 控制项 KEPT-3Y 要求的 P3Y",
        "把 retention 改为至少 P3Y，或删除它（按 docctl.yml 中该类型的期限保存）")]
    result = comply_result(repo)
    assert reasons(result) == ["CA-2025-001: 记录自身的保存期限为 P2Y，少于要求的 P3Y"]


def test_the_control_is_validated_by_the_schema_and_its_record_types_must_exist(tmp_path):
    bad = {**RETAINED, "records": ["improvment"]}
    no_minimum = {k: v for k, v in RETAINED.items() if k != "at_least"} | {"id": "NO-MIN"}
    repo, _ = repo_with(tmp_path, [bad, no_minimum, {**RETAINED, "id": "BAD-P", "at_least": "3 years"}])
    found = [(rule, message) for _, rule, message, _ in errors(repo)]
    assert ("control-record-unknown", "控制项 KEPT-3Y 引用的记录类型“improvment”没有模式") in found
    assert any(rule == "schema-required" and "at_least" in message for rule, message in found)
    assert ("duration-invalid", "“controls[2].at_least”的值“3 years”不是 ISO 8601 时长") in found
