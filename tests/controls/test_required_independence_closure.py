"""required-when, independence and closure, each with passing and failing records."""

from __future__ import annotations

from recordkit import evaluate, evidence, notes, reasons, record

CAPA_CLOSED = {"id": "CAPA-DONE", "clause": "2.2", "title": "关闭须有原因与验证", "kind": "required-when",
               "record": "capa", "when": 'r.status == "closed"',
               "fields": ["root_cause.cause", "verification.by", "verification.date"]}


def capa(rec_id: str, status: str = "closed", **fields):
    closed = {"closed": "2025-11-20"} if status == "closed" else {}
    return record("capa", rec_id, "2025-10-24", status=status, **closed, **fields)


def test_a_closed_capa_with_root_cause_and_verification_passes(tmp_path):
    rec = capa("CA-2025-001", root_cause={"method": "5Why", "cause": "流程缺节点"},
               verification={"by": "赵建中", "date": "2025-11-20", "effective": True})
    result = evaluate(tmp_path, [CAPA_CLOSED], [rec])
    assert (result.status, evidence(result)) == ("pass", ["CA-2025-001"])


def test_a_closed_capa_without_verification_fails_and_open_ones_are_not_judged(tmp_path):
    records = [capa("CA-2025-001", root_cause={"cause": "流程缺节点"}, verification={"by": None}),
               capa("CA-2025-002", status="in-progress")]
    result = evaluate(tmp_path, [CAPA_CLOSED], records)
    assert result.status == "fail"
    assert reasons(result) == [
        'CA-2025-001: 关闭须有原因与验证：未填写 验证人（verification.by）、验证日期（verification.date）'
        '（条件：r.status == "closed"）']
    assert reasons(result, "en") == [
        'CA-2025-001: 关闭须有原因与验证: not filled: verification.by, verification.date (when r.status == "closed")']
    assert evidence(result) == ["CA-2025-001"]


def test_a_condition_that_cannot_be_evaluated_is_an_error(tmp_path):
    control = {**CAPA_CLOSED, "when": 'r.verification.effective == true'}
    result = evaluate(tmp_path, [control], [capa("CA-2025-001")])
    assert result.status == "error"
    assert reasons(result) == ["CA-2025-001: 无法评估：记录没有字段 verification"
                               "（先用 has() 判断是否填写）"]
    assert reasons(result, "en") == ["CA-2025-001: cannot be evaluated: the record has no field verification "
                                     "(test for it with has() first)"]


AUDIT_INDEPENDENT = {"id": "IA-IND", "clause": "2.1", "title": "内审员不审本部门", "kind": "independence",
                     "record": "internal-audit", "each": "checklist", "left": "auditor", "right": "department",
                     "compare": "department"}


def audit(rows):
    return record("internal-audit", "IA-2025-001", "2025-10-14",
                  checklist=[{"department": d, "auditor": a, "item": "检查"} for d, a in rows])


def test_an_auditor_from_another_department_passes(tmp_path):
    result = evaluate(tmp_path, [AUDIT_INDEPENDENT], [audit([("运维部", "钱进"), ("质量部", "陆涛")])])
    assert (result.status, evidence(result)) == ("pass", ["IA-2025-001"])


def test_an_auditor_auditing_their_own_department_fails(tmp_path):
    result = evaluate(tmp_path, [AUDIT_INDEPENDENT], [audit([("运维部", "钱进"), ("质量部", "钱进")])])
    assert reasons(result) == ["IA-2025-001: checklist[1] auditor（钱进）与 department（质量部）重合：质量部"]
    assert reasons(result, "en") == [
        "IA-2025-001: checklist[1] auditor (钱进) and department (质量部) overlap: 质量部"]


def test_verifying_ones_own_action_fails(tmp_path):
    control = {"id": "VERIFY-IND", "clause": "2.2", "title": "验证人不是责任人", "kind": "independence",
               "record": "capa", "left": "verification.by", "right": "owner"}
    same = capa("CA-2025-001", owner="何静", verification={"by": "何静"})
    other = capa("CA-2025-002", owner="周敏", verification={"by": "郑凯"})
    result = evaluate(tmp_path, [control], [same, other])
    assert reasons(result) == ["CA-2025-001: verification.by（何静）与 owner（何静）重合：何静"]
    assert evidence(result) == ["CA-2025-001", "CA-2025-002"]


ACTIONS = {"id": "ACT", "clause": "2.2", "title": "措施按期完成", "kind": "closure", "record": "capa",
           "items": "actions", "due": "due", "done": "done"}


def action(due, done):
    return {"action": "整改", "owner": "周敏", "due": due, "done": done}


def test_actions_done_by_their_deadline_pass(tmp_path):
    result = evaluate(tmp_path, [ACTIONS], [capa("CA-2025-001", actions=[action("2025-11-14", "2025-11-12")])])
    assert (result.status, reasons(result)) == ("pass", [])


def test_actions_done_late_or_still_open_fail(tmp_path):
    rec = capa("CA-2025-001", status="in-progress",
               actions=[action("2025-11-14", "2025-12-01"), action("2025-11-30", None), action("2026-12-31", None)])
    result = evaluate(tmp_path, [ACTIONS], [rec])
    assert reasons(result) == ["CA-2025-001: actions[0] 整改：2025-11-14 到期，2025-12-01 才关闭",
                               "CA-2025-001: actions[1] 整改：2025-11-30 到期，逾期 357 天仍未关闭"]
    pending = evaluate(tmp_path / "b", [ACTIONS], [rec], period="2026")
    assert pending.status == "no-evidence"
    assert notes(pending) == ["CA-2025-001: actions[2] 整改：截止 2026-12-31，尚未到期"]


def test_a_record_is_tracked_to_closure_by_its_own_due_date(tmp_path):
    control = {"id": "CLOSE", "clause": "2.1", "title": "按期关闭", "kind": "closure", "record": "capa"}
    late = capa("CA-2025-001", due="2025-11-01")
    on_time = capa("CA-2025-002", due="2025-12-01")
    open_ = capa("CA-2025-003", status="open", due="2026-12-31")
    result = evaluate(tmp_path, [control], [late, on_time, open_])
    assert reasons(result) == ["CA-2025-001: due：2025-11-01 到期，2025-11-20 才关闭"]
    assert evidence(result) == ["CA-2025-001", "CA-2025-002"]


def test_an_auditor_not_on_the_roster_cannot_be_evaluated(tmp_path):
    result = evaluate(tmp_path, [AUDIT_INDEPENDENT], [audit([("运维部", "钱进"), ("质量部", "张三丰")])])
    assert result.status == "error"
    assert reasons(result) == [
        "IA-2025-001: 无法评估：checklist[1] auditor“张三丰”不在 docctl.yml 的人员名册中，无法确定其部门"]
    assert reasons(result, "en") == [
        "IA-2025-001: cannot be evaluated: checklist[1] auditor '张三丰' is not on the roster in docctl.yml: "
        "their department is unknown"]


def test_an_audited_department_the_organization_lacks_cannot_be_evaluated(tmp_path):
    result = evaluate(tmp_path, [AUDIT_INDEPENDENT], [audit([("运维中心", "钱进")])])
    assert result.status == "error"
    assert reasons(result) == [
        "IA-2025-001: 无法评估：checklist[0] department“运维中心”不是 云南腾电科技有限公司 的部门"
        "（质量部、运维部、服务台、备件库、研发部、人力资源部、总经理办公室）"]


def test_fields_in_reasons_carry_their_chinese_labels():
    from docctl.controls.model import Fields

    fields = Fields("internal-audit", ("plan", "verification.by", "zz_unlabelled"))
    assert fields.text("zh") == "审核计划（plan）、验证人（verification.by）、“zz_unlabelled”"
    assert fields.text("en") == "plan, verification.by, zz_unlabelled"
