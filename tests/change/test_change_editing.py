"""Round-trip editing and the refusals of the lifecycle commands."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from gitrepo import REPO, GitRepo, make_git_repo

from docctl import lifecycle, model
from docctl.config import Organization
from docctl.editing import open_document, put, write_atomic
from docctl.errors import UsageError
from docctl.lifecycle import reachable
from docctl.numbering import next_id
from docctl.records import write_new
from docctl.rules import signatures
from docctl.targets import COVER_ORDER


@pytest.fixture
def repo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> GitRepo:
    return make_git_repo(tmp_path / "repo", capsys)


@pytest.mark.parametrize("path", sorted((REPO / "policies").glob("*.md")), ids=lambda p: p.name)
def test_untouched_round_trip_is_byte_identical(path: Path) -> None:
    assert open_document(path).render().encode("utf-8") == path.read_bytes()


def test_round_trip_keeps_comments_quotes_order_bom_and_crlf(tmp_path: Path) -> None:
    text = (
        '---\n# 注释保留\nid: \'YNTD-ITSS-0001\'   # 行尾注释\ntitle: "标题：带引号"\nversion: "1.10"\n'
        'related: [A, B]\nsuperseded_by: null\nhistory:\n  - version: "1.10"\n    change: 首次发布\n---\n'
        "正文  \n"
    )
    path = tmp_path / "doc.md"
    path.write_bytes(("\ufeff" + text.replace("\n", "\r\n")).encode("utf-8"))
    doc = open_document(path)
    assert doc.render().encode("utf-8") == path.read_bytes()
    put(doc.front, "status", "draft", COVER_ORDER)
    doc.save()
    assert path.read_bytes() == (
        "\ufeff" + text.replace('version: "1.10"\n', 'version: "1.10"\nstatus: draft\n', 1).replace("\n", "\r\n")
    ).encode("utf-8")


def test_revise_changes_only_what_it_must(repo: GitRepo) -> None:
    before = repo.text("XDYJ-04-04")
    assert repo.docctl("revise", "XDYJ-04-04", "--change", "年度评审：无实质变更")[0] == 0
    repo.git("add", "-A")
    diff = repo.git("diff", "--cached", "-U0", "--no-color")
    changed = [line for line in diff.splitlines() if re.match(r"^[+-](?![+-])", line)]
    assert changed == [
        '-version: "1.1"',
        "-status: effective",
        '+version: "1.2"',
        "+status: draft",
        "-prepared: 2025-02-10",
        "-reviewer: 郑凯",
        "-reviewed: 2025-02-11",
        "-approver: 孙玘",
        "-approved: 2025-02-12",
        "-effective: 2025-02-12",
        "+prepared: 2026-11-22",
        "+reviewer: null",
        "+reviewed: null",
        "+approver: null",
        "+approved: null",
        "+effective: null",
        "+    effective: 2025-02-12",  # the version in force keeps its effective date in its row
        '+  - version: "1.2"',
        "+    author: 周敏",
        "+    date: 2026-11-22",
        "+    change: 年度评审：无实质变更",
    ]
    assert repo.text("XDYJ-04-04").split("\n---\n", 1)[1] == before.split("\n---\n", 1)[1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("approve", "YNTD-ITSS-0403", "--as", "陆涛"),
            "YNTD-ITSS-0403: 状态为 effective 的文件不能批准（须为 review） / "
            "cannot approve a document in status effective (must be review)",
        ),
        (
            ("release", "YNTD-ITSS-0403"),
            "YNTD-ITSS-0403: 状态为 effective 的文件不能发布（须为 approved） / "
            "cannot release a document in status effective (must be approved)",
        ),
        (("approve", "NOPE-1", "--as", "陆涛"), "NOPE-1: 没有此编号的文件 / no document with this number"),
        (
            ("obsolete", "YNTD-ITSS-0403", "--by", "YNTD-ITSS-0403", "--as", "陆涛", "--reason", "重复"),
            "--by YNTD-ITSS-0403: 须为另一份未作废的文件 / must be another document still in force",
        ),
    ],
)
def test_refusals_on_effective_documents(repo: GitRepo, args: tuple[str, ...], message: str) -> None:
    before = repo.text("YNTD-ITSS-0403")
    assert repo.docctl(*args)[::2] == (2, f"docctl: {message}\n")
    assert repo.text("YNTD-ITSS-0403") == before


@pytest.mark.parametrize(
    ("signer", "role", "message"),
    [
        (
            "陆涛",
            "approver",
            "YNTD-ITSS-0403: 尚未审核，不能批准（先由审核人 docctl approve --role reviewer） / "
            "cannot approve before review (a reviewer signs first)",
        ),
        ("吴杰", "reviewer", "“吴杰”在名册中没有 reviewer 角色 / '吴杰' has no reviewer role on the roster"),
        (
            "孙玥",
            "reviewer",
            "审核人“孙玥”不在 docctl.yml 的人员名册中 / the reviewer '孙玥' is not on the roster in docctl.yml",
        ),
    ],
)
def test_refusals_on_a_draft(repo: GitRepo, signer: str, role: str, message: str) -> None:
    repo.docctl("revise", "YNTD-ITSS-0403", "--change", "年度评审")
    assert repo.docctl("approve", "YNTD-ITSS-0403", "--as", signer, "--role", role)[::2] == (
        2,
        f"docctl: {message}\n",
    )


def test_self_approval_is_refused(repo: GitRepo) -> None:
    config = (repo.root / "docctl.yml").read_text(encoding="utf-8")
    (repo.root / "docctl.yml").write_text(
        config.replace("roles: [reviewer]\n", "roles: [reviewer, author]\n", 1), encoding="utf-8"
    )
    repo.docctl("revise", "YNTD-ITSS-0403", "--change", "年度评审", "--author", "赵建中")
    assert repo.docctl("approve", "YNTD-ITSS-0403", "--as", "赵建中")[::2] == (
        2,
        "docctl: YNTD-ITSS-0403: 赵建中 是本版本的编制人，不能自己签署 / "
        "赵建中 is this version's author and cannot sign it as reviewer\n",
    )


def test_next_free_numbers() -> None:
    yntd = Organization("YNTD", "云南腾电", re.compile(r"^YNTD-ITSS-\d{4}$"))
    xdyj = Organization("XDYJ", "新都远景", re.compile(r"^XDYJ-\d{2}-\d{2}$"))
    assert next_id(yntd, ["YNTD-ITSS-0403", "YNTD-ITSS-0404", "XDYJ-04-04"]) == "YNTD-ITSS-0405"
    assert next_id(yntd, []) == "YNTD-ITSS-0001"
    assert next_id(xdyj, ["XDYJ-04-04", "XDYJ-03-09"]) == "XDYJ-04-05"
    assert next_id(xdyj, []) == "XDYJ-01-01"
    with pytest.raises(UsageError, match="numbers are exhausted: XDYJ-04-100"):
        next_id(xdyj, ["XDYJ-04-99"])


def test_state_machine_paths() -> None:
    assert reachable("draft", "effective", same_version=True)
    assert not reachable("effective", "draft", same_version=True)
    assert reachable("effective", "review", same_version=False)
    assert not reachable("obsolete", "draft", same_version=False)
    assert reachable("draft", "draft", same_version=False)  # reviewed, approved, released, revised in one PR
    assert not reachable("superseded", "effective", same_version=True)


def test_one_state_machine_for_commands_and_check() -> None:
    """The model, the signatures rule and the lifecycle rule read docctl.lifecycle's table."""
    assert model.RELEASED is lifecycle.FROZEN == ("approved", "effective", "superseded", "obsolete")
    assert signatures.SIGNED_STATUSES is lifecycle.SIGNED == ("approved", "effective", "superseded")
    assert model.WITHDRAWN is lifecycle.WITHDRAWN == ("superseded", "obsolete")
    assert model.CURRENT is lifecycle.CURRENT == ("effective",)
    assert [lifecycle.expected_records(s) for s in lifecycle.STATES] == [
        ("", ("reviewed", "approved", "effective")),
        ("reviewed", ("approved", "effective")),
        ("approved", ("effective",)),
        ("effective", ()),
        ("", ()),
        ("", ()),
    ]


def test_due_lists_overdue_reviews(repo: GitRepo) -> None:
    rc, out, _ = repo.docctl("due", "--within", "2m", "--format", "csv")
    assert rc == 0
    assert [line.split(",")[0] for line in out.splitlines()] == [
        "ID",
        "TFDL-ITSS-08-09",
        "XDYJ-04-04",
        "YNTD-ITSS-0403",
        "YNTD-ITSS-0404",
    ]
    rc, out, _ = repo.docctl("due", "--within", "30d", "--format", "json", today="2022-06-01")
    assert out == "[]\n"
    assert repo.docctl("due", "--within", "soon")[::2] == (
        2,
        "docctl: --within soon: 应为 30d、2w、3m、1y 或 ISO 8601 时长 / "
        "expected 30d, 2w, 3m, 1y or an ISO 8601 duration\n",
    )


def test_status_must_fit_the_signatures_and_digests_are_required(repo: GitRepo) -> None:
    text = repo.text("YNTD-ITSS-0404")
    repo.write("YNTD-ITSS-0404", text.replace("status: effective", "status: review"))
    rc, out, _ = repo.docctl("check")
    assert [line for line in out.splitlines() if "lifecycle-state" in line] == [
        "policies/YNTD-ITSS-0404.md:8:9: error lifecycle-state: status review does not fit the signatures of "
        "version 1.0: an approved version is in status approved"
    ]
    late = text.replace("approved: 2025-01-07", "approved: 2026-11-22").replace(
        "effective: 2025-01-07", "effective: 2026-11-22"
    )
    repo.write("YNTD-ITSS-0404", late)
    rc, out, _ = repo.docctl("check")
    assert rc == 1
    assert (
        "policies/YNTD-ITSS-0404.md:23:5: error digest-missing: the approval of version 1.0 records no "
        "content digest" in out
    )
    assert (
        "policies/YNTD-ITSS-0403.md:23:5: info digest-legacy: version 1.0 was approved on 2025-01-07, "
        "before content digests were required (from 2026-11-22); check --base protects its text against "
        "git history" in out
    )


@pytest.fixture
def umask_027() -> Iterator[None]:
    old = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.usefixtures("umask_027")
def test_new_files_get_the_umask_mode_existing_files_keep_theirs(repo: GitRepo, tmp_path: Path) -> None:
    rc, _, _ = repo.docctl("new", "policy", "--title", "变更管理制度", "--org", "YNTD", "--author", "吴杰")
    assert rc == 0
    assert stat.S_IMODE(repo.path("YNTD-ITSS-0405").stat().st_mode) == 0o640  # 0666 & ~027, not mkstemp's 0600
    repo.path("YNTD-ITSS-0403").chmod(0o604)
    assert repo.docctl("revise", "YNTD-ITSS-0403", "--change", "年度评审")[0] == 0
    assert stat.S_IMODE(repo.path("YNTD-ITSS-0403").stat().st_mode) == 0o604
    assert write_new(tmp_path / "records" / "r.md", "---\nid: R-1\n---\n")
    assert stat.S_IMODE((tmp_path / "records" / "r.md").stat().st_mode) == 0o640
    os.umask(0o002)
    write_atomic(tmp_path / "CODEOWNERS", b"* @a\n")
    assert stat.S_IMODE((tmp_path / "CODEOWNERS").stat().st_mode) == 0o664


def _break_history(repo: GitRepo, doc_id: str) -> str:
    text = repo.text(doc_id)
    start, end = text.index("history:\n"), text.index("# 控制项")
    repo.write(doc_id, text[:start] + "history: oops\n" + text[end:])
    return repo.text(doc_id)


@pytest.mark.parametrize(
    "args",
    [("revise", "YNTD-ITSS-0403", "--change", "年度评审"),
     ("obsolete", "YNTD-ITSS-0403", "--as", "陆涛", "--reason", "停用"),
     ("obsolete", "YNTD-ITSS-0403", "--by", "YNTD-ITSS-0404", "--as", "陆涛", "--reason", "合并")],
)
def test_editing_commands_refuse_a_file_with_errors(repo: GitRepo, args: tuple[str, ...]) -> None:
    broken = _break_history(repo, "YNTD-ITSS-0403")
    line = repo.line("YNTD-ITSS-0403", "history: oops")
    assert repo.docctl(*args)[::2] == (
        2,
        f"docctl: policies/YNTD-ITSS-0403.md:{line}:10: schema-type: 'history' must be a list, not text — "
        "共 1 个错误，请先改正（docctl check） / 1 error(s): fix them first (docctl check)\n",
    )
    assert repo.text("YNTD-ITSS-0403") == broken


def test_release_refuses_a_file_with_errors(repo: GitRepo) -> None:
    repo.docctl("revise", "YNTD-ITSS-0403", "--change", "年度评审")
    repo.docctl("approve", "YNTD-ITSS-0403", "--as", "赵建中")
    repo.docctl("approve", "YNTD-ITSS-0403", "--as", "陆涛")
    repo.write("YNTD-ITSS-0403", repo.text("YNTD-ITSS-0403").replace("next_review: 2026-01-07", "next_review: 明年"))
    before = repo.text("YNTD-ITSS-0403")
    rc, _, err = repo.docctl("release", "YNTD-ITSS-0403")
    line = repo.line("YNTD-ITSS-0403", "next_review: 明年")
    assert (rc, err) == (
        2,
        f"docctl: policies/YNTD-ITSS-0403.md:{line}:14: date-format: 'next_review' is '明年', not a date in the "
        "form YYYY-MM-DD — 共 1 个错误，请先改正（docctl check） / "
        "1 error(s): fix them first (docctl check)\n",
    )
    assert repo.text("YNTD-ITSS-0403") == before


def test_revise_is_the_way_out_of_a_digest_mismatch_and_an_obsolete_link(repo: GitRepo) -> None:
    # 0403 relies on it: link-obsolete on 0403
    repo.docctl("obsolete", "YNTD-ITSS-0404", "--as", "陆涛", "--reason", "停用")
    assert repo.docctl("revise", "YNTD-ITSS-0403", "--change", "去掉对作废文件的引用")[0] == 0
    repo.docctl("approve", "YNTD-ITSS-0403", "--as", "赵建中")
    repo.docctl("approve", "YNTD-ITSS-0403", "--as", "陆涛")
    repo.write("YNTD-ITSS-0403", repo.text("YNTD-ITSS-0403").replace("related: [YNTD-ITSS-0404]", "related: []"))
    assert "error digest-mismatch" in repo.docctl("check")[1]
    assert repo.docctl("revise", "YNTD-ITSS-0403", "--change", "批准后改了 related")[0] == 0


def test_release_refuses_an_effective_date_before_the_previous_versions(repo: GitRepo) -> None:
    early = "2024-12-01"  # signed early: only the date of the version it replaces stands in the way
    for args in (("revise", "YNTD-ITSS-0403", "--change", "年度评审"), ("approve", "YNTD-ITSS-0403", "--as", "赵建中"),
                 ("approve", "YNTD-ITSS-0403", "--as", "陆涛")):
        assert repo.docctl(*args, today=early)[0] == 0
    before = repo.text("YNTD-ITSS-0403")
    assert repo.docctl("release", "YNTD-ITSS-0403", "--effective", "2025-01-06", today=early)[::2] == (
        2,
        "docctl: YNTD-ITSS-0403: 实施日期 2025-01-06 早于上一版本 1.0 的实施日期 2025-01-07 / "
        "the effective date 2025-01-06 is before that of the previous version 1.0 (2025-01-07)\n",
    )
    assert repo.text("YNTD-ITSS-0403") == before
    assert repo.docctl("release", "YNTD-ITSS-0403", "--effective", "2025-01-07", today=early)[0] == 0


def test_check_flags_effective_dates_going_backwards(repo: GitRepo) -> None:
    early = "2024-12-01"
    for args in (
        ("revise", "YNTD-ITSS-0403", "--change", "年度评审"),
        ("approve", "YNTD-ITSS-0403", "--as", "赵建中"),
        ("approve", "YNTD-ITSS-0403", "--as", "陆涛"),
        ("release", "YNTD-ITSS-0403", "--effective", "2025-02-01"),
    ):
        assert repo.docctl(*args, today=early)[0] == 0
    repo.write("YNTD-ITSS-0403", repo.text("YNTD-ITSS-0403").replace("effective: 2025-02-01", "effective: 2025-01-01"))
    rc, out, _ = repo.docctl("check")
    line = repo.line("YNTD-ITSS-0403", "    effective: 2025-01-01")
    assert [x for x in out.splitlines() if " error " in x] == [
        f"policies/YNTD-ITSS-0403.md:{line}:16: error history-effective-order: history version 1.1 takes effect "
        "on 2025-01-01, before version 1.0 did (2025-01-07)"
    ]
    hint = "hint: a later version cannot take effect before an earlier one: docctl release --effective sets the date"
    assert hint in out


def test_a_signer_of_another_organization_is_a_warning(repo: GitRepo) -> None:
    assert repo.docctl("revise", "XDYJ-04-04", "--change", "年度评审")[0] == 0
    assert repo.docctl("approve", "XDYJ-04-04", "--as", "赵建中")[0] == 0  # of YNTD, signing for XDYJ
    rc, out, _ = repo.docctl("check")
    line = repo.text("XDYJ-04-04").split("\n").index("reviewer: 赵建中") + 1  # the cover's
    assert rc == 0
    assert [x for x in out.splitlines() if " warning " in x] == [
        f"policies/XDYJ-04-04.md:{line}:11: warning person-other-org: the reviewer '赵建中' belongs to "
        "云南腾电科技有限公司 on the roster, not to the document's organization 北京新都远景网络技术有限公司"
    ]
    rc, out, _ = repo.docctl("check", lang="zh")
    assert (
        f"policies/XDYJ-04-04.md:{line}:11: warning person-other-org: 审核人“赵建中”在名册中属于 云南腾电科技有限公司，"
        "不属于本文件的组织 北京新都远景网络技术有限公司\n"
        "    提示: 由本组织的人员签署；确需跨组织签署时，在 docctl.yml 的 accepted 中写明理由\n" in out
    )


@pytest.mark.parametrize(
    ("status", "edit", "reason"),
    [
        ("draft", ("", ""), "a draft carries no review or approval signature"),
        ("review", ("", ""), "an approved version is in status approved"),
        ("approved", ("    change: 首次发布\n", "    change: 首次发布\n    effective: 2025-01-07\n"),
         "a version with an effective date is effective"),
        ("effective", ("effective: 2025-01-07\n", "effective: null\n"), "an effective version has an effective date"),
    ],
)
def test_status_fits_the_steps_of_the_table(repo: GitRepo, status: str, edit: tuple[str, str], reason: str) -> None:
    text = repo.text("YNTD-ITSS-0404").replace("status: effective", f"status: {status}")
    repo.write("YNTD-ITSS-0404", text.replace(edit[0], edit[1]) if edit[0] else text)
    rc, out, _ = repo.docctl("check")
    assert [x.split(": ", 2)[2] for x in out.splitlines() if "lifecycle-state" in x] == [
        f"status {status} does not fit the signatures of version 1.0: {reason}"
    ]
