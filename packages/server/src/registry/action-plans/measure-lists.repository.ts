import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { jsonRows } from '../../db/json-rows.ts';
import { applyFilter, measureQuery, type MeasureFilter } from './measure.repository.ts';

/** Lists of measures decided in SQL: a region dashboard's lists, the calendar's deadlines. */

/** The open, overdue and upcoming measures of a region: totals and the first `limit` ids of each, by deadline. */
export interface RegionMeasureLists {
  open: number[];
  overdue: number[];
  upcoming: number[];
  totals: { open: number; overdue: number; upcoming: number };
}

/**
 * A region dashboard's lists decided in SQL: open means neither done nor
 * cancelled (no status counts as open), overdue an open measure whose deadline
 * (its last day) is before `today`, upcoming one whose deadline is from
 * `today` to `upTo` — the same rules as measureFlags, so only the measures
 * shown are loaded and flagged, not every measure of every plan.
 */
export async function regionMeasureLists(
  db: Db,
  region: string,
  today: string,
  upTo: string,
  limit: number,
): Promise<RegionMeasureLists> {
  const selected = applyFilter(measureQuery(db), { region });
  if (!selected)
    return { open: [], overdue: [], upcoming: [], totals: { open: 0, overdue: 0, upcoming: 0 } };
  const open = selected
    .clearSelect()
    .select(['m.id', 'm.deadline_to'])
    .where((eb) =>
      eb.or([eb('m.status', 'is', null), eb('m.status', 'not in', ['done', 'cancelled'])]),
    );
  const result = await sql<{
    open_total: number;
    overdue_total: number;
    upcoming_total: number;
    open_ids: number[] | null;
    overdue_ids: number[] | null;
    upcoming_ids: number[] | null;
  }>`
    WITH o AS MATERIALIZED (${open})
    SELECT
      (SELECT count(*) FROM o) AS open_total,
      (SELECT count(*) FROM o WHERE deadline_to < ${today}) AS overdue_total,
      (SELECT count(*) FROM o WHERE deadline_to >= ${today} AND deadline_to <= ${upTo}) AS upcoming_total,
      (SELECT array_agg(id ORDER BY deadline_to NULLS LAST, id) FROM
        (SELECT id, deadline_to FROM o ORDER BY deadline_to NULLS LAST, id LIMIT ${limit}) l) AS open_ids,
      (SELECT array_agg(id ORDER BY deadline_to, id) FROM
        (SELECT id, deadline_to FROM o WHERE deadline_to < ${today}
         ORDER BY deadline_to, id LIMIT ${limit}) l) AS overdue_ids,
      (SELECT array_agg(id ORDER BY deadline_to, id) FROM
        (SELECT id, deadline_to FROM o WHERE deadline_to >= ${today} AND deadline_to <= ${upTo}
         ORDER BY deadline_to, id LIMIT ${limit}) l) AS upcoming_ids`.execute(db);
  const r = result.rows[0];
  return {
    open: r?.open_ids ?? [],
    overdue: r?.overdue_ids ?? [],
    upcoming: r?.upcoming_ids ?? [],
    totals: {
      open: Number(r?.open_total ?? 0),
      overdue: Number(r?.overdue_total ?? 0),
      upcoming: Number(r?.upcoming_total ?? 0),
    },
  };
}

/**
 * The deadlines of the measures matching a filter, for the calendar feed:
 * only measures with a deadline that are not cancelled, and only the columns
 * an entry shows (title, deadline, status, plan or agreement, owner) and its
 * last change (the entry's DTSTAMP), received as one JSON text.
 */
export async function findDeadlineRows(db: Db, f: MeasureFilter) {
  const selected = applyFilter(measureQuery(db), f);
  if (!selected) return [];
  const q = selected
    .clearSelect()
    .select([
      'm.id',
      'm.position',
      'm.title',
      'm.deadline_to',
      'm.status',
      'm.action_plan_id',
      'm.updated_at',
      'ap.title as plan_title',
      'ag.id as agreement_id',
      'ag.title as agreement_title',
      'm.owner_organisation_id',
      'm.owner_region_code',
      'm.owner_person_id',
      'oo.name as owner_org_name',
      'oo.legal_form as owner_org_legal_form',
      'orr.name as owner_region_name',
      'op.last_name as owner_last_name',
      'op.first_name as owner_first_name',
      'op.patronymic as owner_patronymic',
    ])
    .where('m.deadline_to', 'is not', null)
    .where((eb) => eb.or([eb('m.status', 'is', null), eb('m.status', '<>', 'cancelled')]));
  return jsonRows(db, q, sql`ORDER BY x.position, x.id`);
}
export type DeadlineRow = Awaited<ReturnType<typeof findDeadlineRows>>[number];
