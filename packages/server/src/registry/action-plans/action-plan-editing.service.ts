import type { z } from 'zod';
import type {
  ActionPlanCreateSchema,
  ActionPlanUpdateSchema,
} from '@promatlas/core/api/programmes.schema.ts';
import type { Db } from '../../db/connection.ts';
import { ValidationError, type FieldProblem } from '../../shared/domain-errors.ts';
import {
  updateProvenance,
  type MutationContext,
  deleteInTransaction,
  restoreInTransaction,
} from '../../shared/records/versioned-record.repository.ts';
import { provenance } from '../shared/references.ts';
import { createWithChildren, updateWithChildren } from '../shared/programme-record.repository.ts';
import { liveRecordExists } from '../shared/programme-lookup.repository.ts';
import { problem, resolvePartialDate } from '../shared/programme-input.ts';
import { partyRows } from '../shared/programme-parties.ts';

type PlanFields = Omit<z.infer<typeof ActionPlanUpdateSchema>, 'version'>;

async function planColumns(db: Db, input: PlanFields, problems: FieldProblem[]) {
  const columns: Record<string, unknown> = {};
  if (input.title !== undefined) columns['title'] = input.title;
  if (input.themes !== undefined) columns['themes'] = input.themes;
  if (input.published !== undefined) columns['published'] = input.published;
  if (input.eventId !== undefined) {
    if (input.eventId !== null && !(await liveRecordExists(db, 'event', input.eventId)))
      problems.push(
        problem(
          'eventId',
          `Мероприятие ${input.eventId} не найдено`,
          `Event ${input.eventId} not found`,
        ),
      );
    columns['approved_at_event_id'] = input.eventId;
  }
  const period = resolvePartialDate('period', input.period, problems);
  if (period !== undefined)
    Object.assign(columns, {
      valid_from: period?.from ?? null,
      valid_to: period?.to ?? null,
      valid_precision: period?.precision ?? null,
    });
  const parties =
    input.parties === undefined ? undefined : await partyRows(db, input.parties, problems, false);
  return { columns, parties };
}

export async function createActionPlan(
  db: Db,
  ctx: MutationContext,
  input: z.infer<typeof ActionPlanCreateSchema>,
) {
  const problems: FieldProblem[] = [];
  const { sourceId, sourceQuote, ...fields } = input;
  const { columns, parties } = await planColumns(db, fields, problems);
  if (problems.length) throw ValidationError.ofFields(problems);
  const prov = await provenance(db, { sourceId, sourceQuote });
  const row = await db
    .transaction()
    .execute((trx) =>
      createWithChildren(
        trx,
        { ...ctx, sourceId: prov.source_id },
        'action_plan',
        { ...columns, ...prov },
        [{ table: 'action_plan_party', parentColumn: 'action_plan_id', rows: parties ?? [] }],
      ),
    );
  return { id: row.id, version: row.version };
}

export async function updateActionPlan(
  db: Db,
  ctx: MutationContext,
  id: number,
  input: z.infer<typeof ActionPlanUpdateSchema>,
) {
  const { version, sourceId, sourceQuote, ...fields } = input;
  const problems: FieldProblem[] = [];
  const { columns, parties } = await planColumns(db, fields, problems);
  if (problems.length) throw ValidationError.ofFields(problems);
  const prov = await updateProvenance(db, 'action_plan', id, { sourceId, sourceQuote });
  return updateWithChildren(
    db,
    { ...ctx, sourceId: prov.source_id },
    'action_plan',
    id,
    version,
    { ...columns, ...prov },
    parties
      ? {
          key: 'parties',
          set: { table: 'action_plan_party', parentColumn: 'action_plan_id', rows: parties },
        }
      : undefined,
  );
}

export async function deleteActionPlan(db: Db, ctx: MutationContext, id: number, version: number) {
  return deleteInTransaction(db, ctx, 'action_plan', id, version);
}

export async function restoreActionPlan(db: Db, ctx: MutationContext, id: number) {
  return restoreInTransaction(db, ctx, 'action_plan', id);
}
