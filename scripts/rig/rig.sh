#!/usr/bin/env bash
# The multi-node rig on loopback: a PostgreSQL 15 primary and a streaming
# replica (initdb, pg_basebackup -R), two API nodes (`promatlas serve` with
# DATABASE_URL and DATABASE_REPLICA_URL) and HAProxy in front. Used by the
# rig tests (packages/server/test/rig/) and by hand:
#
#   scripts/rig/rig.sh start            everything, fresh, in $RIG_DIR
#   scripts/rig/rig.sh stop             everything, and $RIG_DIR removed
#   scripts/rig/rig.sh env              the addresses, as shell variables
#   scripts/rig/rig.sh node-start N     start API node N (1 or 2)
#   scripts/rig/rig.sh node-kill N      kill -9 API node N
#   scripts/rig/rig.sh pg-stop  primary|replica [fast|immediate]
#   scripts/rig/rig.sh pg-start primary|replica
#
# Ports (RIG_PORT_BASE, default 55460): +0 HAProxy, +1 primary, +2 replica,
# +11 and +12 the API nodes. Runs PostgreSQL as the `postgres` user when root.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
RIG_DIR=${RIG_DIR:-/tmp/promatlas-rig}
BASE=${RIG_PORT_BASE:-55460}
PROXY_PORT=$((BASE + 0))
PRIMARY_PORT=$((BASE + 1))
REPLICA_PORT=$((BASE + 2))
NODE_PORT_1=$((BASE + 11))
NODE_PORT_2=$((BASE + 12))
DB=promatlas
PRIMARY_URL="postgres://postgres@127.0.0.1:$PRIMARY_PORT/$DB"
REPLICA_URL="postgres://postgres@127.0.0.1:$REPLICA_PORT/$DB"
PROXY_URL="http://127.0.0.1:$PROXY_PORT"
# The rig's editor account (created by `start`; loopback only, thrown away by `stop`).
RIG_EMAIL=rig.editor@test.promatlas
RIG_PASSWORD='rig editor password 2026'
# How stale the replica may be before reads go to the primary.
MAX_LAG_MS=${RIG_REPLICA_MAX_LAG_MS:-500}

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

log() { echo "rig: $*" >&2; }

wait_for() { # wait_for <seconds> <description> <command…>
  local seconds=$1 what=$2
  shift 2
  local deadline=$((SECONDS + seconds))
  until "$@" >/dev/null 2>&1; do
    if [ $SECONDS -ge $deadline ]; then
      log "timed out waiting for $what"
      return 1
    fi
    sleep 0.2
  done
}

pg_dir() { echo "$RIG_DIR/$1"; }
pg_port() { if [ "$1" = primary ]; then echo $PRIMARY_PORT; else echo $REPLICA_PORT; fi; }

pg_start() {
  local which=$1
  as_postgres "$PG_BIN/pg_ctl -D $(pg_dir "$which") -l $RIG_DIR/$which.log -w -t 60 start -o '-p $(pg_port "$which") -k $RIG_DIR -c listen_addresses=127.0.0.1'" >/dev/null
}

pg_stop() {
  local which=$1 mode=${2:-fast}
  as_postgres "$PG_BIN/pg_ctl -D $(pg_dir "$which") -m $mode -w -t 60 stop" >/dev/null
}

health() { curl -fsS --max-time 2 "http://127.0.0.1:$1/api/health"; }

node_port() { if [ "$1" = 1 ]; then echo $NODE_PORT_1; else echo $NODE_PORT_2; fi; }

node_start() {
  local n=$1 port
  port=$(node_port "$n")
  mkdir -p "$RIG_DIR/node$n"
  (
    cd "$ROOT"
    DATABASE_URL=$PRIMARY_URL DATABASE_REPLICA_URL=$REPLICA_URL \
      PROMATLAS_REPLICA_MAX_LAG_MS=$MAX_LAG_MS PROMATLAS_PORT=$port PROMATLAS_HOST=127.0.0.1 \
      PROMATLAS_DATA_DIR="$RIG_DIR/node$n" PROMATLAS_LOG_LEVEL=warn \
      PROMATLAS_TRUSTED_PROXIES=127.0.0.1 \
      setsid node packages/server/bin/promatlas.js serve --no-demo \
      >>"$RIG_DIR/node$n.log" 2>&1 </dev/null &
    echo $! >"$RIG_DIR/node$n.pid"
  )
  wait_for 90 "API node $n on port $port" health "$port"
}

node_kill() {
  local n=$1
  if [ -f "$RIG_DIR/node$n.pid" ]; then
    kill -9 "$(cat "$RIG_DIR/node$n.pid")" 2>/dev/null || true
    rm -f "$RIG_DIR/node$n.pid"
  fi
}

proxy_start() {
  cat >"$RIG_DIR/haproxy.cfg" <<EOF
global
  maxconn 4096
  pidfile $RIG_DIR/haproxy.pid

defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  # A request that never reached a node (refused connection) goes to the other one.
  retries 2
  option redispatch
  retry-on conn-failure
  # The client's address for the sign-in limits (the nodes trust 127.0.0.1).
  option forwardfor

frontend api
  bind 127.0.0.1:$PROXY_PORT
  default_backend nodes

backend nodes
  balance roundrobin
  # A signed-in browser stays on one node while that node is up: a file sent to
  # POST /api/uploads waits on that node's disk for the import request that
  # names it (the one piece of node-local state). Sign-in, reads and every
  # other write work on any node; a node that goes down hands its browsers on.
  stick-table type string len 64 size 200k expire 2h
  stick on req.cook(promatlas_session)
  # Which node answered (the rig's tests look at it).
  http-response set-header X-Served-By %s
  option httpchk GET /api/health
  http-check expect status 200
  # A busy node answers its health check late, not never: give it time before calling it down.
  timeout check 2s
  default-server inter 500ms fall 2 rise 2
  server node1 127.0.0.1:$NODE_PORT_1 check
  server node2 127.0.0.1:$NODE_PORT_2 check
EOF
  haproxy -c -q -f "$RIG_DIR/haproxy.cfg"
  haproxy -D -f "$RIG_DIR/haproxy.cfg"
  wait_for 10 "HAProxy on port $PROXY_PORT" health "$PROXY_PORT"
}

start() {
  command -v haproxy >/dev/null || {
    log "haproxy is missing: apt-get install -y haproxy"
    exit 1
  }
  [ -x "$PG_BIN/initdb" ] || {
    log "PostgreSQL 15 is missing: apt-get install -y postgresql"
    exit 1
  }
  stop_all quiet
  mkdir -p "$RIG_DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres "$RIG_DIR"
  log "primary on $PRIMARY_PORT"
  as_postgres "$PG_BIN/initdb -D $(pg_dir primary) -E UTF8 --locale=C.UTF-8 -A trust -U postgres" >/dev/null
  # fsync off: a throwaway cluster on a shared test machine; commits are still
  # acknowledged only after their WAL is written (synchronous_commit stays on).
  cat >>"$(pg_dir primary)/postgresql.conf" <<EOF
fsync = off
full_page_writes = off
max_connections = 200
wal_level = replica
max_wal_senders = 5
hot_standby = on
hot_standby_feedback = on
EOF
  pg_start primary
  as_postgres "$PG_BIN/createdb -h 127.0.0.1 -p $PRIMARY_PORT -U postgres $DB"
  log "replica on $REPLICA_PORT (pg_basebackup -R)"
  as_postgres "$PG_BIN/pg_basebackup -h 127.0.0.1 -p $PRIMARY_PORT -U postgres -D $(pg_dir replica) -R -X stream -c fast"
  pg_start replica
  log "schema and the editor account"
  (cd "$ROOT" && DATABASE_URL=$PRIMARY_URL PROMATLAS_DATA_DIR="$RIG_DIR/cli" node packages/server/bin/promatlas.js \
    users add --email "$RIG_EMAIL" --name 'Редактор стенда' --role administrator --password "$RIG_PASSWORD" >/dev/null)
  log "API nodes on $NODE_PORT_1 and $NODE_PORT_2"
  node_start 1
  node_start 2
  log "HAProxy on $PROXY_PORT"
  proxy_start
  env_vars
}

stop_all() {
  local quiet=${1:-}
  [ -d "$RIG_DIR" ] || return 0
  [ -z "$quiet" ] && log "stopping"
  [ -f "$RIG_DIR/haproxy.pid" ] && kill "$(cat "$RIG_DIR/haproxy.pid")" 2>/dev/null || true
  for n in 1 2; do
    if [ -f "$RIG_DIR/node$n.pid" ]; then
      kill "$(cat "$RIG_DIR/node$n.pid")" 2>/dev/null || true
      rm -f "$RIG_DIR/node$n.pid"
    fi
  done
  for which in replica primary; do
    [ -f "$(pg_dir "$which")/postmaster.pid" ] && pg_stop "$which" immediate 2>/dev/null || true
  done
  rm -rf "$RIG_DIR"
}

env_vars() {
  cat <<EOF
RIG_DIR=$RIG_DIR
RIG_PROXY_URL=$PROXY_URL
RIG_NODE_URL_1=http://127.0.0.1:$NODE_PORT_1
RIG_NODE_URL_2=http://127.0.0.1:$NODE_PORT_2
RIG_PRIMARY_URL=$PRIMARY_URL
RIG_REPLICA_URL=$REPLICA_URL
RIG_EMAIL=$RIG_EMAIL
RIG_PASSWORD='$RIG_PASSWORD'
RIG_REPLICA_MAX_LAG_MS=$MAX_LAG_MS
EOF
}

case "${1:-}" in
  start) start ;;
  stop) stop_all ;;
  env) env_vars ;;
  node-start) node_start "$2" ;;
  node-kill) node_kill "$2" ;;
  pg-stop) pg_stop "$2" "${3:-fast}" ;;
  pg-start) pg_start "$2" ;;
  *)
    sed -n '2,16p' "$0" >&2
    exit 2
    ;;
esac
