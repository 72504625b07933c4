import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { isRowId } from '../shared/region-resolvers.ts';

/** Reads of a plan page's header, parties and documents, and the flag rules. */

export async function flagRules(db: Db) {
  const row = await db
    .selectFrom('programme_flag_rule')
    .select(['at_risk_within_days', 'stale_report_days', 'version'])
    .where('id', '=', 1)
    .executeTakeFirst();
  return row
    ? {
        atRiskWithinDays: row.at_risk_within_days,
        staleReportDays: row.stale_report_days,
        version: row.version,
      }
    : undefined;
}

export async function updateFlagRules(
  db: Db,
  rules: { atRiskWithinDays: number; staleReportDays: number },
  expectedVersion: number,
) {
  return db
    .updateTable('programme_flag_rule')
    .set((eb) => ({
      at_risk_within_days: rules.atRiskWithinDays,
      stale_report_days: rules.staleReportDays,
      version: eb('version', '+', 1),
      updated_at: new Date().toISOString(),
    }))
    .where('id', '=', 1)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst();
}

/** The plan's own row for its page (through the reader's views). */
export async function planHeader(db: Db, id: number) {
  if (!isRowId(id)) return undefined;
  return db
    .selectFrom('action_plan as p')
    .leftJoin('event as e', 'e.id', 'p.approved_at_event_id')
    .select([
      'p.id',
      'p.version',
      'p.title',
      'p.valid_from',
      'p.valid_to',
      'p.valid_precision',
      'p.themes',
      'p.published',
      'e.id as event_id',
      'e.title as event_title',
      'e.valid_from as event_from',
    ])
    .where('p.id', '=', id)
    .where('p.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function planParties(db: Db, id: number) {
  return db
    .selectFrom('action_plan_party as p')
    .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
    .leftJoin('region as r', 'r.code', 'p.region_code')
    .select([
      'p.organisation_id',
      'p.region_code',
      'o.name as org_name',
      'o.legal_form',
      'r.name as region_name',
    ])
    .where('p.action_plan_id', '=', id)
    .where('p.deleted_at', 'is', null)
    .orderBy('p.id')
    .execute();
}

/**
 * The documents a plan rests on: its own source, its measures' and their
 * progress reports' (through the reader's views), with the measure each
 * belongs to (null: the plan's own), in the plan's order.
 */
export async function planSourceRows(db: Db, planId: number) {
  if (!isRowId(planId)) return [];
  const ofPlan = db
    .selectFrom('action_plan as p')
    .innerJoin('source_document as s', 's.id', 'p.source_id')
    .select([
      sql<number | null>`NULL::int`.as('measure_id'),
      sql<number>`-1`.as('position'),
      sql<number>`0`.as('sort'),
      's.id',
      's.title',
      's.published_from',
      's.published_to',
      's.published_precision',
    ])
    .where('p.id', '=', planId)
    .where('p.deleted_at', 'is', null);
  const ofMeasures = db
    .selectFrom('programme_measure as m')
    .innerJoin('source_document as s', 's.id', 'm.source_id')
    .select([
      'm.id as measure_id',
      'm.position',
      sql<number>`1`.as('sort'),
      's.id',
      's.title',
      's.published_from',
      's.published_to',
      's.published_precision',
    ])
    .where('m.action_plan_id', '=', planId)
    .where('m.deleted_at', 'is', null);
  const ofReports = db
    .selectFrom('measure_report as r')
    .innerJoin('programme_measure as m', 'm.id', 'r.measure_id')
    .innerJoin('source_document as s', 's.id', 'r.source_id')
    .select([
      'm.id as measure_id',
      'm.position',
      sql<number>`2`.as('sort'),
      's.id',
      's.title',
      's.published_from',
      's.published_to',
      's.published_precision',
    ])
    .where('m.action_plan_id', '=', planId)
    .where('m.deleted_at', 'is', null)
    .where('r.deleted_at', 'is', null);
  return ofPlan
    .unionAll(ofMeasures)
    .unionAll(ofReports)
    .orderBy('position')
    .orderBy('measure_id')
    .orderBy('sort')
    .orderBy('id')
    .execute();
}
