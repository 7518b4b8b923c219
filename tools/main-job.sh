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
.venv/bin/docctl site
