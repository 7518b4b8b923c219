"""The site's own static files (CSS, the register script, the file:// worker shim) and where they go."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import Any

PREFIX = "assets/docctl/"
CSS = ("docctl.css",)
SCRIPTS = ("register.js",)
POLYFILLS = ("iframe-worker-shim.js",)


def asset_files() -> dict[str, Path]:
    """Site path -> packaged file, for every asset."""
    folder = Path(str(files("docctl.site").joinpath("assets")))
    return {PREFIX + name: folder / name for name in (*CSS, *SCRIPTS, *POLYFILLS)}


def configure(config: Any) -> None:
    """Reference the assets from the MkDocs config; the worker shim must precede the offline plugin,
    which otherwise adds a CDN copy (it skips that when a polyfill named iframe-worker is present)."""
    for name in CSS:
        if PREFIX + name not in config.extra_css:
            config.extra_css.append(PREFIX + name)
    for name in SCRIPTS:
        if all(str(s) != PREFIX + name for s in config.extra_javascript):
            config.extra_javascript.append(PREFIX + name)
    polyfills = config.extra.setdefault("polyfills", [])
    if not any("iframe-worker" in str(p) for p in polyfills):
        polyfills.extend(PREFIX + name for name in POLYFILLS)
