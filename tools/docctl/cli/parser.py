"""argparse with its usage errors said in Chinese and in English, like every other docctl error."""

from __future__ import annotations

import argparse
import re
import sys
from typing import NoReturn

# argparse's English (Python 3.11-3.13) -> Chinese; `{1}`, `{2}` are the groups of the pattern.
_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), zh) for p, zh in (
    (r"^unrecognized arguments: (.*)$", "无法识别的参数：{1}"),
    (r"^the following arguments are required: (.*)$", "缺少必需的参数：{1}"),
    (r"^argument (\S+): invalid choice: (.*?) \(choose from (.*)\)$", "参数 {1} 的值 {2} 无效，可选：{3}"),
    (r"^argument (\S+): expected one argument$", "参数 {1} 需要一个值"),
    (r"^argument (\S+): invalid int value: (.*)$", "参数 {1} 的值 {2} 须为整数"),
    (r"^argument (\S+): invalid float value: (.*)$", "参数 {1} 的值 {2} 须为数字"),
    (r"^argument (\S+): invalid (\w+) value: (.*)$", "参数 {1} 的值 {3} 无效"),
    (r"^argument (\S+): ignored explicit argument (.*)$", "参数 {1} 不带值，却给了 {2}"),
    (r"^argument (\S+): not allowed with argument (.*)$", "参数 {1} 不能与 {2} 同时使用"),
))


def chinese(message: str) -> str:
    """argparse's message in Chinese, or "" when it is not one of the known forms."""
    for pattern, zh in _ERRORS:
        m = pattern.match(message)
        if m:
            text = zh
            for i, group in enumerate(m.groups(), start=1):
                text = text.replace("{" + str(i) + "}", group)
            return text
    return ""


class Parser(argparse.ArgumentParser):
    """Usage errors: the usage line, then `PROG: error: English` and the same in Chinese; exit 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        zh = chinese(message)
        self.exit(2, f"{self.prog}: error: {message}\n" + (f"{self.prog}: 用法错误：{zh}\n" if zh else ""))
