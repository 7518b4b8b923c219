"""Rule texts of change control: digests, lifecycle states and the comparison with a git base."""

from __future__ import annotations

from docctl.messages import E, N, RuleText

RULES: dict[str, RuleText] = {
    "digest-mismatch": RuleText(
        E,
        "版本 {version} 批准后被修改，未开新版本（内容与批准时的摘要不符）",
        "version {version} was modified after approval without a new revision (content differs from "
        "the approved digest)",
        '恢复为批准时的内容，或 docctl revise {id} --change "…" 开新版本重新审批',
        'restore the approved text, or run docctl revise {id} --change "…" and have it approved again',
    ),
    "withdrawal-unsigned": RuleText(
        E,
        "{day} 的作废没有签署人（withdrawn_by），而自 {since} 起变更须有签署",
        "the withdrawal of {day} names no signer (withdrawn_by), though changes are signed since {since}",
        "由批准人签署作废：docctl obsolete {id} --as 批准人 --reason \"原因\"",
        "have an approver sign it: docctl obsolete {id} --as APPROVER --reason \"why\"",
    ),
    "digest-missing": RuleText(
        E,
        "版本 {version} 的批准没有记录内容摘要",
        "the approval of version {version} records no content digest",
        "用 docctl approve 签署批准，它会写入 digest",
        "sign approvals with docctl approve, which records the digest",
    ),
    "digest-legacy": RuleText(
        N,
        "版本 {version} 于 {approved} 批准，早于启用内容摘要（自 {since} 起必需），未绑定摘要；"
        "其文本由 check --base 对照 git 历史保护",
        "version {version} was approved on {approved}, before content digests were required (from {since}); "
        "check --base protects its text against git history",
        "下次修订批准时将记录摘要",
        "the next approved revision records a digest",
    ),
    "lifecycle-state": RuleText(
        E,
        "状态 {status} 与版本 {version} 的签署不符：{reason}",
        "status {status} does not fit the signatures of version {version}: {reason_en}",
        "状态只由 docctl approve / release / revise / obsolete 改变",
        "only docctl approve / release / revise / obsolete change the status",
    ),
    "base-row-rewritten": RuleText(
        E,
        "已批准版本 {version} 的履历行被改写（{field}：“{before}” → “{after}”，与 {base} 相比）",
        "the history row of approved version {version} was rewritten ({field}: '{before}' → "
        "'{after}', compared with {base})",
        "已批准的履历行不可更改；更正请 docctl revise 开新版本并在 change 中说明",
        "approved history rows never change; correct things with docctl revise and say so in the change note",
    ),
    "base-row-removed": RuleText(
        E,
        "已批准版本 {version} 的履历行被删除（与 {base} 相比）",
        "the history row of approved version {version} was removed (compared with {base})",
        "恢复该行；履历只能追加",
        "restore the row; history is append-only",
    ),
    "base-text-changed": RuleText(
        E,
        "已发布版本 {version}（{status}）的内容被原地修改（与 {base} 相比），未开新版本",
        "the released version {version} ({status}) was changed in place (compared with {base}) "
        "without a new revision",
        '恢复原文，或 docctl revise {id} --change "…"',
        'restore the text, or run docctl revise {id} --change "…"',
    ),
    "base-document-deleted": RuleText(
        E,
        "已发布的文件 {id} 被删除（与 {base} 相比）",
        "the released document {id} was deleted (compared with {base})",
        "受控文件不删除：用 docctl obsolete {id} 作废",
        "controlled documents are not deleted: docctl obsolete {id}",
    ),
    "base-transition": RuleText(
        E,
        "状态从 {before}（版本 {before_version}）变为 {after}（版本 {version}）不是允许的转换",
        "the status went from {before} (version {before_version}) to {after} (version {version}): not "
        "an allowed transition",
        "允许：draft → review → approved → effective；effective → revise → draft；→ obsolete",
        "allowed: draft → review → approved → effective; effective → revise → draft; → obsolete",
    ),
    "approval-uncommitted": RuleText(
        E,
        "{label}{name} 对版本 {version} 的签署尚未提交",
        "the {role} signature of {name} on version {version} is not committed",
        "由签署人本人提交（git commit），其 git 邮箱须为名册中的 {email}",
        "the signer commits it personally, with the git email {email} from the roster",
    ),
    "approval-committer": RuleText(
        E,
        "{label}{name} 对版本 {version} 的签署由 {committer} 提交（提交 {sha}），不是签署人本人（{email}）",
        "the {role} signature of {name} on version {version} was committed by {committer} ({sha}), "
        "not by the signer ({email})",
        "签署须由签署人本人用名册中的邮箱提交{squash}",
        "a signature is committed by the signer, with the email on the roster{squash_en}",
    ),
    "approval-by-author": RuleText(
        E,
        "{label}{name} 对版本 {version} 的签署由文件编制人 {author} 提交（提交 {sha}）",
        "the {role} signature of {name} on version {version} was committed by the document's author "
        "{author} ({sha})",
        "编制人不能代签；请签署人本人提交{squash}",
        "the author cannot sign for others: the signer commits it{squash_en}",
    ),
    "approval-digest-rewritten": RuleText(
        E,
        "版本 {version} 由 {name} 批准的不是现在的内容：批准后已被{by_zh}改动正文或摘要",
        "version {version} was approved by {name} on other content: the approved text or its digest was "
        "changed after approval by {by}",
        "批准后的修改须 docctl revise {id} --change “…” 开新版本并重新审批",
        'a change after approval needs docctl revise {id} --change "…" and a new approval',
    ),
    "approval-unsigned": RuleText(
        E,
        "{label}{name} 对版本 {version} 的签署提交 {sha} 没有其本人密钥的有效签名：{meaning}（git：{status}）",
        "the commit {sha} with the {role} signature of {name} on version {version} carries no valid "
        "signature by their key: {meaning_en} (git: {status})",
        "git commit -S，使用 docctl.yml 中 signing_key 对应的私钥",
        "git commit -S with the private key of the signing_key in docctl.yml",
    ),
}

# git's signature status (%G?) in words, for approval-unsigned; G and U reach it only for a key that
# is not the signer's
GIT_SIGNATURE_STATUS: dict[str, tuple[str, str]] = {
    "G": ("签名有效，但不是其本人的密钥所签，而是 {who} 的", "a good signature, but by another key than theirs, that of {who}"),
    "U": (
        "签名有效，但所用密钥不在名册中或不是其本人的",
        "a good signature, but by a key that is not on the roster or not theirs",
    ),
    "N": ("提交没有签名", "the commit is not signed"),
    "B": ("签名无效，提交在签名后被改动或签名是伪造的", "a bad signature, the commit was changed after signing or it is forged"),
    "E": (
        "无法校验签名，缺少公钥，例如未导入 GPG 密钥环",
        "the signature cannot be checked, its public key is missing, e.g. not imported into the GPG keyring",
    ),
    "X": ("签名已过期", "a good signature that has expired"),
    "Y": ("签名有效，但密钥已过期", "a good signature by an expired key"),
    "R": ("签名有效，但密钥已被吊销", "a good signature by a revoked key"),
    "?": ("git 未给出结果", "git gave no result"),
}
