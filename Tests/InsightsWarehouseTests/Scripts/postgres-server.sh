#!/usr/bin/env bash
# A private PostgreSQL server for the warehouse tests: its own data folder under .build/, a
# free port on loopback, trust auth, a non-UTC server time zone (Pacific/Chatham, +12:45/+13:45)
# and ICU's collation so that code depending on the connection's zone or string order shows.
#   postgres-server.sh start   prints the server's URL (postgresql://postgres@127.0.0.1:PORT/postgres)
#   postgres-server.sh stop    stops it
# As root, the server runs as the `postgres` user the Debian package creates.
set -euo pipefail
cd "$(dirname "$0")/../../.."
dir="$PWD/.build/postgres-test"
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "${1:-}" in
start)
    if [ -f "$dir/data/postmaster.pid" ]; then run "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    run "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
        --locale-provider=icu --icu-locale=en-US >"$dir/initdb.log" 2>&1
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    run "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c timezone=Pacific/Chatham" start >/dev/null
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then run "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null; fi
    ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 64
    ;;
esac
