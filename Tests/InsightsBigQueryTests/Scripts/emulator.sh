#!/usr/bin/env bash
# Starts or stops the BigQuery emulators the tests use (local-bigquery on loopback).
#
#   eval "$(Tests/InsightsBigQueryTests/Scripts/emulator.sh start)"   # exports BIGQUERY_EMULATOR_HOST
#   Tests/InsightsBigQueryTests/Scripts/emulator.sh stop
#
# start: makes the venv if needed (setup-emulator-venv.sh), then starts INSIGHTS_TEST_EMULATORS
# emulator processes (2 unless set), each on free loopback ports with a fresh data folder in
# .build/bigquery-emulator/N/, waits until each answers (2 minutes at most), and prints
# `export BIGQUERY_EMULATOR_HOST=127.0.0.1:PORT` (the first one, what the product reads) and
# `export INSIGHTS_TEST_BIGQUERY_EMULATORS=host:port,host:port` (all of them: the tests spread
# their datasets over these, see Tests/InsightsTestSupport/BigQueryEmulator.swift). One
# emulator is a single Python process that keeps one core busy, so two of them let the
# emulator suites use both cores of a CI machine. The emulators also stop by themselves when
# the shell that started them exits. stop: ends them (by their recorded pids).
set -euo pipefail
cd "$(dirname "$0")/../../.."
scripts=Tests/InsightsBigQueryTests/Scripts
state=.build/bigquery-emulator
case "${1:-}" in
start)
    count=${INSIGHTS_TEST_EMULATORS:-2}
    if ! [[ "$count" =~ ^[1-9][0-9]*$ ]]; then
        echo "emulator.sh: INSIGHTS_TEST_EMULATORS must be a positive number, not '$count'" >&2
        exit 64
    fi
    "$scripts/setup-emulator-venv.sh" >&2
    "$0" stop
    rm -rf "$state"
    mkdir -p "$state"
    hosts=()
    for n in $(seq 1 "$count"); do
        mkdir -p "$state/$n"
        ports=$(.build/bigquery-venv/bin/python -c '
import socket
sockets = [socket.socket() for _ in range(2)]
for s in sockets: s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in sockets))')
        read -r port grpc <<<"$ports"
        nohup .build/bigquery-venv/bin/python "$scripts/bigquery_emulator.py" --extension-dir .build/bigquery-extensions \
            --exit-with "$PPID" --host 127.0.0.1 --port "$port" --grpc-port "$grpc" --data-dir "$state/$n/data" \
            --project local --dataset scratch >"$state/$n/server.log" 2>&1 </dev/null &
        echo $! >"$state/$n/pid"
        echo "$port" >"$state/$n/port"
        hosts+=("127.0.0.1:$port")
    done
    for n in $(seq 1 "$count"); do
        port=$(cat "$state/$n/port")
        answered=
        for _ in $(seq 1 240); do
            if curl -sf -o /dev/null "http://127.0.0.1:$port/bigquery/v2/projects/local/datasets"; then
                answered=1
                break
            fi
            kill -0 "$(cat "$state/$n/pid")" 2>/dev/null || break
            sleep 0.5
        done
        if [ -z "$answered" ]; then
            echo "emulator.sh: BigQuery emulator $n did not answer on 127.0.0.1:$port; its log:" >&2
            tail -20 "$state/$n/server.log" >&2
            "$0" stop
            exit 1
        fi
    done
    echo "export BIGQUERY_EMULATOR_HOST=${hosts[0]}"
    echo "export INSIGHTS_TEST_BIGQUERY_EMULATORS=$(IFS=,; echo "${hosts[*]}")"
    ;;
stop)
    for file in "$state"/*/pid; do
        [ -f "$file" ] || continue
        pid=$(cat "$file")
        kill "$pid" 2>/dev/null || true
        for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
        rm -f "$file"
    done
    ;;
*)
    echo "usage: emulator.sh start|stop" >&2
    exit 64
    ;;
esac
