import type { Db } from '../../db/connection.ts';
import { isRowId } from '../shared/region-resolvers.ts';

/** Reads the event editing and its work page need. */

export async function eventHeader(db: Db, id: number) {
  if (!isRowId(id)) return undefined;
  return db
    .selectFrom('event')
    .select(['id', 'title', 'version', 'agenda', 'planned_participants', 'published'])
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

/** Participants with their row ids and versions (to remove one) and the position the person held then. */
export async function participantsForWork(db: Db, eventId: number) {
  return db
    .selectFrom('event_participant as p')
    .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
    .leftJoin('person', 'person.id', 'p.person_id')
    .leftJoin('position as pos', 'pos.id', 'p.position_id')
    .select([
      'p.id',
      'p.version',
      'p.role',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'o.legal_form',
      'person.id as person_id',
      'person.last_name',
      'person.first_name',
      'person.patronymic',
      'pos.id as position_id',
      'pos.title as position_title',
    ])
    .where('p.event_id', '=', eventId)
    .where('p.deleted_at', 'is', null)
    .orderBy('p.id')
    .execute();
}
