#!/usr/bin/env bash
# The test command (README: `npm test`). Installs what the tests need when it
# is missing (PostgreSQL 15 and Chromium, as root on Debian), starts a
# throwaway PostgreSQL 15 cluster, builds the web app, and runs all three
# tiers: unit (core), database/API (server, on PGlite and PostgreSQL 15) and
# browser (Chromium). The cluster is removed afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_BIN=/usr/lib/postgresql/15/bin
need=()
[ -x "$PG_BIN/initdb" ] || need+=(postgresql)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing system packages: ${need[*]} — install them as root (apt-get install -y ${need[*]})" >&2
    exit 1
  fi
  echo "Installing ${need[*]}…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  PGDIR=$(mktemp -d /tmp/promatlas-pg.XXXXXX)
  PGPORT=${PROMATLAS_TEST_PG_PORT:-55433}
  RUN_AS=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$PGDIR"
    RUN_AS=(su postgres -s /bin/bash -c)
  else
    RUN_AS=(bash -c)
  fi
  "${RUN_AS[@]}" "$PG_BIN/initdb -D $PGDIR/data -E UTF8 --locale=C.UTF-8 -A trust -U postgres" >/dev/null
  "${RUN_AS[@]}" "$PG_BIN/pg_ctl -D $PGDIR/data -l $PGDIR/server.log -w start -o '-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200'" >/dev/null
  cleanup() {
    "${RUN_AS[@]}" "$PG_BIN/pg_ctl -D $PGDIR/data -m immediate stop" >/dev/null 2>&1 || true
    rm -rf "$PGDIR"
  }
  trap cleanup EXIT
  export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PGPORT/postgres"
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') for tests at $TEST_DATABASE_URL"
fi

npm run build:web --silent
npx vitest run "$@"
