"""condition: every record the control looks at satisfies a CEL `require` over `r` and the `policy`."""

from __future__ import annotations

from docctl.check import check_loaded
from recordkit import build, evaluate, evidence, policy, reasons, record

APPROVED_FIRST = {"id": "IA-APPROVED", "clause": "2.1", "title": "内审计划审核前经总经理批准", "kind": "condition",
                  "record": "internal-audit",
                  "require": "has(r.plan) && has(r.plan.approved) && has(r.plan.approved_by) && "
                             "r.plan.approved_by == policy.approver && string(r.plan.approved) < string(r.date)"}
FINDINGS_CAPA = {"id": "IA-CAPA", "clause": "2.1", "title": "每个不合格项都有 CAPA", "kind": "condition",
                 "record": "internal-audit",
                 "require": '!has(r.findings) || r.findings.all(f, has(f.capa) && type(f.capa) == string '
                            '&& f.capa != "")'}
EFFECTIVE = {"id": "CAPA-EFFECTIVE", "clause": "2.2", "title": "验证无效不得关闭", "kind": "condition",
             "record": "capa", "where": 'r.status == "closed"',
             "require": "has(r.verification) && has(r.verification.effective) && r.verification.effective == true"}


def audit(record_id, day, approved_by, approved, findings=None):
    extra = {"findings": findings} if findings is not None else {}
    return record("internal-audit", record_id, day, plan={"approved_by": approved_by, "approved": approved}, **extra)


def test_a_plan_approved_by_the_policy_approver_before_the_audit_passes(tmp_path):
    result = evaluate(tmp_path, [APPROVED_FIRST], [audit("IA-2025-001", "2025-10-14", "陆涛", "2025-09-25")])
    assert (result.status, evidence(result), reasons(result)) == ("pass", ["IA-2025-001"], [])


def test_a_plan_approved_late_or_by_someone_else_fails(tmp_path):
    late = audit("IA-2025-001", "2025-10-14", "陆涛", "2025-10-15")
    other = audit("IA-2025-002", "2025-10-20", "吴杰", "2025-09-25")
    result = evaluate(tmp_path, [APPROVED_FIRST], [late, other])
    assert result.status == "fail"
    assert reasons(result) == [f"{i}: 内审计划审核前经总经理批准：不满足（要求：{APPROVED_FIRST['require']}）"
                               for i in ("IA-2025-001", "IA-2025-002")]
    assert reasons(result, "en")[0] == (f"IA-2025-001: 内审计划审核前经总经理批准: not met "
                                        f"(requires {APPROVED_FIRST['require']})")


def test_every_finding_needs_a_capa(tmp_path):
    good = audit("IA-2025-001", "2025-10-14", "陆涛", "2025-09-25", [{"description": "a", "capa": "CA-2025-001"}])
    bad = audit("IA-2025-002", "2025-10-20", "陆涛", "2025-09-25", [{"description": "a", "capa": "CA-2025-001"},
                                                                    {"description": "b", "capa": None}])
    none = audit("IA-2025-003", "2025-10-21", "陆涛", "2025-09-25")
    result = evaluate(tmp_path, [FINDINGS_CAPA], [good, bad, none])
    assert reasons(result) == [f"IA-2025-002: 每个不合格项都有 CAPA：不满足（要求：{FINDINGS_CAPA['require']}）"]
    assert evidence(result) == ["IA-2025-001", "IA-2025-002", "IA-2025-003"]


def test_a_closed_capa_verified_not_effective_fails_and_open_ones_are_not_looked_at(tmp_path):
    def capa(record_id, status, effective, **more):
        return record("capa", record_id, "2025-10-20", status=status, verification={"by": "郑凯",
                                                                                    "effective": effective}, **more)

    result = evaluate(tmp_path, [EFFECTIVE], [capa("CA-2025-001", "closed", True, closed="2025-11-01"),
                                              capa("CA-2025-002", "closed", False, closed="2025-11-01"),
                                              capa("CA-2025-003", "in-progress", False)])
    assert reasons(result) == [f"CA-2025-002: 验证无效不得关闭：不满足（要求：{EFFECTIVE['require']}）"]
    assert reasons(result, "en") == [f"CA-2025-002: 验证无效不得关闭: not met (requires {EFFECTIVE['require']})"]
    assert evidence(result) == ["CA-2025-001", "CA-2025-002"]


def test_an_expression_failing_on_a_record_cannot_be_evaluated(tmp_path):
    control = {**EFFECTIVE, "where": "true", "require": "r.verification.effective == true"}
    result = evaluate(tmp_path, [control], [record("capa", "CA-2025-001", "2025-10-20")])
    assert result.status == "error"
    assert reasons(result) == ["CA-2025-001: 无法评估：记录没有字段 verification"
                               "（先用 has() 判断是否填写）"]


def test_runtime_errors_of_an_expression_are_told_in_the_report_language(tmp_path):
    """The library's own text is kept only as a quoted detail at the end."""
    cases = {
        'r.id + 1 == 2': ("类型不匹配：CEL 不自动转换类型，请用 int()、double()、string() 显式转换"
                          "（CEL：“Unsupported operation: string + int.”）",
                          "type mismatch: CEL does not convert between types; convert with int(), double() or "
                          "string() (CEL: \"Unsupported operation: string + int.\")"),
        "r.id": ("表达式的结果是字符串，不是布尔值（true/false）",
                 "the expression gives a string, not a boolean (true/false)"),
        "size(r.id) / 0 == 1": ("除数为零（CEL：“division by zero in CEL expression”）",
                                "division by zero (CEL: \"division by zero in CEL expression\")"),
        "foo(r.id)": ("未定义的变量或函数 foo", "undefined variable or function foo"),
    }
    for require, (zh, en) in cases.items():
        control = {**EFFECTIVE, "where": "true", "require": require}
        result = evaluate(tmp_path / str(abs(hash(require))), [control],
                          [record("capa", "CA-2025-001", "2025-10-20")])
        assert reasons(result) == [f"CA-2025-001: 无法评估：{zh}"], require
        assert reasons(result, "en") == [f"CA-2025-001: cannot be evaluated: {en}"], require


def test_check_validates_require_its_fields_and_the_policy_fields_it_reads(tmp_path):
    controls = [{k: v for k, v in EFFECTIVE.items() if k != "require"},
                {**EFFECTIVE, "id": "C-2", "require": "r.verificaton.effective == true"},
                {**EFFECTIVE, "id": "C-3", "require": "r.owner == policy.approvr"},
                {**EFFECTIVE, "id": "C-4", "require": "r.owner == "}]
    repo = build(tmp_path, {"policies/YNTD-ITSS-0001.md": policy(controls)})
    found = [f"{f.rule}: {f.message}" for f in check_loaded(repo).findings if f.severity.value == "error"]
    assert found[:3] == [
        "schema-required: 缺少必填字段“require”",
        "control-expression-field: 控制项 C-2 的表达式 r.verificaton.effective == true 读取的字段“verificaton”"
        "不是记录类型 capa 的字段",
        "control-policy-field: 控制项 C-3 的表达式 r.owner == policy.approvr 读取的 policy.approvr 不是文件的字段"]
    assert found[3].startswith("control-expression: 控制项 C-4 的 CEL 表达式无法编译：") and len(found) == 4
