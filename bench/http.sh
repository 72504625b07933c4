#!/usr/bin/env bash
# `npm run bench:http`: throwaway PostgreSQL 15 cluster → national-scale registry
# (bench/generate-registry.ts, BENCH_ORGANISATIONS, default 300000) → the HTTP
# benchmark (bench/http.bench.ts: search, lists and profile pages, each beside a
# raw node:http ceiling measured in the same run) → cluster stopped.
# Output: the terminal and bench/out/http.log; figures in bench/out/http.json.
# Environment: BENCH_PG_PORT (55440), BENCH_ORGANISATIONS (300000), SCENARIO_SECONDS (15).
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
exec > >(tee bench/out/http.log) 2>&1
. bench/lib/pg-cluster.sh
export NPM_CONFIG_UPDATE_NOTIFIER=false

echo "=== Machine ==="
date
echo "nproc: $(nproc)"
grep -m1 'model name' /proc/cpuinfo | sed 's/^model name\s*:\s*/CPU: /'
echo "node: $(node --version)"
echo "load before: $(uptime | sed 's/.*load average/load average/')  (other sessions share this machine)"

echo "=== PostgreSQL 15 throwaway cluster (port ${BENCH_PG_PORT:-55440}) ==="
start_throwaway_pg "${BENCH_PG_PORT:-55440}" || exit 1
"$PG_BIN/postgres" --version

echo "=== Generate registry (${BENCH_ORGANISATIONS:-300000} organisations) ==="
npx tsx bench/generate-registry.ts --organisations "${BENCH_ORGANISATIONS:-300000}" || { echo "generation FAILED"; exit 1; }

echo "=== HTTP benchmark ==="
STATUS=0
npx tsx bench/http.bench.ts || STATUS=1
echo "load after: $(uptime | sed 's/.*load average/load average/')"
exit $STATUS
