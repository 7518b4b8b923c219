"""What the verbs share: the command record, repository settings from the global options, output."""

from __future__ import annotations

import argparse
import locale
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from docctl.config import Config, find_root, load_config
from docctl.errors import UsageError


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    configure: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def language(args: argparse.Namespace, configured: str) -> str:
    """--lang, then DOCCTL_LANG, then the locale (zh_* or en_*), then docctl.yml."""
    if args.lang:
        return str(args.lang)
    env = os.environ.get("DOCCTL_LANG", "")
    if env in ("zh", "en"):
        return env
    loc = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
    if not loc:
        loc = locale.getlocale()[0] or ""
    for prefix in ("zh", "en"):
        if loc.lower().startswith(prefix):
            return prefix
    return configured


def repository_config(args: argparse.Namespace) -> Config:
    start = Path(args.directory) if args.directory else Path.cwd()
    if not start.is_dir():
        raise UsageError(f"-C {start}: not a folder (不是文件夹)")
    root = find_root(start)
    config = load_config(root, today=_today(args.today))
    return replace(config, lang=language(args, config.lang))


def _today(text: str | None) -> date | None:
    text = text or os.environ.get("DOCCTL_TODAY")
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise UsageError(f"--today {text}: not an ISO date") from exc


def roster_name_from_git(config: Config, option: str, zh: str) -> str:
    """The roster name of the git user.email, for an option left out (`new --author`, `obsolete --as`)."""
    from docctl.git import configured_email

    email = configured_email(config.root)
    found = config.people_by_email.get(email.lower()) if email else None
    if found is None:
        raise UsageError(
            f"请用 {option} 指定{zh}（git user.email 不在名册中） / "
            f"give {option} (git user.email is not on the roster)"
        )
    return found.name


def write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()
