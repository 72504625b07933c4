import {
  AliasNode,
  ColumnNode,
  IdentifierNode,
  ReferenceNode,
  sql,
  type SelectQueryBuilder,
} from 'kysely';
import { jsonRows } from '../../db/json-rows.ts';
import type { Db } from '../../db/connection.ts';
import { isRowId } from '../shared/region-resolvers.ts';

/** Reads of measures with everything their rows name, and of their reports and co-executors. */

export interface MeasureFilter {
  planId?: number;
  directionIds?: number[];
  decisionIds?: number[];
  ids?: number[];
  ownerOrganisationIds?: number[];
  ownerPersonIds?: number[];
  /** Measures whose plan / agreement / event involves the region or whose owner is of it. */
  region?: string;
}

/**
 * The columns of a measure the presenter reads, with the names of what it
 * references. Named one by one: the record's bookkeeping columns (created,
 * updated, provenance) are not shown in lists, and on embedded PGlite every
 * value a row carries costs its text conversion.
 */
export function measureQuery(db: Db) {
  return (
    db
      .selectFrom('programme_measure as m')
      .leftJoin('organisation as oo', 'oo.id', 'm.owner_organisation_id')
      .leftJoin('region as orr', 'orr.code', 'm.owner_region_code')
      .leftJoin('person as op', 'op.id', 'm.owner_person_id')
      .leftJoin('action_plan as ap', 'ap.id', 'm.action_plan_id')
      .leftJoin('agreement_direction as ad', 'ad.id', 'm.agreement_direction_id')
      .leftJoin('agreement as ag', 'ag.id', 'ad.agreement_id')
      // The decision and its event joined first, as one small relation: joined
      // apart, the planner hashes every event of the database for a join that
      // most measures (those without a decision) never use.
      .leftJoin(
        (eb) =>
          eb
            .selectFrom('event_decision as ed')
            .innerJoin('event as ev', 'ev.id', 'ed.event_id')
            .select([
              'ed.id',
              'ed.text as decision_text',
              'ev.id as event_id',
              'ev.title as event_title',
              'ev.region_code as event_region_code',
            ])
            .as('dec'),
        (join) => join.onRef('dec.id', '=', 'm.event_decision_id'),
      )
      .select([
        'm.id',
        'm.version',
        'm.action_plan_id',
        'm.agreement_direction_id',
        'm.event_decision_id',
        'm.position',
        'm.title',
        'm.theme',
        'm.owner_organisation_id',
        'm.owner_region_code',
        'm.owner_person_id',
        'm.start_from',
        'm.start_to',
        'm.start_precision',
        'm.deadline_from',
        'm.deadline_to',
        'm.deadline_precision',
        'm.status',
        'm.indicator_name',
        'm.indicator_unit',
        'm.indicator_target',
        'm.indicator_target_on',
        'm.indicator_actual',
        'm.indicator_actual_on',
        'm.published',
        'oo.name as owner_org_name',
        'oo.legal_form as owner_org_legal_form',
        'orr.name as owner_region_name',
        'op.last_name as owner_last_name',
        'op.first_name as owner_first_name',
        'op.patronymic as owner_patronymic',
        'ap.title as plan_title',
        'ad.title as direction_title',
        'ag.id as agreement_id',
        'ag.title as agreement_title',
        'dec.decision_text',
        'dec.event_id',
        'dec.event_title',
      ])
      .where('m.deleted_at', 'is', null)
  );
}
type MeasureBaseRow = Awaited<ReturnType<ReturnType<typeof measureQuery>['execute']>>[number];
/** A measure with the day of its latest report and the progress last reported. */
export type MeasureRow = MeasureBaseRow & {
  progress: number | null;
  last_report_on: string | null;
};

export type MeasureSelect = ReturnType<typeof measureQuery>;

/** The filter applied to a measure query; null when it can match nothing. */
export function applyFilter(q: MeasureSelect, f: MeasureFilter): MeasureSelect | null {
  if (f.planId !== undefined) q = q.where('m.action_plan_id', '=', f.planId);
  if (f.ids) {
    if (!f.ids.length) return null;
    q = q.where('m.id', 'in', f.ids);
  }
  if (f.directionIds) {
    if (!f.directionIds.length) return null;
    q = q.where('m.agreement_direction_id', 'in', f.directionIds);
  }
  if (f.decisionIds) {
    if (!f.decisionIds.length) return null;
    q = q.where('m.event_decision_id', 'in', f.decisionIds);
  }
  if (f.ownerOrganisationIds || f.ownerPersonIds) {
    const orgs = f.ownerOrganisationIds ?? [];
    const people = f.ownerPersonIds ?? [];
    if (!orgs.length && !people.length) return null;
    q = q.where((eb) =>
      eb.or([
        ...(orgs.length ? [eb('m.owner_organisation_id', 'in', orgs)] : []),
        ...(people.length ? [eb('m.owner_person_id', 'in', people)] : []),
      ]),
    );
  }
  if (f.region !== undefined) {
    const region = f.region;
    q = q.where((eb) =>
      eb.or([
        eb('m.owner_region_code', '=', region),
        eb('oo.region_code', '=', region),
        eb.exists(
          eb
            .selectFrom('action_plan_party as p')
            .leftJoin('organisation as po', 'po.id', 'p.organisation_id')
            .select('p.id')
            .whereRef('p.action_plan_id', '=', 'm.action_plan_id')
            .where('p.deleted_at', 'is', null)
            .where((e) =>
              e.or([e('p.region_code', '=', region), e('po.region_code', '=', region)]),
            ),
        ),
        eb.exists(
          eb
            .selectFrom('agreement_party as p')
            .leftJoin('organisation as po', 'po.id', 'p.organisation_id')
            .select('p.id')
            .whereRef('p.agreement_id', '=', 'ag.id')
            .where('p.deleted_at', 'is', null)
            .where((e) =>
              e.or([e('p.region_code', '=', region), e('po.region_code', '=', region)]),
            ),
        ),
        eb('dec.event_region_code', '=', region),
      ]),
    );
  }
  return q;
}

/** The names a query's select list gives its columns, in order. */
function columnNames(query: {
  toOperationNode(): { selections?: ReadonlyArray<{ selection: unknown }> };
}) {
  return (query.toOperationNode().selections ?? []).map(({ selection }) => {
    if (AliasNode.is(selection as never)) {
      const alias = (selection as AliasNode).alias;
      if (IdentifierNode.is(alias)) return alias.name;
    }
    if (ReferenceNode.is(selection as never)) {
      const column = (selection as ReferenceNode).column;
      if (ColumnNode.is(column)) return column.column.name;
    }
    throw new Error('measure query: a selection without a name');
  });
}

/**
 * Like jsonRows, but each row travels as a JSON array of its values (the
 * names once, here, instead of in every row): for 2,000 measures of forty
 * columns the text is half as long, cheaper to write on PGlite and to parse.
 */
async function jsonTuples<O>(
  db: Db,
  query: SelectQueryBuilder<never, never, O>,
  order = sql``,
): Promise<O[]> {
  const names = columnNames(query);
  // Names from this module's own select list, quoted as identifiers.
  const values = sql.raw(names.map((n) => `x."${n.replace(/"/g, '""')}"`).join(', '));
  const result = await sql<{ rows: string | null }>`
    SELECT coalesce(json_agg(json_build_array(${values}) ${order}), '[]')::text AS rows FROM (${query}) x`.execute(
    db,
  );
  const tuples = JSON.parse(result.rows[0]?.rows ?? '[]') as unknown[][];
  return tuples.map((t) => {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) row[names[i]!] = t[i];
    return row as O;
  });
}

/** Measures matching a filter, without their reports (what a list of deadlines needs). */
export async function findMeasureRows(db: Db, f: MeasureFilter) {
  const q = applyFilter(measureQuery(db), f);
  return q ? jsonRows(db, q, sql`ORDER BY x.position, x.id`) : [];
}
export type MeasureBase = MeasureBaseRow;

/**
 * Measures matching a filter with the latest report day and progress of each,
 * in one statement answering one JSON text: on embedded PGlite, receiving
 * thousands of rows of thirty columns, each value converted and parsed on its
 * own, was most of the plan page's time, and one JSON value parsed at once is
 * several times cheaper. The figures of a measure's reports come from the
 * first row of the (measure, day, id) index — a probe per measure of the
 * answer, so the cost follows the measures read, not every report of the
 * database (a second statement over thousands of ids cost as much planning
 * as the measures' own).
 */
export async function findMeasures(db: Db, f: MeasureFilter): Promise<MeasureRow[]> {
  const q = applyFilter(measureQuery(db), f);
  if (!q) return [];
  // The latest report's day and progress in one probe; only when that report
  // carries no progress is the latest one that does looked up (a second probe).
  const withReports = q.select((eb) =>
    eb
      .selectFrom('measure_report as r')
      .select((e) =>
        sql<
          [string, number | null]
        >`json_build_array(${e.ref('r.reported_on')}, coalesce(${e.ref('r.progress')}, ${e
          .selectFrom('measure_report as p')
          .select('p.progress')
          .whereRef('p.measure_id', '=', 'm.id')
          .where('p.deleted_at', 'is', null)
          .where('p.progress', 'is not', null)
          .orderBy('p.reported_on', 'desc')
          .orderBy('p.id', 'desc')
          .limit(1)}))`.as('latest'),
      )
      .whereRef('r.measure_id', '=', 'm.id')
      .where('r.deleted_at', 'is', null)
      .orderBy('r.reported_on', 'desc')
      .orderBy('r.id', 'desc')
      .limit(1)
      .as('latest_report'),
  );
  const rows = await jsonTuples(db, withReports, sql`ORDER BY x.position, x.id`);
  return rows.map(({ latest_report, ...r }) => ({
    ...r,
    last_report_on: latest_report?.[0] ?? null,
    progress: latest_report?.[1] ?? null,
  }));
}

export async function coExecutorsOf(db: Db, measureIds: number[]) {
  if (!measureIds.length) return [];
  return db
    .selectFrom('measure_co_executor as c')
    .leftJoin('organisation as o', 'o.id', 'c.organisation_id')
    .leftJoin('region as r', 'r.code', 'c.region_code')
    .leftJoin('person as p', 'p.id', 'c.person_id')
    .select([
      'c.measure_id',
      'c.organisation_id',
      'c.region_code',
      'c.person_id',
      'o.name as org_name',
      'o.legal_form',
      'r.name as region_name',
      'p.last_name',
      'p.first_name',
      'p.patronymic',
    ])
    .where(sql<boolean>`c.measure_id = ANY(${measureIds}::int[])`)
    .where('c.deleted_at', 'is', null)
    .orderBy('c.id')
    .execute();
}
export type CoExecutorRow = Awaited<ReturnType<typeof coExecutorsOf>>[number];

export async function reportsOf(db: Db, measureId: number) {
  return db
    .selectFrom('measure_report as r')
    .leftJoin('source_document as s', 's.id', 'r.source_id')
    .select([
      'r.id',
      'r.version',
      'r.reported_on',
      'r.note',
      'r.progress',
      'r.actual_value',
      'r.source_id',
      's.title as source_title',
    ])
    .where('r.measure_id', '=', measureId)
    .where('r.deleted_at', 'is', null)
    .orderBy('r.reported_on', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
}

/** The current row of a measure for an update (written tables, live only). */
export async function liveMeasure(db: Db, id: number) {
  if (!isRowId(id)) return undefined;
  return db
    .selectFrom('programme_measure')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}
