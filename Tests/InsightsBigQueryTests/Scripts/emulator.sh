#!/usr/bin/env bash
# Starts or stops the BigQuery emulator the tests use (local-bigquery on loopback).
#
#   eval "$(Tests/InsightsBigQueryTests/Scripts/emulator.sh start)"   # exports BIGQUERY_EMULATOR_HOST
#   Tests/InsightsBigQueryTests/Scripts/emulator.sh stop
#
# start: makes the venv if needed (setup-emulator-venv.sh), picks free loopback ports, starts the
# emulator with a fresh data folder in .build/bigquery-emulator/, waits until it answers
# (2 minutes at most), and prints `export BIGQUERY_EMULATOR_HOST=127.0.0.1:PORT`. The emulator
# also stops by itself when the shell that started it exits. stop: ends it (by its recorded pid).
set -euo pipefail
cd "$(dirname "$0")/../../.."
scripts=Tests/InsightsBigQueryTests/Scripts
state=.build/bigquery-emulator
case "${1:-}" in
start)
    "$scripts/setup-emulator-venv.sh" >&2
    "$0" stop
    rm -rf "$state"
    mkdir -p "$state"
    ports=$(.build/bigquery-venv/bin/python -c '
import socket
sockets = [socket.socket() for _ in range(2)]
for s in sockets: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in sockets))')
    read -r port grpc <<<"$ports"
    nohup .build/bigquery-venv/bin/python "$scripts/bigquery_emulator.py" --extension-dir .build/bigquery-extensions \
        --exit-with "$PPID" --host 127.0.0.1 --port "$port" --grpc-port "$grpc" --data-dir "$state/data" \
        --project local --dataset scratch >"$state/server.log" 2>&1 </dev/null &
    echo $! >"$state/pid"
    for _ in $(seq 1 240); do
        if curl -sf -o /dev/null "http://127.0.0.1:$port/bigquery/v2/projects/local/datasets"; then
            echo "export BIGQUERY_EMULATOR_HOST=127.0.0.1:$port"
            exit 0
        fi
        kill -0 "$(cat "$state/pid")" 2>/dev/null || break
        sleep 0.5
    done
    echo "emulator.sh: the BigQuery emulator did not answer on 127.0.0.1:$port; its log:" >&2
    tail -20 "$state/server.log" >&2
    "$0" stop
    exit 1
    ;;
stop)
    if [ -f "$state/pid" ]; then
        pid=$(cat "$state/pid")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
        rm -f "$state/pid"
    fi
    ;;
*)
    echo "usage: emulator.sh start|stop" >&2
    exit 64
    ;;
esac
