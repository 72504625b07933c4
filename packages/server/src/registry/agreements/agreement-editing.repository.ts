import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Db } from '../../db/connection.ts';
import { isRowId } from '../shared/region-resolvers.ts';

export async function agreementHeader(db: Db, id: number) {
  if (!isRowId(id)) return undefined;
  return db
    .selectFrom('agreement')
    .select(['id', 'title', 'version', 'subject', 'published'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function directionsOf(db: Db, agreementId: number) {
  return db
    .selectFrom('agreement_direction')
    .select(['id', 'version', 'position', 'title'])
    .where('agreement_id', '=', agreementId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/**
 * The agreement keeps its directions' titles as text too (agreement.directions,
 * which its search vector is built from): rewritten after every change of a
 * direction, in the same transaction.
 */
export async function syncDirectionTitles(trx: Kysely<Database>, agreementId: number) {
  await trx
    .updateTable('agreement')
    .set({
      directions: sql<string[]>`coalesce((SELECT array_agg(d.title ORDER BY d.position, d.id)
        FROM agreement_direction d WHERE d.agreement_id = ${agreementId} AND d.deleted_at IS NULL), '{}')`,
    })
    .where('id', '=', agreementId)
    .execute();
}

/** Parties with the ids an editor sends back and the signatory's position. */
export async function partiesForWork(db: Db, agreementId: number) {
  return db
    .selectFrom('agreement_party as p')
    .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
    .leftJoin('region as r', 'r.code', 'p.region_code')
    .leftJoin('person', 'person.id', 'p.signatory_person_id')
    .leftJoin('position as pos', 'pos.id', 'p.signatory_position_id')
    .select([
      'o.id as organisation_id',
      'o.name as organisation_name',
      'o.legal_form',
      'p.region_code',
      'r.name as region_name',
      'person.id as person_id',
      'person.last_name',
      'person.first_name',
      'person.patronymic',
      'pos.id as position_id',
      'pos.title as position_title',
    ])
    .where('p.agreement_id', '=', agreementId)
    .where('p.deleted_at', 'is', null)
    .orderBy('p.id')
    .execute();
}
