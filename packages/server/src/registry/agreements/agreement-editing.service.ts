import type { z } from 'zod';
import type {
  AgreementCreateSchema,
  AgreementUpdateSchema,
  DirectionCreateSchema,
  DirectionUpdateSchema,
} from '@promatlas/core/api/programmes.schema.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError, ValidationError, type FieldProblem } from '../../shared/domain-errors.ts';
import {
  deleteRecord,
  restoreRecord,
  updateProvenance,
  updateRecord,
  type MutationContext,
  deleteInTransaction,
  restoreInTransaction,
} from '../../shared/records/versioned-record.repository.ts';
import { provenance } from '../shared/references.ts';
import { organisationDisplayName, personFullName, ref } from '../shared/mappers.ts';
import { createWithChildren, updateWithChildren } from '../shared/programme-record.repository.ts';
import { liveRecordExists } from '../shared/programme-lookup.repository.ts';
import { problem, resolvePartialDate } from '../shared/programme-input.ts';
import { partyRows } from '../shared/programme-parties.ts';
import { loadMeasures } from '../action-plans/index.ts';
import {
  agreementHeader,
  directionsOf,
  partiesForWork,
  syncDirectionTitles,
} from './agreement-editing.repository.ts';

type AgreementFields = Omit<z.infer<typeof AgreementUpdateSchema>, 'version'>;

async function agreementColumns(db: Db, input: AgreementFields, problems: FieldProblem[]) {
  const columns: Record<string, unknown> = {};
  if (input.title !== undefined) columns['title'] = input.title;
  if (input.subject !== undefined) columns['subject'] = input.subject;
  if (input.place !== undefined) columns['place'] = input.place;
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
    columns['event_id'] = input.eventId;
  }
  const date = resolvePartialDate('date', input.date, problems);
  if (date !== undefined)
    Object.assign(columns, {
      valid_from: date?.from ?? null,
      valid_to: date?.to ?? null,
      valid_precision: date?.precision ?? null,
    });
  const parties =
    input.parties === undefined ? undefined : await partyRows(db, input.parties, problems, true);
  return { columns, parties };
}

export async function createAgreement(
  db: Db,
  ctx: MutationContext,
  input: z.infer<typeof AgreementCreateSchema>,
) {
  const { directions = [], sourceId, sourceQuote, ...fields } = input;
  const problems: FieldProblem[] = [];
  const { columns, parties } = await agreementColumns(db, fields, problems);
  if (problems.length) throw ValidationError.ofFields(problems);
  const prov = await provenance(db, { sourceId, sourceQuote });
  const row = await db.transaction().execute((trx) =>
    createWithChildren(
      trx,
      { ...ctx, sourceId: prov.source_id },
      'agreement',
      { ...columns, directions, ...prov },
      [
        { table: 'agreement_party', parentColumn: 'agreement_id', rows: parties ?? [] },
        {
          table: 'agreement_direction',
          parentColumn: 'agreement_id',
          rows: directions.map((title, position) => ({ title, position })),
        },
      ],
    ),
  );
  return { id: row.id, version: row.version };
}

export async function updateAgreement(
  db: Db,
  ctx: MutationContext,
  id: number,
  input: z.infer<typeof AgreementUpdateSchema>,
) {
  const { version, sourceId, sourceQuote, ...fields } = input;
  const problems: FieldProblem[] = [];
  const { columns, parties } = await agreementColumns(db, fields, problems);
  if (problems.length) throw ValidationError.ofFields(problems);
  const prov = await updateProvenance(db, 'agreement', id, { sourceId, sourceQuote });
  return updateWithChildren(
    db,
    { ...ctx, sourceId: prov.source_id },
    'agreement',
    id,
    version,
    { ...columns, ...prov },
    parties
      ? {
          key: 'parties',
          set: { table: 'agreement_party', parentColumn: 'agreement_id', rows: parties },
        }
      : undefined,
  );
}

export async function deleteAgreement(db: Db, ctx: MutationContext, id: number, version: number) {
  return deleteInTransaction(db, ctx, 'agreement', id, version);
}

export async function restoreAgreement(db: Db, ctx: MutationContext, id: number) {
  return restoreInTransaction(db, ctx, 'agreement', id);
}

export async function addDirection(
  db: Db,
  ctx: MutationContext,
  agreementId: number,
  input: z.infer<typeof DirectionCreateSchema>,
) {
  if (!(await agreementHeader(db, agreementId)))
    throw new NotFoundError('Соглашение', 'Agreement', agreementId);
  const prov = await provenance(db, input);
  const existing = await directionsOf(db, agreementId);
  const row = await db.transaction().execute(async (trx) => {
    const row = await createWithChildren(
      trx,
      { ...ctx, sourceId: prov.source_id },
      'agreement_direction',
      {
        agreement_id: agreementId,
        title: input.title,
        position: input.position ?? existing.length + 1,
        ...prov,
      },
    );
    await syncDirectionTitles(trx, agreementId);
    return row;
  });
  return { id: row.id, version: row.version };
}

export async function updateDirection(
  db: Db,
  ctx: MutationContext,
  id: number,
  input: z.infer<typeof DirectionUpdateSchema>,
) {
  const changes: Record<string, unknown> = {};
  if (input.title !== undefined) changes['title'] = input.title;
  if (input.position !== undefined) changes['position'] = input.position;
  const row = await db.transaction().execute(async (trx) => {
    const row = await updateRecord(trx, ctx, 'agreement_direction', id, input.version, changes);
    await syncDirectionTitles(trx, row['agreement_id'] as number);
    return row;
  });
  return { id: row.id, version: row.version };
}

export async function removeDirection(db: Db, ctx: MutationContext, id: number, version: number) {
  const row = await db.transaction().execute(async (trx) => {
    const row = await deleteRecord(trx, ctx, 'agreement_direction', id, version);
    await syncDirectionTitles(trx, row['agreement_id'] as number);
    return row;
  });
  return { id: row.id, version: row.version };
}

/** Undoes a direction's deletion: the direction, its obligations untouched, back in the agreement's list. */
export async function restoreDirection(db: Db, ctx: MutationContext, id: number) {
  const row = await db.transaction().execute(async (trx) => {
    const row = await restoreRecord(trx, ctx, 'agreement_direction', id);
    await syncDirectionTitles(trx, row['agreement_id'] as number);
    return row;
  });
  return { id: row.id, version: row.version };
}

/** An agreement at work: its subject, its directions and the obligations under each. */
export async function agreementWork(db: Db, id: number, today: string) {
  const agreement = await agreementHeader(db, id);
  if (!agreement) throw new NotFoundError('Соглашение', 'Agreement', id);
  const directions = await directionsOf(db, id);
  const obligations = await loadMeasures(db, { directionIds: directions.map((d) => d.id) }, today);
  const parties = await partiesForWork(db, id);
  return {
    agreement: ref('agreement', agreement.id, agreement.title),
    version: agreement.version,
    subject: agreement.subject,
    directions: directions.map((d) => ({
      id: d.id,
      version: d.version,
      position: d.position,
      title: d.title,
      obligations: obligations.filter((m) => m.direction?.id === d.id),
    })),
    parties: parties.map((p) => ({
      organisation:
        p.organisation_id !== null && p.organisation_name !== null
          ? ref(
              'organisation',
              p.organisation_id,
              organisationDisplayName({ legal_form: p.legal_form, name: p.organisation_name }),
            )
          : null,
      region:
        p.region_code !== null
          ? { code: p.region_code, name: p.region_name ?? p.region_code }
          : null,
      signatory:
        p.person_id !== null && p.last_name !== null
          ? ref('person', p.person_id, personFullName({ ...p, last_name: p.last_name }))
          : null,
      signatoryPosition:
        p.position_id !== null && p.position_title !== null
          ? { id: p.position_id, title: p.position_title }
          : null,
    })),
    published: agreement.published,
  };
}
