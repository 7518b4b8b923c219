"""Rule texts of records, controls and KPIs (check findings), and the reasons `comply` gives."""

from __future__ import annotations

from docctl.findings import Severity
from docctl.messages import RuleText

E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

RULES: dict[str, RuleText] = {
    "record-folder": RuleText(
        E,
        "记录应位于 {expected}",
        "the record belongs at {expected}",
        "记录按 records/<类型>/<年份>/<编号>.md 存放",
        "records live at records/<type>/<year>/<id>.md",
    ),
    "record-id-prefix": RuleText(
        E,
        "记录编号 {id} 应为 {prefix}-{year}-NNN",
        "record id {id} should be {prefix}-{year}-NNN",
        "编号前缀见 docctl.yml 的 record_types.{type}.prefix",
        "the prefix is record_types.{type}.prefix in docctl.yml",
    ),
    "record-type-unconfigured": RuleText(
        W,
        "记录类型“{type}”未在 docctl.yml 的 record_types 中登记（无保存期限）",
        "record type '{type}' is not in record_types of docctl.yml (no retention period)",
    ),
    "record-closed-date": RuleText(
        E,
        "状态为 closed 的记录须填写关闭日期 closed",
        "a closed record needs its closing date in `closed`",
    ),
    "record-closed-early": RuleText(
        E,
        "关闭日期 {closed} 早于记录日期 {date}",
        "closing date {closed} is before the record date {date}",
    ),
    "record-not-closed": RuleText(
        E,
        "记录状态为 {status}，却填写了关闭日期",
        "the record is {status} but has a closing date",
        "关闭记录时把 status 改为 closed；否则删除 closed",
        "set status: closed, or remove `closed`",
    ),
    "record-done-after-closed": RuleText(
        E,
        "{item} 于 {done} 完成，晚于记录的关闭日期 {closed}",
        "{item} was done on {done}, after the record was closed on {closed}",
        "记录应在其事项全部完成后关闭；关闭后的跟踪另建记录并引用本记录",
        "close a record once its items are done; track later work in a new record that refers to it",
    ),
    "distribution-copy-duplicate": RuleText(
        E,
        "受控副本编号重复：{document} 的第 {copy} 号副本已由 {other}（{other_path}）发放给 {recipient}",
        "duplicate copy number: copy {copy} of {document} was already issued to {recipient} by {other} "
        "({other_path})",
        "副本编号不得重复：改用未用过的编号（下一个可用为 {next}），或删除重复的记录",
        "copy numbers never repeat: use a number not used yet (next free: {next}), or remove the duplicate record",
    ),
    "record-ref-unknown": RuleText(
        E,
        "引用的记录 {ref} 不存在",
        "the referenced record {ref} does not exist",
    ),
    "record-clause-unknown": RuleText(
        E,
        "引用的条款 {ref} 不存在",
        "the cited clause {ref} does not exist",
        "条款写作 文件编号#条款号，条款号按正文标题层级计数，如 YNTD-ITSS-0403#7.3.1",
        "write DOC-ID#clause; clause numbers count the headings, e.g. YNTD-ITSS-0403#7.3.1",
    ),
    "record-closed-changed": RuleText(
        E,
        "已关闭的记录 {id}（{closed} 关闭）在关闭后被修改：{changes}",
        "closed record {id} (closed {closed}) was changed after closure: {changes}",
        "已关闭的记录不可修改；如需更正，另建记录并在正文中引用 {id}",
        "a closed record is immutable; record the correction in a new record that refers to {id}",
    ),
    "record-closed-deleted": RuleText(
        E,
        "已关闭的记录 {id}（{closed} 关闭）被删除或移走",
        "closed record {id} (closed {closed}) was deleted or moved",
        "记录到期后用 docctl records due-for-disposal 列出，按处置程序销毁",
        "dispose of records past retention as listed by docctl records due-for-disposal",
    ),
    "kpi-plan-unknown": RuleText(
        E,
        "引用的计划 {plan} 不存在",
        "the plan {plan} does not exist",
        "plan 写作声明指标的文件编号，如 TFDL-ITSS-08-09",
        "plan is the id of the document declaring the indicators, e.g. TFDL-ITSS-08-09",
    ),
    "kpi-plan-no-indicators": RuleText(
        E,
        "文件 {plan} 没有声明指标（indicators）",
        "document {plan} declares no indicators",
    ),
    "kpi-indicator-unknown": RuleText(
        E,
        "计划 {plan} 中没有指标 {indicator}",
        "plan {plan} declares no indicator {indicator}",
    ),
    "kpi-period-grain": RuleText(
        E,
        "指标 {indicator} 按{grain}考核，期间“{period}”不符",
        "indicator {indicator} is measured per {grain}, not for '{period}'",
        "期间写作 2025、2025-H1、2025-Q3 或 2025-07",
        "write 2025, 2025-H1, 2025-Q3 or 2025-07",
    ),
    "kpi-measurement-unit": RuleText(
        E,
        "测量单位“{unit}”不适合指标 {indicator}“{name}”：该指标是{expected}",
        "unit '{unit}' does not fit indicator {indicator} '{name}': it is {expected}",
        "单位写比率的 %，或计数的 次、条 等（也可省略 unit）",
        "use % for a ratio, a count unit such as 次 or 条 for a count (or leave unit out)",
    ),
    "kpi-value-mismatch": RuleText(
        W,
        "value {value} 与 numerator/denominator 算得的 {computed} 不一致",
        "value {value} does not agree with numerator/denominator = {computed}",
    ),
    "control-id-duplicate": RuleText(
        E,
        "控制项编号 {id} 重复",
        "control id {id} is used twice",
    ),
    "control-clause-unknown": RuleText(
        E,
        "控制项 {id} 引用的条款 {clause} 在正文中不存在",
        "control {id} cites clause {clause}, which the text lacks",
        "条款号按正文标题层级计数（# → 1，## → 1.1）",
        "clause numbers count the headings (# → 1, ## → 1.1)",
    ),
    "control-record-unknown": RuleText(
        E,
        "控制项 {id} 引用的记录类型“{record}”没有模式",
        "control {id} names record type '{record}', which has no schema",
        "已有记录类型：{allowed}",
        "record types: {allowed}",
    ),
    "control-expression": RuleText(
        E,
        "控制项 {id} 的 CEL 表达式无法编译：{error}",
        "control {id}: the CEL expression does not compile: {error}",
        "记录写作 r，如 r.status == \"closed\" && has(r.verification)",
        "the record is r, e.g. r.status == \"closed\" && has(r.verification)",
    ),
    "control-field-unknown": RuleText(
        E,
        "控制项 {id} 的字段“{field}”不是记录类型 {record} 的字段",
        "control {id}: '{field}' is not a field of record type {record}",
        "可用字段：{known}",
        "fields: {known}",
    ),
    "control-expression-field": RuleText(
        E,
        "控制项 {id} 的表达式 {expr} 读取的字段“{field}”不是记录类型 {record} 的字段",
        "control {id}: the expression {expr} reads '{field}', which is not a field of record type {record}",
        "可用字段：{known}",
        "fields: {known}",
    ),
    "control-policy-field": RuleText(
        E,
        "控制项 {id} 的表达式 {expr} 读取的 policy.{field} 不是文件的字段",
        "control {id}: the expression {expr} reads policy.{field}, which is not a field of a document",
        "可用字段：{known}",
        "fields: {known}",
    ),
    "control-retention-short": RuleText(
        E,
        "记录类型 {type} 的保存期限 {retention} 少于 {policy} §{clause} 控制项 {id} 要求的 {min}",
        "record type {type} is kept {retention}, less than the {min} that {policy} §{clause} control {id} "
        "requires",
        "把 record_types.{type}.retention 改为至少 {min}",
        "set record_types.{type}.retention to at least {min}",
    ),
    "record-retention-short": RuleText(
        E,
        "记录的保存期限 {retention} 少于 {policy} §{clause} 控制项 {id} 要求的 {min}",
        "the record is kept {retention}, less than the {min} that {policy} §{clause} control {id} requires",
        "把 retention 改为至少 {min}，或删除它（按 docctl.yml 中该类型的期限保存）",
        "set retention to at least {min}, or remove it (the type's period in docctl.yml applies)",
    ),
    "control-plan-unknown": RuleText(
        E,
        "控制项 {id} 引用的计划 {plan} 不存在或未声明指标",
        "control {id}: plan {plan} is missing or declares no indicators",
    ),
    "kpi-table-mismatch": RuleText(
        E,
        "指标 {id}（序号 {row}）的{field}与正文表格（第 {table_line} 行）不一致：数据“{data}”，表格“{table}”",
        "indicator {id} (row {row}): {field} differs from the table (line {table_line}): data '{data}', table '{"
        "table}'",
    ),
    "kpi-table-missing": RuleText(
        E,
        "正文指标表第 {row} 行（第 {table_line} 行）没有对应的指标数据",
        "table row {row} (line {table_line}) has no indicator data",
    ),
    "kpi-table-extra": RuleText(
        E,
        "指标 {id} 的序号 {row} 不在正文指标表中",
        "indicator {id}: row {row} is not in the table",
    ),
    "kpi-id-duplicate": RuleText(
        E,
        "指标编号 {id} 重复",
        "indicator id {id} is used twice",
    ),
    "kpi-unit-mismatch": RuleText(
        W,
        "指标 {id}“{name}”是计数（公式无除法），考核要求却是百分比 {target}",
        "indicator {id} '{name}' is a count (no division in its formula) but its target is a percentage {t"
        "arget}",
        "考核要求应为数量（如 ≥N 条），或把指标改为比率",
        "make the target a count (≥ N) or the indicator a ratio",
    ),
    "kpi-ratio-inverted": RuleText(
        W,
        "指标 {id}“{name}”的公式可能超过 100%：分母“{denominator}”含“{word}”而分子“{numerator}”不含，分子"
        "分母疑似颠倒",
        "indicator {id} '{name}' can exceed 100 %: the denominator '{denominator}' has '{word}' but the nu"
        "merator '{numerator}' has not; numerator and denominator look swapped",
    ),
    "kpi-duplicate": RuleText(
        W,
        "指标 {id}“{name}”与序号 {first_row} 的指标 {first} 重复",
        "indicator {id} '{name}' repeats {first} (row {first_row})",
    ),
}

# Reasons `docctl comply` and `docctl kpi` give, rendered in the report's language.
REASONS: dict[str, RuleText] = {
    "occurrence-missing": RuleText(
        E,
        "{period}：{count} 条记录，要求至少 {min} 条",
        "{period}: {count} records, at least {min} required",
    ),
    "occurrence-month": RuleText(
        E,
        "{period}：{month} 月内 {count} 条记录，要求至少 {min} 条（期间内其他记录：{others}）",
        "{period}: {count} records in month {month}, at least {min} required (others in the period: {other"
        "s})",
    ),
    "pending-period": RuleText(
        INFO,
        "{period} 尚未结束：目前 {count} 条，要求 {min} 条",
        "{period} is not over: {count} of {min} so far",
    ),
    "deadline-late": RuleText(
        E,
        "{from}{start} 至 {to}{end} 用了 {used} 个{unit_zh}，限 {limit} 个",
        "{from} {start} to {to} {end} took {used} {unit} days, limit {limit}",
    ),
    "deadline-open": RuleText(
        E,
        "{from}{start} 起 {limit} 个{unit_zh}内应完成（截止 {due}），{to}仍未填写",
        "due {due} ({limit} {unit} days after {from} {start}) and {to} is still empty",
    ),
    "deadline-pending": RuleText(
        INFO,
        "截止 {due}，尚未到期",
        "due {due}, not yet reached",
    ),
    "required-missing": RuleText(
        E,
        "{title}：未填写 {fields}（条件：{when}）",
        "{title}: not filled: {fields} (when {when})",
    ),
    "independence": RuleText(
        E,
        "{where}{left}（{lvalue}）与 {right}（{rvalue}）重合：{overlap}",
        "{where}{left} ({lvalue}) and {right} ({rvalue}) overlap: {overlap}",
    ),
    "condition-false": RuleText(
        E,
        "{title}：不满足（要求：{require}）",
        "{title}: not met (requires {require})",
    ),
    "closure-overdue": RuleText(
        E,
        "{item}：{due} 到期，逾期 {days} 天仍未关闭",
        "{item}: due {due}, still open {days} days later",
    ),
    "closure-late": RuleText(
        E,
        "{item}：{due} 到期，{done} 才关闭",
        "{item}: due {due}, closed only on {done}",
    ),
    "closure-pending": RuleText(
        INFO,
        "{item}：截止 {due}，尚未到期",
        "{item}: due {due}, not yet reached",
    ),
    "retention-short": RuleText(
        E,
        "记录类型 {type} 的保存期限为 {retention}（docctl.yml），少于要求的 {min}",
        "record type {type} is kept {retention} (docctl.yml), less than the required {min}",
    ),
    "retention-short-record": RuleText(
        E,
        "记录自身的保存期限为 {retention}，少于要求的 {min}",
        "the record's own retention is {retention}, less than the required {min}",
    ),
    "kpi-below": RuleText(
        E,
        "{indicator} {name} {period}：{value}{unit}，目标 {target}",
        "{indicator} {name} {period}: {value}{unit}, target {target}",
    ),
    "kpi-unmeasured": RuleText(
        INFO,
        "{indicator} {name}：{periods} 无测量记录",
        "{indicator} {name}: no measurement for {periods}",
    ),
    "cannot-evaluate": RuleText(
        E,
        "无法评估：{error}",
        "cannot be evaluated: {error}",
    ),
    "cannot-calendar": RuleText(
        E,
        "无法评估：chinese-calendar 尚无 {year} 年的法定节假日数据，无法计算工作日（请升级 chinese-calendar）",
        "cannot be evaluated: chinese-calendar has no official holidays for {year} yet, so working days "
        "cannot be counted (upgrade chinese-calendar)",
    ),
    "cannot-kind": RuleText(
        E,
        "无法评估：未知的控制类型 {kind}",
        "cannot be evaluated: unknown control kind {kind}",
    ),
    "cannot-check": RuleText(
        E,
        "无法评估：{message}（{where} {rule}）",
        "cannot be evaluated: {message} ({where} {rule})",
    ),
    "cannot-policy-file": RuleText(
        E,
        "无法评估：制度文件 {file} 无法正确读取，其控制项无法评估（见上方读取错误）",
        "cannot be evaluated: the policy file {file} cannot be read correctly, nor its controls (see the "
        "load errors above)",
    ),
    "cannot-record-file": RuleText(
        E,
        "无法评估：记录 {file}（{type}）无法正确读取，证据不完整",
        "cannot be evaluated: the record {file} ({type}) cannot be read correctly; the evidence is incomplete",
    ),
    "cannot-person": RuleText(
        E,
        "无法评估：{where}{field}“{name}”不在 docctl.yml 的人员名册中，无法确定其部门",
        "cannot be evaluated: {where}{field} '{name}' is not on the roster in docctl.yml: their department "
        "is unknown",
    ),
    "cannot-department": RuleText(
        E,
        "无法评估：{where}{field}“{name}”不是 {org} 的部门（{known}）",
        "cannot be evaluated: {where}{field} '{name}' is not a department of {org} ({known})",
    ),
    "cannot-plan": RuleText(
        E,
        "无法评估：计划 {plan} 不存在",
        "cannot be evaluated: plan {plan} does not exist",
    ),
}
# `docctl record new` refusing a record: a required field the command line did not give.
RECORD_NEW: dict[str, RuleText] = {
    "record-new-missing": RuleText(
        E,
        "缺少必填字段“{field}”",
        "required field '{field}' is missing",
        "用 {option} 给出",
        "give it with {option}",
    ),
}

# What is wrong with a CEL expression (docctl.controls.expr.Problem): `check` and `comply` say it so.
EXPRESSION_PROBLEMS: dict[str, RuleText] = {
    "syntax": RuleText(E, "语法错误", "syntax error"),
    "syntax-at": RuleText(E, "表达式第 {line} 行第 {col} 列语法错误", "syntax error at line {line}, column {col} "
                          "of the expression"),
    "no-field": RuleText(E, "记录没有字段 {field}（先用 has() 判断是否填写）",
                         "the record has no field {field} (test for it with has() first)"),
    "division-by-zero": RuleText(E, "除数为零", "division by zero"),
    "undefined": RuleText(E, "未定义的变量或函数 {name}", "undefined variable or function {name}"),
    "type": RuleText(E, "类型不匹配：CEL 不自动转换类型，请用 int()、double()、string() 显式转换",
                     "type mismatch: CEL does not convert between types; convert with int(), double() or "
                     "string()"),
    "not-boolean": RuleText(E, "表达式的结果是{type_zh}，不是布尔值（true/false）",
                            "the expression gives {type_en}, not a boolean (true/false)"),
    "runtime": RuleText(E, "求值出错", "evaluation failed"),
}
UNITS_ZH = {"working": "工作日", "calendar": "自然日"}
