"""`docctl new`: a draft with the next free number, the type's starter text and an opened history row."""

from __future__ import annotations

from importlib import resources

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from docctl.config import Config, Organization
from docctl.editing import EditableDocument, new_row, version_value
from docctl.errors import UsageError
from docctl.load import load_repository
from docctl.numbering import next_id
from docctl.revisions import Outcome
from docctl.targets import person

FIRST_VERSION = "1.0"


def create(
    config: Config,
    doc_type: str,
    title: str,
    org_name: str | None,
    department: str | None,
    author: str,
    change: str = "新建",
) -> Outcome:
    if doc_type not in config.document_types:
        raise UsageError(
            f"未知的文件类型 {doc_type}（可用：{', '.join(config.document_types)}） / "
            f"unknown document type {doc_type}"
        )
    if not title.strip():
        raise UsageError("--title 不能为空 / --title must not be empty")
    org = _organization(config, org_name)
    if department and org.departments and department not in org.departments:
        raise UsageError(
            f"部门“{department}”不属于 {org.name}（{'、'.join(org.departments)}） / "
            f"the department is not one of {org.code}"
        )
    person(config, author, "author")
    repo = load_repository(config)
    doc_id = next_id(
        org, [d.id for d in repo.documents] + [p.stem for p in config.path("policies").rglob("*.md")]
    )
    path = config.path("policies", f"{doc_id}.md")
    front = _front_matter(config, doc_id, doc_type, title.strip(), org, department, author, change)
    body = "\n" + starter_text(doc_type, org.name, title.strip())
    path.parent.mkdir(parents=True, exist_ok=True)
    EditableDocument(path, front, body).save()
    return Outcome(doc_id, path.relative_to(config.root).as_posix(), "draft", FIRST_VERSION)


def _organization(config: Config, name: str | None) -> Organization:
    if name is None:
        if len(config.organizations) == 1:
            return config.organizations[0]
        codes = ", ".join(o.code for o in config.organizations)
        raise UsageError(
            f"有多个组织，请用 --org 指定（{codes}） / several organizations: choose one with --org"
        )
    org = config.orgs_by_name.get(name)
    if org is None:
        raise UsageError(
            f"组织“{name}”未在 docctl.yml 中定义 / the organization is not defined in docctl.yml"
        )
    return org


def _front_matter(
    config: Config,
    doc_id: str,
    doc_type: str,
    title: str,
    org: Organization,
    department: str | None,
    author: str,
    change: str,
) -> CommentedMap:
    front = CommentedMap()
    values: dict[str, object] = {
        "id": doc_id,
        "title": title,
        "type": doc_type,
        "org": org.name,
        "department": department,
        "version": version_value(FIRST_VERSION),
        "status": "draft",
        "author": author,
        "prepared": config.today,
        "reviewer": None,
        "reviewed": None,
        "approver": None,
        "approved": None,
        "effective": None,
        "supersedes": CommentedSeq(),
        "superseded_by": None,
        "references": CommentedSeq(),
        "related": CommentedSeq(),
    }
    for key, value in values.items():
        if value is not None or key != "department":
            front[key] = value
    for key in ("supersedes", "references", "related"):
        front[key].fa.set_flow_style()
    front["history"] = CommentedSeq(
        [
            new_row(
                {
                    "version": version_value(FIRST_VERSION),
                    "author": author,
                    "date": config.today,
                    "change": change,
                }
            )
        ]
    )
    return front


def starter_text(doc_type: str, org: str, title: str) -> str:
    """The type's template from docctl/templates with {org} and {title} filled in."""
    template = resources.files("docctl").joinpath("templates", f"{doc_type}.md")
    text = template.read_text(encoding="utf-8") if template.is_file() else f"# {title}\n"
    return text.replace("{org}", org).replace("{title}", title)
