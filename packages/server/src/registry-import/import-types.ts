import type { Db } from '../db/connection.ts';
import type { Viewer } from '../auth/index.ts';
import type { CheckedRow } from './read-registry-file.ts';
import type { JobRow, QuarantineRow } from './registry-import.repository.ts';
import type { ChangeSample, RowProblem } from './registry-import.presenter.ts';
import type { CopyRows } from './batch-transaction.ts';

/**
 * Who imports: the user (null on the command line) and the regions they may
 * change (null: every region, for an administrator or the server's operator).
 */
export interface ImportActor {
  userId: number | null;
  regions: string[] | null;
  /** The uploader as the source document names them. */
  name: string;
  administrator: boolean;
  /** The viewer the services an import writes through see (the command line: no user). */
  viewer: Viewer;
}

/** A row set aside: its cells, its mapped values, and why. */
export interface Quarantined {
  line: number;
  raw: Record<string, string>;
  values: Record<string, string>;
  problems: RowProblem[];
  reasonCode: QuarantineRow['reason_code'];
  recordId: number | null;
}

/** What the writer of an entity gets for each batch of a job. */
export interface BatchContext {
  db: Db;
  job: JobRow;
  actor: ImportActor;
  dryRun: boolean;
  /** Lines whose values are accepted over a newer edit (a retry of fixed rows). */
  overwrite: ReadonlySet<number>;
  /** The file's source document, created by the first change written; null in a dry run. */
  source(trx: Db): Promise<number | null>;
  /** The changes shown with the job (the first of them). */
  sample: ChangeSample[];
  /** Identity keys already met in the file, with their line: a repeat is set aside. */
  seen: Map<string, number>;
  /** Something the job should say about a row that is written all the same (shown with the job). */
  notice(line: number, problem: RowProblem): void;
}

export interface BatchOutcome {
  created: number;
  updated: number;
  unchanged: number;
  quarantine: Quarantined[];
}

/**
 * An entity's writer: `plan` reads what a batch needs and answers the
 * function that writes it — inside the batch's transaction, unless the writer
 * goes through a service that opens one per change (`ownTransactions`).
 */
export interface EntityWriter {
  ownTransactions?: boolean;
  /**
   * The next batch may be planned while the previous one is written: the plan
   * reads only committed records, and what the batches before it decided
   * (repeats, new records' keys) is in the context when planning, not after writing.
   */
  overlap?: boolean;
  /** Runs once the last batch is written (not after a cancelled or failed job, nor a dry run). */
  finish?(): Promise<void>;
  /** The answered write may COPY into its transaction's tables when given `copy` (batch-transaction.ts). */
  plan(
    ctx: BatchContext,
    batch: CheckedRow[],
  ): Promise<(trx: Db, copy?: CopyRows | null) => Promise<BatchOutcome>>;
}

export const CHANGE_SAMPLE = 200;

/** The column of the file a field was read from (the job's mapping). */
export const columnOfField = (columns: Record<string, string>, field: string | null) =>
  field ? (Object.entries(columns).find(([, f]) => f === field)?.[0] ?? null) : null;

/** A row whose values failed their checks, set aside with its issues. */
export function invalidRow(row: CheckedRow): Quarantined {
  return {
    line: row.line,
    raw: row.raw ?? {},
    values: row.values,
    problems: row.issues.map((i) => ({
      column: i.column,
      field: i.field,
      code: i.code,
      message: i.message,
      messageEn: i.messageEn,
    })),
    reasonCode: 'invalid_value',
    recordId: null,
  };
}
