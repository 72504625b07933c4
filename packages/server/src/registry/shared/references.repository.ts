import type { Db } from '../../db/connection.ts';

/** Lookups made before writing, to name an unknown reference field by field. */

export async function findRegionCode(db: Db, code: string) {
  return db.selectFrom('region').select('code').where('code', '=', code).executeTakeFirst();
}

export async function findLiveOrganisationId(db: Db, id: number) {
  return db
    .selectFrom('organisation')
    .select('id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function findSourceText(db: Db, id: number) {
  return db
    .selectFrom('source_document')
    .select(['id', 'text'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A live organisation with this ИНН or ОГРН, other than `exceptId`. */
export async function findLiveOrganisationWith(
  db: Db,
  field: 'inn' | 'ogrn',
  value: string,
  exceptId?: number,
) {
  let q = db
    .selectFrom('organisation')
    .select(['id', 'name', 'legal_form'])
    .where(field, '=', value)
    .where('deleted_at', 'is', null);
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}
