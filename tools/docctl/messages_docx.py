"""Findings of `docctl import`: what a legacy Word file did not say, or said twice differently.

`{at}`-style fields are places in the Word file (第 3 段 / 表格 2 第 3 行第 4 列 / 页眉 / 文档属性),
rendered in the finding's language by docctl.docx.places.describe."""

from __future__ import annotations

from docctl.messages import RuleText, W

CHECK = "核对原件后在导入的文件中改正", "check the original and correct the imported file"
REVISE = "核实后以受控修订更正", "check it and correct it through a controlled revision"

RULES: dict[str, RuleText] = {
    "import-cover-conflict": RuleText(
        W, "封面中“{field}”有两个不同的值：{first}（{first_at}）与 {other}（{other_at}）；采用 {first}",
        "the cover gives two values for the {field}: {first} ({first_at}) and {other} ({other_at}); "
        "{first} is used", *CHECK),
    "import-cover-date-unknown": RuleText(
        W, "封面的“{label}”（{at}）为 {value}：不是编制、审核、批准或生效日期，未采用",
        "the cover's '{label}' ({at}) is {value}: not a date of preparation, review, approval or entry into "
        "force; not used", "若它是某项签署的日期，填入 prepared、reviewed 或 approved",
        "if it dates a signature, set prepared, reviewed or approved"),
    "import-signer-unnamed": RuleText(
        W, "封面的签署栏“{label}”（{at}）读不出姓名（{value}）；{field}留空",
        "the cover's signer label '{label}' ({at}) gives no name that can be read ({value}); "
        "the {field} is left empty", "在前置元数据中填写签署人姓名", "set the signer's name in the front matter"),
    "import-defaulted": RuleText(
        W, "源文件未载明{field}；采用默认值 {key}: {value}（{why}）",
        "the source gives no {field}; the default {key}: {value} is used ({why})",
        "核对后在前置元数据中确认或改正 {key}", "check it, then confirm or correct {key} in the front matter"),
    "import-id-missing": RuleText(
        W, "无法确定文件编号：封面、页眉和文档属性都未载明；暂用文件名 {stem}",
        "no document number: the cover, the page header and the document properties give none; "
        "the file name {stem} is used for now",
        "在前置元数据中填写 id，并把文件改名为 <id>.md", "set id in the front matter and rename the file <id>.md"),
    "import-id-mismatch": RuleText(
        W, "文件编号不一致：{where}为 {chosen}，{other_where}为 {other}；采用 {chosen}",
        "the document numbers differ: {chosen} in {where}, {other} in {other_where}; {chosen} is used", *CHECK),
    "import-core-mismatch": RuleText(
        W, "{field}不一致：{where}为 {chosen}，文档属性为 {core}；采用 {chosen}",
        "the {field} differs: {chosen} in {where}, {core} in the document properties; {chosen} is used", *CHECK),
    "import-title-missing": RuleText(
        W, "无法确定标题：封面和文档属性都未载明；暂用 {fallback}",
        "no title: neither the cover nor the document properties give one; {fallback} is used for now",
        "在前置元数据中填写 title", "set title in the front matter"),
    "import-org-missing": RuleText(
        W, "无法确定组织：封面和文档属性都未载明", "no organization: neither the cover nor the document "
        "properties give one", "在前置元数据中填写 org", "set org in the front matter"),
    "import-type-guessed": RuleText(
        W, "无法从标题“{title}”（{at}）判断文件类型；暂定 policy",
        "the title '{title}' ({at}) does not tell the document type; policy is assumed",
        "核对 type：policy、procedure、plan 或 form", "check type: policy, procedure, plan or form"),
    "import-version-mismatch": RuleText(
        W, "版本不一致：封面（{cover_at}）为 {cover}，变更履历最后一行（{table_at}）为 {table}；采用封面 {cover}",
        "the versions differ: {cover} on the cover ({cover_at}), {table} in the last row of the revision "
        "table ({table_at}); the cover's {cover} is used", *REVISE),
    "import-version-mapped": RuleText(
        W, "版本“{value}”（{at}）是“版次/修改次数”写法，换算为 {version}（A 版为 1，B 版为 2……，斜线后为修改次数）",
        "the version '{value}' ({at}) is an edition/amendment version; it is converted to {version} "
        "(edition A is 1, B is 2, ...; the number after the slash counts the amendments)",
        "核对换算；受控副本上的版本今后写作 V{version}", "check the conversion; controlled copies will show V{version}"),
    "import-version-unreadable": RuleText(
        W, "版本“{value}”（{at}）不是“主版本.次版本”（如 1.0），也无法换算；原样照录，docctl check 会报错",
        "the version '{value}' ({at}) is not MAJOR.MINOR (such as 1.0) and cannot be converted; it is kept "
        "as written and docctl check will reject it", "改为主版本.次版本，如 1.0、2.1",
        "write it as MAJOR.MINOR, such as 1.0 or 2.1"),
    "import-version-missing": RuleText(
        W, "无法确定版本：封面、变更履历和文档属性都未载明；暂定 1.0",
        "no version: the cover, the revision table and the document properties give none; 1.0 is assumed",
        "在前置元数据中填写 version", "set version in the front matter"),
    "import-signatory-mismatch": RuleText(
        W, "{field}不一致：封面（{cover_at}）为 {cover}，变更履历最后一行（{table_at}）为 {table}；"
        "两者均照录（封面字段取封面，履历取履历）",
        "the {field} differs: {cover} on the cover ({cover_at}), {table} in the last row of the revision "
        "table ({table_at}); both are kept (the field from the cover, the history from the table)", *REVISE),
    "import-history-missing": RuleText(
        W, "没有找到变更履历表；按封面生成一行履历", "no revision table found; one history row is made from the cover",
        "补录历次版本到 history", "add the earlier versions to history"),
    "import-history-empty": RuleText(
        W, "变更履历表（{at}）没有数据行；按封面生成一行履历",
        "the revision table ({at}) has no rows; one history row is made from the cover",
        "补录历次版本到 history", "add the earlier versions to history"),
    "import-revision-column": RuleText(
        W, "变更履历表的列“{header}”（{at}）无法识别，已忽略",
        "revision table column '{header}' ({at}) is not understood and was left out", *CHECK),
    "import-revision-one-date": RuleText(
        W, "变更履历表只有一个日期列“{header}”（{at}），却有多个签署人；记为变更日期，并作为批准日期",
        "the revision table has one date column '{header}' ({at}) for several signatories; it is taken as "
        "the date of the change and of its approval", "核对各行的审核、批准日期", "check the review and approval "
        "dates of each row"),
    "import-date-unreadable": RuleText(
        W, "{field}“{value}”（{at}）不是可识别的日期；原样照录",
        "the {field} '{value}' ({at}) is not a date that can be read; kept as written",
        "改为 YYYY-MM-DD", "write it as YYYY-MM-DD"),
    "import-no-headings": RuleText(
        W, "正文没有标题：既无标题样式，也无可识别的手工编号（如 1.、1.1、一、（一）、第一章）；正文未分节",
        "the body has no headings: no heading styles and no typed numbering it can read (1., 1.1, 一、, （一）, "
        "第一章); "
        "the body is not divided into sections", "在导入的文件中用 #、## 标出章节", "mark the sections with # and ## "
        "in the imported file"),
    "import-typed-list": RuleText(
        W, "{at}“{text}”的编号不接续前一标题 {previous} 的编号，按编号列表项处理，未作标题",
        "'{text}' ({at}) does not continue the numbering of the heading before it ({previous}); it is kept "
        "as an item of a numbered list, not a heading",
        "若它是标题，在导入的文件中改为 # 或 ## 标题", "if it is a heading, mark it with # or ## in the imported file"),
}

FIELDS = {
    "id": ("文件编号", "document number"), "version": ("版本", "version"), "title": ("标题", "title"),
    "org": ("组织", "organization"), "department": ("部门", "department"), "status": ("状态", "status"),
    "author": ("编制人", "author"), "prepared": ("编制日期", "preparation date"),
    "reviewer": ("审核人", "reviewer"), "reviewed": ("审核日期", "review date"),
    "approver": ("批准人", "approver"), "approved": ("批准日期", "approval date"),
    "effective": ("生效日期", "effective date"), "date": ("编制日期", "preparation date"),
    "review_cycle": ("评审周期", "review cycle"),
}

# Why import-defaulted chose a value: (key, value) or key → zh, en.
DEFAULT_REASONS = {
    ("status", "effective"): ("封面或变更履历载有批准日期，视为已发布实施",
                              "the cover or the revision table gives an approval date, so it is taken as in force"),
    ("status", "draft"): ("封面和变更履历都没有批准日期，视为草稿",
                          "neither the cover nor the revision table gives an approval date, so it is taken as a "
                          "draft"),
    "effective": ("取批准日期", "the approval date is taken"),
    "review_cycle": ("按每年评审一次", "a yearly review is assumed"),
}


def default_reason(key: str, value: str, lang: str) -> str:
    zh, en = DEFAULT_REASONS.get((key, value)) or DEFAULT_REASONS[key]
    return en if lang == "en" else zh


def field_name(key: str, lang: str) -> str:
    zh, en = FIELDS.get(key, (key, key))
    return en if lang == "en" else zh
