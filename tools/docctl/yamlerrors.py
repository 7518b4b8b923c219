"""PyYAML's scanner and parser errors, said in Chinese and English, with the place they started."""

from __future__ import annotations

import re
from typing import Any

import yaml

# (PyYAML's problem text, as a regular expression) -> (zh, en); `{0}` is the first group.
_PROBLEMS: tuple[tuple[str, str, str], ...] = (
    (r"did not find expected ',' or '\]'", "缺少 “,” 或 “]”：方括号列表没有正确结束",
     "a ',' or ']' is missing: the [ list is not closed properly"),
    (r"did not find expected ',' or '\}'", "缺少 “,” 或 “}”：花括号映射没有正确结束",
     "a ',' or '}' is missing: the { mapping is not closed properly"),
    (r"found unexpected end of stream", "引号或括号没有闭合，直到元数据结束", "a quote or bracket is never closed"),
    (r"mapping values are not allowed", "此处不能出现“键: 值”：值里有未加引号的冒号，或缩进不对",
     "a 'key: value' is not allowed here: an unquoted colon in a value, or wrong indentation"),
    (r"could not find expected ':'", "缺少冒号“:”：这一行不是“键: 值”",
     "a ':' is missing: the line is not 'key: value'"),
    (r"expected <block end>, but found '<block sequence start>'", "缩进不一致：列表项“- ”的缩进与上文不符",
     "inconsistent indentation: a '- ' list item is indented unlike the lines above"),
    (r"expected <block end>, but found '(.*)'", "缩进不一致：这一行与上文的层级对不上",
     "inconsistent indentation: this line does not line up with the lines above"),
    (r"found character '\\t' that cannot start any token", "这里有制表符：YAML 只能用空格",
     "a tab character here: YAML allows only spaces"),
    (r"found character '(.)' that cannot start any token", "字符“{0}”不能用在值的开头，请给值加引号",
     "the character '{0}' cannot start a value; quote the value"),
    (r"found undefined alias '(.*)'", "别名 *{0} 没有对应的锚点", "the alias *{0} has no anchor"),
    (r"found unknown escape character '(.*)'", "双引号中有未知的转义“\\{0}”",
     "an unknown escape '\\{0}' in double quotes"),
    (r"expected alphabetic or numeric character, but found '(.*)'", "锚点或别名的名称不能含“{0}”",
     "an anchor or alias name cannot contain '{0}'"),
    (r"did not find expected node content|expected the node content", "这里缺少值：多了逗号或冒号，或缩进不对",
     "a value is missing here: an extra comma or colon, or wrong indentation"),
    (r"did not find expected '-' indicator", "列表项缺少“- ”，或缩进不对",
     "a list item lacks '- ', or the indentation is off"),
    (r"did not find expected key", "这里应是“键: 值”：缩进不对，或上一行的值没有结束",
     "a 'key: value' was expected here: the indentation is off, or the value above is not closed"),
    (r"found unexpected ':'", "多余的冒号“:”，请给值加引号", "an unexpected ':'; quote the value"),
)
_COMPILED = tuple((re.compile(p), zh, en) for p, zh, en in _PROBLEMS)


def describe(exc: yaml.MarkedYAMLError) -> tuple[int, int, dict[str, Any]]:
    """Line, column and the arguments of a `yaml-syntax` finding for one PyYAML error."""
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line, mark.column) if mark else (0, 0)
    raw = exc.problem or exc.context or str(exc)
    zh, en = _translate(raw)
    args: dict[str, Any] = {"problem": zh, "problem_en": en}
    context = exc.context_mark
    if context is not None and exc.problem_mark is not None and context.line != exc.problem_mark.line:
        args["start"] = (context.line, context.column)
    return line, col, args


def place_start(args: dict[str, Any], first_line: int) -> dict[str, Any]:
    """Say where the construct that failed began, in file lines (`first_line` is the YAML's line 0)."""
    start = args.pop("start", None)
    if start is None:
        return args
    line, col = first_line + start[0], start[1] + 1
    return args | {"problem": args["problem"] + f"（始于第 {line} 行第 {col} 列）",
                   "problem_en": args["problem_en"] + f" (it starts at line {line}, column {col})"}


def _translate(raw: str) -> tuple[str, str]:
    for pattern, zh, en in _COMPILED:
        m = pattern.search(raw)
        if m:
            first = m.group(1) if m.groups() else ""
            return zh.replace("{0}", first), en.replace("{0}", first)
    return raw, raw
