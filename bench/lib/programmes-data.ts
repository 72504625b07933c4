// The programmes benchmark's data, filled by SQL: one plan of 2,000 measures
// with 10,000 progress reports, 49 more plans of 40 measures (50 plans with
// region 42 as a party) and 5,000 dated events in region 42.
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Db } from '../../packages/server/src/db/connection.ts';

export const MEASURES = 2000;
export const REPORTS_PER_MEASURE = 5;
export const OTHER_PLANS = 49;
export const MEASURES_PER_OTHER_PLAN = 40;
export const EVENTS = 5000;

/** Fills a migrated database; returns the big plan's id and the time taken. */
export async function fillProgrammes(db: Db): Promise<{ planId: number; loadMs: number }> {
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
  return { planId, loadMs };
}
