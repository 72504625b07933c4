import type { Db } from '../../db/connection.ts';

/** Titles of the records that polymorphic (type, id) references point to, one query per type. */

export async function findRegionNames(db: Db, codes: string[]) {
  return db.selectFrom('region').select(['code', 'name']).where('code', 'in', codes).execute();
}

export async function findOrganisationNames(db: Db, ids: number[]) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'legal_form'])
    .where('id', 'in', ids)
    .execute();
}

export async function findPersonNames(db: Db, ids: number[]) {
  return db
    .selectFrom('person')
    .select(['id', 'last_name', 'first_name', 'patronymic'])
    .where('id', 'in', ids)
    .execute();
}

/** Records titled by a `name`. */
export async function findNamedRecords(
  db: Db,
  table: 'site' | 'cluster' | 'support_measure',
  ids: number[],
) {
  return db.selectFrom(table).select(['id', 'name']).where('id', 'in', ids).execute();
}

/** Records titled by a `title`. */
export async function findTitledRecords(
  db: Db,
  table: 'event' | 'project' | 'agreement' | 'action_plan',
  ids: number[],
) {
  return db.selectFrom(table).select(['id', 'title']).where('id', 'in', ids).execute();
}
