#!/usr/bin/env bash
# The virtual environment of the BigQuery emulator: .build/bigquery-venv with PyPI's
# local-bigquery 0.3.2 and its pinned dependencies (emulator-requirements.txt), made from
# Python 3.13 (local-bigquery needs >=3.13,<3.14; Debian 12 has 3.11), and the two DuckDB
# extensions it uses installed from their wheels into .build/bigquery-extensions (no download at
# run time, nothing in ~/.duckdb). Quick when it is already there.
set -euo pipefail
cd "$(dirname "$0")/../../.."
scripts=Tests/InsightsBigQueryTests/Scripts
venv=.build/bigquery-venv
extensions=.build/bigquery-extensions
python=${INSIGHTS_PYTHON313:-}
if [ -z "$python" ]; then
    for candidate in /root/.pyenv/versions/3.13.*/bin/python3.13 "$(command -v python3.13 || true)"; do
        if [ -n "$candidate" ] && [ -x "$candidate" ]; then python=$candidate; break; fi
    done
fi
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import local_bigquery, duckdb_extension_ducklake' >/dev/null 2>&1 \
    && [ -f "$extensions/.installed" ]; then
    exit 0
fi
if [ -z "$python" ]; then
    echo "setup-emulator-venv.sh: Python 3.13 is missing (looked in /root/.pyenv/versions/3.13.*; set INSIGHTS_PYTHON313)" >&2
    exit 1
fi
mkdir -p .build
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"$venv/bin/pip" install -q --disable-pip-version-check -r "$scripts/emulator-requirements.txt"
"$venv/bin/python" "$scripts/bigquery_emulator.py" --extension-dir "$extensions" --install-extensions
touch "$extensions/.installed"
