"""The exceptions docctl raises for real failures (findings are data, not exceptions)."""

from __future__ import annotations


class DocctlError(Exception):
    """A failure the user can act on; the CLI prints it as one line and exits 2."""

    exit_code = 2


class UsageError(DocctlError):
    """The command line or its arguments are wrong."""


class ConfigError(DocctlError):
    """docctl.yml is missing, unreadable or invalid."""


class InputError(DocctlError):
    """An input file cannot be used (unreadable, hostile, wrong kind)."""


class TransitionError(DocctlError):
    """A lifecycle transition is not allowed from the document's current state."""


class ExternalToolError(DocctlError):
    """pandoc, git or another external program failed."""
