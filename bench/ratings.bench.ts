// Benchmark for issue 5 (ratings): 1,000 objects × 100 indicators in 10 groups
// and 4 peer groups, 3 % of values missing.
// Targets: compute an edition ≤ 50 ms; 1,000 Monte Carlo sensitivity runs ≤ 2 s.
// Run: npx tsx bench/ratings.bench.ts
import { performance } from 'node:perf_hooks';
import {
  computeEdition,
  createRandom,
  explainScore,
  sensitivity,
  type IndicatorValue,
  type Methodology,
} from '../packages/core/src/ratings/index.ts';

const OBJECTS = 1000;
const INDICATORS = 100;
const GROUPS = 10;
const PEER_GROUPS = [
  'industrial_production',
  'technology_innovation',
  'tourism_recreation',
  'port',
];

const next = createRandom(2025);
const methodology: Methodology = {
  id: 'bench',
  version: '1',
  title: 'Бенчмарк',
  description: 'Синтетическая методика',
  objectType: 'sez',
  peerGroups: { basis: 'тип ОЭЗ', groups: PEER_GROUPS.map((code) => ({ code, name: code })) },
  groups: Array.from({ length: GROUPS }, (_, g) => ({
    code: `g${g}`,
    name: `Группа ${g}`,
    weight: 1 + next(),
  })),
  indicators: Array.from({ length: INDICATORS }, (_, i) => ({
    code: `i${i}`,
    name: `Показатель ${i}`,
    unit: 'ед.',
    direction: i % 4 === 0 ? ('lower_is_better' as const) : ('higher_is_better' as const),
    group: `g${i % GROUPS}`,
    weight: 1 + 2 * next(),
    source: 'синтетика',
    rationale: 'синтетика',
    ...(i % 10 === 0 ? { normalisation: 'rank' as const } : {}),
  })),
  normalisation: 'min_max',
  missingValueRule: 'exclude',
  tieRule: { method: 'competition', tolerance: 1e-9 },
};

const values: IndicatorValue[] = [];
for (let o = 0; o < OBJECTS; o++)
  for (let i = 0; i < INDICATORS; i++)
    values.push({
      objectId: `sez${o}`,
      peerGroup: PEER_GROUPS[o % PEER_GROUPS.length]!,
      indicator: `i${i}`,
      value: next() < 0.03 ? null : Math.round(next() * 1e6) / 100,
    });

function time<T>(label: string, repeat: number, run: () => T): T {
  let result = run(); // warm-up
  // Wall time and this process's CPU time: on a shared machine the wall time
  // includes waiting for a core, the CPU time does not.
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < repeat; k++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    result = run();
    const used = process.cpuUsage(startCpu);
    wall.push(performance.now() - start);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(
    `${label}: wall median ${median(wall).toFixed(1)} ms (min ${Math.min(...wall).toFixed(1)}), CPU median ${median(cpu).toFixed(1)} ms (min ${Math.min(...cpu).toFixed(1)}); ${repeat} runs after warm-up`,
  );
  return result;
}

console.log(
  `ratings: ${OBJECTS} objects × ${INDICATORS} indicators, ${GROUPS} groups, ${PEER_GROUPS.length} peer groups; Node ${process.version}`,
);
const edition = time('computeEdition (target ≤ 50 ms)', 20, () =>
  computeEdition(methodology, values),
);
time('explainScore, one object', 20, () => explainScore(edition, 'sez500'));
const result = time('sensitivity, 1,000 Dirichlet runs, κ = 50 (target ≤ 2,000 ms)', 5, () =>
  sensitivity(edition, {
    perturbation: { method: 'dirichlet', concentration: 50 },
    runs: 1000,
    seed: 1,
  }),
);
time('sensitivity, 1,000 uniform ±20 % runs', 5, () =>
  sensitivity(edition, { perturbation: { method: 'uniform', spread: 0.2 }, runs: 1000, seed: 1 }),
);
const robust = result.objects.filter((o) => o.robust).length;
console.log(`robust places (p95 − p5 ≤ 2): ${robust} of ${result.objects.length}`);
