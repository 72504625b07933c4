import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/database.ts';

/** The tables the linked-record importers write (people, sites, clusters, statements and their links). */
export type ImportedTable =
  'person' | 'position' | 'site' | 'site_resident' | 'cluster' | 'cluster_member' | 'statement';

/** A row as the importers compare it: its columns by name, with the version the last import left. */
export type StoredRow = Record<string, unknown> & {
  id: number;
  version: number;
  imported_version: number | null;
};

/** Columns a row is returned with: everything but the search columns the database maintains. */
const HIDDEN = new Set(['search_vector', 'search_text']);
const visible = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !HIDDEN.has(k)));

async function withImportedVersion(
  db: Db,
  table: ImportedTable | 'cooperation_contract',
  rows: Array<Record<string, unknown>>,
): Promise<StoredRow[]> {
  if (rows.length === 0) return [];
  const versions = await db
    .selectFrom('registry_import_record')
    .select(['record_id', 'version'])
    .where('entity_type', '=', table)
    .where(
      'record_id',
      'in',
      rows.map((r) => r['id'] as number),
    )
    .execute();
  const of = new Map(versions.map((v) => [v.record_id, v.version]));
  return rows.map(
    (r) => ({ ...visible(r), imported_version: of.get(r['id'] as number) ?? null }) as StoredRow,
  );
}

/** Live organisations whose name or full name contains the text (case ignored); the caller compares exactly. */
export async function organisationsNamed(db: Db, text: string) {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'full_name', 'short_name', 'region_code', 'inn'])
    .where('deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['name']), 'like', pattern),
        eb(eb.fn('lower', ['full_name']), 'like', pattern),
      ]),
    )
    .limit(50)
    .execute();
}

export async function organisationsByInn(db: Db, inns: string[]) {
  if (inns.length === 0) return [];
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'full_name', 'short_name', 'region_code', 'inn'])
    .where('deleted_at', 'is', null)
    .where('inn', 'in', inns)
    .execute();
}

export async function peopleNamed(db: Db, lastName: string): Promise<StoredRow[]> {
  const rows = await db
    .selectFrom('person')
    .selectAll()
    .where('deleted_at', 'is', null)
    .where(sql<boolean>`lower(last_name) = ${lastName.toLowerCase()}`)
    .execute();
  return withImportedVersion(db, 'person', rows);
}

export async function positionsOf(db: Db, personIds: number[]): Promise<StoredRow[]> {
  if (personIds.length === 0) return [];
  const rows = await db
    .selectFrom('position')
    .selectAll()
    .where('deleted_at', 'is', null)
    .where('person_id', 'in', personIds)
    .execute();
  return withImportedVersion(db, 'position', rows);
}

/** Live sites or clusters with the name (case ignored) in the region (null: without one). */
export async function namedInRegion(
  db: Db,
  table: 'site' | 'cluster',
  name: string,
  region: string | null,
): Promise<StoredRow[]> {
  let q = db
    .selectFrom(table as 'site')
    .selectAll()
    .where('deleted_at', 'is', null)
    .where(sql<boolean>`lower(name) = ${name.toLowerCase()}`);
  q = region === null ? q.where('region_code', 'is', null) : q.where('region_code', '=', region);
  return withImportedVersion(db, table, await q.execute());
}

/** Live sites or clusters with the name (case ignored), in any region. */
export async function placesNamed(
  db: Db,
  table: 'site' | 'cluster',
  name: string,
): Promise<Array<{ id: number; name: string; region_code: string | null }>> {
  return db
    .selectFrom(table as 'site')
    .select(['id', 'name', 'region_code'])
    .where('deleted_at', 'is', null)
    .where(sql<boolean>`lower(name) = ${name.toLowerCase()}`)
    .orderBy('id')
    .execute();
}

export async function residentsOf(db: Db, siteId: number): Promise<StoredRow[]> {
  const rows = await db
    .selectFrom('site_resident')
    .selectAll()
    .where('deleted_at', 'is', null)
    .where('site_id', '=', siteId)
    .execute();
  return withImportedVersion(db, 'site_resident', rows);
}

export async function membersOf(db: Db, clusterId: number): Promise<StoredRow[]> {
  const rows = await db
    .selectFrom('cluster_member')
    .selectAll()
    .where('deleted_at', 'is', null)
    .where('cluster_id', '=', clusterId)
    .execute();
  return withImportedVersion(db, 'cluster_member', rows);
}

export async function statementsOf(
  db: Db,
  subjectType: string,
  subjectId: string,
  property: string,
): Promise<StoredRow[]> {
  const rows = await db
    .selectFrom('statement')
    .selectAll()
    .where('deleted_at', 'is', null)
    .where('subject_type', '=', subjectType)
    .where('subject_id', '=', subjectId)
    .where(sql<boolean>`lower(property) = ${property.toLowerCase()}`)
    .execute();
  return withImportedVersion(db, 'statement', rows);
}

export async function contractsBetween(
  db: Db,
  buyerId: number,
  supplierId: number,
  signedOn: string,
): Promise<StoredRow[]> {
  const rows = await db
    .selectFrom('cooperation_contract')
    .selectAll()
    .where('deleted_at', 'is', null)
    .where('buyer_id', '=', buyerId)
    .where('supplier_id', '=', supplierId)
    .where('signed_on', '=', signedOn)
    .execute();
  return withImportedVersion(
    db,
    'cooperation_contract',
    rows.map((r) => ({ ...r, value_rub: r.value_rub === null ? null : Number(r.value_rub) })),
  );
}

export async function regionsOfOrganisationIds(
  db: Db,
  ids: number[],
): Promise<Map<number, string | null>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisation')
    .select(['id', 'region_code'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.region_code]));
}

/*
 * The writes name the table by a parameter: Kysely resolves columns for one
 * literal table, so they are written against 'person' and each caller's
 * values are those of its own table (the importers build them per table).
 */
export async function insertImported(
  db: Db,
  table: ImportedTable,
  values: Record<string, unknown>,
): Promise<StoredRow> {
  const row = await db
    .insertInto(table as 'person')
    .values(values as Insertable<Database['person']>)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { ...visible(row as Selectable<Database['person']>), imported_version: null } as StoredRow;
}

/** Applies changes only if the record is still at `version`; undefined when it has moved on. */
export async function updateImportedAt(
  db: Db,
  table: ImportedTable,
  id: number,
  version: number,
  changes: Record<string, unknown>,
): Promise<StoredRow | undefined> {
  const row = await db
    .updateTable(table as 'person')
    .set({
      ...(changes as Updateable<Database['person']>),
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  return row
    ? ({ ...visible(row as Selectable<Database['person']>), imported_version: null } as StoredRow)
    : undefined;
}

/** The version an import left each record at: a later edit by hand is then told from the import's own. */
export async function recordImportedRows(
  db: Db,
  entityType: string,
  rows: Array<{ id: number; version: number }>,
  jobId: number,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('registry_import_record')
    .values(
      rows.map((r) => ({
        entity_type: entityType,
        record_id: r.id,
        version: r.version,
        job_id: jobId,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['entity_type', 'record_id']).doUpdateSet({
        version: (eb) => eb.ref('excluded.version'),
        job_id: (eb) => eb.ref('excluded.job_id'),
      }),
    )
    .execute();
}

/** Source documents with this title (case and runs of spaces ignored). */
export async function sourcesTitled(db: Db, title: string) {
  return db
    .selectFrom('source_document')
    .select(['id', 'title'])
    .where(
      sql`lower(regexp_replace(btrim(title), '[[:space:]]+', ' ', 'g'))`,
      '=',
      title.toLowerCase(),
    )
    .orderBy('id')
    .limit(20)
    .execute();
}
