import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

/** Party names (region or organisation) of each agreement, in the order they were entered. */
export async function findPartyNames(
  db: Db,
  ids: number[],
): Promise<Array<{ agreement_id: number; name: string }>> {
  if (!ids.length) return [];
  return db
    .selectFrom('agreement_party as p')
    .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
    .leftJoin('region as r', 'r.code', 'p.region_code')
    .select(['p.agreement_id', sql<string>`coalesce(r.name, o.name)`.as('name')])
    .where('p.agreement_id', 'in', ids)
    .where('p.deleted_at', 'is', null)
    .orderBy('p.id')
    .execute();
}

export async function getAgreementRow(db: Db, id: number) {
  return db
    .selectFrom('agreement')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The title of an event a programme refers to. */
export async function getEventTitle(db: Db, id: number) {
  return db.selectFrom('event').select(['id', 'title']).where('id', '=', id).executeTakeFirst();
}
