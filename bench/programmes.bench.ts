// Programmes at work: a plan of 2,000 measures with 10,000 progress reports, a
// region with 50 plans, 5,000 events. Measures the plan page API, its
// re-filtering, the region dashboard and the .ics feed through the HTTP layer
// (Fastify inject, in-process PGlite), with GET /api/programme-rules — one
// tiny query through the same stack — as the baseline of the same run.
// Targets: plan page p95 ≤ 50 ms, region dashboard p95 ≤ 50 ms, .ics for
// 5,000 events ≤ 200 ms. Run: npm run bench:programmes
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { connectPglite } from '../packages/server/src/db/connection.ts';
import { migrateToLatest } from '../packages/server/src/db/migrate.ts';
import { syncReferenceData } from '../packages/server/src/reference/sync-reference-data.ts';
import { buildApp } from '../packages/server/src/http/app.ts';
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

const app = await buildApp({ deps: { db, databaseKind: 'pglite' } });

async function time(url: string, runs: number) {
  const ms: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs + 3; i++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const res = await app.inject({ method: 'GET', url });
    const took = performance.now() - start;
    const used = process.cpuUsage(cpuStart);
    if (i >= 3) cpu.push((used.user + used.system) / 1000);
    if (res.statusCode !== 200)
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

const results = {
  baseline: await time('/api/programme-rules', 100),
  planPage: await time(`/api/action-plans/${planId}/measures?today=2025-06-01`, 40),
  refilter: await time(
    `/api/action-plans/${planId}/measures?today=2025-06-01&status=in_progress&deadlineTo=2025-09-30`,
    40,
  ),
  timeline: await time(`/api/action-plans/${planId}/timeline?today=2025-06-01`, 20),
  dashboard: await time('/api/regions/42/programmes?today=2025-06-01', 30),
  calendar: await time('/api/calendar.ics?region=42', 10),
};
await app.close();
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
    `${name.padEnd(10)} p50 ${f(r.p50).padStart(7)} ms  p95 ${f(r.p95).padStart(7)} ms  CPU p50 ${f(r.cpu50).padStart(7)} ms  (×baseline: p50 ${f(r.p50 / base.p50)}, p95 ${f(r.p95 / base.p95)}, CPU ${f(r.cpu50 / base.cpu50)})  ${(r.bytes / 1024).toFixed(0)} KB`,
  );
