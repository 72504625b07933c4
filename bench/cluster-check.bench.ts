// In-process benchmark of the industrial-cluster check (ПП РФ № 779): a cluster
// of 500 participants, 20,000 contracts and 5 years of purchases, parsed from
// JSON text, validated and checked — what `promatlas clusters check` does after
// reading the file. Target: ≤ 200 ms. Run: npm run bench:cluster-check
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { checkCluster } from '../packages/core/src/compliance/checkCluster.ts';
import type { ClusterCheckInput } from '../packages/core/src/compliance/cluster-check.schema.ts';
import { DEFAULT_CLUSTER_RULE_SET } from '../packages/core/src/compliance/default-cluster-rule-set.ts';
import { validateClusterCheckInput } from '../packages/core/src/compliance/validateClusterCheckInput.ts';

const PARTICIPANTS = 500;
const CONTRACTS = 20_000;
const YEARS = [2020, 2021, 2022, 2023, 2024];
const RUNS = 30;
// Only enterprises buy materials and components: 440 of them × 5 years = 2,200 purchase rows.

// Deterministic synthetic data (mulberry32), so runs are comparable.
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function buildCluster(): ClusterCheckInput {
  const next = random(779);
  const kinds = ['infrastructure', 'education', 'research', 'finance'] as const;
  const participants: ClusterCheckInput['participants'] = [];
  for (let k = 0; k < PARTICIPANTS; k++) {
    const enterprise = k < 440;
    participants.push({
      id: `p${k}`,
      name: `Участник ${k}`,
      region: '48',
      kind: k === 499 ? 'specialised_organisation' : enterprise ? 'enterprise' : kinds[k % 4]!,
      ...(enterprise ? { industrial: true, finalProductMaker: k < 200 } : {}),
      territory: next() < 0.2 ? ['monotown'] : [],
      joined: `20${String(10 + Math.floor(next() * 12)).padStart(2, '0')}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`,
    });
  }
  const types = [
    'import_substitution_project',
    'supply',
    'production_services',
    'spic',
    'other',
  ] as const;
  const contracts: ClusterCheckInput['contracts'] = [];
  for (let c = 0; c < CONTRACTS; c++) {
    const a = Math.floor(next() * PARTICIPANTS);
    const b = (a + 1 + Math.floor(next() * (PARTICIPANTS - 1))) % PARTICIPANTS;
    contracts.push({
      id: `c${c}`,
      parties: [`p${a}`, `p${b}`],
      type: types[Math.floor(next() * types.length)]!,
      signed: `20${String(15 + Math.floor(next() * 10)).padStart(2, '0')}-0${1 + Math.floor(next() * 9)}-2${Math.floor(next() * 8)}`,
    });
  }
  const purchases: ClusterCheckInput['purchases'] = [];
  for (let k = 0; k < 440; k++)
    for (const year of YEARS) {
      const totalRub = Math.round(1e6 + next() * 5e8);
      purchases.push({
        buyer: `p${k}`,
        year,
        totalRub,
        fromParticipantsRub: Math.round(totalRub * next() * 0.5),
      });
    }
  return {
    asOf: '2025-06-30',
    cluster: { name: 'Синтетический кластер', decisionDate: '2021-03-15' },
    participants,
    contracts,
    purchases,
  };
}

const text = JSON.stringify(buildCluster());

function once() {
  const start = performance.now();
  const document: unknown = JSON.parse(text);
  const parsed = performance.now();
  const validated = validateClusterCheckInput(document);
  if (!validated.ok) throw new Error(JSON.stringify(validated.problems.slice(0, 3)));
  const checked = performance.now();
  const result = checkCluster(validated.value, DEFAULT_CLUSTER_RULE_SET);
  const end = performance.now();
  return {
    total: end - start,
    jsonParse: parsed - start,
    validation: checked - parsed,
    check: end - checked,
    result,
  };
}

const round = (x: number) => Number(x.toFixed(1));
const sorted = (xs: number[]) => xs.slice().sort((a, b) => a - b);
const median = (xs: number[]) => round(sorted(xs)[Math.floor(xs.length / 2)]!);
const p95 = (xs: number[]) => round(sorted(xs)[Math.ceil(xs.length * 0.95) - 1]!);
const phases = ['total', 'jsonParse', 'validation', 'check'] as const;

const loadStart = loadavg()[0]!;
// The first run is what one `promatlas clusters check` pays (zod and V8 still cold).
const cold = once();
const runs = Array.from({ length: RUNS }, () => once());
const loadEnd = loadavg()[0]!;
const summary = {
  date: new Date().toISOString(),
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
  loadAverage1m: { start: round(loadStart), end: round(loadEnd) },
  input: {
    participants: PARTICIPANTS,
    contracts: CONTRACTS,
    purchases: 440 * YEARS.length,
    years: YEARS.length,
    jsonBytes: text.length,
  },
  coldMs: Object.fromEntries(phases.map((k) => [k, round(cold[k])])),
  warmMedianMs: Object.fromEntries(phases.map((k) => [k, median(runs.map((r) => r[k]))])),
  warmP95Ms: Object.fromEntries(phases.map((k) => [k, p95(runs.map((r) => r[k]))])),
  targetMs: 200,
  // The target is read as JSON text in, verdict out: parse + validation + check.
  met: cold.total <= 200 && p95(runs.map((r) => r.total)) <= 200,
  verdict: {
    compliant: cold.result.compliant,
    functionalDependence: cold.result.functionalDependence,
  },
};
console.log(JSON.stringify(summary, null, 2));
