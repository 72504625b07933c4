/** The organisation list: its filter, its orders, its page and capped count, and the export's reads in list order. */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DatabaseKind, Db } from '../../db/connection.ts';
import type { OrganisationKind } from '@promatlas/core/domain/vocabulary.ts';
import { toPrefixTsQuery } from '../../search/index.ts';
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

/** Deeper pages sort the regions' rows as before: reading every region's first rows costs more there. */
const REGION_ORDER_DEPTH = 2_000;

/**
 * A page of the list sorted by region over several regions, the same rows in
 * the same order as `ORDER BY region.name, name, id`: each region's first
 * `offset + limit` rows read from its (region_code, kind, name) index, in
 * the order of the regions' names, then the page cut from them. Sorting by
 * the joined region's name instead made PostgreSQL sort every row of the
 * regions (three large regions: 40,000+ rows, 150 ms a page). The regions'
 * names are distinct (federal subjects), so region order decides first.
 */
async function pageInRegionOrder(
  db: Db,
  filter: OrganisationFilter,
  regions: string[],
  direction: 'asc' | 'desc',
  limit: number,
  offset: number,
) {
  const order = await db
    .selectFrom('region')
    .select('code')
    .where('code', 'in', regions)
    .orderBy(sql`name COLLATE ru`, direction)
    .orderBy('code')
    .execute();
  if (order.length === 0) return [];
  const branch = (code: string, rank: number) =>
    db
      .selectFrom(
        orderedOrganisations(db, { ...filter, regions: [code] }, { column: 'name', direction })
          .select(LIST_COLUMNS)
          .select(sql<number>`${rank}::int`.as('region_rank'))
          .limit(offset + limit)
          .as('r'),
      )
      .selectAll();
  let union = branch(order[0]!.code, 0);
  for (const [i, r] of order.slice(1).entries()) union = union.unionAll(branch(r.code, i + 1));
  return db
    .selectFrom(union.as('u'))
    .select([
      'u.id',
      'u.name',
      'u.legal_form',
      'u.kind',
      'u.region_code',
      'u.town',
      'u.inn',
      'u.ogrn',
      'u.region_name',
    ])
    .orderBy('u.region_rank')
    .orderBy(sql`u.name COLLATE ru`, direction)
    .orderBy('u.id', direction)
    .limit(limit)
    .offset(offset)
    .execute();
}

export async function findOrganisations(
  db: Db,
  filter: OrganisationFilter,
  sort: ListSort,
  limit: number,
  offset: number,
  countCap: number,
) {
  const rows =
    sort.column === 'region' &&
    filter.regions &&
    filter.regions.length > 1 &&
    offset + limit <= REGION_ORDER_DEPTH
      ? await pageInRegionOrder(db, filter, filter.regions, sort.direction, limit, offset)
      : await orderedOrganisations(db, filter, sort)
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

const EXPORT_COLUMNS = [
  'organisation.full_name',
  'organisation.kpp',
  'organisation.latitude',
  'organisation.longitude',
] as const;

/**
 * The main ОКВЭД2 code of each row, read from the table rather than its view:
 * the row is already an organisation the reader may see, and its codes are
 * visible exactly when it is (db/published-views.ts), so the view would only
 * repeat that check for every row (a probe each).
 */
const MAIN_OKVED = sql<string | null>`(SELECT oo.okved_code FROM public.organisation_okved oo
  WHERE oo.organisation_id = organisation.id AND oo.is_main LIMIT 1)`.as('main_okved');

function exportRowsQuery(db: Db, filter: OrganisationFilter, sort: ListSort) {
  return orderedOrganisations(db, filter, sort)
    .select(LIST_COLUMNS)
    .select(EXPORT_COLUMNS)
    .select(MAIN_OKVED);
}

export type OrganisationExportRow = Awaited<
  ReturnType<ReturnType<typeof exportRowsQuery>['execute']>
>[number];

/**
 * The whole filtered list in the list's order with what an export adds (full
 * name, КПП, main ОКВЭД, coordinates), in batches.
 *
 * On PostgreSQL one query sorts the list once and a cursor hands its rows
 * out (a read-only repeatable-read transaction on a connection of its own:
 * every batch sees the same moment); the next batch is fetched while the
 * current one is written. With `cursor_tuple_fraction = 1` the planner plans
 * for the whole list (a scan and one sort) instead of the first rows (the
 * name index, visiting the table in random order).
 *
 * PGlite has one connection, which a cursor would hold for the whole export:
 * there the ids come first in list order (a few megabytes for 300,000) and
 * the rows are read by ids, one batch at a time, so other requests run
 * between the batches. A record deleted in between is simply absent.
 */
export async function* organisationExportBatches(
  db: Db,
  filter: OrganisationFilter,
  sort: ListSort,
  options: { kind: DatabaseKind; batchSize: number },
): AsyncGenerator<OrganisationExportRow[]> {
  if (options.kind === 'postgres') yield* batchesThroughCursor(db, filter, sort, options.batchSize);
  else yield* batchesByIds(db, filter, sort, options.batchSize);
}

async function* batchesThroughCursor(
  db: Db,
  filter: OrganisationFilter,
  sort: ListSort,
  batchSize: number,
): AsyncGenerator<OrganisationExportRow[]> {
  const trx = await db
    .startTransaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute();
  let finished = false;
  let next: Promise<{ rows: OrganisationExportRow[] }> | undefined;
  try {
    await sql`SET LOCAL cursor_tuple_fraction = 1`.execute(trx);
    await sql`DECLARE organisation_export NO SCROLL CURSOR FOR ${exportRowsQuery(trx, filter, sort)}`.execute(
      trx,
    );
    const fetch = () =>
      sql<OrganisationExportRow>`FETCH FORWARD ${sql.lit(batchSize)} FROM organisation_export`.execute(
        trx,
      );
    next = fetch();
    for (;;) {
      const { rows } = await next;
      next = undefined;
      if (rows.length === batchSize) {
        next = fetch();
        // Awaited on the next turn; if the download stops first, its failure must not go unhandled.
        next.catch(() => undefined);
      }
      if (rows.length) yield rows;
      if (!next) break;
    }
    await trx.commit().execute();
    finished = true;
  } finally {
    if (!finished) {
      // A stopped download or a failed fetch: the connection goes back clean.
      await next?.catch(() => undefined);
      await trx
        .rollback()
        .execute()
        .catch(() => undefined);
    }
  }
}

async function* batchesByIds(
  db: Db,
  filter: OrganisationFilter,
  sort: ListSort,
  batchSize: number,
): AsyncGenerator<OrganisationExportRow[]> {
  const ids = (
    await orderedOrganisations(db, filter, sort).select('organisation.id').execute()
  ).map((r) => r.id);
  const read = async (start: number) => {
    const chunk = ids.slice(start, start + batchSize);
    const rows = await db
      .selectFrom('organisation')
      .leftJoin('region', 'region.code', 'organisation.region_code')
      .select(LIST_COLUMNS)
      .select(EXPORT_COLUMNS)
      .select(MAIN_OKVED)
      .where('organisation.id', '=', sql<number>`any(${sql.val(chunk)}::int[])`)
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return chunk.flatMap((id) => byId.get(id) ?? []);
  };
  // The next batch is read while the current one is written (one query queued at a time).
  let next = ids.length ? read(0) : null;
  for (let start = 0; next; start += batchSize) {
    const rows = await next;
    next = start + batchSize < ids.length ? read(start + batchSize) : null;
    next?.catch(() => undefined);
    yield rows;
  }
}
