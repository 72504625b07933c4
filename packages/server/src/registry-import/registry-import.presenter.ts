import { DEFINITIONS, entityOf, type RegistryEntity } from './entities.ts';
import type { TabularProblem } from '../imports/index.ts';
import type { ReadRegistryResult } from './read-registry-file.ts';
import type { JobRow, QuarantineRow } from './registry-import.repository.ts';

/** A problem of a row: the column as the file names it, the field, a stable code, the reason in both languages. */
export interface RowProblem {
  column: string | null;
  field: string | null;
  code: string;
  message: string;
  messageEn: string;
}

/** A change an import made (or, in a dry run, would make). */
export interface ChangeSample {
  line: number;
  action: 'create' | 'update';
  recordId: number | null;
  name: string;
  fields: Array<{ field: string; before: string | null; after: string }>;
}

const iso = (value: Date | string | null | undefined) =>
  value === null || value === undefined ? null : new Date(value).toISOString();

/** The fields of an entity a column may be mapped to, with their labels. */
export const fieldList = (entity: RegistryEntity) =>
  Object.entries(DEFINITIONS[entity].fields).map(([key, f]) => ({
    key,
    label: f.ru,
    labelEn: f.en,
  }));

export function presentPreview(entity: RegistryEntity, result: ReadRegistryResult) {
  return {
    entity,
    format: result.format,
    encoding: result.encoding,
    delimiter: result.delimiter,
    sheet: result.sheet,
    headers: result.headers,
    headerLine: result.headerLine,
    signature: result.signature,
    rowsTotal: result.rowsTotal,
    mapping: result.mapping,
    mappingSource: result.mappingSource,
    suggested: result.suggested,
    fields: fieldList(entity),
    rows: result.rows.map((r) => ({
      line: r.line,
      raw: r.raw ?? {},
      values: r.values,
      valid: r.issues.length === 0,
      problems: r.issues.map(problemOf),
      warnings: r.warnings.map(problemOf),
    })),
  };
}

const problemOf = (p: RowProblem): RowProblem => ({
  column: p.column,
  field: p.field,
  code: p.code,
  message: p.message,
  messageEn: p.messageEn,
});

export function presentJob(job: JobRow & { user_name?: string | null }) {
  const total = job.rows_total;
  return {
    id: job.id,
    entity: entityOf(job.entity),
    status: job.status,
    dryRun: job.dry_run,
    fileName: job.file_name,
    fileBytes: job.file_bytes === null ? null : Number(job.file_bytes),
    uploadedBy: job.user_name ?? null,
    startedAt: iso(job.started_at as unknown as Date)!,
    finishedAt: iso(job.finished_at as unknown as Date | null),
    rowsTotal: total,
    rowsDone: job.rows_done,
    progress: total ? Math.min(1, job.rows_done / total) : job.status === 'done' ? 1 : 0,
    counts: {
      created: job.created,
      updated: job.updated,
      unchanged: job.unchanged,
      refused: job.refused,
      conflicts: job.conflicts,
    },
    columns: job.columns,
    problems: ((job.problems as TabularProblem[] | null) ?? []).map((p) => ({
      line: p.line,
      column: p.column,
      code: p.code,
      message: p.message,
      messageEn: p.messageEn,
    })),
    changes: (job.changes as ChangeSample[] | null) ?? [],
    sourceId: job.source_id,
    retryOf: job.retry_of,
    cancelRequested: job.cancel_requested,
  };
}

export function presentQuarantineRow(row: QuarantineRow) {
  return {
    id: row.id,
    line: row.line,
    raw: row.raw,
    values: row.values,
    reasonCode: row.reason_code,
    problems: (row.problems as RowProblem[]).map(problemOf),
    recordId: row.record_id,
    overwrite: row.overwrite,
    status: row.status,
  };
}
