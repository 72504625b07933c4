# Sourced by the bench scripts: a throwaway PostgreSQL 15 cluster on loopback.
#   start_throwaway_pg PORT   initdb + start in a temporary directory, exports DATABASE_URL,
#                             stops and removes the cluster when the script exits.
# Needs PostgreSQL 15 server binaries (Debian: apt-get install -y postgresql), in PG_BIN.
# As root the cluster runs as the `postgres` user; otherwise as the current user.
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}

start_throwaway_pg() {
  local port=$1
  if [ ! -x "$PG_BIN/initdb" ]; then
    echo "PostgreSQL 15 server binaries not found in $PG_BIN (apt-get install -y postgresql)" >&2
    return 1
  fi
  PGDIR=$(mktemp -d /tmp/pgbench-XXXX)
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$PGDIR"
    as_pg() { su postgres -c "$*"; }
  else
    as_pg() { bash -c "$*"; }
  fi
  # shared_buffers 1 GB holds the whole ~0.5 GB database; fsync off: throwaway data.
  local opts="-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=1GB -c max_connections=100"
  as_pg "$PG_BIN/initdb -D $PGDIR/data -E UTF8 --locale=C.UTF-8 -A trust -U postgres" > "$PGDIR/initdb.log" || { cat "$PGDIR/initdb.log"; return 1; }
  as_pg "$PG_BIN/pg_ctl -D $PGDIR/data -l $PGDIR/server.log -w start -o '$opts'" || { cat "$PGDIR/server.log"; return 1; }
  trap stop_throwaway_pg EXIT
  export DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
}

stop_throwaway_pg() {
  as_pg "$PG_BIN/pg_ctl -D $PGDIR/data -m fast -w stop" > /dev/null 2>&1
  rm -rf "$PGDIR"
}
