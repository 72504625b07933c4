import type { Db } from '../../db/connection.ts';
import { isRowId } from '../shared/region-resolvers.ts';

export async function decisionRow(db: Db, id: number) {
  if (!isRowId(id)) return undefined;
  return db
    .selectFrom('event_decision')
    .select(['id', 'event_id', 'text'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}
