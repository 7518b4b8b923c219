"""Controls are checked by `docctl check`: schema, clause, record type, fields and CEL syntax."""

from __future__ import annotations

from docctl.check import check_loaded
from recordkit import build, policy

GOOD = {"id": "IA-OCT", "clause": "2.1", "title": "每年10月内审", "kind": "occurrence",
        "record": "internal-audit", "min": 1, "per": "year", "month": 10}


def messages(tmp_path, controls):
    repo = build(tmp_path, {"policies/YNTD-ITSS-0001.md": policy(controls)})
    return [f"{f.line}:{f.col} {f.rule}: {f.message}" for f in check_loaded(repo).findings
            if f.severity.value == "error"]


def test_a_well_formed_control_passes_check(tmp_path):
    assert messages(tmp_path, [GOOD]) == []


def test_faults_in_controls_are_reported_at_their_line(tmp_path):
    controls = [
        {**GOOD, "clause": "9.9"},
        {**GOOD, "id": "IA-2", "record": "audit"},
        {**GOOD, "id": "IA-3", "where": "r.status =="},
        {**GOOD, "id": "IA-4", "kind": "required-when", "when": "true", "fields": ["verification.by"]},
        {**GOOD, "id": "IA-OCT"},
    ]
    found = messages(tmp_path, controls)
    assert [m.split(": ", 1)[0] for m in found] == [
        "29:11 control-clause-unknown", "40:11 control-record-unknown", "52:21 control-expression",
        "63:5 control-field-unknown", "64:7 control-id-duplicate"]
    assert found[0].endswith("控制项 IA-OCT 引用的条款 9.9 在正文中不存在")
    assert found[2] == ("52:21 control-expression: 控制项 IA-3 的 CEL 表达式无法编译：表达式第 1 行第 12 列语法错误"
                        "（CEL：“mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true', "
                        "'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}”）")
    assert found[3].endswith("控制项 IA-4 的字段“verification.by”不是记录类型 internal-audit 的字段")


def test_a_control_missing_what_its_kind_needs_is_a_schema_fault(tmp_path):
    control = {k: v for k, v in GOOD.items() if k not in ("min", "per")}
    found = messages(tmp_path, [control])
    assert [m.split(": ", 1)[1] for m in found] == ["缺少必填字段“min”", "缺少必填字段“per”"]


def test_fields_an_expression_reads_must_exist_in_the_record_type(tmp_path):
    controls = [{**GOOD, "where": 'r.nosuchfield == "x" && r["plan"].scope != "" && has(r.report.date)'},
                {**GOOD, "id": "IA-2", "where": 'r.status == "closed" || r"r.x" == r.lead_auditor'}]
    assert messages(tmp_path, controls) == [
        "36:10 control-expression-field: 控制项 IA-OCT 的表达式 r.nosuchfield == \"x\" && r[\"plan\"].scope "
        "!= \"\" && has(r.report.date) 读取的字段“nosuchfield”不是记录类型 internal-audit 的字段"]


def test_field_references_skip_strings_and_other_variables():
    from docctl.controls.expr import field_references

    assert field_references('r.a.b == "r.q" && r["c"] > 1 && has(r.d) && x.r.e == 1') == ["a", "c", "d"]
    assert field_references("r'r.s' == r . k && r['a b'] == 1 && r.items.exists(i, i.x == 1)") == [
        "k", "a b", "items"]
    assert field_references('"""r.zz""" == "" && rr.y == 1') == []


def test_a_syntax_error_is_reported_at_its_column_in_a_quoted_expression(tmp_path):
    control = {**GOOD, "kind": "required-when", "when": "!has(r.summary) ||", "fields": ["summary"]}
    repo = build(tmp_path, {"policies/YNTD-ITSS-0001.md": policy([control])})
    (found,) = [f for f in check_loaded(repo).findings if f.rule == "control-expression"]
    line = (tmp_path / "policies/YNTD-ITSS-0001.md").read_text(encoding="utf-8").splitlines()[found.line - 1]
    assert line == "  when: '!has(r.summary) ||'"
    assert (found.col, line[found.col - 1:]) == (28, "'")  # after `||`: the end of the expression
    assert found.message.startswith("控制项 IA-OCT 的 CEL 表达式无法编译：表达式第 1 行第 19 列语法错误（CEL：“")
