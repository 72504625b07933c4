import type { SupportAwardCreate, SupportAwardUpdate } from '@promatlas/core/api/support.schema.ts';
import type { Db } from '../db/connection.ts';
import { NotFoundError, ValidationError, type FieldProblem } from '../shared/domain-errors.ts';
import {
  createRecord,
  getLiveRow,
  updateProvenance,
  updateRecord,
  type MutationContext,
} from '../shared/records/versioned-record.repository.ts';
import { organisationProblem, provenance } from '../registry/shared/references.ts';
import {
  findAwardProjectIds,
  findLiveProjectIds,
  getSupportMeasureRow,
  replaceAwardProjects,
} from './support-measure.repository.ts';

/**
 * Support awards: an amount with its qualifier («более 600 млн ₽» is
 * 600 000 000 with more_than), the date it is true as of, the provider, the
 * measure, the source — and the projects it covers, several when the source
 * gives one sum for them together.
 */

async function awardProblems(
  db: Db,
  input: Pick<SupportAwardCreate, 'providerId' | 'measureId' | 'projectIds'>,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const provider = await organisationProblem(db, 'providerId', input.providerId);
  if (provider) problems.push(provider);
  if (input.measureId != null && !(await getSupportMeasureRow(db, input.measureId)))
    problems.push({
      field: 'measureId',
      message: `Мера поддержки ${input.measureId} не найдена`,
      messageEn: `Support measure ${input.measureId} not found`,
    });
  const ids = input.projectIds ?? [];
  if (new Set(ids).size !== ids.length)
    problems.push({
      field: 'projectIds',
      message: 'Проект указан дважды',
      messageEn: 'A project is listed twice',
    });
  const live = await findLiveProjectIds(db, ids);
  ids.forEach((id, k) => {
    if (!live.has(id))
      problems.push({
        field: `projectIds[${k}]`,
        message: `Проект ${id} не найден`,
        messageEn: `Project ${id} not found`,
      });
  });
  return problems;
}

const period = (date: string | null | undefined) =>
  date === undefined
    ? {}
    : date === null
      ? { valid_from: null, valid_to: null, valid_precision: null }
      : { valid_from: date, valid_to: date, valid_precision: 'day' as const };

export async function createSupportAward(
  db: Db,
  ctx: MutationContext,
  input: SupportAwardCreate,
): Promise<{ id: number; version: number }> {
  return db.transaction().execute(async (trx) => {
    const problems = await awardProblems(trx, input);
    if (problems.length) throw ValidationError.ofFields(problems);
    const prov = await provenance(trx, input);
    const row = await createRecord(
      trx,
      { ...ctx, sourceId: prov.source_id ?? null },
      'support_award',
      {
        provider_organisation_id: input.providerId ?? null,
        support_measure_id: input.measureId ?? null,
        amount: input.amount ?? null,
        ...(input.qualifier ? { amount_qualifier: input.qualifier } : {}),
        programme: input.programme ?? null,
        ...period(input.date),
        ...prov,
      },
    );
    await replaceAwardProjects(trx, row.id, input.projectIds ?? []);
    return { id: row.id, version: row.version };
  });
}

export async function updateSupportAward(
  db: Db,
  ctx: MutationContext,
  id: number,
  input: SupportAwardUpdate,
): Promise<{ id: number; version: number }> {
  return db.transaction().execute(async (trx) => {
    if (!(await getLiveRow(trx, 'support_award', id)))
      throw new NotFoundError('Оказанная поддержка', 'Support award', id);
    const problems = await awardProblems(trx, input);
    if (problems.length) throw ValidationError.ofFields(problems);
    const prov = await updateProvenance(trx, 'support_award', id, input);
    const before = await findAwardProjectIds(trx, id);
    const after = input.projectIds ? [...input.projectIds].sort((a, b) => a - b) : before;
    const row = await updateRecord(
      trx,
      ctx,
      'support_award',
      id,
      input.version,
      {
        ...(input.providerId === undefined ? {} : { provider_organisation_id: input.providerId }),
        ...(input.measureId === undefined ? {} : { support_measure_id: input.measureId }),
        ...(input.amount === undefined ? {} : { amount: input.amount }),
        ...(input.qualifier === undefined ? {} : { amount_qualifier: input.qualifier }),
        ...(input.programme === undefined ? {} : { programme: input.programme }),
        ...period(input.date),
        ...prov,
      },
      { before: { projectIds: before }, after: { projectIds: after } },
    );
    if (input.projectIds) await replaceAwardProjects(trx, id, after);
    return { id: row.id, version: row.version };
  });
}
