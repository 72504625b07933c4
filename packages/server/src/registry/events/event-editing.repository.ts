import type { Db } from '../../db/connection.ts';
import { isRowId } from '../shared/region-resolvers.ts';

/** Reads the event editing and its work page need. */

export async function eventHeader(db: Db, id: number) {
  if (!isRowId(id)) return undefined;
  return db
    .selectFrom('event')
    .select(['id', 'title', 'version', 'agenda'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function decisionsOf(db: Db, eventId: number) {
  return db
    .selectFrom('event_decision')
    .select(['id', 'version', 'position', 'text'])
    .where('event_id', '=', eventId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export async function tasksOfDecisions(db: Db, decisionIds: number[]) {
  if (!decisionIds.length) return [];
  return db
    .selectFrom('programme_measure')
    .select(['id', 'title', 'event_decision_id'])
    .where('event_decision_id', 'in', decisionIds)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}
