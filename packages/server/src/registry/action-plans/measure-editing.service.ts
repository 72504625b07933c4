import type { z } from 'zod';
import type {
  DecisionTaskSchema,
  MeasureCreateSchema,
  MeasureUpdateSchema,
  ReportCreateSchema,
} from '@promatlas/core/api/programmes.schema.ts';
import { checkStatusTransition } from '@promatlas/core/programmes/status.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError, ValidationError, type FieldProblem } from '../../shared/domain-errors.ts';
import {
  updateProvenance,
  type MutationContext,
  deleteInTransaction,
  restoreInTransaction,
} from '../../shared/records/versioned-record.repository.ts';
import { provenance } from '../shared/references.ts';
import { createWithChildren, updateWithChildren } from '../shared/programme-record.repository.ts';
import { liveRecordExists, plansOfEvent } from '../shared/programme-lookup.repository.ts';
import {
  dateColumns,
  problem,
  resolveParty,
  resolvePartialDate,
  type PartyColumns,
  type PartyInput,
} from '../shared/programme-input.ts';
import { liveMeasure } from './measure.repository.ts';
import { decisionRow } from './decision-lookup.repository.ts';
import { MEASURE_LABEL } from './measure.service.ts';

/** Editing measures and their progress reports; a session's decision turned into a task. */

type MeasureCreate = z.infer<typeof MeasureCreateSchema>;
type MeasureUpdate = z.infer<typeof MeasureUpdateSchema>;
type MeasureFields = Omit<MeasureUpdate, 'version'>;

/** Checks and columns of a measure's fields; `current` is the row an update starts from. */
async function measureColumns(
  db: Db,
  input: MeasureFields,
  problems: FieldProblem[],
  current?: {
    start_from: string | null;
    deadline_to: string | null;
    status: MeasureUpdate['status'] | null;
  },
) {
  const columns: Record<string, unknown> = {};
  const set = (column: string, value: unknown) => {
    if (value !== undefined) columns[column] = value;
  };
  set('title', input.title);
  set('theme', input.theme);
  set('position', input.position);
  set('published', input.published);
  if (input.owner !== undefined) {
    if (input.owner === null)
      Object.assign(columns, {
        owner_organisation_id: null,
        owner_region_code: null,
        owner_person_id: null,
      });
    else {
      const owner = await resolveParty(db, 'owner.id', input.owner, problems);
      if (owner)
        Object.assign(columns, {
          owner_organisation_id: owner.organisation_id,
          owner_region_code: owner.region_code,
          owner_person_id: owner.person_id,
        });
    }
  }
  const start = resolvePartialDate('start', input.start, problems);
  const deadline = resolvePartialDate('deadline', input.deadline, problems);
  Object.assign(columns, dateColumns('start', start), dateColumns('deadline', deadline));
  const startFrom = start === undefined ? (current?.start_from ?? null) : (start?.from ?? null);
  const deadlineTo =
    deadline === undefined ? (current?.deadline_to ?? null) : (deadline?.to ?? null);
  if (startFrom && deadlineTo && deadlineTo < startFrom)
    problems.push(
      problem(
        'deadline',
        `Срок (${deadlineTo}) раньше начала (${startFrom})`,
        `The deadline (${deadlineTo}) is before the start (${startFrom})`,
      ),
    );
  if (input.status !== undefined) {
    const transition = current
      ? checkStatusTransition(current.status ?? null, input.status)
      : undefined;
    if (transition) problems.push(problem('status', transition.message, transition.messageEn));
    columns['status'] = input.status;
  }
  if (input.indicator !== undefined) {
    const i = input.indicator;
    Object.assign(columns, {
      indicator_name: i?.name ?? null,
      indicator_unit: i?.unit ?? null,
      indicator_target: i?.target ?? null,
      indicator_target_on: i?.targetOn ?? null,
      indicator_actual: i?.actual ?? null,
      indicator_actual_on: i?.actualOn ?? null,
    });
  }
  let coExecutors: PartyColumns[] | undefined;
  if (input.coExecutors !== undefined) {
    coExecutors = [];
    for (const [i, c] of input.coExecutors.entries()) {
      const resolved = await resolveParty(db, `coExecutors.${i}.id`, c as PartyInput, problems);
      if (resolved) coExecutors.push(resolved);
    }
  }
  return { columns, coExecutors };
}

function fail(problems: FieldProblem[]): void {
  if (problems.length) throw ValidationError.ofFields(problems);
}

async function insertMeasure(
  db: Db,
  ctx: MutationContext,
  containers: {
    action_plan_id: number | null;
    agreement_direction_id: number | null;
    event_decision_id: number | null;
  },
  input: MeasureFields & { sourceId?: number | null; sourceQuote?: string | null },
  problems: FieldProblem[] = [],
) {
  const { columns, coExecutors } = await measureColumns(db, input, problems);
  fail(problems);
  const prov = await provenance(db, input);
  const row = await db.transaction().execute((trx) =>
    createWithChildren(
      trx,
      { ...ctx, sourceId: prov.source_id },
      'programme_measure',
      { ...containers, ...columns, ...prov },
      coExecutors?.length
        ? [
            {
              table: 'measure_co_executor',
              parentColumn: 'measure_id',
              rows: coExecutors.map((c) => ({ ...c })),
            },
          ]
        : [],
    ),
  );
  return { id: row.id, version: row.version };
}

/** A new measure of a plan, or an obligation of an agreement direction. */
export async function createMeasure(db: Db, ctx: MutationContext, input: MeasureCreate) {
  const problems: FieldProblem[] = [];
  const plan = input.actionPlanId ?? null;
  const direction = input.agreementDirectionId ?? null;
  if (plan === null && direction === null)
    problems.push(
      problem(
        'actionPlanId',
        'Мероприятие должно входить в план действий (или быть обязательством по направлению соглашения): укажите план',
        'A measure belongs to an action plan (or an agreement direction): name the plan',
      ),
    );
  if (plan !== null && !(await liveRecordExists(db, 'action_plan', plan)))
    problems.push(
      problem('actionPlanId', `План действий ${plan} не найден`, `Action plan ${plan} not found`),
    );
  if (direction !== null && !(await liveRecordExists(db, 'agreement_direction', direction)))
    problems.push(
      problem(
        'agreementDirectionId',
        `Направление соглашения ${direction} не найдено`,
        `Agreement direction ${direction} not found`,
      ),
    );
  const { actionPlanId: _p, agreementDirectionId: _d, ...fields } = input;
  return insertMeasure(
    db,
    ctx,
    { action_plan_id: plan, agreement_direction_id: direction, event_decision_id: null },
    fields,
    problems,
  );
}

/** A session's decision becomes a task: its text is the title, only owner and deadline are asked. */
export async function taskFromDecision(
  db: Db,
  ctx: MutationContext,
  decisionId: number,
  input: z.infer<typeof DecisionTaskSchema>,
) {
  const decision = await decisionRow(db, decisionId);
  if (!decision) throw new NotFoundError('Решение мероприятия', 'Event decision', decisionId);
  const problems: FieldProblem[] = [];
  let plan = input.actionPlanId ?? null;
  if (plan !== null && !(await liveRecordExists(db, 'action_plan', plan)))
    problems.push(
      problem('actionPlanId', `План действий ${plan} не найден`, `Action plan ${plan} not found`),
    );
  if (input.actionPlanId === undefined) {
    // The programme the event produced, when it produced exactly one.
    const produced = await plansOfEvent(db, decision.event_id);
    plan = produced.length === 1 ? produced[0]!.id : null;
  }
  return insertMeasure(
    db,
    ctx,
    { action_plan_id: plan, agreement_direction_id: null, event_decision_id: decisionId },
    {
      title: decision.text.length > 2000 ? `${decision.text.slice(0, 1999)}…` : decision.text,
      theme: input.theme,
      owner: input.owner,
      start: input.start,
      deadline: input.deadline,
      status: 'planned',
    },
    problems,
  );
}

export async function updateMeasure(
  db: Db,
  ctx: MutationContext,
  id: number,
  input: MeasureUpdate,
) {
  const current = await liveMeasure(db, id);
  if (!current) throw new NotFoundError(MEASURE_LABEL[0], MEASURE_LABEL[1], id);
  const { version, sourceId, sourceQuote, ...fields } = input;
  const problems: FieldProblem[] = [];
  const { columns, coExecutors } = await measureColumns(db, fields, problems, current);
  fail(problems);
  const prov = await updateProvenance(db, 'programme_measure', id, { sourceId, sourceQuote });
  return updateWithChildren(
    db,
    { ...ctx, sourceId: prov.source_id },
    'programme_measure',
    id,
    version,
    { ...columns, ...prov },
    coExecutors
      ? {
          key: 'coExecutors',
          set: {
            table: 'measure_co_executor',
            parentColumn: 'measure_id',
            rows: coExecutors.map((c) => ({ ...c })),
          },
        }
      : undefined,
  );
}

export async function deleteMeasure(db: Db, ctx: MutationContext, id: number, version: number) {
  return deleteInTransaction(db, ctx, 'programme_measure', id, version);
}

export async function restoreMeasure(db: Db, ctx: MutationContext, id: number) {
  return restoreInTransaction(db, ctx, 'programme_measure', id);
}

export async function addReport(
  db: Db,
  ctx: MutationContext,
  measureId: number,
  input: z.infer<typeof ReportCreateSchema>,
) {
  if (!(await liveMeasure(db, measureId)))
    throw new NotFoundError(MEASURE_LABEL[0], MEASURE_LABEL[1], measureId);
  const prov = await provenance(db, input);
  const row = await db.transaction().execute((trx) =>
    createWithChildren(trx, { ...ctx, sourceId: prov.source_id }, 'measure_report', {
      measure_id: measureId,
      reported_on: input.reportedOn,
      note: input.note,
      progress: input.progress ?? null,
      actual_value: input.actualValue ?? null,
      ...prov,
    }),
  );
  return { id: row.id, version: row.version };
}

export async function deleteReport(db: Db, ctx: MutationContext, id: number, version: number) {
  return deleteInTransaction(db, ctx, 'measure_report', id, version);
}
