import type { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import type {
  PersonCreateSchema,
  PersonUpdateSchema,
  PositionCreateSchema,
} from '@promatlas/core/api/editing.schema.ts';
import { NotFoundError } from '../../shared/domain-errors.ts';
import {
  createRecord,
  getLiveRow,
  type ColumnMap,
  type MutationContext,
} from '../../shared/records/versioned-record.repository.ts';
import {
  checkReferences,
  organisationProblem,
  provenance,
  regionProblem,
} from '../shared/references.ts';
import { PROVENANCE, period, simpleEditing } from '../shared/registry-editing.service.ts';

const PERSON = {
  lastName: 'last_name',
  firstName: 'first_name',
  patronymic: 'patronymic',
  published: 'published',
  ...PROVENANCE,
} satisfies ColumnMap<'person'>;
export const personEditing = simpleEditing<
  'person',
  z.infer<typeof PersonCreateSchema>,
  z.infer<typeof PersonUpdateSchema>
>('person', PERSON);
/** A new position of a person; earlier positions stay, each with its own as-of date. */
export async function addPosition(
  db: Db,
  ctx: MutationContext,
  personId: number,
  input: z.infer<typeof PositionCreateSchema>,
) {
  if (!(await getLiveRow(db, 'person', personId)))
    throw new NotFoundError('Персона', 'Person', personId);
  await checkReferences([
    organisationProblem(db, 'organisationId', input.organisationId),
    regionProblem(db, 'regionCode', input.regionCode),
  ]);
  const prov = await provenance(db, input);
  const row = await db.transaction().execute((trx) =>
    createRecord(trx, { ...ctx, sourceId: prov.source_id }, 'position', {
      person_id: personId,
      organisation_id: input.organisationId ?? null,
      region_code: input.regionCode ?? null,
      title: input.title,
      ...period(input.asOf),
      ...prov,
    }),
  );
  return { id: row.id, version: row.version };
}
