"""Read a legacy cover page: labelled paragraphs (`批 准 人： 孙玘 审批时间：2025.01.10`), key/value
grids, signature tables with a 姓名 / 日期 header, and the unlabelled organization and title lines."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from docctl.docx.normalize import DATE_RE, cycle, iso_date, label, name, squeeze, version
from docctl.docx.places import Place
from docctl.docx.wordxml import Block, Para, Table

# A label is 2-6 CJK characters, written together (批准人) or spaced out evenly (批 准 人, 批  准  人), but not
# half and half: in `持有人：质量部 王芳    发放日期：…` the label is 发放日期, not 王芳发放日期.
CJK_LABEL = (r"(?:[\u4e00-\u9fff]{2,6}|[\u4e00-\u9fff](?:\s+[\u4e00-\u9fff]){1,5})"
             r"(?:\s*[/／]\s*(?:日\s*期|时\s*间))?")   # 编制/日期: a signer and the date, in one value
PAIR = re.compile(rf"({CJK_LABEL})[:：]\s*(.*?)(?=\s+{CJK_LABEL}[:：]|\s*$)")
ROLES = {"编制人": "author", "编写人": "author", "起草人": "author", "编制": "author", "作者": "author",
         "审核人": "reviewer", "审核": "reviewer", "审查人": "reviewer",
         "批准人": "approver", "批准": "approver", "审批人": "approver", "签发人": "approver"}
SIGNER_DATE = re.compile(r"[/／](?:日期|时间)$")
ROLE_DATE = {"author": "prepared", "reviewer": "reviewed", "approver": "approved"}
OTHER = {"文件编号": "id", "文档编号": "id", "编号": "id", "版本": "version", "版本号": "version",
         "编制部门": "department", "归口部门": "department", "部门": "department",
         "生效日期": "effective", "实施日期": "effective", "状态": "status", "文件状态": "status",
         "评审周期": "review_cycle", "复审周期": "review_cycle", "评审频次": "review_cycle",
         "文件名称": "title", "制度名称": "title", "文件标题": "title", "文件名": "title"}
STATUS = {"草稿": "draft", "审核中": "review", "已批准": "approved",
          "现行有效": "effective", "现行": "effective",
          "已被替代": "superseded", "已作废": "obsolete", "作废": "obsolete"}
# Dates of the copy, not of a signature: a controlled copy's 发放日期 (docctl prints one), a print date.
NOT_SIGNED = ("发放日期", "分发日期", "打印日期", "归档日期", "复制日期", "领用日期", "收回日期", "回收日期",
              "发放时间", "打印时间", "归档时间")
# A date that names no signatory is the date of the one named just before it (`编制：李雷 日期：2023.9.1`).
PLAIN_DATES = ("日期", "时间", "签字日期", "签署日期", "签名日期", "签字时间", "签署时间")
ORG_END = re.compile(r"(公司|集团|局|院|中心|委员会|研究所|学校|大学|银行)$")
ID_IN_TITLE = re.compile(r"[（(]\s*([A-Za-z][A-Za-z0-9._-]*-[A-Za-z0-9._-]+)\s*[)）]")
MAX_LINE = 40
SENTENCE = re.compile(r"[。；;，,！？!?]")
NOT_TITLE = ("文件编制和变更履历", "修订记录", "变更记录", "目录", "受控", "非受控", "签署", "草稿 · ", "作废 · ")


@dataclass
class Cover:
    values: dict[str, str] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    unknown_dates: list[tuple[str, str, Place]] = field(default_factory=list)   # label, value, place
    conflicts: list[tuple[str, str, Place, str, Place]] = field(default_factory=list)  # key, value, place ×2
    unnamed: list[tuple[str, str, str, Place]] = field(default_factory=list)  # role, label, value, place

    def put(self, key: str, value: str | None, place: Place) -> None:
        if not value:
            return
        old = self.values.get(key)
        if old is None:
            self.values[key] = value
            self.places[key] = place
        elif old != value:
            self.conflicts.append((key, old, self.places[key], value, place))


def read_cover(blocks: list[Block]) -> Cover:
    cover = Cover()
    role: str | None = None
    free: list[tuple[str, Place]] = []
    for block in blocks:
        if isinstance(block, Table):
            _table(cover, block, free)
            continue
        pairs = PAIR.findall(block.text)
        if not pairs:
            text = squeeze(block.text)
            if text and not any(w in text for w in NOT_TITLE):
                free.append((text, block.place()))
            continue
        for raw_label, raw_value in pairs:
            role = _pair(cover, label(raw_label), raw_value.strip(), role, block.place())
    _org_and_title(cover, free)
    return cover


def _pair(cover: Cover, key: str, value: str, role: str | None, at: Place) -> str | None:
    """Store one label/value; a date label belongs to the role named just before it."""
    signer = ROLES.get(SIGNER_DATE.sub("", key))
    if signer:
        _signer(cover, signer, key, value, at)
        return signer
    if key.endswith(("时间", "日期")) and key not in OTHER:
        _signature_date(cover, key, value, role, at)
        return role
    field_name = OTHER.get(key)
    if field_name == "version":
        cover.put("version", version(value) or value, at)
    elif field_name == "status":
        cover.put("status", STATUS.get(squeeze(value), value), at)
    elif field_name == "review_cycle":
        cover.put("review_cycle", cycle(value) or value.strip(), at)
    elif field_name == "effective":
        cover.put("effective", iso_date(value) or value, at)
    elif field_name:
        cover.put(field_name, squeeze(value) if field_name in ("department", "title") else value.strip(), at)
    return role


def _signer(cover: Cover, role: str, key: str, value: str, at: Place) -> None:
    """`刘洋`, or a name then a date (`刘洋 2022年5月6日`, `刘洋/2022.05.06`): the date is the role's;
    a label whose value gives no name is kept to be reported if nothing else names the signer."""
    date = DATE_RE.search(value)
    who = name(value[:date.start()].strip(" \t/／,，、:：")) if date else name(value)
    if date:
        cover.put(ROLE_DATE[role], iso_date(date.group(0)) or date.group(0).strip(), at)
    if who:
        cover.put(role, who, at)
    else:
        cover.unnamed.append((role, key, value.strip(), at))


def _signature_date(cover: Cover, key: str, value: str, role: str | None, at: Place) -> None:
    """编制日期 / 审批时间 are their role's; a plain 日期 is the role's named just before; a date of the copy
    (发放日期) is no signature's; any other date label is not guessed but reported."""
    if key in NOT_SIGNED or not value.strip():
        return
    own = next((r for w, r in ROLES.items() if key.startswith(w[:2])), None)
    target = own or (role if key in PLAIN_DATES else None)
    if target is None:
        cover.unknown_dates.append((key, value.strip(), at))
        return
    cover.put(ROLE_DATE[target], iso_date(value) or value, at)


def _table(cover: Cover, table: Table, free: list[tuple[str, Place]]) -> None:
    grid = table.grid()
    if not grid:
        return
    head = [label(c) for c in grid[0]]
    if "姓名" in head:
        _signature_table(cover, table, grid, head)
        return
    for r, line in enumerate(grid):
        if len(set(line)) == 1:   # a row merged across the table: organization or title
            text = squeeze(line[0])
            if text and not any(w in text for w in NOT_TITLE):
                free.append((text, table.place(r, 0)))
            continue
        role: str | None = None
        for i in range(0, len(line) - 1, 2):
            if label(line[i]):
                role = _pair(cover, label(line[i]), line[i + 1].strip(), role, table.place(r, i + 1))


def _signature_table(cover: Cover, table: Table, grid: list[list[str]], head: list[str]) -> None:
    """角色 | 姓名 | 日期 rows."""
    name_col = head.index("姓名")
    date_col = next((i for i, h in enumerate(head) if "日期" in h or "时间" in h), None)
    for r, line in enumerate(grid[1:], 1):
        signer = ROLES.get(label(line[0]))
        if signer:
            cover.put(signer, name(line[name_col]), table.place(r, name_col))
            if date_col is not None:
                cover.put(ROLE_DATE[signer], iso_date(line[date_col]) or line[date_col].strip() or None,
                          table.place(r, date_col))


def cover_lead(blocks: list[Block], is_heading: Callable[[str], bool]) -> int:
    """How many leading paragraphs of a file with no cover page of its own still show one: the
    organization, labelled values, and one title line (short, no sentence punctuation); never past a
    heading, a table or a sentence. `某公司` / `乙制度 (BB-02)` is a cover; `值班人员须按时到岗。` is not."""
    count, titled = 0, False
    for block in blocks:
        if not isinstance(block, Para) or block.level or block.toc:
            break
        text = squeeze(block.text)
        if text and (is_heading(text) or len(text) > MAX_LINE):
            break
        if not text or PAIR.search(text) or ORG_END.search(text):
            count += 1
        elif not titled and not SENTENCE.search(ID_IN_TITLE.sub("", text)):
            titled, count = True, count + 1
        else:
            break
    return count


def _org_and_title(cover: Cover, free: list[tuple[str, Place]]) -> None:
    for text, at in free:
        if "org" not in cover.values and ORG_END.search(text):
            cover.put("org", text, at)
        elif "title" not in cover.values and text != cover.values.get("org"):
            m = ID_IN_TITLE.search(text)
            if m:
                cover.put("id", m.group(1), at)
                text = squeeze(ID_IN_TITLE.sub("", text))
            if text and not re.fullmatch(r"[A-Za-z0-9._-]+", text):
                cover.put("title", text, at)
