import { sql, type Updateable } from 'kysely';
import type { Db } from '../../db/connection.ts';
import type { Database } from '../../db/database.ts';

export async function findClusterCategories(db: Db) {
  return db
    .selectFrom('cluster_category')
    .selectAll()
    .orderBy(sql`name COLLATE ru`)
    .execute();
}

export type ClusterCategoryRow = Awaited<ReturnType<typeof findClusterCategories>>[number];

/** Which category each ОКВЭД2 code belongs to, in code order. */
export async function findCategoryAssignments(db: Db) {
  return db
    .selectFrom('cluster_category_okved')
    .select(['okved_code', 'category_code'])
    .orderBy('okved_code')
    .execute();
}

export type CategoryAssignmentRow = Awaited<ReturnType<typeof findCategoryAssignments>>[number];

/** A category, locked for the rest of the transaction. */
export async function lockClusterCategory(trx: Db, code: string) {
  return trx
    .selectFrom('cluster_category')
    .select(['code', 'name', 'type', 'description'])
    .where('code', '=', code)
    .forUpdate()
    .executeTakeFirst();
}

export async function getClusterCategory(trx: Db, code: string) {
  return trx
    .selectFrom('cluster_category')
    .select(['code', 'name', 'type', 'description'])
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
}

/** The ОКВЭД2 codes of one category, in code order. */
export async function findCategoryOkvedCodes(trx: Db, code: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('cluster_category_okved')
    .select('okved_code')
    .where('category_code', '=', code)
    .orderBy('okved_code')
    .execute();
  return rows.map((r) => r.okved_code);
}

export async function updateClusterCategoryRow(
  trx: Db,
  code: string,
  set: Updateable<Database['cluster_category']>,
): Promise<void> {
  await trx.updateTable('cluster_category').set(set).where('code', '=', code).execute();
}

/**
 * Gives the category exactly these ОКВЭД2 codes. A code belongs to one
 * category: assigning it here moves it from any other.
 */
export async function replaceCategoryOkvedCodes(
  trx: Db,
  code: string,
  okvedCodes: string[],
): Promise<void> {
  await trx.deleteFrom('cluster_category_okved').where('category_code', '=', code).execute();
  if (okvedCodes.length) {
    await trx
      .insertInto('cluster_category_okved')
      .values(
        [...new Set(okvedCodes)].map((okved_code) => ({
          okved_code,
          category_code: code,
        })),
      )
      .onConflict((oc) => oc.column('okved_code').doUpdateSet({ category_code: code }))
      .execute();
  }
}
