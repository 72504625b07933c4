import type { Db } from '../db/connection.ts';
import type { Connection } from '../db/connection.ts';
import type { TabularProblem } from '../imports/index.ts';
import { entityOf, type RegistryEntity } from './entities.ts';
import type { CheckedRow } from './read-registry-file.ts';
import {
  cancelRequested,
  insertQuarantine,
  insertSourceDocument,
  sourceOfFile,
  updateJob,
  type JobRow,
} from './registry-import.repository.ts';
import type { BatchContext, BatchOutcome, EntityWriter, ImportActor } from './import-types.ts';
import { organisationWriter } from './organisation-import.ts';
import { inBatchTransaction } from './batch-transaction.ts';
import {
  clusterWriter,
  contractWriter,
  personWriter,
  siteWriter,
  statementWriter,
} from './record-import.ts';

type DatabaseKind = Connection['kind'];

/**
 * Rows per batch: each batch is one transaction. PGlite holds its one
 * connection meanwhile, so its batches stay short for the requests waiting
 * behind them; on PostgreSQL a batch of 5,000 spreads the per-batch work
 * (matching, four COPYs, the typo-search words) over more rows: 52 % of a raw
 * COPY's rate against 39 % with 1,000, in one quiet run (bench/RESULTS.md).
 */
export const BATCH: Record<string, number> = { postgres: 5000, pglite: 500 };
/** The notices a job keeps about rows written all the same (the first of them). */
const NOTICES = 100;

interface Counts {
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  conflicts: number;
}

/** The writer of each entity, given the rows of the whole job (some read what all rows need, once). */
const WRITERS: Record<RegistryEntity, (db: Db) => Promise<EntityWriter>> = {
  organisations: organisationWriter,
  people: async () => personWriter(),
  sites: async () => siteWriter(),
  clusters: async () => clusterWriter(),
  contracts: async () => contractWriter(),
  statements: async () => statementWriter(),
};

/**
 * Decides and writes the rows of a file in batches: each batch in one
 * transaction (its records, one audit entry per change, the rows set aside
 * and the job's counters), so a batch is written whole or not at all and a
 * cancelled or interrupted job leaves only whole batches. A writer that goes
 * through another feature's service writes each change in its own
 * transaction; the batch's bookkeeping then follows in one more.
 */
export async function processRows(
  db: Db,
  kind: DatabaseKind,
  job: JobRow,
  source: CheckedRow[] | { batches: AsyncIterable<RowBatch>; bytes: number },
  actor: ImportActor,
  options: { dryRun: boolean; sourceId: number | null; overwrite?: ReadonlySet<number> },
): Promise<void> {
  const counts: Counts = { created: 0, updated: 0, unchanged: 0, refused: 0, conflicts: 0 };
  const notices: TabularProblem[] = [];
  const entity = entityOf(job.entity);
  let sourceId = options.sourceId;
  const ctx: BatchContext = {
    db,
    job,
    actor,
    dryRun: options.dryRun,
    overwrite: options.overwrite ?? new Set(),
    sample: [],
    seen: new Map(),
    notice: (line, p) => {
      if (notices.length < NOTICES)
        notices.push({
          line,
          column: p.column,
          code: p.code,
          message: p.message,
          messageEn: p.messageEn,
        });
    },
    source: async (trx) => {
      if (options.dryRun) return null;
      if (sourceId === null) {
        sourceId =
          (job.file_sha256 ? await sourceOfFile(trx, job.file_sha256) : null) ??
          (await createSource(trx, job, actor));
        await updateJob(trx, job.id, { source_id: sourceId });
      }
      return sourceId;
    },
  };
  const writer = await WRITERS[entity](db);
  const size = BATCH[kind] ?? 500;
  const known = Array.isArray(source) ? source.length : null;
  const batches = Array.isArray(source) ? slices(source, size) : source.batches;
  const bytes = Array.isArray(source) ? 0 : source.bytes;
  let done = 0;
  // Cancelling stops before the next batch: what is written stays whole.
  const cancelled = async () => {
    if (!(await cancelRequested(db, job.id))) return false;
    await updateJob(db, job.id, { status: 'cancelled', finished: true });
    return true;
  };
  // A writer whose planning reads only committed records and the job's own
  // bookkeeping plans the next batch while the previous one is being written
  // (PostgreSQL: a second connection); PGlite has one connection, so there the
  // two take turns anyway and the batches run one after the other.
  const overlap = writer.overlap === true && kind === 'postgres';
  let writing: Promise<unknown> | null = null;
  const written = async () => {
    const failure = await writing;
    writing = null;
    if (failure instanceof Error) throw failure;
  };
  for await (const { rows: batch, bytesRead } of batches) {
    if (await cancelled()) return written();
    const start = done;
    done += batch.length;
    // A streamed file's row count is known at its end: until then it is estimated from the bytes read.
    const total =
      known ?? (bytesRead > 0 ? Math.max(done, Math.round((done * bytes) / bytesRead)) : done);
    const write = await writer.plan(ctx, batch);
    await written();
    const book = async (trx: Db, outcome: BatchOutcome): Promise<Counts> => {
      await insertQuarantine(
        trx,
        outcome.quarantine.map((q) => ({ ...q, jobId: job.id })),
      );
      const conflicts = outcome.quarantine.filter((q) => q.reasonCode === 'conflict').length;
      const next: Counts = {
        created: counts.created + outcome.created,
        updated: counts.updated + outcome.updated,
        unchanged: counts.unchanged + outcome.unchanged,
        refused: counts.refused + outcome.quarantine.length - conflicts,
        conflicts: counts.conflicts + conflicts,
      };
      await updateJob(trx, job.id, {
        ...next,
        rows_done: start + batch.length,
        rows_total: total,
        changes: ctx.sample,
        ...(notices.length ? { problems: notices } : {}),
      });
      return next;
    };
    const step = async () => {
      const next =
        options.dryRun || writer.ownTransactions
          ? await (async () => {
              const outcome = await write(db);
              return options.dryRun
                ? book(db, outcome)
                : db.transaction().execute((trx) => book(trx, outcome));
            })()
          : await inBatchTransaction(db, async (trx, copy) => book(trx, await write(trx, copy)));
      Object.assign(counts, next);
    };
    // The failure is kept, not left unhandled while the next batch is planned.
    if (overlap)
      writing = step().then(
        () => null,
        (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
      );
    else await step();
  }
  await written();
  if (done === 0 && (await cancelled())) return;
  if (!options.dryRun) await writer.finish?.();
  await updateJob(db, job.id, {
    status: 'done',
    finished: true,
    ...counts,
    rows_done: done,
    rows_total: done,
    changes: ctx.sample,
    ...(notices.length ? { problems: notices } : {}),
  });
}

interface RowBatch {
  rows: CheckedRow[];
  bytesRead: number;
}

async function* slices(rows: CheckedRow[], size: number): AsyncGenerator<RowBatch> {
  for (let i = 0; i < rows.length; i += size) yield { rows: rows.slice(i, i + size), bytesRead: 0 };
}

const ENTITY_TEXT: Record<RegistryEntity, string> = {
  organisations: 'организаций',
  people: 'персон',
  sites: 'площадок',
  clusters: 'кластеров',
  contracts: 'договоров кооперации',
  statements: 'фактов',
};

async function createSource(db: Db, job: JobRow, actor: ImportActor): Promise<number> {
  const date = new Date().toISOString().slice(0, 10);
  return insertSourceDocument(db, {
    title: `Файл реестра «${job.file_name}»`,
    publisher: actor.name,
    date,
    text: `Импорт реестра ${ENTITY_TEXT[entityOf(job.entity)]} из файла «${job.file_name}» (${job.file_bytes ?? '?'} байт, SHA-256 ${job.file_sha256 ?? 'не известен'}); загрузил: ${actor.name}; дата загрузки: ${date}.`,
  });
}
