"""Comments stay where they were through revise → review → approve → release on the seed policies.

Each seed has a comment line between the last history row and `controls:`; ruamel keeps it on the
last key of the last row, so an appended row or a key added at the end of that row must carry it
along. The whole file is compared after every step.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from gitrepo import GitRepo, make_git_repo

CASES = {
    # id: (the cover lines of the version in force, its author)
    "XDYJ-04-04": (
        'version: "1.1"\nstatus: effective\nauthor: 周敏\nprepared: 2025-02-10\nreviewer: 郑凯\n'
        "reviewed: 2025-02-11\napprover: 孙玘\napproved: 2025-02-12\neffective: 2025-02-12\n"
        "review_cycle: P1Y\nnext_review: 2026-02-12\n",
        "周敏",
    ),
    "YNTD-ITSS-0403": (
        'version: "1.0"\nstatus: effective\nauthor: 吴杰\nprepared: 2025-01-07\nreviewer: 赵建中\n'
        "reviewed: 2025-01-07\napprover: 陆涛\napproved: 2025-01-07\neffective: 2025-01-07\n"
        "review_cycle: P1Y\nnext_review: 2026-01-07\n",
        "吴杰",
    ),
}
DAY = "2026-11-22"


@pytest.fixture
def repo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> GitRepo:
    return make_git_repo(tmp_path / "repo", capsys)


def _cover(version: str, status: str, author: str, signed: dict[str, str], review: str) -> str:
    def get(key: str) -> str:
        return signed.get(key, "null")

    return (
        f'version: "{version}"\nstatus: {status}\nauthor: {author}\nprepared: {DAY}\n'
        f"reviewer: {get('reviewer')}\nreviewed: {get('reviewed')}\napprover: {get('approver')}\n"
        f"approved: {get('approved')}\neffective: {get('effective')}\nreview_cycle: P1Y\nnext_review: {review}\n"
    )


def _row(version: str, author: str, signed: dict[str, str]) -> str:
    keys = ("reviewer", "reviewed", "approver", "approved")
    lines = [f'  - version: "{version}"', f"    author: {author}", f"    date: {DAY}"]
    lines += [f"    {k}: {signed[k]}" for k in keys if k in signed]
    lines.append("    change: 年度评审")
    lines += [f"    {k}: {signed[k]}" for k in ("digest", "effective") if k in signed]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("doc_id", sorted(CASES))
def test_comment_stays_above_controls_through_the_lifecycle(repo: GitRepo, doc_id: str) -> None:
    original = repo.text(doc_id)
    cover, author = CASES[doc_id]
    old_version = re.search(r'version: "([\d.]+)"', cover)
    assert old_version is not None and cover in original
    comment = re.search(r"\n(# 控制项：[^\n]*)\ncontrols:\n", original)
    assert comment is not None
    version = f"1.{int(old_version.group(1).split('.')[1]) + 1}"
    review = re.search(r"next_review: (\S+)", cover)
    assert review is not None
    signed: dict[str, str] = {}

    effective = re.search(r"\neffective: (\S+)\n", cover)
    assert effective is not None

    def expect(status: str, next_review: str) -> str:
        # revise records the effective date of the version in force in its row (the seeds lack it)
        row = f"    effective: {effective.group(1)}\n" + _row(version, author, signed)
        text = original.replace(cover, _cover(version, status, author, signed, next_review), 1)
        return text.replace(f"\n{comment.group(1)}\ncontrols:\n", f"\n{row}{comment.group(1)}\ncontrols:\n", 1)

    assert repo.docctl("revise", doc_id, "--change", "年度评审")[0] == 0
    assert repo.text(doc_id) == expect("draft", review.group(1))
    assert repo.docctl("approve", doc_id, "--as", "赵建中")[0] == 0
    signed |= {"reviewer": "赵建中", "reviewed": DAY}
    assert repo.text(doc_id) == expect("review", review.group(1))
    rc, out, _ = repo.docctl("approve", doc_id, "--as", "陆涛")
    signed |= {"approver": "陆涛", "approved": DAY, "digest": out.rsplit(" ", 1)[1].strip()}
    assert rc == 0 and repo.text(doc_id) == expect("approved", review.group(1))
    assert repo.docctl("release", doc_id)[0] == 0
    signed["effective"] = DAY
    assert repo.text(doc_id) == expect("effective", "2027-11-22")
    assert f"    effective: {DAY}\n{comment.group(1)}\ncontrols:\n" in repo.text(doc_id)


def test_end_of_line_comment_stays_on_its_line(tmp_path: Path) -> None:
    from docctl.editing import append_row, new_row, open_document, put
    from docctl.targets import ROW_ORDER

    path = tmp_path / "doc.md"
    path.write_text(
        '---\nhistory:\n  - version: "1.0"\n    change: 新建  # 行尾注释\n# 控制项\ncontrols: []\n---\n正文\n',
        encoding="utf-8",
    )
    doc = open_document(path)
    append_row(doc.front["history"], new_row({"version": "1.1", "change": "修订"}))
    put(doc.front["history"][-1], "digest", "sha256:0", ROW_ORDER)
    assert doc.render() == (
        '---\nhistory:\n  - version: "1.0"\n    change: 新建  # 行尾注释\n  - version: \'1.1\'\n    change: 修订\n'
        "    digest: sha256:0\n# 控制项\ncontrols: []\n---\n正文\n"
    )
