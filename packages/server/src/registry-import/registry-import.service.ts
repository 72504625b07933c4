import type { Db } from '../db/connection.ts';
import type { Connection } from '../db/connection.ts';
import { writeAudit } from '../audit/index.ts';
import {
  readRegistryFileInWorker,
  streamRegistryFileInWorker,
  type TabularProblem,
} from '../imports/index.ts';
import {
  DomainError,
  NotFoundError,
  PreconditionError,
  ValidationError,
} from '../shared/domain-errors.ts';
import type { RegistryEntity } from './entities.ts';
import type { ColumnMapping, RegistryReadOptions } from './read-registry-file.ts';
import {
  getJobRow,
  insertJob,
  listJobRows,
  loadOkvedCodes,
  loadSavedMappings,
  markInterrupted,
  requestCancel,
  saveMapping,
  setJobColumns,
  updateJob,
  type JobRow,
} from './registry-import.repository.ts';
import { presentJob, presentPreview } from './registry-import.presenter.ts';
import { BATCH, processRows } from './process-rows.ts';
import type { ImportActor } from './import-types.ts';

export type { ImportActor } from './import-types.ts';

type DatabaseKind = Connection['kind'];

/** The file to import: an upload on disk, or bytes in memory. */
export interface RegistryFile {
  path?: string | undefined;
  bytes?: Buffer | undefined;
  fileName: string;
  size: number;
  sha256: string;
}

export interface ImportOptions extends RegistryReadOptions {
  entity: RegistryEntity;
  columns?: ColumnMapping | undefined;
  dryRun: boolean;
}

const SAMPLE_ROWS = 20;

/** A file that cannot be imported at all: every problem with its row and column, in both languages. */
export function fileRefused(problems: readonly TabularProblem[]): ValidationError {
  const where = (p: TabularProblem) =>
    [p.line !== null ? `строка ${p.line}` : null, p.column ? `столбец «${p.column}»` : null]
      .filter(Boolean)
      .join(', ');
  const whereEn = (p: TabularProblem) =>
    [p.line !== null ? `line ${p.line}` : null, p.column ? `column "${p.column}"` : null]
      .filter(Boolean)
      .join(', ');
  return new ValidationError(
    `Файл не может быть импортирован: ${problems.map((p) => (where(p) ? `${where(p)}: ${p.message}` : p.message)).join('; ')}`,
    `The file cannot be imported: ${problems.map((p) => (whereEn(p) ? `${whereEn(p)}: ${p.messageEn}` : p.messageEn)).join('; ')}`,
    {
      code: 'file_refused',
      fields: problems.map((p) => ({
        field: p.column ?? 'file',
        message: p.message,
        messageEn: p.messageEn,
      })),
      details: { problems },
    },
  );
}

async function readFile(
  db: Db,
  file: RegistryFile,
  options: RegistryReadOptions & {
    entity: RegistryEntity;
    columns?: ColumnMapping | undefined;
    sample?: number;
  },
) {
  const answer = await readRegistryFileInWorker({
    entity: options.entity,
    path: file.path,
    bytes: file.bytes,
    sheet: options.sheet,
    headerRow: options.headerRow,
    mapping: options.columns,
    savedMappings: await loadSavedMappings(db, options.entity),
    okved: await loadOkvedCodes(db),
    sample: options.sample,
  });
  if (!answer.ok) throw fileRefused(answer.problems);
  return answer.result;
}

/** The first rows of a file, checked against the given, saved or suggested mapping. */
export async function previewRegistryFile(
  db: Db,
  file: RegistryFile,
  options: RegistryReadOptions & { entity: RegistryEntity; columns?: ColumnMapping | undefined },
) {
  const result = await readFile(db, file, { ...options, sample: SAMPLE_ROWS });
  return presentPreview(options.entity, result);
}

// ---------------------------------------------------------------------------
// Jobs

/** Imports under way in this process (retries add theirs). */
export const running = new Set<Promise<unknown>>();

/** Resolves once every import started in this process has ended (tests, shutdown). */
export async function settleRegistryImports(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running]);
}

/** Jobs left running by a server that stopped: they are marked interrupted (re-running the file is safe). */
export async function markInterruptedRegistryImports(db: Db): Promise<number> {
  return markInterrupted(db);
}

/**
 * Starts an import as a background job and answers at once; the job reads
 * the file in a worker thread and writes in batches, so the server keeps
 * answering meanwhile. `release` is called once the file has been read.
 */
export async function startRegistryImport(
  db: Db,
  kind: DatabaseKind,
  file: RegistryFile,
  options: ImportOptions,
  actor: ImportActor,
  release: () => Promise<void> = async () => {},
) {
  const job = await createJob(db, file, options, actor, null);
  // runJob records its own failure on the job; a failure to record it (the database
  // closed under it) has no one left to tell.
  const work = runJob(db, kind, job, file, options, actor, release)
    .catch(() => undefined)
    .finally(() => running.delete(work));
  running.add(work);
  return presentJob({ ...job, user_name: actor.name });
}

/** Runs an import to its end (the command line). */
export async function importRegistryFile(
  db: Db,
  kind: DatabaseKind,
  file: RegistryFile,
  options: ImportOptions,
  actor: ImportActor,
) {
  const job = await createJob(db, file, options, actor, null);
  await runJob(db, kind, job, file, options, actor, async () => {});
  return getRegistryImport(db, job.id, actor);
}

export async function createJob(
  db: Db,
  file: RegistryFile,
  options: ImportOptions,
  actor: ImportActor,
  retryOf: number | null,
) {
  return db.transaction().execute(async (trx) => {
    const job = await insertJob(trx, {
      entity: options.entity,
      dryRun: options.dryRun,
      fileName: file.fileName,
      fileBytes: file.size,
      fileSha256: file.sha256,
      userId: actor.userId,
      retryOf,
      columns: options.columns ?? {},
      options: { sheet: options.sheet ?? null, headerRow: options.headerRow ?? null },
    });
    await writeAudit(trx, {
      userId: actor.userId,
      action: 'create',
      entityType: 'registry_import',
      entityId: job.id,
      before: null,
      after: {
        id: job.id,
        entity: options.entity,
        fileName: job.file_name,
        bytes: file.size,
        sha256: file.sha256,
        dryRun: job.dry_run,
        retryOf,
      },
    });
    return job;
  });
}

async function runJob(
  db: Db,
  kind: DatabaseKind,
  job: JobRow,
  file: RegistryFile,
  options: ImportOptions,
  actor: ImportActor,
  release: () => Promise<void>,
): Promise<void> {
  try {
    await updateJob(db, job.id, { status: 'running' });
    const events = streamRegistryFileInWorker({
      entity: options.entity,
      path: file.path,
      bytes: file.bytes,
      sheet: options.sheet,
      headerRow: options.headerRow,
      mapping: options.columns,
      savedMappings: await loadSavedMappings(db, options.entity),
      okved: await loadOkvedCodes(db),
      batchSize: BATCH[kind] ?? 500,
    });
    let released = false;
    const releaseOnce = async () => {
      if (!released) await release();
      released = true;
    };
    try {
      const first = (await events.next()).value;
      if (!first || first.event === 'refused') throw fileRefused(first?.problems ?? []);
      if (first.event !== 'head')
        throw new Error(first.event === 'failure' ? first.message : 'no head');
      // Bytes were handed to the worker whole: the upload is no longer needed.
      if (!file.path) await releaseOnce();
      const head = first.head;
      if (!options.dryRun)
        await saveMapping(db, {
          entity: options.entity,
          signature: head.signature,
          headers: head.headers,
          columns: head.mapping,
          userId: actor.userId,
        });
      await setJobColumns(db, job.id, head.mapping, null);
      async function* batches() {
        for (;;) {
          const { value: e, done } = await events.next();
          if (done || !e || e.event === 'end') return;
          if (e.event === 'refused') throw fileRefused(e.problems);
          if (e.event === 'failure') throw new Error(e.message);
          if (e.event === 'batch') yield { rows: e.rows, bytesRead: e.bytesRead };
        }
      }
      await processRows(
        db,
        kind,
        { ...job, columns: head.mapping, rows_total: null },
        { batches: batches(), bytes: first.bytes },
        actor,
        { dryRun: options.dryRun, sourceId: null },
      );
    } finally {
      await events.return(undefined);
      await releaseOnce();
    }
  } catch (error) {
    // A file too large for the worker's heap is a TooLargeError: its own words, in both languages.
    const problems =
      error instanceof ValidationError && Array.isArray(error.details['problems'])
        ? error.details['problems']
        : [
            {
              line: null,
              column: null,
              code: error instanceof DomainError ? error.code : 'import_failed',
              message:
                error instanceof DomainError
                  ? error.messageRu
                  : `импорт прерван ошибкой: ${(error as Error).message}`,
              messageEn:
                error instanceof DomainError
                  ? error.messageEn
                  : `the import failed: ${(error as Error).message}`,
            },
          ];
    await updateJob(db, job.id, { status: 'failed', problems, finished: true });
  }
}

// ---------------------------------------------------------------------------
// Reading jobs and their quarantine

export async function jobOf(db: Db, id: number, actor: ImportActor) {
  const job = await getJobRow(db, id);
  // Another editor's job is as unknown as a missing one.
  if (!job || (!actor.administrator && job.user_id !== actor.userId))
    throw new NotFoundError('Импорт реестра', 'Registry import', id);
  return job;
}

export async function getRegistryImport(db: Db, id: number, actor: ImportActor) {
  return presentJob(await jobOf(db, id, actor));
}

export async function listRegistryImports(db: Db, actor: ImportActor) {
  return {
    items: (await listJobRows(db, actor.administrator ? null : actor.userId, 50)).map(presentJob),
  };
}

export async function cancelRegistryImport(db: Db, id: number, actor: ImportActor) {
  const job = await jobOf(db, id, actor);
  if (job.status !== 'queued' && job.status !== 'running')
    throw new PreconditionError(
      'Импорт уже завершён — отменять нечего',
      'The import has already ended',
      { code: 'import_finished' },
    );
  await db.transaction().execute(async (trx) => {
    await requestCancel(trx, id);
    await writeAudit(trx, {
      userId: actor.userId,
      action: 'update',
      entityType: 'registry_import',
      entityId: id,
      before: { cancelRequested: false },
      after: { cancelRequested: true },
    });
  });
  return presentJob({ ...job, cancel_requested: true });
}
