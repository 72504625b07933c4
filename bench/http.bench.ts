/**
 * HTTP benchmark of search and filtered organisation lists against the
 * PostgreSQL registry made by bench/generate-registry.ts.
 *
 * The server runs as a child process (`promatlas serve` with DATABASE_URL), so
 * autocannon does not share its event loop. On a 2-core machine the load
 * generator, the Node server and the PostgreSQL backends still share the same
 * two cores: the figures are for the whole stack on one box.
 *
 * Each scenario: 50 connections for SCENARIO_SECONDS (default 15), rotating
 * the scenario's URLs (autocannon `requests`), after a warm-up. Latency
 * percentiles are computed from every response's own time (autocannon's
 * summary has no p95).
 *
 * Every figure is also stated as a share of a raw ceiling measured in the same
 * run: a bare `node:http` server (child process, no framework, no database)
 * answering JSON bodies of the scenario's mean size, loaded with the same
 * autocannon settings in slices interleaved with the scenario's own (see
 * `measure`). The machine's speed and its other load (other sessions) then
 * largely cancel out of the ratio.
 *
 * The server runs twice: as configured (the read cache on), then with
 * PROMATLAS_READ_CACHE=off, so the uncached SQL path of the same mixes is
 * measured in the same run too (the bench's mixes repeat a few URLs, which a
 * cache serves from memory after the first request).
 *
 * Run: DATABASE_URL=postgres://… npx tsx bench/http.bench.ts
 * (or `npm run bench:http`: throwaway PostgreSQL 15 + generated registry + this).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { load, percentile, startRaw, waitForServer, type Load } from './lib/http-load.ts';
import postgres from 'postgres';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATABASE_URL = process.env.DATABASE_URL;
if (!DATABASE_URL) {
  console.error('DATABASE_URL is required');
  process.exit(2);
}
const PORT = Number(process.env.BENCH_PORT ?? 55441);
const RAW_PORT = PORT + 1;
const SECONDS = Number(process.env.SCENARIO_SECONDS ?? 15);
const SLICE_SECONDS = Number(process.env.SLICE_SECONDS ?? 2);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const BASE = `http://127.0.0.1:${PORT}`;
const RAW_BASE = `http://127.0.0.1:${RAW_PORT}`;

const search = (q: string) => `/api/search?q=${encodeURIComponent(q)}&limit=20`;
const list = (params: string) => `/api/organisations?${params}`;

// Search terms: region names in different cases, organisation name fragments, typos.
const SEARCH_REGION = [
  'Липецкой',
  'Тамбовская',
  'Московской',
  'Новосибирская область',
  'в Самарской',
].map(search);
const SEARCH_NAME = [
  'станкозавод',
  'Липецкий станкозавод',
  'Гранит',
  'Энергопласт',
  'машзавод Челябинск',
  'технологии',
  'Уральские машины',
  'кондитерская фабрика',
].map(search);
const SEARCH_TYPO = ['Липецкй', 'станкозавд', 'Тамбовскя обл'].map(search);
const SEARCH_MIX = [...SEARCH_REGION, ...SEARCH_NAME, SEARCH_TYPO[0]!];

const LIST_REGION = [
  'region=42&kind=enterprise&page=1&pageSize=50',
  'region=68&kind=enterprise&page=2&pageSize=50',
  'region=45&kind=enterprise&page=1&pageSize=50',
  'region=45&kind=enterprise&page=20&pageSize=50',
  'region=46&kind=enterprise&page=5&pageSize=50',
  'region=65&kind=enterprise&page=1&pageSize=50',
  'region=42,68&kind=enterprise&page=1&pageSize=50',
].map(list);
const LIST_OKVED = [
  'region=42&kind=enterprise&okved=25&page=1&pageSize=50',
  'region=45&kind=enterprise&okved=25&page=1&pageSize=50',
  'region=65&kind=enterprise&okved=25&page=2&pageSize=50',
  'region=46&kind=enterprise&okved=25.1&page=1&pageSize=50',
  'region=40&kind=enterprise&okved=C&page=1&pageSize=50',
].map(list);
const LIST_SORT = [
  'region=42&kind=enterprise&sort=-name&page=1&pageSize=50',
  'region=45&kind=enterprise&sort=inn&page=1&pageSize=50',
  'region=45&kind=enterprise&sort=-inn&page=3&pageSize=50',
  'region=42,68,45&kind=enterprise&sort=region&page=1&pageSize=50',
  'region=42&kind=enterprise&okved=25&sort=-inn&page=1&pageSize=50',
].map(list);
const LIST_MIX = [...LIST_REGION, ...LIST_OKVED, ...LIST_SORT];

interface Scenario {
  name: string;
  urls: string[];
  target?: string;
  overallRate?: number;
  connections?: number;
  /** Another server (the raw ceiling). */
  base?: string;
}

/** Profile pages: organisations, regions and clusters picked from the generated registry. */
async function profileUrls(): Promise<{
  organisation: string[];
  region: string[];
  cluster: string[];
}> {
  const orgs = await pgAdmin<{ id: number }[]>`
    SELECT id FROM organisation WHERE published AND deleted_at IS NULL ORDER BY id LIMIT 5000`;
  const clusters = await pgAdmin<{ id: number }[]>`
    SELECT id FROM cluster WHERE published AND deleted_at IS NULL ORDER BY id LIMIT 200`;
  const every = <T>(rows: T[], n: number) =>
    rows.filter((_, i) => i % Math.max(1, Math.floor(rows.length / n)) === 0).slice(0, n);
  return {
    organisation: every(orgs, 20).map((o) => `/api/organisations/${o.id}`),
    region: ['42', '68', '45', '46', '65', '40', '77', '50'].map((c) => `/api/regions/${c}`),
    cluster: every(clusters, 10).map((c) => `/api/clusters/${c.id}`),
  };
}

/** Body sizes of the URLs, learnt in the warm-up: the raw ceiling answers bodies as large. */
const bodyBytes = new Map<string, number>();

async function unloaded(url: string, times = 5): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    const res = await fetch(BASE + url);
    const body = await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    ms.push(performance.now() - t);
    bodyBytes.set(url, body.byteLength);
  }
  return ms.sort((a, b) => a - b)[Math.floor(times / 2)]!;
}

interface Result {
  drainMs?: number;
  cancelledAfter?: number;
  name: string;
  server: 'raw' | 'cache on' | 'cache off';
  target?: string | undefined;
  urls: number;
  connections: number;
  seconds: number;
  overallRate?: number | undefined;
  requests: number;
  rps: number;
  /** rps as a share of the raw node:http ceiling measured in this run. */
  shareOfRaw?: number;
  /** The raw ceiling measured in slices interleaved with this scenario's. */
  rawRps?: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

// Requests still queued when autocannon stops keep the server and PostgreSQL busy;
// wait until the database is idle (cancelling leftovers after 20 s) before the next run.
const pgAdmin = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
async function drain(): Promise<{ waitedMs: number; cancelled: number }> {
  const started = performance.now();
  const activeQuery = () => pgAdmin<{ pid: number }[]>`
    SELECT pid FROM pg_stat_activity
    WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid() AND backend_type = 'client backend'`;
  for (;;) {
    const active = await activeQuery();
    if (active.length === 0) return { waitedMs: performance.now() - started, cancelled: 0 };
    if (performance.now() - started > 20_000) {
      for (const a of active) await pgAdmin`SELECT pg_cancel_backend(${a.pid})`;
      await new Promise((r) => setTimeout(r, 500));
      return { waitedMs: performance.now() - started, cancelled: active.length };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

function summarise(
  s: Scenario,
  server: Result['server'],
  loads: Load[],
  connections: number,
  drained: { waitedMs: number; cancelled: number },
): Result & { drainMs: number; cancelledAfter: number } {
  const latencies = loads.flatMap((l) => l.latencies).sort((a, b) => a - b);
  const seconds = loads.reduce((a, l) => a + l.seconds, 0);
  return {
    drainMs: drained.waitedMs,
    cancelledAfter: drained.cancelled,
    name: s.name,
    server,
    target: s.target,
    urls: s.urls.length,
    connections,
    seconds,
    overallRate: s.overallRate,
    requests: latencies.length,
    rps: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    non2xx: loads.reduce((a, l) => a + l.non2xx, 0),
    errors: loads.reduce((a, l) => a + l.errors, 0),
    timeouts: loads.reduce((a, l) => a + l.timeouts, 0),
  };
}

/** A plain run (the warm-up). */
async function run(s: Scenario, server: Result['server'], seconds: number, connections: number) {
  const l = await load(s.base ?? BASE, s.urls, seconds, connections, s.overallRate);
  return summarise(s, server, [l], connections, await drain());
}

/**
 * A scenario beside its raw ceiling: SECONDS of load on the server in slices of
 * SLICE_SECONDS, each right after a slice of the same load on the raw
 * node:http server (bodies of the scenario's mean size). Other sessions' load
 * on this shared machine changes from one minute to the next; interleaving
 * puts both figures under the same load, so their ratio means something.
 */
async function measure(s: Scenario, server: Result['server']) {
  const connections = s.connections ?? CONNECTIONS;
  const sizes = s.urls.map((u) => bodyBytes.get(u) ?? 4000);
  const bytes = Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length);
  const rounds = Math.max(1, Math.round(SECONDS / SLICE_SECONDS));
  const raws: Load[] = [];
  const loads: Load[] = [];
  for (let i = 0; i < rounds; i++) {
    raws.push(await load(RAW_BASE, [`/raw?bytes=${bytes}`], SLICE_SECONDS, connections));
    loads.push(await load(BASE, s.urls, SLICE_SECONDS, connections, s.overallRate));
  }
  const drained = await drain();
  const rawScenario = { name: `raw ceiling for «${s.name}»`, urls: ['/raw'] };
  const raw = summarise(rawScenario, 'raw', raws, connections, { waitedMs: 0, cancelled: 0 });
  return { result: summarise(s, server, loads, connections, drained), raw, bytes };
}

function startServer(extraEnv: Record<string, string>): { child: ChildProcess; log: () => string } {
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
        // API only: the web app is not part of this measurement.
        PROMATLAS_WEB_DIST: path.join(ROOT, 'bench/out/no-web-dist'),
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  return { child, log: () => log };
}

const children: ChildProcess[] = [];
const stopAll = () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
};
process.on('exit', stopAll);
async function stopChild(c: ChildProcess) {
  if (c.exitCode !== null) return;
  const exited = new Promise((r) => c.once('exit', r));
  c.kill('SIGTERM');
  await exited;
}

function line(r: Result, raw: number): string {
  r.shareOfRaw = r.rps / raw;
  r.rawRps = raw;
  return `${`[${r.server}] ${r.name}`.padEnd(52)} ${r.rps.toFixed(1).padStart(8)} req/s = ${(100 * r.shareOfRaw).toFixed(2).padStart(6)} % of raw ${raw.toFixed(0)}  p50 ${r.p50.toFixed(1).padStart(7)} ms  p95 ${r.p95.toFixed(1).padStart(7)} ms  p99 ${r.p99.toFixed(1).padStart(7)} ms  (${r.requests} responses, non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}; ${r.connections} conn${r.drainMs && r.drainMs > 500 ? `; backlog drained in ${(r.drainMs / 1000).toFixed(1)} s` : ''}${r.cancelledAfter ? `, ${r.cancelledAfter} queries cancelled` : ''})`;
}

let current: ReturnType<typeof startServer> | undefined;
try {
  const profiles = await profileUrls();
  const PROFILE_MIX = [...profiles.organisation, ...profiles.region, ...profiles.cluster];
  const scenarios = (cache: boolean): Scenario[] => [
    {
      name: 'search: mix (regions, names, 1 typo)',
      urls: SEARCH_MIX,
      target: 'p95 ≤ 50 ms at ≥ 5 % of raw',
    },
    { name: 'search: region names', urls: SEARCH_REGION },
    { name: 'search: organisation names', urls: SEARCH_NAME },
    // Uncached, «станкозавд» falls back to trigram search (tens of ms to seconds a request):
    // at 50 connections the backlog would spill into the next scenarios, so 4 connections.
    {
      name: 'search: typos (fuzzy fallback)',
      urls: SEARCH_TYPO,
      ...(cache ? {} : { connections: 4 }),
    },
    { name: 'list: mix (all list URLs)', urls: LIST_MIX, target: 'p95 ≤ 50 ms at ≥ 5 % of raw' },
    { name: 'list: region + kind', urls: LIST_REGION },
    { name: 'list: region + kind + okved', urls: LIST_OKVED },
    { name: 'list: sort variants', urls: LIST_SORT },
    {
      name: 'profile: mix (organisation, region, cluster)',
      urls: PROFILE_MIX,
      target: 'p95 ≤ 30 ms',
    },
    { name: 'profile: organisation', urls: profiles.organisation },
    { name: 'profile: region', urls: profiles.region },
    { name: 'profile: cluster', urls: profiles.cluster },
  ];

  const results: Result[] = [];
  let single: { url: string; ms: number }[] = [];
  const rawRuns: Result[] = [];
  const raw = startRaw(RAW_PORT);
  children.push(raw);
  await waitForServer(raw, RAW_BASE, 10_000);
  for (const mode of ['cache on', 'cache off'] as const) {
    current = startServer(mode === 'cache off' ? { PROMATLAS_READ_CACHE: 'off' } : {});
    children.push(current.child);
    const startMs = await waitForServer(current.child, BASE, 60_000);
    console.log(
      `\n[${mode}] server (child process, pid ${current.child.pid}) ready in ${Math.round(startMs)} ms; ${CONNECTIONS} connections, ${SECONDS} s per scenario in ${SLICE_SECONDS}-s slices, each after a slice on the raw node:http ceiling`,
    );
    // Warm-up: every URL once (and checked for HTTP 200), then a short loaded run.
    const once: { url: string; ms: number }[] = [];
    for (const url of [...new Set([...SEARCH_MIX, ...SEARCH_TYPO, ...LIST_MIX, ...PROFILE_MIX])]) {
      once.push({ url: decodeURIComponent(url), ms: await unloaded(url, 3) });
    }
    if (mode === 'cache off') single = once;
    await run({ name: 'warm-up', urls: [...SEARCH_MIX, ...LIST_MIX, ...PROFILE_MIX] }, mode, 5, 10);
    for (const s of scenarios(mode === 'cache on')) {
      const { result: r, raw: ceiling, bytes } = await measure(s, mode);
      results.push(r);
      rawRuns.push(ceiling);
      console.log(
        `${line(r, ceiling.rps)}; raw ${bytes} B bodies, p95 ${ceiling.p95.toFixed(1)} ms`,
      );
    }
    await stopChild(current.child);
  }
  await stopChild(raw);
  const rawAll = rawRuns.map((r) => r.rps).sort((x, y) => x - y);
  console.log(
    `\nraw ceiling over the run: min ${rawAll[0]?.toFixed(0)}, median ${rawAll[Math.floor(rawAll.length / 2)]?.toFixed(0)}, max ${rawAll[rawAll.length - 1]?.toFixed(0)} req/s (${rawAll.length} measurements)`,
  );

  console.log('\nUnloaded latency, uncached SQL path (one request at a time, median of 3):');
  for (const s of single) console.log(`  ${s.ms.toFixed(1).padStart(8)} ms  ${s.url}`);

  fs.mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, 'bench/out/http.json'),
    JSON.stringify(
      { connections: CONNECTIONS, seconds: SECONDS, raw: rawRuns, results, single },
      null,
      2,
    ),
  );
} catch (error) {
  console.error(
    `HTTP benchmark failed: ${error instanceof Error ? error.message : String(error)}\n--- server output ---\n${current?.log() ?? ''}`,
  );
  process.exitCode = 1;
} finally {
  stopAll();
  await pgAdmin.end();
}
