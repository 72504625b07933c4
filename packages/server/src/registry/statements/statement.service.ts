import type { z } from 'zod';
import type { Db } from '../../db/connection.ts';
import type { StatementCreateSchema } from '@promatlas/core/api/editing.schema.ts';
import { NotFoundError, ValidationError } from '../../shared/domain-errors.ts';
import {
  createRecord,
  getLiveRow,
  type MutationContext,
} from '../../shared/records/versioned-record.repository.ts';
import { provenance } from '../shared/references.ts';
import { findRegionCode } from '../shared/references.repository.ts';
import { period } from '../shared/registry-editing.service.ts';

const SUBJECT_TABLES = {
  organisation: 'organisation',
  person: 'person',
  site: 'site',
  cluster: 'cluster',
  event: 'event',
  project: 'project',
} as const;

/**
 * A new fact about a record: «65 резидентов на 01.10.2024» is a new
 * statement; the earlier «60 резидентов на 14.03.2024» stays as history.
 */
export async function addStatement(
  db: Db,
  ctx: MutationContext,
  input: z.infer<typeof StatementCreateSchema>,
  today: string,
) {
  const { type, id } = input.subject;
  if (type === 'region') {
    if (!(await findRegionCode(db, id))) throw new NotFoundError('Регион', 'Region', id);
  } else if (!/^\d+$/.test(id) || !(await getLiveRow(db, SUBJECT_TABLES[type], Number(id)))) {
    throw new ValidationError('Объект факта не найден', 'Subject not found', {
      fields: [
        { field: 'subject.id', message: 'Объект не найден', messageEn: 'Subject not found' },
      ],
    });
  }
  if (input.asOf && input.asOf.from > today) {
    throw new ValidationError(
      'Дата актуальности факта не может быть в будущем',
      'The as-of date is in the future',
      {
        fields: [
          {
            field: 'asOf',
            message: 'Дата актуальности факта не может быть в будущем',
            messageEn: 'The as-of date is in the future',
          },
        ],
      },
    );
  }
  const prov = await provenance(db, input);
  const row = await db.transaction().execute((trx) =>
    createRecord(trx, { ...ctx, sourceId: prov.source_id }, 'statement', {
      subject_type: type,
      subject_id: id,
      property: input.property,
      value_number: input.valueNumber ?? null,
      value_text: input.valueText ?? null,
      unit: input.unit ?? null,
      qualifier: input.qualifier,
      ...period(input.asOf),
      ...prov,
    }),
  );
  return { id: row.id, version: row.version };
}
