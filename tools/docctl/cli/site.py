"""`docctl site [--serve] [--strict] [-d DIR]`: build (or serve) the auditors' site with MkDocs."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from docctl.cli.common import Command, repository_config
from docctl.errors import ConfigError, UsageError

MKDOCS_FILE = "mkdocs.yml"


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--serve", action="store_true", help="本地预览并自动刷新 / preview with live reload")
    p.add_argument("--strict", action="store_true", help="警告也算失败 / warnings fail the build")
    p.add_argument(
        "-d", "--site-dir", type=Path, help="输出目录（默认 site/）/ output folder (default site/)"
    )
    p.add_argument("--dev-addr", default="127.0.0.1:8000", help="--serve 的地址 / address for --serve")


def run(args: argparse.Namespace) -> int:
    config = repository_config(args)
    config_file = config.root / MKDOCS_FILE
    if not config_file.is_file():
        raise ConfigError(f"{config_file}: not found (未找到 {MKDOCS_FILE})")
    _log_to_stderr()
    from mkdocs.exceptions import MkDocsException

    from docctl.site.plugin import InternalBuildError

    settings = {"NO_MKDOCS_2_WARNING": "1", "DOCCTL_LANG": config.lang, "DOCCTL_TODAY": args.today}
    try:
        with _environment(settings):  # how the plugin, loaded by MkDocs, gets --today and --lang
            if args.serve:
                _serve(config_file, args)
            else:
                _build(config_file, args, Path(args.directory or "."))
    except InternalBuildError as exc:  # a bug of docctl inside the build: one line, exit 3
        sys.stderr.write(f"{exc}\n")
        return 3
    except MkDocsException as exc:  # the reasons were logged above, with path:line
        sys.stderr.write(f"docctl: site: {exc}\n")
        return 1
    return 0


@contextmanager
def _environment(values: dict[str, str | None]) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update({name: value for name, value in values.items() if value})
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _build(config_file: Path, args: argparse.Namespace, start: Path) -> None:
    """Build into -d DIR; a relative DIR is relative to where docctl runs (-C REPO: inside REPO)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site_dir = str((start / args.site_dir).resolve()) if args.site_dir else None
    cfg = load_config(config_file=str(config_file), strict=args.strict, site_dir=site_dir)
    cfg.plugins.on_startup(command="build", dirty=False)
    try:
        build(cfg)
    finally:
        cfg.plugins.on_shutdown()


def _serve(config_file: Path, args: argparse.Namespace) -> None:
    from mkdocs.commands.serve import serve

    if args.site_dir:
        raise UsageError("--serve builds into a temporary folder; -d is for builds (--serve 不用 -d)")
    serve(config_file=str(config_file), dev_addr=args.dev_addr, strict=args.strict)


def _log_to_stderr() -> None:
    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


COMMAND = Command("site", "生成审核用网站 / build the auditors' site (mkdocs-material)", configure, run)
