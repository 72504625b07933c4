/**
 * Supplier search and the cooperation graph, against the PostgreSQL registry
 * made by bench/generate-registry.ts (300,000 organisations).
 *
 * 1. Coordinates: the generator gives organisations a town but no point. Here
 *    each one without a point gets one, deterministically from its id: a
 *    normal scatter (σ ≈ 45 km) around its region's centre (the real centres
 *    of the capitals for the regions listed below, a fixed point inside
 *    European Russia or Siberia for the rest). Moscow and its oblast hold
 *    ~20 % of the organisations, so a 100 km radius there takes in ~60,000.
 * 2. HTTP at 50 connections (the server a child process, `promatlas serve`):
 *    the floor `GET /api/health`, the baseline `GET /api/organisations/:id`
 *    (one record's profile, several queries), then
 *    the supplier search within 100 km around 200 organisations' points,
 *    half by ОКПД2 product, half by ОКВЭД2 activity, a third with a cluster:
 *    first with every URL new (an unused parameter varied, so the read cache
 *    never answers: the search itself), then the 200 URLs repeated (answered
 *    by the read cache when it is on, PROMATLAS_READ_CACHE, default on).
 *    Target: p95 ≤ 50 ms. Percentiles from every response's own time.
 * 3. Chromium: a cluster of 500 participants and 1,500 contracts among them,
 *    its profile opened and the «Кооперация» graph drawn (ECharts force
 *    layout); the time from init to the first 'finished' event, read from the
 *    graph's data-drawn-ms. Baseline: a cluster of 10. Target: ≤ 1 s.
 *    Needs `npm run build:web` first.
 *
 * Run: DATABASE_URL=postgres://… npm run bench:suppliers [-- --answers <file>]
 * `--answers <file>` writes the 200 search answers (anonymous, one a line) to a file before
 * the load, so that two versions of the code can be compared byte for byte.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) {
  console.error('DATABASE_URL is required (a database made by bench/generate-registry.ts)');
  process.exit(2);
}
const PORT = Number(process.env.BENCH_PORT ?? 55447);
const SECONDS = Number(process.env.SCENARIO_SECONDS ?? 15);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
/** Rounds of distinct URLs for the cache-miss scenario: 200 × this many, more than a run sends. */
const UNIQUE_ROUNDS = Number(process.env.UNIQUE_ROUNDS ?? 100);
/** Differs per run, so a server left running never holds this run's «new» URLs. */
const RUN_TAG = Date.now().toString(36);
const BASE = `http://127.0.0.1:${PORT}`;
const WEB_DIST = path.join(ROOT, 'packages/web/dist');
const answersAt = process.argv.indexOf('--answers');
const ANSWERS = answersAt > 0 ? process.argv[answersAt + 1] : undefined;

const sql = postgres(DATABASE_URL, {
  max: 2,
  onnotice: () => {},
  connection: { application_name: 'suppliers-bench' },
});

// Region centres (ОКАТО codes): the capitals of the most populous subjects and of Lipetsk.
const CENTRES: Record<string, [number, number]> = {
  '45': [55.7558, 37.6173], // Москва
  '46': [55.55, 37.9], // Московская обл.
  '40': [59.9386, 30.3141], // Санкт-Петербург
  '41': [59.7, 30.8], // Ленинградская обл.
  '42': [52.6031, 39.5708], // Липецкая обл.
  '03': [45.0355, 38.9753], // Краснодарский край
  '65': [56.8389, 60.6057], // Свердловская обл.
  '60': [47.2357, 39.7015], // Ростовская обл.
  '92': [55.7963, 49.1088], // Татарстан
  '80': [54.7388, 55.9721], // Башкортостан
  '75': [55.1644, 61.4368], // Челябинская обл.
  '22': [56.2965, 43.9361], // Нижегородская обл.
  '36': [53.1959, 50.1002], // Самарская обл.
  '50': [55.0084, 82.9357], // Новосибирская обл.
  '20': [51.6615, 39.2003], // Воронежская обл.
  '68': [52.7212, 41.4523], // Тамбовская обл.
};

async function ensureCoordinates(): Promise<{ added: number; ms: number }> {
  const t = performance.now();
  const regions = await sql<{ region_code: string }[]>`
    SELECT DISTINCT region_code FROM organisation WHERE region_code IS NOT NULL`;
  const centres = regions.map(({ region_code }, i) => {
    const known = CENTRES[region_code];
    // A fixed point per other region: spread over 45–60° N, 30–90° E.
    const c = known ?? [45 + ((i * 7.3) % 15), 30 + ((i * 13.7) % 60)];
    return { region_code, lat: c[0], lon: c[1] };
  });
  await sql`CREATE TEMP TABLE bench_centre (region_code text PRIMARY KEY, lat float8, lon float8)`;
  await sql`INSERT INTO bench_centre ${sql(centres)}`;
  // Box–Muller from two uniform numbers hashed from the id: the same point every run.
  const result = await sql`
    UPDATE organisation o SET
      latitude = c.lat + 0.4 * sqrt(-2 * ln(u1)) * cos(2 * pi() * u2),
      longitude = c.lon + 0.4 / cos(radians(c.lat)) * sqrt(-2 * ln(u1)) * sin(2 * pi() * u2)
    FROM (
      SELECT id,
        (((id::bigint * 2654435761) % 1000003) + 1) / 1000004.0 AS u1,
        (((id::bigint * 40503) % 999983) + 1) / 999984.0 AS u2
      FROM organisation
    ) h, bench_centre c
    WHERE h.id = o.id AND c.region_code = o.region_code AND o.latitude IS NULL`;
  await sql`DROP TABLE bench_centre`;
  if (result.count > 0) await sql`VACUUM ANALYZE organisation`;
  return { added: result.count, ms: performance.now() - t };
}

/** A cluster of `size` participants with `contracts` contracts among them, made once. */
async function graphCluster(size: number, contracts: number): Promise<number> {
  const name = `Бенчмарк: граф кооперации на ${size} участников`;
  const existing = await sql<{ id: number }[]>`SELECT id FROM cluster WHERE name = ${name}`;
  if (existing[0]) return existing[0].id;
  const [cluster] = await sql<{ id: number }[]>`
    INSERT INTO cluster (kind, name, region_code) VALUES ('industrial', ${name}, '42') RETURNING id`;
  const orgs = await sql<{ id: number }[]>`
    SELECT id FROM organisation WHERE region_code = '42' AND kind = 'enterprise' ORDER BY id LIMIT ${size}`;
  await sql`INSERT INTO cluster_member ${sql(orgs.map((o) => ({ cluster_id: cluster!.id, organisation_id: o.id, role: 'participant' })))}`;
  const rows = [];
  for (let k = 0; k < contracts; k++) {
    const a = (k * 7919) % orgs.length;
    const b = (a + 1 + ((k * 104729) % (orgs.length - 1))) % orgs.length;
    rows.push({
      buyer_id: orgs[a]!.id,
      supplier_id: orgs[b]!.id,
      contract_type: 'supply',
      product: `Комплектующие ${k}`,
      signed_on: '2023-05-01',
    });
  }
  for (let i = 0; i < rows.length; i += 1000)
    await sql`INSERT INTO cooperation_contract ${sql(rows.slice(i, i + 1000))}`;
  return cluster!.id;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[
    Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  ]!;
}

async function waitForServer(child: ChildProcess): Promise<void> {
  const started = performance.now();
  while (performance.now() - started < 120_000) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('server did not start in time');
}

interface Result {
  name: string;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** CPU per request: the server's Node process and its database backends (load-independent). */
  cpuMs: { server: number; database: number };
}

/** Requests still queued when autocannon stops keep the database busy: wait until it is idle. */
async function drain(): Promise<void> {
  const started = performance.now();
  while (performance.now() - started < 60_000) {
    const active = await sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()
        AND backend_type = 'client backend'`;
    if (active[0]!.n === 0) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** CPU seconds (user + system) a process has used, from /proc: independent of the machine's load. */
function cpuSeconds(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // clock ticks, USER_HZ = 100
  } catch {
    return 0; // gone
  }
}

/** The CPU of the server's database backends (this script's own connections left out). */
async function backendCpu(): Promise<Map<number, number>> {
  const rows = await sql<{ pid: number }[]>`
    SELECT pid FROM pg_stat_activity
    WHERE datname = current_database() AND backend_type = 'client backend'
      AND application_name <> 'suppliers-bench'`;
  return new Map(rows.map(({ pid }) => [pid, cpuSeconds(pid)]));
}

async function load(name: string, urls: string[]): Promise<Result> {
  const backendsBefore = await backendCpu();
  const serverBefore = cpuSeconds(child.pid!);
  const latencies: number[] = [];
  let non2xx = 0;
  const instance = autocannon({
    url: BASE,
    connections: CONNECTIONS,
    duration: SECONDS,
    timeout: 30,
    requests: urls.map((p) => ({ method: 'GET' as const, path: p })),
  });
  instance.on('response', (_c: unknown, status: number, _b: number, ms: number) => {
    latencies.push(ms);
    if (status < 200 || status >= 300) non2xx++;
  });
  const result = await instance;
  await drain();
  const serverCpu = cpuSeconds(child.pid!) - serverBefore;
  let databaseCpu = 0;
  for (const [pid, after] of await backendCpu())
    databaseCpu += after - (backendsBefore.get(pid) ?? 0);
  latencies.sort((a, b) => a - b);
  return {
    name,
    requests: latencies.length,
    rps: latencies.length / SECONDS,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    non2xx,
    errors: result.errors,
    cpuMs: {
      server: (serverCpu * 1000) / Math.max(1, latencies.length),
      database: (databaseCpu * 1000) / Math.max(1, latencies.length),
    },
  };
}

async function drawGraph(clusterId: number, runs: number): Promise<number[]> {
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-bench-chromium-'));
  const context = await chromium.launchPersistentContext(userData, {
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
  });
  const out: number[] = [];
  try {
    const page = await context.newPage();
    for (let i = 0; i < runs; i++) {
      await page.goto(`${BASE}/clusters/${clusterId}`);
      const graph = page.locator('[data-testid=cooperation-graph][data-drawn-ms]');
      await graph.waitFor({ timeout: 60_000 });
      out.push(Number(await graph.getAttribute('data-drawn-ms')));
    }
  } finally {
    await context.close();
    fs.rmSync(userData, { recursive: true, force: true });
  }
  return out;
}

const uptime = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(`# Supplier search and cooperation graph — ${new Date().toUTCString()}`);
console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}; load at start ${uptime()}`,
);

const coords = await ensureCoordinates();
console.log(
  `coordinates: ${coords.added} organisations given a point in ${(coords.ms / 1000).toFixed(1)} s`,
);
const [{ n: total }] = await sql<
  { n: number }[]
>`SELECT count(*)::int AS n FROM organisation WHERE latitude IS NOT NULL`;
console.log(`organisations with a point: ${total}`);

// Origins: 200 organisations spread over the registry (every 1,500th by id); needs at class level.
const origins = await sql<{ id: number; latitude: number; longitude: number }[]>`
  SELECT id, latitude, longitude FROM organisation WHERE latitude IS NOT NULL AND id % 1500 = 0 ORDER BY id LIMIT 200`;
const classes = (
  await sql<
    { code: string }[]
  >`SELECT code FROM okved WHERE code ~ '^(1[0-9]|2[0-9]|3[0-3])\\.[0-9]{2}$' ORDER BY code`
).map((r) => r.code);
const clusterIds = (await sql<{ id: number }[]>`SELECT id FROM cluster ORDER BY id LIMIT 50`).map(
  (r) => r.id,
);
const searchUrls = origins.map((o, i) => {
  const code = classes[(i * 37) % classes.length]!;
  const need = i % 2 === 0 ? `okpd2=${code}.1` : `okved=${code}`;
  const cluster = i % 3 === 0 ? `&clusterId=${clusterIds[i % clusterIds.length]}` : '';
  return i % 4 === 0
    ? `/api/suppliers/search?${need}&organisationId=${o.id}&radiusKm=100${cluster}`
    : `/api/suppliers/search?${need}&lat=${o.latitude}&lon=${o.longitude}&radiusKm=100${cluster}`;
});
const baselineUrls = origins.map((o) => `/api/organisations/${o.id}`);

// For comparison, the radius-first plan the search does not use: every point within 100 km of
// Moscow (through a GiST index on ll_to_earth when the database has one). The extensions are the
// benchmark's own: the application computes distances without them.
await sql.unsafe('CREATE EXTENSION IF NOT EXISTS cube');
await sql.unsafe('CREATE EXTENSION IF NOT EXISTS earthdistance');
const explain = await sql.unsafe(
  `EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT)
   SELECT count(*) FROM organisation o
   WHERE earth_box(ll_to_earth(55.7558, 37.6173), 100000) @> ll_to_earth(o.latitude, o.longitude)
     AND earth_distance(ll_to_earth(o.latitude, o.longitude), ll_to_earth(55.7558, 37.6173)) <= 100000`,
);
const plan = explain
  .map((r) => Object.values(r)[0])
  .filter((line) => !/^\s*(Buffers|Planning:)/.test(String(line)))
  .join('\n');
console.log(`radius-first, 100 km around Moscow (points only, for comparison):\n${plan}`);

const graph500 = await graphCluster(500, 1500);
const graph10 = await graphCluster(10, 20);

const child = spawn(
  process.execPath,
  [
    path.join(ROOT, 'packages/server/bin/promatlas.js'),
    'serve',
    '--port',
    String(PORT),
    '--no-demo',
  ],
  {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL,
      PROMATLAS_LOG_LEVEL: 'warn',
      PROMATLAS_WEB_DIST: WEB_DIST,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  },
);
let serverLog = '';
child.stdout!.on('data', (d) => (serverLog += d));
child.stderr!.on('data', (d) => (serverLog += d));
process.on('exit', () => child.exitCode === null && child.kill('SIGTERM'));

try {
  await waitForServer(child);
  for (const url of [...searchUrls.slice(0, 3), baselineUrls[0]!]) {
    const res = await fetch(BASE + url);
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${await res.text()}`);
  }
  if (ANSWERS) {
    const lines: string[] = [];
    for (const url of searchUrls) lines.push(`${url}\t${await (await fetch(BASE + url)).text()}`);
    fs.writeFileSync(ANSWERS, lines.join('\n') + '\n');
    console.log(`answers: ${lines.length} written to ${ANSWERS}`);
  }
  // Unloaded: one request at a time, median of the first 40 search URLs.
  const single: number[] = [];
  const totals: number[] = [];
  for (const url of searchUrls.slice(0, 40)) {
    const t = performance.now();
    const body = (await (await fetch(BASE + url)).json()) as { total: number };
    single.push(performance.now() - t);
    totals.push(body.total);
  }
  single.sort((a, b) => a - b);
  totals.sort((a, b) => a - b);
  console.log(
    `unloaded search: median ${percentile(single, 50).toFixed(1)} ms, p95 ${percentile(single, 95).toFixed(1)} ms; matches per search median ${percentile(totals, 50)}, max ${totals[totals.length - 1]}`,
  );
  // Baseline first, in the same run: one organisation's profile, the same 200 ids.
  const floor = await load('floor: GET /api/health', ['/api/health']);
  const baseline = await load('baseline: GET /api/organisations/:id', baselineUrls);
  await load('warm-up', searchUrls);
  // Every request a different URL (an unused parameter added), so the read cache, keyed by
  // URL, never answers: the search's own cost. Then the 200 URLs again: with the read
  // cache on (the default), answered from it after the first round.
  const uncachedUrls: string[] = [];
  for (let k = 0; k < UNIQUE_ROUNDS; k++)
    for (const url of searchUrls) uncachedUrls.push(`${url}&_=${RUN_TAG}${k}`);
  const results = [
    floor,
    baseline,
    await load('supplier search, 100 km, every URL new (cache misses)', uncachedUrls),
    await load('supplier search, 100 km, 200 URLs repeated', searchUrls),
  ];
  console.log(`load at end of HTTP runs: ${uptime()}`);
  console.log(
    '| scenario | requests | req/s | p50 ms | p95 ms | p99 ms | non-2xx | errors | CPU ms/request: Node, database |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const r of results)
    console.log(
      `| ${r.name} | ${r.requests} | ${r.rps.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.non2xx} | ${r.errors} | ${r.cpuMs.server.toFixed(2)}, ${r.cpuMs.database.toFixed(2)} |`,
    );
  const [health, base, ...searches] = results as [Result, Result, Result, Result];
  for (const search of searches)
    console.log(
      `${search.name}: p95 ${search.p95.toFixed(1)} ms (target ≤ 50 ms): ${search.p95 <= 50 ? 'met' : 'NOT met'}; ratio to the profile baseline p95 ${(search.p95 / base.p95).toFixed(2)}, to the health floor p95 ${(search.p95 / health.p95).toFixed(1)}`,
    );

  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    const small = await drawGraph(graph10, 5);
    const large = await drawGraph(graph500, 5);
    const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
    console.log(
      `graph draw (ECharts force layout, Chromium): 10 nodes ${small.join(', ')} ms (median ${med(small)}); 500 nodes / 1,500 edges ${large.join(', ')} ms (median ${med(large)}, max ${Math.max(...large)}); ratio ${(med(large) / Math.max(1, med(small))).toFixed(1)}; target ≤ 1000 ms: ${Math.max(...large) <= 1000 ? 'met' : 'NOT met'}`,
    );
  } else console.log('graph: skipped (no packages/web/dist: run npm run build:web)');
  console.log(`load at end: ${uptime()}`);
} catch (error) {
  console.error(serverLog.slice(-4000));
  throw error;
} finally {
  child.kill('SIGTERM');
  await sql.end();
}
