import { sql, type Selectable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/database.ts';

type RegistryImportJobTable = Database['registry_import_job'];
type RegistryImportQuarantineTable = Database['registry_import_quarantine'];

export type JobRow = Selectable<RegistryImportJobTable>;
export type QuarantineRow = Selectable<RegistryImportQuarantineTable>;

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
