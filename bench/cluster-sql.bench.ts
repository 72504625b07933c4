// Side-by-side benchmark for issue 4: the full cluster-mapping computation —
// location quotients, CMP strong flags (with establishments) and ECO stars —
// over 2,500 regions × 600 industries × 10 years, once in-process with the
// core functions and once written as SQL on PostgreSQL 15 (percentile_cont,
// which interpolates linearly like R type 7). Prints both times and the ratio,
// and checks that both give the same strong cells and stars.
//
// Run: DATABASE_URL=postgres://… npx tsx bench/cluster-sql.bench.ts
// The data go to an UNLOGGED table in a schema of their own (cluster_sql_bench),
// loaded with COPY, dropped at the end.
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import {
  clusterStars,
  locationQuotient,
  strongClusters,
  type EmploymentMatrix,
} from '../packages/core/src/analytics/index.ts';

const REGIONS = 2500;
const INDUSTRIES = 600;
const YEARS = 10;
const DATABASE_URL = process.env['DATABASE_URL'];
if (!DATABASE_URL) {
  console.error(
    'DATABASE_URL must name a PostgreSQL 15 database (the benchmark creates and drops schema cluster_sql_bench)',
  );
  process.exit(1);
}

// The same deterministic data as bench/cluster-analytics.bench.ts (mulberry32,
// seed 2024): region and industry size effects plus noise, ~30 % empty cells.
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

const years = buildData();

// ---- in-process ------------------------------------------------------------
function runYear(year: (typeof years)[number]) {
  const lq = locationQuotient(year.employment);
  const flags = strongClusters(year.employment, lq.values, { establishments: year.establishments });
  const stars = clusterStars(year.employment, lq.values);
  let strong = 0;
  let starSum = 0;
  let threeStars = 0;
  for (let cell = 0; cell < flags.strong.length; cell++) {
    strong += flags.strong[cell]!;
    starSum += stars.stars[cell]!;
    if (stars.stars[cell] === 3) threeStars++;
  }
  return { strong, starSum, threeStars };
}
runYear(years[0]!); // warm-up, untimed, so the figures are of optimised code
const inProcessStart = performance.now();
const inProcessCpuStart = process.cpuUsage();
const inProcess = years.map(runYear);
const inProcessMs = performance.now() - inProcessStart;
const inProcessCpu = process.cpuUsage(inProcessCpuStart);

// ---- SQL ---------------------------------------------------------------------
const sql = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
const SCHEMA = 'cluster_sql_bench';
await sql.unsafe(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
await sql.unsafe(`CREATE SCHEMA ${SCHEMA}`);
await sql.unsafe(`SET search_path = ${SCHEMA}`);
// Only cells with employment: absent cells take no part in any sum or quantile.
await sql.unsafe(`CREATE UNLOGGED TABLE cell (
  year smallint NOT NULL, region integer NOT NULL, industry integer NOT NULL,
  employment double precision NOT NULL, establishments double precision NOT NULL)`);

const loadStart = performance.now();
let rowsLoaded = 0;
{
  const copy =
    await sql`COPY cell (year, region, industry, employment, establishments) FROM STDIN`.writable();
  const write = (chunk: string) =>
    new Promise<void>((resolve, reject) =>
      copy.write(chunk, (error) => (error ? reject(error) : resolve())),
    );
  for (let y = 0; y < YEARS; y++) {
    const { employment, establishments } = years[y]!;
    let buffer = '';
    for (let cell = 0; cell < employment.values.length; cell++) {
      const e = employment.values[cell]!;
      if (e === 0) continue;
      buffer += `${y}\t${Math.floor(cell / INDUSTRIES)}\t${cell % INDUSTRIES}\t${e}\t${establishments[cell]}\n`;
      rowsLoaded++;
      if (buffer.length > 1 << 20) {
        await write(buffer);
        buffer = '';
      }
    }
    if (buffer) await write(buffer);
  }
  await new Promise<void>((resolve, reject) =>
    copy.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}
await sql.unsafe('ANALYZE cell');
const loadMs = performance.now() - loadStart;

// The whole computation in one statement, materialised into a table so that
// every cell's LQ, flag and stars are really computed (as the in-process run
// fills its typed arrays), without shipping 10 M rows to the client.
const COMPUTE = `
CREATE UNLOGGED TABLE result AS
WITH region_total AS (
  SELECT year, region, sum(employment) AS e_r FROM cell GROUP BY year, region
), industry_total AS (
  SELECT year, industry, sum(employment) AS e_i FROM cell GROUP BY year, industry
), grand_total AS (
  SELECT year, sum(employment) AS e FROM cell GROUP BY year
), quotient AS (
  SELECT c.year, c.region, c.industry, c.employment, c.establishments,
         -- e · (1 / T), as clusterStars computes it, so ties at the 90th percentile fall the same way.
         CASE WHEN r.e_r = 0 THEN 0 ELSE c.employment * (1.0 / r.e_r) END AS share,
         CASE WHEN r.e_r = 0 OR i.e_i = 0 OR g.e = 0 THEN 0
              ELSE (c.employment * g.e) / (r.e_r * i.e_i) END AS lq
  FROM cell c
  JOIN region_total r USING (year, region)
  JOIN industry_total i USING (year, industry)
  JOIN grand_total g USING (year)
), threshold AS (
  SELECT year, industry,
         percentile_cont(0.75) WITHIN GROUP (ORDER BY lq) AS lq_q75,
         percentile_cont(0.25) WITHIN GROUP (ORDER BY employment) AS employment_q25,
         percentile_cont(0.25) WITHIN GROUP (ORDER BY establishments) AS establishments_q25,
         percentile_cont(0.90) WITHIN GROUP (ORDER BY employment) AS employment_q90,
         percentile_cont(0.90) WITHIN GROUP (ORDER BY share) AS focus_q90
  FROM quotient
  GROUP BY year, industry
)
SELECT q.year, q.region, q.industry, q.lq,
       (q.employment > t.employment_q25 AND q.establishments > t.establishments_q25
        AND q.lq >= t.lq_q75 AND q.lq >= 1) AS strong,
       (q.employment >= t.employment_q90)::int + (q.lq >= 2)::int + (q.share >= t.focus_q90)::int AS stars
FROM quotient q JOIN threshold t USING (year, industry)`;

const settingNames = ['work_mem', 'shared_buffers', 'max_parallel_workers_per_gather', 'jit'];
const settings = await Promise.all(
  settingNames.map(async (name) => ({
    name,
    value: (await sql<{ v: string }[]>`SELECT current_setting(${name}) AS v`)[0]!.v,
  })),
);
const version = (await sql<{ v: string }[]>`SELECT split_part(version(), ' ', 2) AS v`)[0]!.v;

async function runSql(workMem: string) {
  await sql.unsafe(`SET work_mem = '${workMem}'`);
  await sql.unsafe('DROP TABLE IF EXISTS result');
  const start = performance.now();
  await sql.unsafe(COMPUTE);
  const ms = performance.now() - start;
  const byYear = await sql<{ year: number; strong: number; star_sum: number; three: number }[]>`
    SELECT year, count(*) FILTER (WHERE strong)::int AS strong, sum(stars)::int AS star_sum,
           count(*) FILTER (WHERE stars = 3)::int AS three
    FROM result GROUP BY year ORDER BY year`;
  return { ms, byYear };
}

// Timed with the server's work_mem and with 256 MB (the table was just written and analysed, so it is cached).
const sqlDefault = await runSql(settings.find((s) => s.name === 'work_mem')!.value);
const sqlLarge = await runSql('256MB');
await sql.unsafe(`DROP SCHEMA ${SCHEMA} CASCADE`);
await sql.end();

// ---- report ------------------------------------------------------------------
const mismatches = inProcess.flatMap((row, y) => {
  const s = sqlLarge.byYear.find((b) => b.year === y);
  return !s || s.strong !== row.strong || s.star_sum !== row.starSum || s.three !== row.threeStars
    ? [
        `year ${y + 1}: in-process strong ${row.strong}, stars ${row.starSum}, 3-star ${row.threeStars}; SQL ${s?.strong}, ${s?.star_sum}, ${s?.three}`,
      ]
    : [];
});
const best = Math.min(sqlDefault.ms, sqlLarge.ms);
const setting = (name: string) => settings.find((x) => x.name === name)?.value ?? '?';
console.log(
  `cluster analytics, in-process vs SQL: ${REGIONS} regions × ${INDUSTRIES} industries × ${YEARS} years ` +
    `(${(REGIONS * INDUSTRIES * YEARS).toLocaleString('en')} cells, ${rowsLoaded.toLocaleString('en')} with employment)`,
);
console.log(
  `node ${process.version}, PostgreSQL ${version} (shared_buffers ${setting('shared_buffers')}, ` +
    `max_parallel_workers_per_gather ${setting('max_parallel_workers_per_gather')}, jit ${setting('jit')}); ` +
    `${cpus().length} CPUs, 1-min load ${loadavg()[0]!.toFixed(2)}`,
);
console.log(`load (COPY + ANALYZE, not timed below): ${(loadMs / 1000).toFixed(1)} s`);
console.log(
  `in-process (core functions, 10 years): ${inProcessMs.toFixed(0)} ms wall, ` +
    `${((inProcessCpu.user + inProcessCpu.system) / 1000).toFixed(0)} ms CPU`,
);
console.log(
  `SQL, work_mem ${setting('work_mem')} (server default): ${sqlDefault.ms.toFixed(0)} ms`,
);
console.log(`SQL, work_mem 256MB: ${sqlLarge.ms.toFixed(0)} ms`);
console.log(`ratio SQL / in-process: ${(best / inProcessMs).toFixed(1)} × (best SQL run)`);
console.log(
  mismatches.length === 0
    ? 'results agree: strong cells, star totals and 3-star cells per year are identical'
    : `results differ:\n  ${mismatches.join('\n  ')}`,
);
