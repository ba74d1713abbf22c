#!/usr/bin/env bash
# The virtual environment of insights-bench's DuckDB baseline: .build/duckdb-venv with PyPI's
# duckdb (the version pinned in duckdb-requirements.txt), made from the python3 on the PATH.
# Quick when it is already there. Prints nothing on success.
set -euo pipefail
cd "$(dirname "$0")/../../.."
scripts=Sources/InsightsBench/Scripts
venv=.build/duckdb-venv
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import duckdb' >/dev/null 2>&1; then
    exit 0
fi
python=${INSIGHTS_PYTHON:-$(command -v python3 || true)}
if [ -z "$python" ]; then
    echo "setup-duckdb-venv.sh: python3 is missing (install Debian's python3-venv, or set INSIGHTS_PYTHON)" >&2
    exit 1
fi
mkdir -p .build
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check -r "$scripts/duckdb-requirements.txt"
