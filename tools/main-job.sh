#!/usr/bin/env bash
# Install docctl into .venv and run the main job on this repository:
# check every document and record, build the auditors' site, export controlled DOCX copies.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e .
export NO_MKDOCS_2_WARNING=1
.venv/bin/docctl check
mkdir -p build
.venv/bin/docctl site --strict      # site/ (open site/index.html; works from file://)
.venv/bin/docctl export --all --out build/docx   # controlled DOCX copies of every effective document
# compliance report; exit 1 means some controls fail, which the example data does on purpose
rc=0; .venv/bin/docctl comply --period 2025 --format md > build/compliance-2025.md || rc=$?
[ "$rc" -le 1 ] || exit "$rc"
echo "done: site/index.html, build/docx/*.docx, build/compliance-2025.md"
