import { sql } from 'kysely';
import type { OrganisationCreate, OrganisationUpdate } from '@promatlas/core/api/editing.schema.ts';
import type { Db } from '../db/connection.ts';
import { HttpError } from '../http/errors.ts';
import { organisationDisplayName, ref } from '../registry/shared/mappers.ts';
import {
  createRecord,
  deleteRecord,
  restoreRecord,
  toColumns,
  updateRecord,
  type MutationContext,
} from './record-editing.ts';
import { writeAudit } from '../audit/audit.repository.ts';

const COLUMNS = {
  kind: 'kind',
  name: 'name',
  fullName: 'full_name',
  shortName: 'short_name',
  legalForm: 'legal_form',
  inn: 'inn',
  ogrn: 'ogrn',
  kpp: 'kpp',
  regionCode: 'region_code',
  town: 'town',
  country: 'country',
  description: 'description',
  aliases: 'aliases',
  published: 'published',
  sourceId: 'source_id',
  sourceQuote: 'source_quote',
};

/** ИНН and ОГРН identify an organisation: a second record with either is refused with a link to the first. */
async function refuseDuplicates(
  db: Db,
  input: { inn?: string | null | undefined; ogrn?: string | null | undefined },
  exceptId?: number,
) {
  for (const field of ['inn', 'ogrn'] as const) {
    const value = input[field];
    if (!value) continue;
    let q = db
      .selectFrom('organisation')
      .select(['id', 'name', 'legal_form'])
      .where(field, '=', value)
      .where('deleted_at', 'is', null);
    if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
    const existing = await q.executeTakeFirst();
    if (existing) {
      const label = field === 'inn' ? 'ИНН' : 'ОГРН';
      throw new HttpError(
        409,
        'duplicate',
        `Организация с ${label} ${value} уже есть в реестре: ${organisationDisplayName(existing)}`,
        `An organisation with ${label} ${value} already exists`,
        { field, existing: ref('organisation', existing.id, organisationDisplayName(existing)) },
      );
    }
  }
}

/** Unknown regions and ОКВЭД2 codes are named field by field. */
async function checkReferences(
  db: Db,
  input: { regionCode?: string | null | undefined; okved?: Array<{ code: string }> | undefined },
) {
  const fields: Array<{ field: string; message: string; messageEn: string }> = [];
  if (input.regionCode) {
    const region = await db
      .selectFrom('region')
      .select('code')
      .where('code', '=', input.regionCode)
      .executeTakeFirst();
    if (!region)
      fields.push({
        field: 'regionCode',
        message: `Неизвестный код региона ${input.regionCode}`,
        messageEn: `Unknown region ${input.regionCode}`,
      });
  }
  if (input.okved?.length) {
    const codes = input.okved.map((o) => o.code);
    const known = new Set(
      (await db.selectFrom('okved').select('code').where('code', 'in', codes).execute()).map(
        (r) => r.code,
      ),
    );
    input.okved.forEach((o, i) => {
      if (!known.has(o.code)) {
        fields.push({
          field: `okved.${i}.code`,
          message: `Код ОКВЭД2 ${o.code} не найден в классификаторе`,
          messageEn: `ОКВЭД2 code ${o.code} is not in the classifier`,
        });
      }
    });
  }
  if (fields.length) {
    throw new HttpError(
      400,
      'validation',
      `Неверные данные: ${fields.map((f) => f.message).join('; ')}`,
      'Invalid references',
      { fields },
    );
  }
}

async function writeOkved(trx: Db, id: number, okved: Array<{ code: string; isMain: boolean }>) {
  await trx.deleteFrom('organisation_okved').where('organisation_id', '=', id).execute();
  if (okved.length) {
    const seen = new Set<string>();
    const rows = okved
      .filter((o) => !seen.has(o.code) && seen.add(o.code))
      .map((o) => ({ organisation_id: id, okved_code: o.code, is_main: o.isMain }));
    await trx.insertInto('organisation_okved').values(rows).execute();
  }
}

export async function createOrganisation(db: Db, ctx: MutationContext, input: OrganisationCreate) {
  await checkReferences(db, input);
  await refuseDuplicates(db, input);
  return db.transaction().execute(async (trx) => {
    const row = await createRecord(
      trx,
      { ...ctx, sourceId: input.sourceId },
      'organisation',
      toColumns(input, COLUMNS),
    );
    if (input.okved) await writeOkved(trx, row.id, input.okved);
    return { id: row.id, version: row.version };
  });
}

export async function updateOrganisation(
  db: Db,
  ctx: MutationContext,
  id: number,
  input: OrganisationUpdate,
) {
  await checkReferences(db, input);
  await refuseDuplicates(db, input, id);
  return db.transaction().execute(async (trx) => {
    const { version, okved, ...rest } = input;
    const row = await updateRecord(
      trx,
      { ...ctx, sourceId: input.sourceId },
      'organisation',
      id,
      version,
      toColumns(rest, COLUMNS),
    );
    if (okved) {
      const before = await trx
        .selectFrom('organisation_okved')
        .select(['okved_code', 'is_main'])
        .where('organisation_id', '=', id)
        .execute();
      await writeOkved(trx, id, okved);
      await writeAudit(trx, {
        userId: ctx.viewer.user?.id ?? null,
        action: 'update',
        entityType: 'organisation',
        entityId: id,
        before: { okved: before.map((o) => o.okved_code) },
        after: { okved: okved.map((o) => o.code) },
      });
    }
    return { id: row.id, version: row.version };
  });
}

export async function deleteOrganisation(
  db: Db,
  ctx: MutationContext,
  id: number,
  version: number | undefined,
) {
  return db.transaction().execute(async (trx) => {
    const row = await deleteRecord(trx, ctx, 'organisation', id, version);
    return { id: row.id, version: row.version };
  });
}

export async function restoreOrganisation(db: Db, ctx: MutationContext, id: number) {
  const row = await db.transaction().execute((trx) => restoreRecord(trx, ctx, 'organisation', id));
  return { id: row.id, version: row.version };
}

/** Organisations of the region with similar names (trigram similarity), offered as possible duplicates before saving. */
export async function findSimilarOrganisations(
  db: Db,
  name: string,
  regionCode: string | undefined,
) {
  const text = name.toLowerCase().trim();
  let q = db
    .selectFrom('organisation')
    .select([
      'id',
      'name',
      'legal_form',
      sql<number>`similarity(search_text, ${text})`.as('similarity'),
    ])
    .where('deleted_at', 'is', null)
    .where(sql<boolean>`search_text % ${text}`);
  if (regionCode) q = q.where('region_code', '=', regionCode);
  const rows = await q.orderBy('similarity', 'desc').limit(10).execute();
  return {
    items: rows.map((r) => ({
      ...ref('organisation', r.id, organisationDisplayName(r)),
      similarity: Math.round(Number(r.similarity) * 100) / 100,
    })),
  };
}
