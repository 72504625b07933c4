import type { Db } from '../../db/connection.ts';

export async function getActionPlanRow(db: Db, id: number) {
  return db
    .selectFrom('action_plan')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** The event at which a plan was approved. */
export async function getApprovingEvent(db: Db, id: number) {
  return db.selectFrom('event').select(['id', 'title']).where('id', '=', id).executeTakeFirst();
}
