"""The message catalogue: every rule id with its severity and its text in Chinese and English.

Templates use str.format fields. `make_finding` renders one in the configured language.
Other areas add their own catalogues in `messages_<area>.py`, merged in `catalog.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from docctl.findings import Severity

E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True)
class RuleText:
    severity: Severity
    zh: str
    en: str
    hint_zh: str = ""
    hint_en: str = ""


CORE: dict[str, RuleText] = {
    # --- files and encodings
    "file-unreadable": RuleText(E, "无法读取文件：{error}", "cannot read the file: {error}"),
    "file-special": RuleText(
        E, "这不是普通文件（管道、设备或套接字），未读取", "not a regular file (a pipe, device or socket); not read",
        "受控文件须是仓库中的普通 Markdown 文件", "controlled documents are plain Markdown files in the repository"),
    "file-link-outside": RuleText(
        E, "符号链接指向仓库之外（{target}），未读取", "a symbolic link to outside the repository ({target}); not read",
        "把文件本身放进仓库，受控文件不能引用仓库外的内容",
        "put the file itself in the repository: controlled content cannot live outside it"),
    "file-link-broken": RuleText(
        E, "符号链接的目标不存在（{target}）", "a symbolic link to a file that does not exist ({target})",
        "删除该链接或恢复其目标", "remove the link or restore its target"),
    "encoding-utf16": RuleText(
        E, "文件是 UTF-16 编码，须为 UTF-8", "the file is UTF-16 encoded; UTF-8 is required",
        "转换：iconv -f UTF-16 -t UTF-8 {file} -o {file}.utf8 && mv {file}.utf8 {file}",
        "convert it: iconv -f UTF-16 -t UTF-8 {file} -o {file}.utf8 && mv {file}.utf8 {file}"),
    "file-binary": RuleText(
        E, "这是二进制文件，不是 Markdown 文本", "this is a binary file, not Markdown text",
        "受控文件须为 UTF-8 编码的 Markdown；Word 文件请用 docctl import 导入",
        "controlled documents are UTF-8 Markdown; bring Word files in with docctl import"),
    "encoding-gbk": RuleText(
        E, "文件是 GBK/GB18030 编码，须为 UTF-8", "the file is GBK/GB18030 encoded; UTF-8 is required",
        "转换：iconv -f GB18030 -t UTF-8 {file} -o {file}.utf8 && mv {file}.utf8 {file}",
        "convert it: iconv -f GB18030 -t UTF-8 {file} -o {file}.utf8 && mv {file}.utf8 {file}"),
    "encoding-invalid": RuleText(
        E, "文件不是有效的 UTF-8（第 {byte} 字节起）", "the file is not valid UTF-8 (from byte {byte})",
        "用编辑器以 UTF-8 重新保存", "save it again as UTF-8"),
    # --- front matter
    "front-matter-missing": RuleText(
        E, "缺少 YAML 前置元数据（文件须以 --- 开头）", "no YAML front matter (the file must start with ---)",
        "在文件开头加入以 --- 开始、以 --- 结束的元数据块", "add a block between --- lines at the top"),
    "front-matter-unclosed": RuleText(
        E, "前置元数据没有结束行 ---", "the front matter is not closed by a --- line",
        "在元数据最后一行之后加一行 ---", "add a --- line after the last front-matter line"),
    "front-matter-not-mapping": RuleText(
        E, "前置元数据须是“键: 值”映射，实为{kind}", "the front matter must be a key: value mapping, not {kind_en}",
        "每行写一个“键: 值”，如 id: YNTD-ITSS-0403", "write one 'key: value' per line, e.g. id: YNTD-ITSS-0403"),
    "yaml-syntax": RuleText(
        E, "YAML 语法错误：{problem}", "YAML syntax error: {problem_en}",
        "检查该行及其上一行的引号、括号、冒号和缩进；含冒号或以特殊字符开头的值请加引号",
        "check quotes, brackets, colons and indentation on this line and the one before; quote values "
        "that contain a colon or start with a special character"),
    "yaml-tab": RuleText(
        E, "YAML 缩进中含制表符", "a tab character in YAML indentation",
        "YAML 只能用空格缩进", "indent YAML with spaces only"),
    "yaml-fullwidth-colon": RuleText(
        E, "键“{key}”后用了全角冒号“：”", "full-width colon '：' after the key '{key}'",
        "改为半角冒号加空格：{key}: …", "use an ASCII colon and a space: {key}: …"),
    "yaml-duplicate-key": RuleText(
        E, "键“{key}”重复（第 {first} 行已定义）", "duplicate key '{key}' (first defined at line {first})",
        "删除其中一个；YAML 会静默保留后一个", "remove one of them; YAML would silently keep the last"),
    "yaml-tag": RuleText(
        E, "不允许 YAML 标签 {tag}", "YAML tag {tag} is not allowed",
        "前置元数据只允许普通文本、数字、日期、列表和映射", "front matter holds only plain text, numbers, dates, lists and mappings"),
    "yaml-alias": RuleText(
        E, "不允许 YAML 锚点/别名（*名称）", "YAML anchors and aliases (*name) are not allowed",
        "把内容直接写出来", "write the value out in full"),
    "yaml-key-type": RuleText(
        E, "键 {key} 须为文本", "the key {key} must be text", "给键加引号", "quote the key"),
    "yaml-unquoted": RuleText(
        E, "“{field}”的值 {raw} 未加引号，YAML 会把它读成{kind} {value}，而不是文本",
        "the value {raw} of '{field}' is not quoted; YAML reads it as the {kind_en} {value}, not as text",
        "加引号：{field}: \"{raw}\"", "quote it: {field}: \"{raw}\""),
    # --- schema
    "schema-required": RuleText(
        E, "缺少必填字段“{field}”", "required field '{field}' is missing",
        "补上 {field}: …", "add {field}: …"),
    "schema-unknown-key": RuleText(
        E, "未知字段“{key}”", "unknown field '{key}'",
        "是否应为“{suggestion}”？", "did you mean '{suggestion}'?"),
    "schema-type": RuleText(
        E, "“{field}”应为{expected}，实为{actual}", "'{field}' must be {expected}, not {actual}"),
    "schema-enum": RuleText(
        E, "“{field}”的值“{value}”不在允许值之中", "'{field}' has the value '{value}', which is not allowed",
        "允许值：{allowed}", "allowed: {allowed}"),
    "schema-pattern": RuleText(
        E, "“{field}”的值“{value}”格式不对", "'{field}' has the value '{value}' in the wrong form",
        "须符合 {pattern}", "it must match {pattern}"),
    "schema-invalid": RuleText(E, "“{field}”：{detail}", "'{field}': {detail}"),
    "date-legacy": RuleText(
        E, "“{field}”的日期“{value}”是旧式写法", "'{field}' has the date '{value}' in a legacy form",
        "写作 ISO 日期：{field}: {iso}", "write an ISO date: {field}: {iso}"),
    "duration-invalid": RuleText(
        E, "“{field}”的值“{value}”不是 ISO 8601 时长", "'{field}' is '{value}', not an ISO 8601 duration",
        "写作 P1Y（1 年）、P6M（6 个月）、P2W（2 周）或 P30D（30 天）",
        "write P1Y (1 year), P6M (6 months), P2W (2 weeks) or P30D (30 days)"),
    "date-format": RuleText(
        E, "“{field}”的值“{value}”不是日期：须写作 YYYY-MM-DD", "'{field}' is '{value}', not a date in the form YYYY-MM-DD",
        "如 {field}: 2026-01-07（不带时间）", "for example {field}: 2026-01-07 (no time of day)"),
    "date-invalid": RuleText(
        E, "“{field}”的日期“{value}”不存在", "'{field}' has the date '{value}', which does not exist",
        "检查年月日，格式为 YYYY-MM-DD", "check year, month and day; the form is YYYY-MM-DD"),
    "type-unknown": RuleText(
        E, "未知的文件类型“{value}”", "unknown document type '{value}'",
        "docctl.yml 中定义的类型：{allowed}", "types defined in docctl.yml: {allowed}"),
    # --- document rules
    "id-filename": RuleText(
        E, "文件编号“{id}”与文件名“{name}”不一致", "the document number '{id}' differs from the file name '{name}'",
        "把文件改名为 {id}.md，或更正 id", "rename the file to {id}.md or correct the id"),
    "id-duplicate": RuleText(
        E, "文件编号“{id}”重复，另见 {other}", "the document number '{id}' is used twice; see also {other}",
        "每个文件编号只能用于一个文件", "each document number belongs to one file"),
    "id-pattern": RuleText(
        E, "文件编号“{id}”不符合“{org}”的编号规则 {pattern}",
        "the document number '{id}' does not match the pattern {pattern} of '{org}'"),
    "org-unknown": RuleText(
        E, "组织“{org}”未在 docctl.yml 中定义", "the organization '{org}' is not defined in docctl.yml",
        "已定义：{known}", "defined: {known}"),
    "department-unknown": RuleText(
        W, "部门“{department}”不属于“{org}”", "the department '{department}' is not one of '{org}'",
        "docctl.yml 中的部门：{known}", "departments in docctl.yml: {known}"),
    "history-empty": RuleText(
        E, "状态为 {status} 的文件须有文件编制和变更履历", "a document in status {status} needs a revision history",
        "在 history 下加入当前版本的一行", "add a history row for the current version"),
    "history-order": RuleText(
        E, "变更履历中版本 {version} 不大于前一行的 {previous}",
        "history version {version} is not greater than the row before ({previous})",
        "履历按时间先后排列，版本严格递增", "history runs oldest first with strictly increasing versions"),
    "history-effective-order": RuleText(
        E, "变更履历中版本 {version} 的实施日期 {effective} 早于前面版本 {previous} 的实施日期 {previous_effective}",
        "history version {version} takes effect on {effective}, before version {previous} did "
        "({previous_effective})",
        "后一版本不能早于前一版本实施；发布时用 docctl release --effective 给出正确日期",
        "a later version cannot take effect before an earlier one: docctl release --effective sets the date"),
    "cover-mismatch": RuleText(
        E, "封面{label}“{cover}”与变更履历最后一行（{version}）的“{row}”不一致",
        "the cover {label_en} '{cover}' differs from '{row}' in the last history row ({version})",
        "以受控方式更正：docctl revise 开新版本，并在 change 中说明更正了什么",
        "correct it the controlled way: docctl revise, and say in the change note what was corrected"),
    "date-order": RuleText(
        E, "{later_label}（{later}）早于{earlier_label}（{earlier}）",
        "{later_en} ({later}) is before {earlier_en} ({earlier})",
        "日期顺序须为 编制 ≤ 审核 ≤ 批准 ≤ 实施", "dates must run prepared ≤ reviewed ≤ approved ≤ effective"),
    "signature-missing": RuleText(
        E, "状态为 {status} 的版本 {version} 缺少{label}", "version {version} in status {status} has no {label_en}",
        "审核和批准须由名册中的人员签署：docctl approve", "review and approval are signed by people on the roster: docctl approve"),
    "signature-same-person": RuleText(
        E, "{label_a}与{label_b}是同一人（{name}）", "the {label_a_en} and the {label_b_en} are the same person ({name})",
        "编制、审核、批准须由不同的人担任", "author, reviewer and approver must be different people"),
    "person-unknown": RuleText(
        E, "{label}“{name}”不在 docctl.yml 的人员名册中", "the {label_en} '{name}' is not on the roster in docctl.yml",
        "在 people 中加入此人并赋予角色 {role}", "add the person under people with the role {role}"),
    "person-other-org": RuleText(
        W, "{label}“{name}”在名册中属于 {person_org}，不属于本文件的组织 {doc_org}",
        "the {label_en} '{name}' belongs to {person_org} on the roster, not to the document's organization "
        "{doc_org}",
        "由本组织的人员签署；确需跨组织签署时，在 docctl.yml 的 accepted 中写明理由",
        "have someone of the document's organization sign; if another organization's signature is intended, "
        "accept it in docctl.yml with the reason"),
    "person-role": RuleText(
        E, "{label}“{name}”在名册中没有 {role} 角色", "the {label_en} '{name}' has no {role} role on the roster",
        "名册中此人的角色：{roles}", "their roles on the roster: {roles}"),
    "link-unknown-id": RuleText(
        E, "“{field}”引用的文件“{target}”不存在", "'{field}' names the document '{target}', which does not exist"),
    "link-obsolete": RuleText(
        E, "现行文件通过“{field}”引用了{status_label}文件“{target}”",
        "an effective document relies through '{field}' on the {status} document '{target}'",
        "改为引用替代它的文件{replacement}：现行文件的内容不能原地修改，请 docctl revise {id} --change “…” 开新版本",
        "refer to its replacement instead{replacement}: an effective document is not edited in place, so "
        'open a new version with docctl revise {id} --change "…"'),
    "link-outside": RuleText(
        E, "链接“{target}”指向仓库之外", "the link '{target}' leaves the repository",
        "只链接仓库内的文件，或使用完整的 https:// 地址", "link to files inside the repository, or use a full https:// address"),
    "link-missing": RuleText(
        E, "链接的文件“{target}”不存在", "the linked file '{target}' does not exist"),
    "superseded-without-successor": RuleText(
        W, "状态为 superseded 的文件没有 superseded_by", "a superseded document has no superseded_by",
        "写明替代它的文件编号", "name the document that replaces it"),
    "review-overdue": RuleText(
        W, "定期评审已过期：应于 {due} 评审（已过 {days} 天）", "periodic review is overdue: it was due on {due} ({days_en} ago)",
        "评审后用 docctl revise 开新版本，或更新 next_review", "after the review, run docctl revise or update next_review"),
    "review-due-soon": RuleText(
        N, "定期评审将于 {due} 到期（还有 {days} 天）", "periodic review is due on {due} (in {days_en})"),
}

CORE["record-type-unknown"] = RuleText(
    E, "未知的记录类型“{value}”", "unknown record type '{value}'",
    "已定义的记录类型：{allowed}", "record types with a schema: {allowed}")

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "version": ("版本", "version"),
    "author": ("编制人", "author"),
    "prepared": ("编制日期", "prepared date"),
    "date": ("编制日期", "prepared date"),
    "reviewer": ("审核人", "reviewer"),
    "reviewed": ("审核日期", "review date"),
    "approver": ("批准人", "approver"),
    "approved": ("批准日期", "approval date"),
    "effective": ("实施日期", "effective date"),
    "withdrawn_by": ("作废批准人", "withdrawing approver"),
}

STATUS_LABELS: dict[str, str] = {
    "draft": "草稿", "review": "审核中", "approved": "已批准", "effective": "现行",
    "superseded": "已被替代", "obsolete": "作废",
}


def labels(name: str, suffix: str = "") -> dict[str, str]:
    """Template arguments naming a field in both languages: label / label_en."""
    zh, en = FIELD_LABELS.get(name, (name, name))
    return {"label" + suffix: zh, "label" + suffix + "_en": en}


CORE["accepted-note"] = RuleText(
    N, "已接受：{reason}；有效至 {until}", "accepted: {reason}; until {until}")
CORE["acceptance-expired"] = RuleText(
    W, "对 {file} 的 {subject} 的接受已于 {until} 到期，该问题重新按原级别报告",
    "the acceptance of {subject} in {file} ended on {until}; the finding is reported at its own level again",
    "修正问题，或经批准后延长 until", "fix the fault, or extend until after approval")
CORE["acceptance-unused"] = RuleText(
    N, "对 {file} 的 {subject} 的接受没有匹配任何问题", "the acceptance of {subject} in {file} matches no finding",
    "问题已不存在时，从 docctl.yml 的 accepted 中删除此项", "remove it from accepted in docctl.yml once the fault is gone")


def count_en(count: int, noun: str) -> str:
    """An English count with the noun in the singular or plural: 1 day, 2 days, 0 days."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
