import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Db } from '../../db/connection.ts';
import { isRowId } from '../shared/region-resolvers.ts';

export async function agreementHeader(db: Db, id: number) {
  if (!isRowId(id)) return undefined;
  return db
    .selectFrom('agreement')
    .select(['id', 'title', 'version', 'subject'])
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
