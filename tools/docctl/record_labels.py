"""Chinese labels of the record fields (schemas/records/*.schema.json): the one table every view uses.

A field is looked up as `<record type>.<dotted path>` first (internal-audit.plan is 审核计划, a KPI
measurement's plan is 指标计划), then by its dotted path (plan.approved), then by its own name; a field
without a label shows its key. tests/site checks that every property of every record schema has a label.
"""

from __future__ import annotations

LABELS: dict[str, str] = {
    # every record (record.schema.json#/$defs/recordBase)
    "id": "编号", "type": "记录类型", "title": "标题", "org": "组织", "department": "部门", "date": "日期",
    "status": "状态", "closed": "关闭日期", "owner": "负责人", "clauses": "依据条款", "retention": "保存期限",
    "example": "示例数据",
    # shared names
    "action": "措施", "actions": "措施", "done": "完成日期", "due": "期限", "owner_department": "责任部门",
    "approved": "批准日期", "approved_by": "批准人", "scheduled": "计划日期", "scope": "范围",
    "summary": "摘要", "description": "描述", "result": "结果", "results": "结果", "source": "来源",
    "capa": "纠正与预防措施", "cause": "原因", "level": "级别", "note": "说明", "item": "检查项",
    "items": "检查项目", "issues": "发现的问题", "evidence": "证据", "by": "验证人", "effective": "是否有效",
    "analysis": "分析", "plan": "计划", "report": "报告", "indicator": "指标", "period": "统计期间",
    "version": "版本", "document": "文件", "project": "项目",
    # internal-audit
    "internal-audit.plan": "审核计划", "internal-audit.report": "审核报告", "lead_auditor": "审核组长",
    "auditors": "内审员", "audited_departments": "受审核部门", "checklist": "检查表", "auditor": "审核员",
    "findings": "审核发现", "severity": "严重程度",
    # capa
    "action_type": "措施类型", "source_record": "来源记录", "problem": "问题描述", "root_cause": "根本原因",
    "root_cause.method": "分析方法", "root_cause.whys": "五个为什么", "root_cause.cause": "根本原因",
    "implementation": "实施情况", "verification": "有效性验证", "verification.date": "验证日期",
    # improvement
    "class": "改进类别", "notified": "通知日期", "implemented": "实施日期", "verified": "验证日期",
    # kpi-measurement
    "kpi-measurement.plan": "指标计划", "numerator": "分子", "denominator": "分母", "value": "测量值",
    "unit": "单位",
    # management-review
    "chair": "主持人", "plan_date": "计划日期", "participants": "参加人员", "inputs": "评审输入",
    "inputs.capability_plan": "运维服务能力策划", "inputs.indicators": "指标达成情况",
    "inputs.satisfaction": "客户满意度", "inputs.operations_report": "运维服务报告",
    "inputs.internal_audit": "内审结果", "inputs.complaints": "投诉", "inputs.improvement": "改进情况",
    "decisions": "评审决议", "report_date": "报告日期",
    # satisfaction-survey
    "methods": "调查方式", "surveyed": "调查对象", "satisfaction_rate": "满意率", "analyzed_by": "分析人",
    "improvements": "改进措施", "satisfaction-survey.results": "调查结果",
    # quality-check
    "check_kind": "检查类型", "checker": "检查人", "reported_to": "报告对象",
    # quality-incident
    "occurred": "发生日期", "customer": "客户", "impact": "影响", "responsible": "当事人",
    "manager": "管理人员", "supplier": "供应商", "penalty": "处罚",
    # distribution
    "copy": "副本编号", "recipient": "接收人", "recalled": "收回日期",
}


def field_label(record_type: str, path: str, lang: str = "zh") -> str:
    """The label of field `path` (dotted: "plan.approved") of a record of `record_type`."""
    name = path.rsplit(".", 1)[-1]
    if lang == "en":
        return name.replace("_", " ")
    return LABELS.get(f"{record_type}.{path}") or LABELS.get(path) or LABELS.get(name) or name
