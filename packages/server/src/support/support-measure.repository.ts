import type { Selectable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/database.ts';

export type SupportMeasureRow = Selectable<Database['support_measure']>;

export async function findSupportMeasureRows(db: Db): Promise<SupportMeasureRow[]> {
  return db
    .selectFrom('support_measure')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('code')
    .orderBy('id')
    .execute();
}

export async function getSupportMeasureRow(
  db: Db,
  id: number,
): Promise<SupportMeasureRow | undefined> {
  return db
    .selectFrom('support_measure')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Another live measure with this code. */
export async function findMeasureByCode(
  db: Db,
  code: string,
  exceptId: number,
): Promise<{ id: number } | undefined> {
  return db
    .selectFrom('support_measure')
    .select('id')
    .where('deleted_at', 'is', null)
    .where('code', '=', code)
    .where('id', '<>', exceptId)
    .executeTakeFirst();
}

/** Live projects among these ids. */
export async function findLiveProjectIds(db: Db, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('project')
    .select('id')
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function findAwardProjectIds(db: Db, awardId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('support_award_project')
    .select('project_id')
    .where('support_award_id', '=', awardId)
    .orderBy('project_id')
    .execute();
  return rows.map((r) => r.project_id);
}

export async function replaceAwardProjects(
  db: Db,
  awardId: number,
  projectIds: number[],
): Promise<void> {
  await db.deleteFrom('support_award_project').where('support_award_id', '=', awardId).execute();
  if (projectIds.length)
    await db
      .insertInto('support_award_project')
      .values(projectIds.map((project_id) => ({ support_award_id: awardId, project_id })))
      .execute();
}

/** The regions of the projects an award covers (null for a project without one). */
export async function findProjectRegions(db: Db, ids: number[]): Promise<Array<string | null>> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('project')
    .select('region_code')
    .where('id', 'in', ids)
    .execute();
  return rows.map((r) => r.region_code);
}
