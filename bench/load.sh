#!/usr/bin/env bash
# `npm run bench:load`: the multi-node rig (scripts/rig/rig.sh: PostgreSQL 15
# primary + streaming replica, two API nodes, HAProxy) filled with the
# synthetic national registry (bench/generate-registry.ts, LOAD_ORGANISATIONS,
# default 300000), then bench/load.bench.ts: LOAD_USERS (200) simulated users
# through the proxy for LOAD_SECONDS (300). Loopback only; the rig is removed
# afterwards. Figures: the terminal and bench/out/load.json.
set -euo pipefail
cd "$(dirname "$0")/.."
ORGS=${LOAD_ORGANISATIONS:-300000}
trap 'bash scripts/rig/rig.sh stop' EXIT
bash scripts/rig/rig.sh start >/dev/null
eval "$(bash scripts/rig/rig.sh env)"
echo "=== registry: $ORGS organisations into the rig's primary ==="
DATABASE_URL=$RIG_PRIMARY_URL npx tsx bench/generate-registry.ts --organisations "$ORGS"
# The replica replays the load; the nodes' health reports it fresh again before the run.
for url in "$RIG_NODE_URL_1" "$RIG_NODE_URL_2"; do
  until curl -fsS --max-time 2 "$url/api/health" | grep -q '"state":"fresh"'; do sleep 1; done
done
echo "=== load ==="
npx tsx bench/load.bench.ts
