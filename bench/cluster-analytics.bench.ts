// Micro benchmark for issue 4: full location quotients + CMP strong flags + ECO
// stars over 2,500 regions × 600 industries × 10 years, in-process.
// Target: ≤ 1 s for all ten years. Run: npx tsx bench/cluster-analytics.bench.ts
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  clusterStars,
  locationQuotient,
  strongClusters,
  type EmploymentMatrix,
} from '../packages/core/src/analytics/index.ts';

const REGIONS = 2500;
const INDUSTRIES = 600;
const YEARS = 10;

// Deterministic synthetic data (mulberry32), so runs are comparable.
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const regionIds = Array.from({ length: REGIONS }, (_, r) => `R${r}`);
const industryIds = Array.from({ length: INDUSTRIES }, (_, i) => `I${i}`);

function buildData() {
  const next = random(2024);
  // Region size and industry size effects, plus noise; ~30 % of cells empty.
  const regionSize = Float64Array.from({ length: REGIONS }, () => Math.exp(next() * 4));
  const industrySize = Float64Array.from({ length: INDUSTRIES }, () => Math.exp(next() * 3));
  const years: { employment: EmploymentMatrix; establishments: Float64Array }[] = [];
  let base = new Float64Array(REGIONS * INDUSTRIES);
  for (let cell = 0; cell < base.length; cell++) {
    const r = Math.floor(cell / INDUSTRIES);
    const i = cell % INDUSTRIES;
    base[cell] =
      next() < 0.3 ? 0 : Math.round(regionSize[r]! * industrySize[i]! * (0.2 + 2 * next()));
  }
  for (let y = 0; y < YEARS; y++) {
    const values = new Float64Array(base.length);
    const establishments = new Float64Array(base.length);
    for (let cell = 0; cell < base.length; cell++) {
      const e = base[cell]! === 0 ? 0 : Math.max(1, Math.round(base[cell]! * (0.9 + 0.2 * next())));
      values[cell] = e;
      establishments[cell] = e === 0 ? 0 : 1 + Math.floor(e / (5 + 20 * next()));
    }
    years.push({ employment: { regionIds, industryIds, values }, establishments });
    base = values;
  }
  return years;
}

const buildStart = performance.now();
const years = buildData();
const buildMs = performance.now() - buildStart;

function runYear(year: (typeof years)[number]) {
  const t0 = performance.now();
  const lq = locationQuotient(year.employment);
  const t1 = performance.now();
  const flags = strongClusters(year.employment, lq.values, {
    establishments: year.establishments,
  });
  const t2 = performance.now();
  const stars = clusterStars(year.employment, lq.values);
  const t3 = performance.now();
  let strongCount = 0;
  let threeStars = 0;
  for (let cell = 0; cell < flags.strong.length; cell++) {
    strongCount += flags.strong[cell]!;
    if (stars.stars[cell] === 3) threeStars++;
  }
  return { lqMs: t1 - t0, strongMs: t2 - t1, starsMs: t3 - t2, strongCount, threeStars };
}

// One untimed warm-up year so the figures are of optimised code, as in a server.
runYear(years[0]!);

const rows: ReturnType<typeof runYear>[] = [];
const cpuStart = process.cpuUsage();
const totalStart = performance.now();
for (const year of years) rows.push(runYear(year));
const totalMs = performance.now() - totalStart;
const cpu = process.cpuUsage(cpuStart);
// CPU time of this process, next to wall time: on a shared machine the wall
// clock also counts other processes' turns.
const cpuMs = (cpu.user + cpu.system) / 1000;
const load = loadavg()[0]!;

const fmt = (ms: number) => ms.toFixed(1).padStart(7);
console.log(
  `cluster analytics: ${REGIONS} regions × ${INDUSTRIES} industries × ${YEARS} years ` +
    `(${(REGIONS * INDUSTRIES * YEARS).toLocaleString('en')} cells), node ${process.version}`,
);
console.log(`synthetic data built in ${buildMs.toFixed(0)} ms (not timed below)`);
console.log('year      LQ ms  strong ms  stars ms  total ms   strong cells  3-star cells');
rows.forEach((row, y) => {
  const total = row.lqMs + row.strongMs + row.starsMs;
  console.log(
    `${String(y + 1).padStart(4)}  ${fmt(row.lqMs)}  ${fmt(row.strongMs)}   ${fmt(row.starsMs)}  ${fmt(total)}  ` +
      `${String(row.strongCount).padStart(13)}  ${String(row.threeStars).padStart(12)}`,
  );
});
const sum = (key: 'lqMs' | 'strongMs' | 'starsMs') => rows.reduce((a, row) => a + row[key], 0);
console.log(
  `all   ${fmt(sum('lqMs'))}  ${fmt(sum('strongMs'))}   ${fmt(sum('starsMs'))}  ${fmt(totalMs)}`,
);
console.log(
  `total ${totalMs.toFixed(0)} ms wall, ${cpuMs.toFixed(0)} ms CPU for ${YEARS} years ` +
    `(1-min load average ${load.toFixed(2)} on ${cpus().length} CPUs) — target ≤ 1000 ms: ` +
    (totalMs <= 1000 ? 'met' : 'NOT met'),
);
