#!/usr/bin/env bash
# Install everything the test suite needs on a fresh machine, then run all of it.
# The README's test command and .ci/run both call exactly this script.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian Chromium for the browser tests (never a browser download by Playwright).
if ! command -v chromium >/dev/null 2>&1; then
    SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

PY="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test,pdf]"

export NO_MKDOCS_2_WARNING=1
.venv/bin/ruff check skm_build tests bench tools
.venv/bin/python -m pytest -q "$@"
