import type { Db } from '../db/connection.ts';
import type { Connection } from '../db/connection.ts';
import { writeAudit } from '../audit/index.ts';
import { NotFoundError, PreconditionError, ValidationError } from '../shared/domain-errors.ts';
import { DEFINITIONS, entityOf, isFieldOf } from './entities.ts';
import type { CheckedRow } from './read-registry-file.ts';
import {
  findQuarantine,
  getJobRow,
  getQuarantineRow,
  loadOkvedCodes,
  markRetried,
  openQuarantine,
  updateJob,
  updateQuarantineRow,
} from './registry-import.repository.ts';
import { presentJob, presentQuarantineRow, type RowProblem } from './registry-import.presenter.ts';
import { columnOfField, type ImportActor } from './import-types.ts';
import { createJob, jobOf, running, type RegistryFile } from './registry-import.service.ts';
import { processRows } from './process-rows.ts';

type DatabaseKind = Connection['kind'];

/** The rows a job set aside: listing them, fixing them one by one, retrying them as a new job. */

const today = () => new Date().toISOString().slice(0, 10);

export async function listRegistryImportQuarantine(
  db: Db,
  id: number,
  actor: ImportActor,
  page: number,
  pageSize: number,
  status: 'open' | 'all',
) {
  await jobOf(db, id, actor);
  const { rows, total } = await findQuarantine(db, id, status, pageSize, (page - 1) * pageSize);
  return { items: rows.map(presentQuarantineRow), total, page, pageSize };
}

/**
 * Fixes a row set aside: the corrected values (by field) are checked at once
 * and kept with the row, whose problems are then the new ones; `overwrite`
 * accepts the file's values over a newer edit on the next retry.
 */
export async function fixQuarantineRow(
  db: Db,
  jobId: number,
  rowId: number,
  input: { values?: Record<string, string> | undefined; overwrite?: boolean | undefined },
  actor: ImportActor,
) {
  const job = await jobOf(db, jobId, actor);
  const entity = entityOf(job.entity);
  const row = await getQuarantineRow(db, jobId, rowId);
  if (!row) throw new NotFoundError('Отложенная строка', 'Quarantined row', rowId);
  if (row.status !== 'open')
    throw new PreconditionError(
      'Строка уже повторена в другом импорте',
      'The row has already been retried',
      { code: 'row_retried' },
    );
  const values = { ...row.values };
  for (const [field, value] of Object.entries(input.values ?? {})) {
    if (!isFieldOf(entity, field))
      throw ValidationError.ofFields([
        {
          field: `values.${field}`,
          message: `неизвестное поле «${field}»`,
          messageEn: `unknown field "${field}"`,
        },
      ]);
    values[field] = value;
  }
  const checked = DEFINITIONS[entity].validate(values, {
    okved: new Set(await loadOkvedCodes(db)),
    today: today(),
  });
  const columns = (await getJobRow(db, jobId))!.columns;
  const columnOf = (field: string | null) => columnOfField(columns, field);
  const problems: RowProblem[] =
    'issues' in checked
      ? checked.issues.map((i) => ({
          column: columnOf(i.field),
          field: i.field,
          code: i.code,
          message: i.message,
          messageEn: i.messageEn,
        }))
      : row.reason_code === 'invalid_value'
        ? []
        : (row.problems as RowProblem[]);
  const overwrite = input.overwrite ?? row.overwrite;
  const updated = await db.transaction().execute(async (trx) => {
    const after = await updateQuarantineRow(trx, rowId, { values, problems, overwrite });
    await writeAudit(trx, {
      userId: actor.userId,
      action: 'update',
      entityType: 'registry_import_quarantine',
      entityId: rowId,
      before: { values: row.values, overwrite: row.overwrite },
      after: { values, overwrite },
    });
    return after;
  });
  return presentQuarantineRow(updated);
}

/**
 * Retries the rows a job set aside, with their fixes, as a new job: rows
 * that now pass are written (and leave the quarantine), the others are set
 * aside again under the new job with their current problems.
 */
export async function retryRegistryImport(
  db: Db,
  kind: DatabaseKind,
  id: number,
  actor: ImportActor,
  dryRun: boolean,
) {
  const original = await jobOf(db, id, actor);
  if (original.status === 'queued' || original.status === 'running')
    throw new PreconditionError(
      'Импорт ещё идёт: повторить отложенные строки можно после его окончания',
      'The import is still running: retry its rows once it has ended',
      { code: 'import_running' },
    );
  const open = await openQuarantine(db, id);
  if (open.length === 0)
    throw new PreconditionError(
      'Отложенных строк нет — повторять нечего',
      'No rows are set aside: nothing to retry',
      { code: 'nothing_to_retry' },
    );
  const entity = entityOf(original.entity);
  const ctx = { okved: new Set(await loadOkvedCodes(db)), today: today() };
  const rows: CheckedRow[] = open.map((q) => {
    const checked = DEFINITIONS[entity].validate(q.values, ctx);
    return {
      line: q.line,
      raw: q.raw,
      values: q.values,
      issues:
        'issues' in checked
          ? checked.issues.map((i) => ({
              ...i,
              column: columnOfField(original.columns, i.field),
            }))
          : [],
      warnings: [],
      ...('candidate' in checked ? { candidate: checked.candidate } : {}),
    };
  });
  const file: RegistryFile = {
    fileName: original.file_name,
    size: Number(original.file_bytes ?? 0),
    sha256: original.file_sha256 ?? '',
  };
  const job = await createJob(db, file, { entity, dryRun, columns: original.columns }, actor, id);
  await updateJob(db, job.id, { rows_total: rows.length });
  const work = (async () => {
    try {
      await updateJob(db, job.id, { status: 'running' });
      await processRows(db, kind, { ...job, columns: original.columns }, rows, actor, {
        dryRun,
        sourceId: dryRun ? null : original.source_id,
        overwrite: new Set(open.filter((q) => q.overwrite).map((q) => q.line)),
      });
      if (!dryRun)
        await markRetried(
          db,
          open.map((q) => q.id),
          job.id,
        );
    } catch (error) {
      await updateJob(db, job.id, {
        status: 'failed',
        finished: true,
        problems: [
          {
            line: null,
            column: null,
            code: 'import_failed',
            message: `импорт прерван ошибкой: ${(error as Error).message}`,
            messageEn: `the import failed: ${(error as Error).message}`,
          },
        ],
      });
    }
  })()
    .catch(() => undefined)
    .finally(() => running.delete(work));
  running.add(work);
  return presentJob({ ...job, user_name: actor.name, columns: original.columns });
}
