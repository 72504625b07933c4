// Programmes at work: a plan of 2,000 measures with 10,000 progress reports, a
// region with 50 plans, 5,000 events. Measures the plan page API, its
// re-filtering, the region dashboard and the .ics feed through the HTTP layer
// (Fastify inject, in-process PGlite), with GET /api/programme-rules — one
// tiny query through the same stack — as the baseline of the same run.
// Targets: plan page p95 ≤ 50 ms, region dashboard p95 ≤ 50 ms, .ics for
// 5,000 events ≤ 200 ms. Run: npm run bench:programmes
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { connectPglite } from '../packages/server/src/db/connection.ts';
import { migrateToLatest } from '../packages/server/src/db/migrate.ts';
import { syncReferenceData } from '../packages/server/src/reference/sync-reference-data.ts';
import { buildApp } from '../packages/server/src/http/app.ts';

const MEASURES = 2000;
const REPORTS_PER_MEASURE = 5;
const OTHER_PLANS = 49;
const MEASURES_PER_OTHER_PLAN = 40;
const EVENTS = 5000;

const connection = await connectPglite('memory://');
const db = connection.db;
await migrateToLatest(db);
await syncReferenceData(db);

const t0 = performance.now();
const bigPlan = await sql<{
  id: number;
}>`INSERT INTO action_plan (title, valid_from, valid_to, valid_precision, themes)
  VALUES ('План-бенчмарк', '2025-01-01', '2025-12-31', 'year',
    ARRAY(SELECT 'Тема ' || g FROM generate_series(1, 10) g)) RETURNING id`.execute(db);
const planId = bigPlan.rows[0]!.id;
await sql`INSERT INTO action_plan (title, valid_from, valid_to, valid_precision)
  SELECT 'План ' || g, '2025-01-01', '2025-12-31', 'year' FROM generate_series(1, ${OTHER_PLANS}) g`.execute(
  db,
);
await sql`INSERT INTO action_plan_party (action_plan_id, region_code) SELECT id, '42' FROM action_plan`.execute(
  db,
);
const measuresOf = (plan: unknown, n: number) => sql`
  INSERT INTO programme_measure (action_plan_id, position, title, theme, owner_region_code,
    start_from, start_to, start_precision, deadline_from, deadline_to, deadline_precision, status)
  SELECT ${plan}, g, 'Мероприятие ' || g, 'Тема ' || (g % 10 + 1), '42',
    DATE '2025-01-01' + (g % 200), DATE '2025-01-01' + (g % 200), 'day',
    DATE '2025-01-31' + (g % 200) + (g % 150), DATE '2025-01-31' + (g % 200) + (g % 150), 'day',
    (ARRAY['planned', 'in_progress', 'done', 'cancelled'])[g % 4 + 1]
  FROM generate_series(1, ${n}) g`;
await measuresOf(planId, MEASURES).execute(db);
await sql`
  INSERT INTO programme_measure (action_plan_id, position, title, theme, owner_region_code,
    deadline_from, deadline_to, deadline_precision, status)
  SELECT p.id, g, 'Мероприятие ' || g, 'Тема', '42',
    DATE '2025-03-01' + (g * 7), DATE '2025-03-01' + (g * 7), 'day', 'in_progress'
  FROM action_plan p CROSS JOIN generate_series(1, ${MEASURES_PER_OTHER_PLAN}) g
  WHERE p.id <> ${planId}`.execute(db);
await sql`
  INSERT INTO measure_report (measure_id, reported_on, note, progress)
  SELECT m.id, DATE '2025-01-15' + (r * 20), 'Отчёт ' || r, r * 15
  FROM programme_measure m CROSS JOIN generate_series(1, ${REPORTS_PER_MEASURE}) r
  WHERE m.action_plan_id = ${planId}`.execute(db);
await sql`
  INSERT INTO event (kind, title, region_code, valid_from, valid_to, valid_precision)
  SELECT 'meeting', 'Встреча ' || g, '42', DATE '2025-01-01' + (g % 365), DATE '2025-01-01' + (g % 365), 'day'
  FROM generate_series(1, ${EVENTS}) g`.execute(db);
await sql`ANALYZE`.execute(db);
const loadMs = performance.now() - t0;

const app = await buildApp({ deps: { db, databaseKind: 'pglite' } });

async function time(url: string, runs: number) {
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs + 3; i++) {
    const start = performance.now();
    const res = await app.inject({ method: 'GET', url });
    const took = performance.now() - start;
    if (res.statusCode !== 200)
      throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    bytes = res.rawPayload.length;
    if (i >= 3) ms.push(took); // three warm-up calls
  }
  ms.sort((a, b) => a - b);
  const q = (p: number) => ms[Math.min(ms.length - 1, Math.ceil(p * ms.length) - 1)]!;
  return { p50: q(0.5), p95: q(0.95), bytes };
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
const base = results.baseline.p95;
for (const [name, r] of Object.entries(results))
  console.log(
    `${name.padEnd(10)} p50 ${f(r.p50).padStart(7)} ms  p95 ${f(r.p95).padStart(7)} ms  (${f(r.p95 / base)}× baseline p95)  ${(r.bytes / 1024).toFixed(0)} KB`,
  );
