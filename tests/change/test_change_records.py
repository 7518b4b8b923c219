"""`check --base` in a real git repository: a record closed at the base never changes afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest
from gitrepo import GitRepo, make_git_repo

from recordkit import record

OPEN = record("capa", "CA-2025-001", "2025-10-24", problem="回访不及时")
CLOSED = record("capa", "CA-2025-001", "2025-10-24", status="closed", closed="2025-11-20", problem="回访不及时")
PATH = OPEN[0]


@pytest.fixture
def repo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> GitRepo:
    return make_git_repo(tmp_path / "repo", capsys)


def put(repo: GitRepo, item: tuple[str, str]) -> None:
    path = repo.root / item[0]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(item[1], encoding="utf-8")


def line_of(repo: GitRepo, path: str, needle: str) -> int:
    lines = (repo.root / path).read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_closing_a_record_then_editing_it_in_a_later_commit_fails(repo: GitRepo) -> None:
    put(repo, OPEN)
    repo.commit("吴杰", "新建纠正措施")
    put(repo, CLOSED)
    closing = repo.commit("吴杰", "关闭纠正措施")
    put(repo, (PATH, CLOSED[1].replace("problem: 回访不及时", "problem: 回访及时")))
    repo.commit("吴杰", "事后修改")
    assert repo.check_base("main~2")[:2] == (0, [])  # closed after that base: the branch's own work
    rc, found, _ = repo.check_base(closing)
    line = line_of(repo, PATH, "problem:")
    assert (rc, found) == (1, [f"{PATH}:{line}:1: error record-closed-changed: closed record CA-2025-001 "
                               "(closed 2025-11-20) was changed after closure: problem"])
    rc, out, _ = repo.docctl("check", "--base", closing, lang="zh")
    zh = out.splitlines()
    at = zh.index(f"{PATH}:{line}:1: error record-closed-changed: "
                  "已关闭的记录 CA-2025-001（2025-11-20 关闭）在关闭后被修改：problem")
    assert rc == 1 and zh[at + 1].strip() == "提示: 已关闭的记录不可修改；如需更正，另建记录并在正文中引用 CA-2025-001"


def test_an_uncommitted_body_edit_or_reopening_of_a_closed_record_fails(repo: GitRepo) -> None:
    put(repo, CLOSED)
    repo.commit("吴杰", "已关闭的纠正措施")
    put(repo, (PATH, CLOSED[1] + "\n补充：事后追加的说明。\n"))
    rc, found, _ = repo.check_base("main")
    assert (rc, found) == (1, [f"{PATH}:{line_of(repo, PATH, '# 记录')}:1: error record-closed-changed: "
                               "closed record CA-2025-001 (closed 2025-11-20) was changed after closure: body"])
    put(repo, (PATH, CLOSED[1].replace("status: closed", "status: in-progress").replace("closed: '2025-11-20'\n", "")))
    rc, found, _ = repo.check_base("main")
    assert rc == 1 and [f.split(": error ")[1].split(":")[0] for f in found] == ["record-closed-changed"]
    assert found[0].endswith("was changed after closure: status, closed")


def test_editing_an_open_record_passes(repo: GitRepo) -> None:
    put(repo, OPEN)
    base = repo.commit("吴杰", "新建纠正措施")
    put(repo, (PATH, OPEN[1].replace("problem: 回访不及时", "problem: 回访超时") + "\n原因分析进行中。\n"))
    repo.commit("吴杰", "补充")
    assert repo.check_base(base)[:2] == (0, [])


def test_deleting_a_closed_record_fails(repo: GitRepo) -> None:
    put(repo, CLOSED)
    base = repo.commit("吴杰", "已关闭的纠正措施")
    repo.git("rm", "-q", PATH)
    repo.commit("吴杰", "删除记录")
    rc, found, _ = repo.check_base(base)
    assert (rc, found) == (1, [f"{PATH}:1:1: error record-closed-deleted: closed record CA-2025-001 "
                               "(closed 2025-11-20) was deleted or moved"])


def test_a_closed_record_past_its_retention_may_be_disposed_of(repo: GitRepo) -> None:
    old = record("capa", "CA-2020-001", "2020-03-02", status="closed", closed="2020-04-01", problem="旧问题")
    put(repo, old)
    base = repo.commit("吴杰", "2020 年的纠正措施")
    assert repo.docctl("records", "due-for-disposal")[1].splitlines()[0] == (
        "records/capa/2020/CA-2020-001.md: CA-2020-001 记录 CA-2020-001 — closed 2020-04-01, retention P3Y, "
        "disposable since 2023-04-01")
    repo.git("rm", "-q", old[0])
    repo.commit("吴杰", "按保存期限处置")
    assert repo.check_base(base)[:2] == (0, [])


def test_a_record_added_and_closed_after_the_base_is_fine(repo: GitRepo) -> None:
    base = repo.git("rev-parse", "HEAD")
    put(repo, OPEN)
    repo.commit("吴杰", "新建")
    put(repo, CLOSED)
    repo.commit("吴杰", "关闭")
    put(repo, (PATH, CLOSED[1] + "\n关闭后补记。\n"))
    repo.commit("吴杰", "补记")
    put(repo, record("capa", "CA-2025-002", "2025-11-02", status="closed", closed="2025-11-21", problem="新问题"))
    assert repo.check_base(base)[:2] == (0, [])


def test_an_unchanged_closed_record_and_a_comment_in_its_front_matter_pass(repo: GitRepo) -> None:
    plain = CLOSED[1].replace("'2025-10-24'", "2025-10-24").replace("'2025-11-20'", "2025-11-20")
    assert plain.count("2025-") == 4 and "'" not in plain  # dates as YAML timestamps, as people write them
    put(repo, (PATH, plain))
    repo.commit("吴杰", "已关闭的纠正措施")
    put(repo, (PATH, plain.replace("problem:", "# 复核：无误\nproblem:")))
    assert repo.check_base("main")[:2] == (0, [])
