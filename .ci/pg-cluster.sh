#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1 and prints the DATABASE_URL to use.
# Usage: source .ci/pg-cluster.sh start | .ci/pg-cluster.sh stop DIR
set -euo pipefail
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)

start() {
  local dir port
  dir=$(mktemp -d /tmp/weft-pg.XXXXXX)
  chown postgres:postgres "$dir"
  port=${WEFT_PG_PORT:-55432}
  runuser -u postgres -- "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 -k $dir" start >/dev/null
  echo "$dir"
}

stop() {
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$1/data" -m immediate stop >/dev/null || true
  rm -rf "$1"
}

"$@"
