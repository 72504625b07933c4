// Programmes at work: a plan of 2,000 measures with 10,000 progress reports, a
// region with 50 plans, 5,000 events. Measures the plan page API, its
// re-filtering, the region dashboard and the .ics feed through the HTTP layer
// (Fastify inject, in-process PGlite), with GET /api/programme-rules — one
// tiny query through the same stack — as the baseline of the same run.
// Targets: plan page p95 ≤ 50 ms, region dashboard p95 ≤ 50 ms, .ics for
// 5,000 events ≤ 200 ms. Each route is timed twice: as every deployment
// answers it (no read cache: every request computes its answer), then with
// the read cache on (PROMATLAS_READ_CACHE=on: the change feed followed on the
// same PGlite, public answers kept until a change), where the first request
// fills the cache and the timed ones are hits; and the .ics feed once more as
// a calendar's poll with the ETag it was given (304). Run: npm run bench:programmes
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { connectPglite } from '../packages/server/src/db/connection.ts';
import { migrateToLatest } from '../packages/server/src/db/migrate.ts';
import { syncReferenceData } from '../packages/server/src/reference/sync-reference-data.ts';
import { buildApp } from '../packages/server/src/http/app.ts';
import { ChangeFeed } from '../packages/server/src/db/change-feed.ts';
import { ReadCache } from '../packages/server/src/search/index.ts';
import {
  EVENTS,
  fillProgrammes,
  MEASURES,
  MEASURES_PER_OTHER_PLAN,
  OTHER_PLANS,
  REPORTS_PER_MEASURE,
} from './lib/programmes-data.ts';

const connection = await connectPglite('memory://');
const db = connection.db;
await migrateToLatest(db);
await syncReferenceData(db);
const { planId, loadMs } = await fillProgrammes(db);

let app = await buildApp({ deps: { db, databaseKind: 'pglite' } });

async function time(url: string, runs: number, headers: Record<string, string> = {}, status = 200) {
  const ms: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs + 3; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const res = await app.inject({ method: 'GET', url, headers });
    const took = performance.now() - start;
    const used = process.cpuUsage(cpuStart);
    if (i >= 3) cpu.push((used.user + used.system) / 1000);
    if (res.statusCode !== status)
      throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    bytes = res.rawPayload.length;
    if (i >= 3) ms.push(took); // three warm-up calls
  }
  ms.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const q = (list: number[], p: number) =>
    list[Math.min(list.length - 1, Math.ceil(p * list.length) - 1)]!;
  // CPU time of this process per request (PGlite runs in it): far steadier
  // than wall time when other processes share the cores.
  return { p50: q(ms, 0.5), p95: q(ms, 0.95), cpu50: q(cpu, 0.5), bytes };
}

const planUrl = `/api/action-plans/${planId}/measures?today=2025-06-01`;
const routes = {
  planPage: [planUrl, 40],
  refilter: [
    `/api/action-plans/${planId}/measures?today=2025-06-01&status=in_progress&deadlineTo=2025-09-30`,
    40,
  ],
  timeline: [`/api/action-plans/${planId}/timeline?today=2025-06-01`, 20],
  dashboard: ['/api/regions/42/programmes?today=2025-06-01', 30],
  calendar: ['/api/calendar.ics?region=42', 10],
} as const;
const results: Record<string, Awaited<ReturnType<typeof time>>> = {
  baseline: await time('/api/programme-rules', 100),
};
for (const [name, [url, runs]] of Object.entries(routes)) results[name] = await time(url, runs);
await app.close();

// The same routes with the read cache on, as a node started with PROMATLAS_READ_CACHE=on.
const feed = await ChangeFeed.start(connection);
const readCache = new ReadCache(feed);
app = await buildApp({ deps: { db, databaseKind: 'pglite', readCache } });
results['baseline (cache on)'] = await time('/api/programme-rules', 100);
for (const [name, [url, runs]] of Object.entries(routes))
  results[`${name} (cache hit)`] = await time(url, runs);
const etag = String(
  (await app.inject({ method: 'GET', url: routes.calendar[0] })).headers['etag'] ?? '',
);
results['calendar (poll, 304)'] = await time(
  routes.calendar[0],
  30,
  { 'if-none-match': etag },
  304,
);
await app.close();
await feed.close();
await connection.close();

const f = (n: number) => n.toFixed(1);
console.log(`date: ${new Date().toISOString()}`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, Node ${process.version}`);
console.log(
  `load average (1, 5, 15 min): ${loadavg()
    .map((l) => l.toFixed(2))
    .join(', ')}`,
);
console.log(
  `data: plan of ${MEASURES} measures, ${MEASURES * REPORTS_PER_MEASURE} reports; ${OTHER_PLANS + 1} plans in region 42 (${MEASURES + OTHER_PLANS * MEASURES_PER_OTHER_PLAN} measures); ${EVENTS} events; loaded in ${f(loadMs)} ms`,
);
const base = results.baseline;
for (const [name, r] of Object.entries(results))
  console.log(
    `${name.padEnd(22)} p50 ${f(r.p50).padStart(7)} ms  p95 ${f(r.p95).padStart(7)} ms  CPU p50 ${f(r.cpu50).padStart(7)} ms  (×baseline: p50 ${f(r.p50 / base.p50)}, p95 ${f(r.p95 / base.p95)}, CPU ${f(r.cpu50 / base.cpu50)})  ${(r.bytes / 1024).toFixed(0)} KB`,
  );
