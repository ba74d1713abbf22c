#!/usr/bin/env bash
# The Python virtual environment the SMTP tests run their server from: .build/venv with aiosmtpd.
# Quick when it is already there.
set -euo pipefail
cd "$(dirname "$0")/../../.."
venv=.build/venv
if [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import aiosmtpd' >/dev/null 2>&1; then exit 0; fi
mkdir -p .build
python3 -m venv "$venv"
"$venv/bin/pip" install -q aiosmtpd==1.4.6
