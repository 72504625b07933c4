import { writeAudit } from '../audit/index.ts';
import { DomainError, StaleVersionError } from '../shared/domain-errors.ts';
import type { CheckedRow } from './read-registry-file.ts';
import {
  insertImported,
  recordImportedRows,
  updateImportedAt,
  type ImportedTable,
  type StoredRow,
} from './record-import.repository.ts';
import { CHANGE_SAMPLE, invalidRow, type BatchOutcome, type EntityWriter } from './import-types.ts';
import {
  diff,
  isRefusal,
  problem,
  regionName,
  type Organisation,
  type Refusal,
  type RowContext,
  type Spec,
  type Table,
  type Wanted,
} from './record-plan.ts';

let dryIds = 0;

/** A writer for one job: what it has planned and the organisations it has looked up are the job's own. */
export function writerOf<C>(spec: Spec<C>): EntityWriter {
  const planned = new Map<string, StoredRow>();
  const organisations = new Map<string, Organisation[]>();
  return {
    ownTransactions: spec.service !== undefined,
    plan: async (ctx, batch) => async (trx) => {
      const outcome: BatchOutcome = { created: 0, updated: 0, unchanged: 0, quarantine: [] };
      const { job, actor } = ctx;
      const rc: RowContext = { db: trx, columns: job.columns, planned, organisations };
      const imported: Array<{ table: Table; id: number; version: number }> = [];
      const refuse = (row: CheckedRow, r: Refusal) =>
        outcome.quarantine.push({
          line: row.line,
          raw: row.raw ?? {},
          values: row.values,
          problems: r.problems,
          reasonCode: r.reasonCode,
          recordId: r.recordId ?? null,
        });
      const sourceId = ctx.dryRun ? null : await ctx.source(trx);
      const write = async (w: Wanted, parentId: number | null, force: boolean, line: number) => {
        if (!w.match) {
          const values = { ...w.create(parentId), ...w.values };
          if (ctx.dryRun)
            return {
              row: { ...values, id: --dryIds, version: 1, imported_version: 1 } as StoredRow,
              action: 'create' as const,
              fields: [],
            };
          const row = spec.service
            ? await spec.service.create(trx, ctx, values, sourceId)
            : await insertImported(trx, w.table as ImportedTable, {
                ...values,
                source_id: sourceId,
              });
          if (!spec.service)
            await writeAudit(trx, {
              userId: actor.userId,
              action: 'create',
              entityType: w.table,
              entityId: row.id,
              before: null,
              after: { ...row, import: { job: job.id, line } },
              sourceId,
            });
          imported.push({ table: w.table, id: row.id, version: row.version });
          return { row, action: 'create' as const, fields: [] };
        }
        const { changes, fields } = diff(w, force, job.columns);
        if (Object.keys(changes).length === 0)
          return { row: w.match, action: 'unchanged' as const, fields };
        if (ctx.dryRun) return { row: w.match, action: 'update' as const, fields };
        const after = spec.service
          ? await spec.service.update(
              trx,
              ctx,
              w.match.id,
              w.match.version,
              changes,
              sourceId,
              w.values,
            )
          : await updateImportedAt(trx, w.table as ImportedTable, w.match.id, w.match.version, {
              ...changes,
              source_id: sourceId,
            });
        if (!after) throw new StaleVersionError(w.match, w.match.version);
        if (!spec.service) {
          const { imported_version: _v, ...before } = w.match;
          await writeAudit(trx, {
            userId: actor.userId,
            action: 'update',
            entityType: w.table,
            entityId: after.id,
            before,
            after: { ...after, import: { job: job.id, line } },
            sourceId,
          });
        }
        imported.push({ table: w.table, id: after.id, version: after.version });
        return { row: after, action: 'update' as const, fields };
      };
      for (const row of batch as CheckedRow<C>[]) {
        if (!row.candidate) {
          outcome.quarantine.push(invalidRow(row));
          continue;
        }
        const plan = await spec.plan(rc, row.candidate);
        if (isRefusal(plan)) {
          refuse(row, plan);
          continue;
        }
        const first = ctx.seen.get(plan.key);
        if (first !== undefined) {
          refuse(row, {
            reasonCode: 'duplicate_in_file',
            problems: [
              problem(
                job.columns,
                null,
                'duplicate_in_file',
                `то же самое уже есть в строке ${first} этого файла`,
                `the same is already on line ${first} of this file`,
              ),
            ],
          });
          continue;
        }
        ctx.seen.set(plan.key, row.line);
        for (const n of plan.notices ?? []) ctx.notice(row.line, n);
        // A regional editor changes only what lies in the regions granted.
        if (actor.regions !== null) {
          const foreign = plan.regions.find((r) => r === null || !actor.regions!.includes(r));
          if (foreign !== undefined) {
            refuse(row, {
              reasonCode: 'forbidden_region',
              problems: [
                problem(
                  job.columns,
                  'region',
                  'forbidden_region',
                  foreign === null
                    ? 'запись без региона (федерального уровня) может импортировать только администратор'
                    : `нет прав на записи региона «${regionName(foreign)}»; вам доступны: ${actor.regions.map(regionName).join(', ') || 'нет регионов'}`,
                  foreign === null
                    ? 'only an administrator may import a record without a region'
                    : `no rights to records of ${regionName(foreign)}`,
                ),
              ],
              ...(plan.main.match ? { recordId: plan.main.match.id } : {}),
            });
            continue;
          }
        }
        const force = ctx.overwrite.has(row.line);
        // Every conflict of the row is found before anything of it is written.
        const mainDiff = plan.main.match ? diff(plan.main, force, job.columns) : undefined;
        const link = plan.link ? await plan.link(plan.main.match?.id ?? null, trx) : undefined;
        const linkDiff = link?.match ? diff(link, force, job.columns) : undefined;
        const conflicts = [...(mainDiff?.conflicts ?? []), ...(linkDiff?.conflicts ?? [])];
        if (conflicts.length > 0) {
          refuse(row, {
            reasonCode: 'conflict',
            problems: conflicts,
            recordId: plan.main.match?.id ?? link?.match?.id,
          });
          continue;
        }
        try {
          const main = await write(plan.main, null, force, row.line);
          if (main.action === 'create' && !plan.main.match)
            planned.set(plan.mainKey ?? plan.key, main.row);
          const linked = link ? await write(link, main.row.id, force, row.line) : undefined;
          const actions = [main.action, linked?.action];
          const action = actions.includes('create')
            ? 'create'
            : actions.includes('update')
              ? 'update'
              : 'unchanged';
          if (action === 'unchanged') outcome.unchanged++;
          else {
            if (action === 'create') outcome.created++;
            else outcome.updated++;
            if (ctx.sample.length < CHANGE_SAMPLE)
              ctx.sample.push({
                line: row.line,
                action,
                recordId: main.row.id > 0 ? main.row.id : null,
                name: plan.name,
                fields: [...main.fields, ...(linked?.fields ?? [])],
              });
          }
        } catch (error) {
          // Only a service's own checks reach here (the table writes cannot fail on checked values).
          if (!spec.service || !(error instanceof DomainError)) throw error;
          refuse(row, {
            reasonCode: error instanceof StaleVersionError ? 'conflict' : 'invalid_value',
            problems: [
              problem(
                job.columns,
                null,
                error instanceof StaleVersionError ? 'conflict' : error.code,
                error instanceof StaleVersionError
                  ? 'запись изменена другим пользователем во время импорта — не перезаписано'
                  : error.messageRu,
                error instanceof StaleVersionError
                  ? 'the record was changed by someone else during the import — not overwritten'
                  : error.messageEn,
              ),
            ],
            ...(plan.main.match ? { recordId: plan.main.match.id } : {}),
          });
        }
      }
      if (!ctx.dryRun)
        for (const table of new Set(imported.map((i) => i.table)))
          await recordImportedRows(
            trx,
            table,
            imported.filter((i) => i.table === table),
            job.id,
          );
      return outcome;
    },
  };
}
