import { sql, type SelectQueryBuilder } from 'kysely';
import type { RoleLinkRow } from '../shared/role-links.ts';
import type { Database } from '../../db/database.ts';
import type { Db } from '../../db/connection.ts';
import type { OrganisationKind } from '@promatlas/core/domain/vocabulary.ts';
import { toPrefixTsQuery } from '../../search/index.ts';
import { sequential } from '../shared/sequential.ts';
import { CUSTOM_PLAN } from '../../db/prepared-statements.ts';

export interface OrganisationFilter {
  regions?: string[] | undefined;
  kind?: OrganisationKind | undefined;
  legalForm?: string | undefined;
  okved?: string | undefined;
  q?: string | undefined;
}

function applyFilter<O>(
  query: SelectQueryBuilder<Database, 'organisation', O>,
  filter: OrganisationFilter,
): SelectQueryBuilder<Database, 'organisation', O> {
  let q = query.where('organisation.deleted_at', 'is', null);
  if (filter.regions) q = q.where('organisation.region_code', 'in', filter.regions);
  if (filter.kind) q = q.where('organisation.kind', '=', filter.kind);
  if (filter.legalForm) q = q.where('organisation.legal_form', '=', filter.legalForm);
  if (filter.okved) {
    const code = filter.okved;
    // A division or group filter includes every code below it (25 → 25.1, 25.11…); a section
    // letter its divisions. `LIKE '25.%'` is written as the byte range ['25.', '25/'): the same
    // codes, served by the pattern index.
    const matches = /^[A-U]$/.test(code)
      ? sql`EXISTS (SELECT 1 FROM public.okved k WHERE k.code = oo.okved_code AND k.section = ${code})`
      : sql`(oo.okved_code = ${code} OR (oo.okved_code ~>=~ ${`${code}.`} AND oo.okved_code ~<~ ${`${code}/`}))`;
    // The codes are read from the table, not its view: the organisation is already one the
    // reader may see (this filters the organisation view's rows), and ОКВЭД2 is reference data,
    // so the view would only repeat that check for every code row (a probe each: 9,000 for «25»,
    // most of a filtered list's time at 300,000 organisations). A section letter and a division
    // differ by orders of magnitude in what they match: planned for each request's values,
    // never with a prepared statement's generic plan.
    q = q.where(
      sql<boolean>`EXISTS (SELECT 1 ${sql.raw(CUSTOM_PLAN)} FROM public.organisation_okved oo
        WHERE oo.organisation_id = organisation.id AND ${matches})`,
    );
  }
  const ts = filter.q ? toPrefixTsQuery(filter.q) : null;
  if (ts) q = q.where(sql<boolean>`organisation.search_vector @@ to_tsquery('russian', ${ts})`);
  return q;
}

const LIST_COLUMNS = [
  'organisation.id',
  'organisation.name',
  'organisation.legal_form',
  'organisation.kind',
  'organisation.region_code',
  'organisation.town',
  'organisation.inn',
  'organisation.ogrn',
  'region.name as region_name',
] as const;

type ListSort = { column: string; direction: 'asc' | 'desc' };

/** The list's filter and order, shared by the page, the export and nothing else. */
function orderedOrganisations(db: Db, filter: OrganisationFilter, sort: ListSort) {
  let query = applyFilter(db.selectFrom('organisation'), filter).leftJoin(
    'region',
    'region.code',
    'organisation.region_code',
  );
  const dir = sort.direction;
  if (sort.column === 'region') query = query.orderBy(sql`region.name COLLATE ru`, dir);
  if (sort.column === 'inn')
    query = query.orderBy('organisation.inn', (ob) =>
      (dir === 'asc' ? ob.asc() : ob.desc()).nullsLast(),
    );
  return query.orderBy(sql`organisation.name COLLATE ru`, dir).orderBy('organisation.id', dir);
}

export async function findOrganisations(
  db: Db,
  filter: OrganisationFilter,
  sort: ListSort,
  limit: number,
  offset: number,
  countCap: number,
) {
  const rows = await orderedOrganisations(db, filter, sort)
    .select(LIST_COLUMNS)
    .limit(limit)
    .offset(offset)
    .execute();
  // Counted up to the cap only: an exact count of a region's 40,000 organisations (or of an
  // ОКВЭД2 filter over all of them) costs tens to hundreds of ms, the page itself about one.
  const capped = applyFilter(db.selectFrom('organisation').select(sql`1`.as('one')), filter).limit(
    countCap + 1,
  );
  const { n } = await db
    .selectFrom(capped.as('c'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const counted = Number(n);
  return { rows, total: Math.min(counted, countCap), totalCapped: counted > countCap };
}

/**
 * The ids of the whole filtered list in the list's order (an export reads the
 * rows themselves in batches with organisationExportRows): 300,000 ids are a
 * few megabytes, the rows would be hundreds, and a batch by ids is an index
 * lookup on both databases, where OFFSET paging would sort the list again for
 * every batch.
 */
export async function organisationIdsInListOrder(
  db: Db,
  filter: OrganisationFilter,
  sort: ListSort,
): Promise<number[]> {
  const rows = await orderedOrganisations(db, filter, sort).select('organisation.id').execute();
  return rows.map((r) => r.id);
}

/**
 * The list columns plus what an export adds (full name, КПП, main ОКВЭД,
 * coordinates) for some ids, in any order. The main ОКВЭД codes come in a
 * second query for the whole batch: a correlated subquery per row costs more
 * than the rows themselves.
 */
export async function organisationExportRows(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return [];
  const idList = sql<number>`any(${sql.val([...ids])}::int[])`;
  const rows = await db
    .selectFrom('organisation')
    .leftJoin('region', 'region.code', 'organisation.region_code')
    .select(LIST_COLUMNS)
    .select([
      'organisation.full_name',
      'organisation.kpp',
      'organisation.latitude',
      'organisation.longitude',
    ])
    .where('organisation.id', '=', idList)
    .execute();
  const main = await db
    .selectFrom('organisation_okved')
    .select(['organisation_id', 'okved_code'])
    .where('organisation_id', '=', idList)
    .where('is_main', '=', true)
    .execute();
  const okvedOf = new Map(main.map((m) => [m.organisation_id, m.okved_code]));
  return rows.map((r) => ({ ...r, main_okved: okvedOf.get(r.id) ?? null }));
}

export async function getOrganisationRow(db: Db, id: number) {
  return db
    .selectFrom('organisation')
    .leftJoin('region', 'region.code', 'organisation.region_code')
    .selectAll('organisation')
    .select('region.name as region_name')
    .where('organisation.id', '=', id)
    .where('organisation.deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function getOrganisationLinks(db: Db, id: number) {
  const [
    children,
    parent,
    okved,
    positions,
    memberships,
    residencies,
    participations,
    agreementParties,
    planParties,
    projectParticipants,
    managedSites,
  ] = await sequential([
    () =>
      db
        .selectFrom('organisation')
        .select(['id', 'name', 'legal_form'])
        .where('parent_id', '=', id)
        .where('deleted_at', 'is', null)
        .execute(),
    () =>
      db
        .selectFrom('organisation as o')
        .innerJoin('organisation as p', 'p.id', 'o.parent_id')
        .select(['p.id', 'p.name', 'p.legal_form'])
        .where('o.id', '=', id)
        .execute(),
    () =>
      db
        .selectFrom('organisation_okved as oo')
        .innerJoin('okved', 'okved.code', 'oo.okved_code')
        .select(['okved.code', 'okved.name', 'oo.is_main'])
        .where('oo.organisation_id', '=', id)
        .orderBy('oo.is_main', 'desc')
        .orderBy('okved.code')
        .execute(),
    () =>
      db
        .selectFrom('position')
        .innerJoin('person', 'person.id', 'position.person_id')
        .select([
          'position.title',
          'position.valid_from',
          'position.valid_to',
          'position.valid_precision',
          'position.source_id',
          'position.source_quote',
          'person.id as person_id',
          'person.last_name',
          'person.first_name',
          'person.patronymic',
        ])
        .where('position.organisation_id', '=', id)
        .where('position.deleted_at', 'is', null)
        .orderBy('position.valid_from', 'desc')
        .execute(),
    () =>
      db
        .selectFrom('cluster_member as m')
        .innerJoin('cluster as c', 'c.id', 'm.cluster_id')
        .select([
          'm.role',
          'm.valid_from',
          'm.valid_to',
          'm.valid_precision',
          'm.source_id',
          'm.source_quote',
          'c.id as target_id',
          'c.name as target_title',
        ])
        .where('m.organisation_id', '=', id)
        .where('m.deleted_at', 'is', null)
        .execute(),
    () =>
      db
        .selectFrom('site_resident as r')
        .innerJoin('site as s', 's.id', 'r.site_id')
        .select([
          'r.valid_from',
          'r.valid_to',
          'r.valid_precision',
          'r.source_id',
          'r.source_quote',
          's.id as target_id',
          's.name as target_title',
        ])
        .where('r.organisation_id', '=', id)
        .where('r.deleted_at', 'is', null)
        .execute(),
    () => participationLinks(db, 'event_participant', id, true),
    () => participationLinks(db, 'agreement_party', id),
    () => participationLinks(db, 'action_plan_party', id),
    () => participationLinks(db, 'project_participant', id),
    () =>
      db
        .selectFrom('site')
        .select(['id', 'name'])
        .where('management_organisation_id', '=', id)
        .where('deleted_at', 'is', null)
        .execute(),
  ] as const);
  return {
    children,
    parent: parent[0] ?? null,
    okved,
    positions,
    memberships,
    residencies,
    participations,
    agreementParties,
    planParties,
    projectParticipants,
    managedSites,
  };
}

/** The relation's role and source, the target's title and date: the columns of a role link. */
const LINK_COLUMNS = [
  'p.role',
  't.valid_from',
  't.valid_to',
  't.valid_precision',
  'p.source_id',
  'p.source_quote',
  't.id as target_id',
  't.title as target_title',
] as const;

/**
 * An organisation's participations in events, agreements, plans and projects.
 * The four relation tables share the link columns; one typed query per table
 * keeps every column checked against the schema.
 */
async function participationLinks(
  db: Db,
  relation: 'event_participant' | 'agreement_party' | 'action_plan_party' | 'project_participant',
  organisationId: number,
  newestFirst = false,
): Promise<RoleLinkRow[]> {
  switch (relation) {
    case 'event_participant': {
      const q = db
        .selectFrom('event_participant as p')
        .innerJoin('event as t', 't.id', 'p.event_id')
        .select(LINK_COLUMNS)
        .where('p.organisation_id', '=', organisationId)
        .where('p.deleted_at', 'is', null);
      return (newestFirst ? q.orderBy('t.valid_from', 'desc') : q).orderBy('p.id').execute();
    }
    case 'agreement_party': {
      const q = db
        .selectFrom('agreement_party as p')
        .innerJoin('agreement as t', 't.id', 'p.agreement_id')
        .select(LINK_COLUMNS)
        .where('p.organisation_id', '=', organisationId)
        .where('p.deleted_at', 'is', null);
      return (newestFirst ? q.orderBy('t.valid_from', 'desc') : q).orderBy('p.id').execute();
    }
    case 'action_plan_party': {
      const q = db
        .selectFrom('action_plan_party as p')
        .innerJoin('action_plan as t', 't.id', 'p.action_plan_id')
        .select(LINK_COLUMNS)
        .where('p.organisation_id', '=', organisationId)
        .where('p.deleted_at', 'is', null);
      return (newestFirst ? q.orderBy('t.valid_from', 'desc') : q).orderBy('p.id').execute();
    }
    case 'project_participant': {
      const q = db
        .selectFrom('project_participant as p')
        .innerJoin('project as t', 't.id', 'p.project_id')
        .select(LINK_COLUMNS)
        .where('p.organisation_id', '=', organisationId)
        .where('p.deleted_at', 'is', null);
      return (newestFirst ? q.orderBy('t.valid_from', 'desc') : q).orderBy('p.id').execute();
    }
  }
}
