#!/usr/bin/env bash
# `npm run bench`: throwaway PostgreSQL 15 cluster → national-scale registry →
# HTTP benchmark (autocannon, 50 connections) → first page on the embedded
# database → the analytics, ratings and durability benchmarks if present → cluster stopped.
# Output goes to the terminal and to bench/out/run.log; JSON figures to bench/out/.
#
# Needs PostgreSQL 15 server binaries (Debian: apt-get install -y postgresql).
# As root the cluster runs as the `postgres` user; otherwise as the current user.
# Environment: BENCH_PG_PORT (55440), BENCH_ORGANISATIONS (300000), SCENARIO_SECONDS (15).
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
mkdir -p bench/out
exec > >(tee bench/out/run.log) 2>&1

PG_PORT=${BENCH_PG_PORT:-55440}
. bench/lib/pg-cluster.sh
ORGS=${BENCH_ORGANISATIONS:-300000}
export NPM_CONFIG_UPDATE_NOTIFIER=false

section() { printf '\n=== %s ===\n' "$1"; }

section "Machine"
date
echo "nproc: $(nproc)"
grep -m1 'model name' /proc/cpuinfo | sed 's/^model name\s*:\s*/CPU: /'
free -h | awk '/^Mem:/ {print "memory: " $2 " total, " $7 " available"}'
echo "node: $(node --version)"
echo "load: $(uptime | sed 's/.*load average/load average/')  (other sessions share this machine)"

section "PostgreSQL 15 throwaway cluster (port $PG_PORT)"
start_throwaway_pg "$PG_PORT" || exit 1
"$PG_BIN/postgres" --version

STATUS=0
section "Generate registry ($ORGS organisations)"
npx tsx bench/generate-registry.ts --organisations "$ORGS" || { echo "generation FAILED"; exit 1; }

section "HTTP benchmark (server in a child process; 2 cores shared by autocannon, Node and PostgreSQL)"
npx tsx bench/http.bench.ts || STATUS=1

section "Query plans (EXPLAIN ANALYZE of the slow queries)"
npx tsx bench/explain.ts || STATUS=1

section "First page (embedded PGlite)"
( unset DATABASE_URL; npx tsx bench/first-page.ts ) || STATUS=1

section "Responsiveness while a 50 MB import runs (embedded PGlite)"
( unset DATABASE_URL; npx tsx bench/responsiveness.bench.ts ) || STATUS=1

for b in cluster-analytics ratings durability; do
  if [ -f "bench/$b.bench.ts" ]; then
    section "bench/$b.bench.ts"
    npx tsx "bench/$b.bench.ts" || STATUS=1
  fi
done

section "Done"
echo "figures: bench/out/*.json, log: bench/out/run.log"
exit $STATUS
