import { sql, type Selectable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/database.ts';

type OrganisationTable = Database['organisation'];
type RegistryImportJobTable = Database['registry_import_job'];
type RegistryImportQuarantineTable = Database['registry_import_quarantine'];

export type JobRow = Selectable<RegistryImportJobTable>;
export type QuarantineRow = Selectable<RegistryImportQuarantineTable>;
export type OrganisationRow = Omit<Selectable<OrganisationTable>, 'search_vector' | 'search_text'>;

const json = (value: unknown) => JSON.stringify(value);

export async function loadOkvedCodes(db: Db): Promise<string[]> {
  return (await db.selectFrom('okved').select('code').execute()).map((r) => r.code);
}

export async function findSavedMapping(db: Db, entity: string, signature: string) {
  return db
    .selectFrom('registry_import_mapping')
    .select(['columns', 'updated_at'])
    .where('entity', '=', entity)
    .where('header_signature', '=', signature)
    .executeTakeFirst();
}

export async function saveMapping(
  db: Db,
  row: {
    entity: string;
    signature: string;
    headers: string[];
    columns: Record<string, string>;
    userId: number | null;
  },
): Promise<void> {
  await db
    .insertInto('registry_import_mapping')
    .values({
      entity: row.entity,
      header_signature: row.signature,
      headers: json(row.headers),
      columns: json(row.columns),
      updated_by: row.userId,
    })
    .onConflict((oc) =>
      oc.columns(['entity', 'header_signature']).doUpdateSet({
        headers: json(row.headers),
        columns: json(row.columns),
        updated_by: row.userId,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

export async function insertJob(
  db: Db,
  row: {
    entity: string;
    dryRun: boolean;
    fileName: string;
    fileBytes: number | null;
    fileSha256: string | null;
    userId: number | null;
    retryOf: number | null;
    columns: Record<string, string>;
    options: Record<string, unknown>;
  },
): Promise<JobRow> {
  return db
    .insertInto('registry_import_job')
    .values({
      entity: row.entity,
      status: 'queued',
      dry_run: row.dryRun,
      file_name: row.fileName,
      file_bytes: row.fileBytes,
      file_sha256: row.fileSha256,
      user_id: row.userId,
      retry_of: row.retryOf,
      columns: json(row.columns),
      options: json(row.options),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface JobPatch {
  status?: JobRow['status'];
  rows_total?: number;
  rows_done?: number;
  created?: number;
  updated?: number;
  unchanged?: number;
  refused?: number;
  conflicts?: number;
  problems?: unknown;
  changes?: unknown;
  source_id?: number;
  finished?: boolean;
}

export async function updateJob(db: Db, id: number, patch: JobPatch): Promise<void> {
  const { problems, changes, finished, ...rest } = patch;
  await db
    .updateTable('registry_import_job')
    .set({
      ...rest,
      ...(problems !== undefined ? { problems: json(problems) } : {}),
      ...(changes !== undefined ? { changes: json(changes) } : {}),
      ...(finished ? { finished_at: sql`now()` } : {}),
    })
    .where('id', '=', id)
    .execute();
}

/** The mapping a job reads its file with, and the file's row count, once the file is read. */
export async function setJobColumns(
  db: Db,
  id: number,
  columns: Record<string, string>,
  rowsTotal: number | null,
): Promise<void> {
  await db
    .updateTable('registry_import_job')
    .set({ columns: json(columns), rows_total: rowsTotal })
    .where('id', '=', id)
    .execute();
}

export async function getJobRow(
  db: Db,
  id: number,
): Promise<(JobRow & { user_name: string | null }) | undefined> {
  return db
    .selectFrom('registry_import_job as j')
    .leftJoin('app_user as u', 'u.id', 'j.user_id')
    .selectAll('j')
    .select('u.display_name as user_name')
    .where('j.id', '=', id)
    .executeTakeFirst();
}

export async function listJobRows(db: Db, userId: number | null, limit: number) {
  let q = db
    .selectFrom('registry_import_job as j')
    .leftJoin('app_user as u', 'u.id', 'j.user_id')
    .selectAll('j')
    .select('u.display_name as user_name')
    .orderBy('j.id', 'desc')
    .limit(limit);
  if (userId !== null) q = q.where('j.user_id', '=', userId);
  return q.execute();
}

export async function requestCancel(db: Db, id: number): Promise<void> {
  await db
    .updateTable('registry_import_job')
    .set({ cancel_requested: true })
    .where('id', '=', id)
    .execute();
}

export async function cancelRequested(db: Db, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('registry_import_job')
    .select('cancel_requested')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.cancel_requested ?? true;
}

/** Jobs that were running when the server stopped: they will not finish. */
export async function markInterrupted(db: Db): Promise<number> {
  const rows = await db
    .updateTable('registry_import_job')
    .set({ status: 'interrupted', finished_at: sql`now()` })
    .where('status', 'in', ['queued', 'running'])
    .returning('id')
    .execute();
  return rows.length;
}

export async function insertQuarantine(
  db: Db,
  rows: Array<{
    jobId: number;
    line: number;
    raw: Record<string, string>;
    values: Record<string, string>;
    problems: unknown;
    reasonCode: QuarantineRow['reason_code'];
    recordId: number | null;
  }>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await db
      .insertInto('registry_import_quarantine')
      .values(
        rows.slice(i, i + 500).map((r) => ({
          job_id: r.jobId,
          line: r.line,
          raw: json(r.raw),
          values: json(r.values),
          problems: json(r.problems),
          reason_code: r.reasonCode,
          record_id: r.recordId,
        })),
      )
      .execute();
}

export async function findQuarantine(
  db: Db,
  jobId: number,
  status: 'open' | 'all',
  limit: number,
  offset: number,
) {
  let q = db.selectFrom('registry_import_quarantine').where('job_id', '=', jobId);
  if (status === 'open') q = q.where('status', '=', 'open');
  const rows = await q
    .selectAll()
    .orderBy('line')
    .orderBy('id')
    .limit(limit)
    .offset(offset)
    .execute();
  const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  return { rows, total: Number(total.n) };
}

export async function openQuarantine(db: Db, jobId: number): Promise<QuarantineRow[]> {
  return db
    .selectFrom('registry_import_quarantine')
    .selectAll()
    .where('job_id', '=', jobId)
    .where('status', '=', 'open')
    .orderBy('line')
    .execute();
}

export async function getQuarantineRow(db: Db, jobId: number, id: number) {
  return db
    .selectFrom('registry_import_quarantine')
    .selectAll()
    .where('job_id', '=', jobId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateQuarantineRow(
  db: Db,
  id: number,
  patch: { values: Record<string, string>; problems: unknown; overwrite: boolean },
): Promise<QuarantineRow> {
  return db
    .updateTable('registry_import_quarantine')
    .set({ values: json(patch.values), problems: json(patch.problems), overwrite: patch.overwrite })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function markRetried(db: Db, ids: number[], jobId: number): Promise<void> {
  for (let i = 0; i < ids.length; i += 1000)
    await db
      .updateTable('registry_import_quarantine')
      .set({ status: 'retried', retried_by: jobId })
      .where('id', 'in', ids.slice(i, i + 1000))
      .execute();
}

/** A source document created by an earlier import of the same file (by its SHA-256). */
export async function sourceOfFile(db: Db, sha256: string): Promise<number | null> {
  const row = await db
    .selectFrom('registry_import_job')
    .select('source_id')
    .where('file_sha256', '=', sha256)
    .where('source_id', 'is not', null)
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return row?.source_id ?? null;
}

export async function insertSourceDocument(
  db: Db,
  row: { title: string; publisher: string; text: string; date: string },
): Promise<number> {
  const inserted = await db
    .insertInto('source_document')
    .values({
      kind: 'registry_file',
      title: row.title,
      publisher: row.publisher,
      text: row.text,
      published_from: row.date,
      published_to: row.date,
      published_precision: 'day',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

const ORGANISATION_COLUMNS = [
  'o.id',
  'o.kind',
  'o.name',
  'o.full_name',
  'o.short_name',
  'o.legal_form',
  'o.inn',
  'o.ogrn',
  'o.kpp',
  'o.region_code',
  'o.town',
  'o.country',
  'o.parent_id',
  'o.latitude',
  'o.longitude',
  'o.description',
  'o.aliases',
  'o.version',
  'o.published',
  'o.deleted_at',
  'o.created_at',
  'o.updated_at',
  'o.source_id',
  'o.source_quote',
] as const;

export type MatchedOrganisation = OrganisationRow & { imported_version: number | null };

/**
 * Live organisations with any of the ИНН or ОГРН, with the version the last
 * import left each at. One query per identifier, so each uses its own unique
 * index (an OR of the two lists may be planned as a scan of the whole table).
 */
export async function findByIdentifiers(
  db: Db,
  inns: string[],
  ogrns: string[],
): Promise<MatchedOrganisation[]> {
  const by = async (column: 'o.inn' | 'o.ogrn', values: string[]) =>
    values.length === 0
      ? []
      : db
          .selectFrom('organisation as o')
          .leftJoin('registry_import_record as r', (j) =>
            j.onRef('r.record_id', '=', 'o.id').on('r.entity_type', '=', 'organisation'),
          )
          .select([...ORGANISATION_COLUMNS, 'r.version as imported_version'])
          .where('o.deleted_at', 'is', null)
          .where(column, 'is not', null)
          .where(column, 'in', values)
          .execute();
  const rows = [...(await by('o.inn', inns)), ...(await by('o.ogrn', ogrns))];
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id));
}

/** Live organisations of the regions (null: without a region), for matching by name. */
export async function findByRegions(
  db: Db,
  regions: Array<string | null>,
): Promise<MatchedOrganisation[]> {
  const codes = regions.filter((r): r is string => r !== null);
  const none = regions.includes(null);
  if (codes.length === 0 && !none) return [];
  return db
    .selectFrom('organisation as o')
    .leftJoin('registry_import_record as r', (j) =>
      j.onRef('r.record_id', '=', 'o.id').on('r.entity_type', '=', 'organisation'),
    )
    .select([...ORGANISATION_COLUMNS, 'r.version as imported_version'])
    .where('o.deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(codes.length ? [eb('o.region_code', 'in', codes)] : []),
        ...(none ? [eb('o.region_code', 'is', null)] : []),
      ]),
    )
    .execute();
}

export async function okvedOf(
  db: Db,
  ids: number[],
): Promise<Map<number, Array<{ code: string; isMain: boolean }>>> {
  const out = new Map<number, Array<{ code: string; isMain: boolean }>>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('organisation_okved')
    .select(['organisation_id', 'okved_code', 'is_main'])
    .where('organisation_id', 'in', ids)
    .execute();
  for (const r of rows) {
    const list = out.get(r.organisation_id) ?? [];
    list.push({ code: r.okved_code, isMain: r.is_main });
    out.set(r.organisation_id, list);
  }
  return out;
}

export type OrganisationValues = {
  kind: OrganisationRow['kind'];
  name: string;
  full_name?: string | null;
  legal_form?: string | null;
  inn?: string | null;
  ogrn?: string | null;
  kpp?: string | null;
  region_code?: string | null;
  town?: string | null;
  description?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  source_id: number | null;
  source_quote: string | null;
};

/**
 * The columns an import inserts, with the array type each is sent as: a
 * batch goes as one array per column through `INSERT … SELECT FROM unnest(…)`,
 * one statement whatever the batch's size, with fourteen parameters instead
 * of fourteen per row (which PostgreSQL parses and plans a row at a time).
 */
const INSERTED: ReadonlyArray<[keyof OrganisationValues, string]> = [
  ['kind', 'text'],
  ['name', 'text'],
  ['full_name', 'text'],
  ['legal_form', 'text'],
  ['inn', 'text'],
  ['ogrn', 'text'],
  ['kpp', 'text'],
  ['region_code', 'text'],
  ['town', 'text'],
  ['description', 'text'],
  ['latitude', 'float8'],
  ['longitude', 'float8'],
  ['source_id', 'int4'],
  ['source_quote', 'text'],
];

export async function insertOrganisations(
  db: Db,
  rows: OrganisationValues[],
): Promise<OrganisationRow[]> {
  if (rows.length === 0) return [];
  const arrays = INSERTED.map(
    ([column, type]) => sql`${rows.map((r) => r[column] ?? null)}::${sql.raw(type)}[]`,
  );
  // The rows come back in the order of the arrays: an INSERT … SELECT from one
  // unnest inserts them in that order (as a multi-row VALUES did).
  const result = await sql<OrganisationRow>`
    INSERT INTO organisation (${sql.join(INSERTED.map(([c]) => sql.ref(c)))})
    SELECT * FROM unnest(${sql.join(arrays)})
    RETURNING ${sql.join(ORGANISATION_COLUMNS.map((c) => sql.ref(c.slice(2))))}`.execute(db);
  return result.rows;
}

/** Applies changes only if the record is still at `version`; undefined when it has moved on. */
export async function updateOrganisationAt(
  db: Db,
  id: number,
  version: number,
  changes: Partial<OrganisationValues>,
): Promise<OrganisationRow | undefined> {
  return (await db
    .updateTable('organisation as o')
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
    .where('o.id', '=', id)
    .where('o.version', '=', version)
    .where('o.deleted_at', 'is', null)
    .returning([...ORGANISATION_COLUMNS])
    .executeTakeFirst()) as OrganisationRow | undefined;
}

export async function replaceOkved(
  db: Db,
  rows: Array<{ id: number; okved: Array<{ code: string; isMain: boolean }> }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .deleteFrom('organisation_okved')
    .where(
      'organisation_id',
      'in',
      rows.map((r) => r.id),
    )
    .execute();
  const values = rows.flatMap((r) => r.okved.map((o) => ({ id: r.id, ...o })));
  if (values.length === 0) return;
  await sql`
    INSERT INTO organisation_okved (organisation_id, okved_code, is_main)
    SELECT * FROM unnest(${values.map((v) => v.id)}::int4[], ${values.map((v) => v.code)}::text[],
                         ${values.map((v) => v.isMain)}::bool[])`.execute(db);
}

export async function recordImported(
  db: Db,
  rows: Array<{ id: number; version: number }>,
  jobId: number,
): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    INSERT INTO registry_import_record (entity_type, record_id, version, job_id)
    SELECT 'organisation', r.id, r.version, ${jobId}::int4
      FROM unnest(${rows.map((r) => r.id)}::int4[], ${rows.map((r) => r.version)}::int4[]) AS r(id, version)
    ON CONFLICT (entity_type, record_id)
      DO UPDATE SET version = excluded.version, job_id = excluded.job_id`.execute(db);
}

/**
 * Lets the organisations' search indexes (GIN, with fast update) collect a
 * batch's new entries in their pending lists, up to 64 MB for this
 * transaction, instead of merging them every 4 MB: merging many entries at
 * once costs less than merging often (a third less insert time on the
 * embedded database, where the merge runs in the one thread).
 */
export async function deferSearchIndexMerges(db: Db): Promise<void> {
  await sql`SELECT set_config('gin_pending_list_limit', '65536', true)`.execute(db);
}

/**
 * Merges what the organisations' search indexes have pending, once an import
 * has written its last batch, so searches do not scan a long pending list
 * (PostgreSQL's autovacuum would also do it; the embedded database has none).
 */
export async function mergeSearchIndexes(db: Db): Promise<void> {
  await sql`SELECT gin_clean_pending_list(c.oid)
              FROM pg_class c JOIN pg_am a ON a.oid = c.relam
             WHERE a.amname = 'gin' AND c.relname IN ('organisation_search_vector_idx', 'organisation_search_text_idx')`.execute(
    db,
  );
}

export async function loadSavedMappings(
  db: Db,
  entity: string,
): Promise<Record<string, Record<string, string>>> {
  const rows = await db
    .selectFrom('registry_import_mapping')
    .select(['header_signature', 'columns'])
    .where('entity', '=', entity)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.header_signature, r.columns]));
}
