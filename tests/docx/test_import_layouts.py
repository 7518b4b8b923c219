"""docctl import on more legacy layouts, made here with python-docx: a cover as a two-column table with
merged rows, seed 001's revision table (序号 | 版本号 | 变更说明 | 修订人 | 审批人 | 日期) with 2025年1月7日
dates and typed headings without separators, Chinese numbering (一、 / （一）), no revision table at all."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx_helpers import policy_repo
from test_import import defaults, import_, load

import docx
from docctl.cli import main


def table_cover_chinese_numbering(path: Path) -> Path:
    d = docx.Document()
    cover = d.add_table(rows=8, cols=2)
    cover.cell(0, 0).merge(cover.cell(0, 1)).text = "湖南同飞电力调度信息有限责任公司"
    cover.cell(1, 0).merge(cover.cell(1, 1)).text = "运维服务备件管理办法"
    for r, (key, value) in enumerate((("文件编号", "TFDL-ITSS-05-01"), ("版 本 号", "V 2 . 1"),
                                      ("编制人", "杨洁"), ("编制日期", "2025年1月7日"),
                                      ("批准人", "张远明"), ("批准日期", "2025年1月 10日")), 2):
        cover.cell(r, 0).text, cover.cell(r, 1).text = key, value
    d.add_paragraph("一、总则")
    d.add_paragraph("（一）目的")
    d.add_paragraph("为规范备件的申领、保管和报废，特制定本办法。")
    d.add_paragraph("1. 备件入库须登记。")
    d.add_paragraph("2. 备件出库须审批。")
    d.add_paragraph("（二）适用范围")
    d.add_paragraph("适用于公司全部运维项目。")
    d.add_paragraph("二、职责")
    d.add_paragraph("运维部负责备件的日常管理。")
    d.save(str(path))
    return path


def test_table_cover_with_merged_rows_and_chinese_numbering(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    source = table_cover_chinese_numbering(tmp_path / "备件.docx")
    assert import_(tmp_path, source) == 1
    assert capsys.readouterr().err == (
        f"{source}:1:1: warning import-history-missing: 没有找到变更履历表；按封面生成一行履历\n"
        "    提示: 补录历次版本到 history\n" + defaults(source, "2025-01-10"))
    meta, body = load(tmp_path / "TFDL-ITSS-05-01.md")
    assert {k: meta[k] for k in ("id", "title", "org", "version", "type", "author", "prepared", "approver",
                                 "approved", "effective", "status")} == {
        "id": "TFDL-ITSS-05-01", "title": "运维服务备件管理办法", "org": "湖南同飞电力调度信息有限责任公司",
        "version": "2.1", "type": "policy", "author": "杨洁", "prepared": "2025-01-07", "approver": "张远明",
        "approved": "2025-01-10", "effective": "2025-01-10", "status": "effective"}
    assert meta["history"] == [{"version": "2.1", "author": "杨洁", "date": "2025-01-07", "reviewer": None,
                                "reviewed": None, "approver": "张远明", "approved": "2025-01-10",
                                "change": "首次发布"}]
    assert body == ("# 总则\n\n## 目的\n\n为规范备件的申领、保管和报废，特制定本办法。\n\n"
                    "1. 备件入库须登记。\n2. 备件出库须审批。\n\n## 适用范围\n\n适用于公司全部运维项目。\n\n"
                    "# 职责\n\n运维部负责备件的日常管理。\n")


def seed_001_layout(path: Path) -> Path:
    """Title before organization, 版本修订记录 with seed 001's header, a typed 目录, `1编写目的`."""
    d = docx.Document()
    d.add_paragraph("运维服务质量管理制度")
    d.add_paragraph("XXXX公司")
    d.add_paragraph("版本修订记录")
    rev = d.add_table(rows=3, cols=6)
    rows = (("序号", "版本号", "变更说明", "修订人", "审批人", "日期"),
            ("1", "V1.0", "首次发布", "王伟", "李娜", "2025年1月7日"),
            ("2", "V1.1", "修订第3章", "王伟", "李娜", "2025年3月"))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            rev.cell(r, c).text = text
    d.add_paragraph("目录")
    for line in ("1编写目的\t4", "2 .适用范围\t4", "3 .运维服务质量管理体系总要求\t4", "3.1 运维服务管理组织及职责\t4"):
        d.add_paragraph(line)
    d.add_paragraph("1编写目的")
    d.add_paragraph("为保证XXXX公司提供的运维服务满足客户所需的服务质量，特制订本制度。")
    d.add_paragraph("2 .适用范围")
    d.add_paragraph("适用于本公司运维体系涉及的相关部门。")
    d.add_paragraph("3 .运维服务质量管理体系总要求")
    d.add_paragraph("3.1 运维服务管理组织及职责")
    d.add_paragraph("3个工作日内完成评审")
    d.save(str(path))
    return path


def test_seed_001_layout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = seed_001_layout(tmp_path / "质量管理制度.docx")
    assert import_(tmp_path, source) == 1
    assert capsys.readouterr().err == (
        f"{source}:4:6: warning import-revision-one-date: 变更履历表只有一个日期列“日期”（表格 1 第 1 行第 6 列），"
        "却有多个签署人；记为变更日期，并作为批准日期\n"
        "    提示: 核对各行的审核、批准日期\n"
        f"{source}:1:1: warning import-id-missing: 无法确定文件编号：封面、页眉和文档属性都未载明；"
        "暂用文件名 质量管理制度\n"
        "    提示: 在前置元数据中填写 id，并把文件改名为 <id>.md\n"
        f"{source}:4:6: warning import-date-unreadable: 编制日期“2025年3月”（表格 1 第 3 行第 6 列）不是可识别的日期；"
        "原样照录\n"
        "    提示: 改为 YYYY-MM-DD\n" + defaults(source, "2025年3月"))
    meta, body = load(tmp_path / "质量管理制度.md")
    assert (meta["title"], meta["org"], meta["version"], meta["author"], meta["approver"]) == (
        "运维服务质量管理制度", "XXXX公司", "1.1", "王伟", "李娜")
    assert meta["history"] == [
        {"version": "1.0", "author": "王伟", "date": "2025-01-07", "reviewer": None, "reviewed": None,
         "approver": "李娜", "approved": "2025-01-07", "change": "首次发布"},
        {"version": "1.1", "author": "王伟", "date": "2025年3月", "reviewer": None, "reviewed": None,
         "approver": "李娜", "approved": "2025年3月", "change": "修订第3章"}]
    assert body == ("# 编写目的\n\n为保证XXXX公司提供的运维服务满足客户所需的服务质量，特制订本制度。\n\n"
                    "# 适用范围\n\n适用于本公司运维体系涉及的相关部门。\n\n# 运维服务质量管理体系总要求\n\n"
                    "## 运维服务管理组织及职责\n\n3个工作日内完成评审\n")


def test_body_without_headings_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    d = docx.Document()
    d.core_properties.title = "值班管理规定"
    d.core_properties.identifier = "XDYJ-02-01"
    d.core_properties.subject = "北京新都远景网络技术有限公司"
    d.core_properties.version = "1.0"
    d.add_paragraph("值班人员须按排班表到岗，不得擅自换班。")
    d.add_paragraph("交接班时须填写交接记录。")
    source = tmp_path / "duty.docx"
    d.save(str(source))
    assert main(["--lang", "en", "import", str(source), "--out", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"{source}:1:1: warning import-history-missing: no revision table found; one history row is made "
        "from the cover\n"
        "    hint: add the earlier versions to history\n" + defaults(source, None, "draft", "en")
        + f"{source}:1:1: warning import-no-headings: the body has no headings: no heading styles and no typed "
        "numbering it can read (1., 1.1, 一、, （一）, 第一章); the body is not divided into sections\n"
        "    hint: mark the sections with # and ## in the imported file\n")
    meta, body = load(tmp_path / "XDYJ-02-01.md")
    assert (meta["title"], meta["type"], meta["status"]) == ("值班管理规定", "policy", "draft")
    assert body == "值班人员须按排班表到岗，不得擅自换班。\n\n交接班时须填写交接记录。\n"


def regulation_layout(path: Path) -> Path:
    """The layout of Chinese regulations: 第一章 / 第一节 / 第一条, items （一）, typed bullets, a cover grid
    whose title row is merged, a typed 目录 listing the chapters."""
    d = docx.Document()
    d.add_paragraph("上海恒信数据服务有限公司")
    cover = d.add_table(rows=4, cols=4)
    cover.cell(0, 1).merge(cover.cell(0, 3))
    for r, cells in enumerate((("文件名称", "信息安全事件管理办法"), ("文件编号", "HXSJ-ISMS-0201", "版 本 号", "V1.0"),
                               ("编 制 人", "周 小 平", "编制日期", "2024年3月5日"),
                               ("批 准 人", "王五", "批准日期", "2024年3月10日"))):
        for c, text in enumerate(cells):
            cover.cell(r, c).text = text
    d.add_paragraph("目  录")
    d.add_paragraph("第一章 总则 ........ 1")
    d.add_paragraph("第二章 职责 ........ 1")
    for text in ("第一章 总则", "第一条 为规范公司信息安全事件的管理，制定本办法。",
                 "第二条 本办法适用于公司全体员工。", "第二章 职责", "第一节 信息安全部", "第三条 信息安全部负责：",
                 "（一）组织事件响应；",
                 "（二）编写事件报告。", "第二节　各部门", "第四条 各部门发现事件须立即报告。",
                 "第三章附则", "第五条 本办法自发布之日起施行。", "• 每次事件须记录。", "• 每季度汇总。"):
        d.add_paragraph(text)
    d.save(str(path))
    return path


REGULATION_BODY = (
    "# 总则\n\n第一条 为规范公司信息安全事件的管理，制定本办法。\n\n第二条 本办法适用于公司全体员工。\n\n"
    "# 职责\n\n## 信息安全部\n\n第三条 信息安全部负责：\n\n（一）组织事件响应；\n\n（二）编写事件报告。\n\n"
    "## 各部门\n\n第四条 各部门发现事件须立即报告。\n\n# 附则\n\n第五条 本办法自发布之日起施行。\n\n"
    "- 每次事件须记录。\n- 每季度汇总。\n")


def test_regulation_layout_chapters_sections_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """第X章 level 1, 第X节 level 2 under it, numbers stripped; articles stay paragraphs that begin with
    their number (other articles cite them by it); typed bullets are list items; the round trip through
    export gives the same file."""
    root = policy_repo(tmp_path / "repo")
    source = regulation_layout(tmp_path / "办法.docx")
    assert import_(root / "policies", source) == 1
    assert capsys.readouterr().err == (
        f"{source}:1:1: warning import-history-missing: 没有找到变更履历表；按封面生成一行履历\n"
        "    提示: 补录历次版本到 history\n" + defaults(source, "2024-03-10"))
    first = (root / "policies/HXSJ-ISMS-0201.md").read_text(encoding="utf-8")
    meta, body = load(root / "policies/HXSJ-ISMS-0201.md")
    assert body == REGULATION_BODY
    assert (meta["title"], meta["version"], meta["author"], meta["approved"]) == (
        "信息安全事件管理办法", "1.0", "周小平", "2024-03-10")
    assert main(["-C", str(root), "export", "HXSJ-ISMS-0201", "--out", "out"]) == 0
    word = docx.Document(str(root / "out/HXSJ-ISMS-0201.docx"))
    assert [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("Heading")] == [
        ("Heading 1", "总则"), ("Heading 1", "职责"), ("Heading 2", "信息安全部"), ("Heading 2", "各部门"),
        ("Heading 1", "附则")]
    capsys.readouterr()
    assert import_(tmp_path / "again", root / "out/HXSJ-ISMS-0201.docx") == 0
    assert (tmp_path / "again/HXSJ-ISMS-0201.md").read_text(encoding="utf-8") == first


def numbered_items_layout(path: Path, *, toc: bool = False) -> Path:
    """Typed headings without styles, and under 2.1 a numbered list typed as text (1. 2. 3.)."""
    d = docx.Document()
    d.add_paragraph("某某科技有限公司")
    d.add_paragraph("文件编号：MM-QP-01")
    d.add_paragraph("事件管理程序")
    d.add_paragraph("版本：V1.0")
    if toc:
        d.add_paragraph("目录")
        for line in ("1. 目的\t1", "2. 职责\t1", "2.1 服务台\t1", "2.2 二线工程师\t1", "3. 流程\t2"):
            d.add_paragraph(line)
    for text in ("1. 目的", "规范事件管理。", "2. 职责", "2.1 服务台", "1. 受理事件", "2. 分派工单", "3. 回访客户",
                 "2.2 二线工程师", "负责处理。", "3. 流程", "按流程图执行。"):
        d.add_paragraph(text)
    d.save(str(path))
    return path


ITEMS_BODY = ("# 目的\n\n规范事件管理。\n\n# 职责\n\n## 服务台\n\n1. 受理事件\n2. 分派工单\n3. 回访客户\n\n"
              "## 二线工程师\n\n负责处理。\n\n# 流程\n\n按流程图执行。\n")


def test_numbered_items_are_not_headings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`1.` after the heading 2.1 restarts a numbering: a list, said with its place; `3.` right after the
    items 1. and 2. is the list's third item; 2.2 and 3 continue the headings."""
    source = numbered_items_layout(tmp_path / "事件.docx")
    assert import_(tmp_path, source) == 1
    assert capsys.readouterr().err == (
        f"{source}:9:1: warning import-typed-list: 第 9 段“1. 受理事件”的编号不接续前一标题 2.1 的编号，"
        "按编号列表项处理，未作标题\n"
        "    提示: 若它是标题，在导入的文件中改为 # 或 ## 标题\n"
        f"{source}:1:1: warning import-history-missing: 没有找到变更履历表；按封面生成一行履历\n"
        "    提示: 补录历次版本到 history\n" + defaults(source, None, "draft"))
    assert load(tmp_path / "MM-QP-01.md")[1] == ITEMS_BODY
    assert main(["--lang", "en", "import", str(source), "--out", str(tmp_path), "--force"]) == 1
    assert capsys.readouterr().err.splitlines()[:2] == [
        f"{source}:9:1: warning import-typed-list: '1. 受理事件' (paragraph 9) does not continue the numbering "
        "of the heading before it (2.1); it is kept as an item of a numbered list, not a heading",
        "    hint: if it is a heading, mark it with # or ## in the imported file"]


def test_numbered_items_decided_by_the_typed_toc(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The typed 目录 lists the headings: the items it does not list are items, nothing to report."""
    source = numbered_items_layout(tmp_path / "事件.docx", toc=True)
    assert main(["--lang", "en", "import", str(source), "--out", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"{source}:1:1: warning import-history-missing: no revision table found; one history row is made "
        "from the cover\n"
        "    hint: add the earlier versions to history\n" + defaults(source, None, "draft", "en"))
    assert load(tmp_path / "MM-QP-01.md")[1] == ITEMS_BODY


@pytest.mark.parametrize("label", ["文件名称", "制度名称", "文件标题"])
def test_title_labels_and_dates_of_no_signature(tmp_path: Path, label: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    """The title under its label; 发放日期 / 打印日期 date the copy (ignored); 发布日期 names no signatory:
    not given to anyone, said; a plain 日期 belongs to the signatory named before it."""
    d = docx.Document()
    d.add_paragraph("深圳联云科技股份有限公司")
    d.add_paragraph(f"{label}：变更管理程序")
    d.add_paragraph("文件编号：LY-QP-07    版本：V2.1")
    d.add_paragraph("编制：李雷    日期：2023.9.1")
    d.add_paragraph("批准：张总    批准日期：2023.9.4")
    d.add_paragraph("发布日期：2023.9.5")
    d.add_paragraph("持有人：运维部 王芳    发放日期：2024.1.2    打印日期：2024.1.3")
    d.add_heading("目的", level=1)
    d.add_paragraph("规范变更管理。")
    source = tmp_path / "变更.docx"
    d.save(str(source))
    assert import_(tmp_path, source) == 1
    assert capsys.readouterr().err == (
        f"{source}:6:1: warning import-cover-date-unknown: 封面的“发布日期”（第 6 段）为 2023.9.5："
        "不是编制、审核、批准或生效日期，未采用\n"
        "    提示: 若它是某项签署的日期，填入 prepared、reviewed 或 approved\n"
        f"{source}:1:1: warning import-history-missing: 没有找到变更履历表；按封面生成一行履历\n"
        "    提示: 补录历次版本到 history\n" + defaults(source, "2023-09-04"))
    meta, _ = load(tmp_path / "LY-QP-07.md")
    assert {k: meta[k] for k in ("title", "type", "author", "prepared", "approver", "approved", "effective")} == {
        "title": "变更管理程序", "type": "procedure", "author": "李雷", "prepared": "2023-09-01",
        "approver": "张总", "approved": "2023-09-04", "effective": "2023-09-04"}
    assert main(["--lang", "en", "import", str(source), "--out", str(tmp_path), "--force"]) == 1
    assert capsys.readouterr().err.splitlines()[:2] == [
        f"{source}:6:1: warning import-cover-date-unknown: the cover's '发布日期' (paragraph 6) is 2023.9.5: "
        "not a date of preparation, review, approval or entry into force; not used",
        "    hint: if it dates a signature, set prepared, reviewed or approved"]


def letter_versions(path: Path, cover_version: str, rows: tuple[tuple[str, ...], ...]) -> Path:
    """A cover with a 版次/修改次数 version and a 序号 | 版本 | 变更内容 | 变更人 | 日期 table."""
    d = docx.Document()
    d.add_paragraph("深圳联云科技股份有限公司")
    d.add_paragraph("变更管理程序")
    d.add_paragraph(f"文件编号：LY-QP-07    版本：{cover_version}")
    d.add_paragraph("批准：张总    批准日期：2023.9.4")
    d.add_paragraph("变更记录")
    table = d.add_table(rows=len(rows) + 1, cols=5)
    for r, cells in enumerate((("序号", "版本", "变更内容", "变更人", "日期"), *rows)):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    d.add_heading("目的", level=1)
    d.add_paragraph("规范变更管理。")
    d.save(str(path))
    return path


def test_letter_number_versions_are_converted_and_said(tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """A/0 → 1.0, A/1 → 1.1, B/2 → 2.2: edition letter, amendment number, in order; each written form is
    reported once, where it is first read. 变更人 is the author of the change."""
    rows = (("1", "A/0", "新建", "李雷", "2021.3.1"), ("2", "A/1", "修订", "李雷", "2022.5.6"),
            ("3", "B/2", "全面修订", "韩梅梅", "2023.9.1"))
    source = letter_versions(tmp_path / "变更.docx", "B/2", rows)
    assert import_(tmp_path, source) == 1
    mapped = ("是“版次/修改次数”写法，换算为 {v}（A 版为 1，B 版为 2……，斜线后为修改次数）\n"
              "    提示: 核对换算；受控副本上的版本今后写作 V{v}\n")
    assert capsys.readouterr().err == (
        f"{source}:3:1: warning import-version-mapped: 版本“B/2”（第 3 段）" + mapped.format(v="2.2")
        + f"{source}:6:2: warning import-version-mapped: 版本“A/0”（表格 1 第 2 行第 2 列）" + mapped.format(v="1.0")
        + f"{source}:6:2: warning import-version-mapped: 版本“A/1”（表格 1 第 3 行第 2 列）" + mapped.format(v="1.1")
        + defaults(source, "2023-09-04"))
    meta, _ = load(tmp_path / "LY-QP-07.md")
    assert meta["version"] == "2.2"
    assert meta["history"] == [
        {"version": "1.0", "author": "李雷", "date": "2021-03-01", "reviewer": None, "reviewed": None,
         "approver": None, "approved": None, "change": "新建"},
        {"version": "1.1", "author": "李雷", "date": "2022-05-06", "reviewer": None, "reviewed": None,
         "approver": None, "approved": None, "change": "修订"},
        {"version": "2.2", "author": "韩梅梅", "date": "2023-09-01", "reviewer": None, "reviewed": None,
         "approver": None, "approved": None, "change": "全面修订"}]


def test_unreadable_version_is_kept_and_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = letter_versions(tmp_path / "变更.docx", "第三版", (("1", "第三版", "新建", "李雷", "2021.3.1"),))
    assert main(["--lang", "en", "import", str(source), "--out", str(tmp_path)]) == 1
    assert capsys.readouterr().err == (
        f"{source}:3:1: warning import-version-unreadable: the version '第三版' (paragraph 3) is not MAJOR.MINOR "
        "(such as 1.0) and cannot be converted; it is kept as written and docctl check will reject it\n"
        "    hint: write it as MAJOR.MINOR, such as 1.0 or 2.1\n" + defaults(source, "2023-09-04", lang="en"))
    meta, _ = load(tmp_path / "LY-QP-07.md")
    assert (meta["version"], meta["history"]) == ("第三版", [
        {"version": "第三版", "author": "李雷", "date": "2021-03-01", "reviewer": None, "reviewed": None,
         "approver": None, "approved": None, "change": "新建"}])


def test_cover_without_labels_against_core_properties(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A first page of just `某公司` / `乙制度 (BB-02)`, document properties from another file (a template
    left stale), the page header from a third: what the page shows is used, every difference said, and
    the cover lines are not left in the body."""
    d = docx.Document()
    d.core_properties.title = "甲制度"
    d.core_properties.identifier = "AA-01"
    d.sections[0].header.paragraphs[0].text = "CC-03"
    for text in ("某公司", "乙制度 (BB-02)", "值班人员须按排班表到岗，不得擅自换班。", "交接班时须填写交接记录。"):
        d.add_paragraph(text)
    source = tmp_path / "乙.docx"
    d.save(str(source))
    assert import_(tmp_path, source) == 1
    check = "    提示: 核对原件后在导入的文件中改正\n"
    assert capsys.readouterr().err == (
        f"{source}:2:1: warning import-id-mismatch: 文件编号不一致：第 2 段为 BB-02，文档属性为 AA-01；采用 BB-02\n"
        + check
        + f"{source}:2:1: warning import-id-mismatch: 文件编号不一致：第 2 段为 BB-02，页眉为 CC-03；采用 BB-02\n"
        + check
        + f"{source}:2:1: warning import-core-mismatch: 标题不一致：第 2 段为 乙制度，文档属性为 甲制度；采用 乙制度\n"
        + check
        + f"{source}:1:1: warning import-version-missing: 无法确定版本：封面、变更履历和文档属性都未载明；暂定 1.0\n"
        "    提示: 在前置元数据中填写 version\n"
        f"{source}:1:1: warning import-history-missing: 没有找到变更履历表；按封面生成一行履历\n"
        "    提示: 补录历次版本到 history\n" + defaults(source, None, "draft")
        + f"{source}:1:1: warning import-no-headings: 正文没有标题：既无标题样式，也无可识别的手工编号"
        "（如 1.、1.1、一、（一）、第一章）；正文未分节\n"
        "    提示: 在导入的文件中用 #、## 标出章节\n")
    meta, body = load(tmp_path / "BB-02.md")
    assert (meta["id"], meta["title"], meta["org"]) == ("BB-02", "乙制度", "某公司")
    assert body == "值班人员须按排班表到岗，不得擅自换班。\n\n交接班时须填写交接记录。\n"
    assert main(["--lang", "en", "import", str(source), "--out", str(tmp_path), "--force"]) == 1
    assert capsys.readouterr().err.splitlines()[4] == (
        f"{source}:2:1: warning import-core-mismatch: the title differs: 乙制度 in paragraph 2, 甲制度 in the "
        "document properties; 乙制度 is used")


def typed_body(path: Path, lines: tuple[str, ...]) -> Path:
    d = docx.Document()
    d.add_paragraph("某某科技有限公司")
    d.add_paragraph("文件编号：MM-QP-02")
    d.add_paragraph("问题管理程序")
    d.add_paragraph("版本：V1.0")
    for text in lines:
        d.add_paragraph(text)
    d.save(str(path))
    return path


def test_chapters_with_arabic_sections(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """第X章 with typed sections 1.1 / 2.1: the sections are level 2 of their chapter; `1.` lines under
    them are items."""
    source = typed_body(tmp_path / "问题.docx", (
        "第一章 总则", "1.1 目的", "规范问题管理。", "1.2 范围", "适用于全部项目。", "第二章 职责", "2.1 服务台",
        "1. 记录问题", "2. 分析原因", "2.2 二线工程师", "负责处理。"))
    assert import_(tmp_path, source) == 1
    assert "import-typed-list" not in capsys.readouterr().err
    assert load(tmp_path / "MM-QP-02.md")[1] == (
        "# 总则\n\n## 目的\n\n规范问题管理。\n\n## 范围\n\n适用于全部项目。\n\n# 职责\n\n## 服务台\n\n"
        "1. 记录问题\n2. 分析原因\n\n## 二线工程师\n\n负责处理。\n")


def test_a_sentence_citing_an_article_is_not_a_regulation_layout(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    source = typed_body(tmp_path / "问题.docx", (
        "1. 目的", "规范问题管理。", "2. 职责", "第五条规定的职责由质量部负责。", "第二章规定的事项另行通知。"))
    assert import_(tmp_path, source) == 1
    capsys.readouterr()
    assert load(tmp_path / "MM-QP-02.md")[1] == (
        "# 目的\n\n规范问题管理。\n\n# 职责\n\n第五条规定的职责由质量部负责。\n\n第二章规定的事项另行通知。\n")
