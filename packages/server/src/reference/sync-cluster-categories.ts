import { DEFAULT_CLUSTER_CATEGORIES } from '@promatlas/core/clusters/default-cluster-categories.ts';
import type { Db } from '../db/connection.ts';

/**
 * Inserts PromAtlas's default cluster categories and their ОКВЭД2 mapping
 * (core/clusters/default-cluster-categories.ts) where they are missing. Never
 * updates an existing row: categories and mappings are editable data, and a
 * user's renaming or reassignment survives every start. (A deleted default
 * comes back on the next start; reassign a code rather than delete it.)
 */
export async function syncClusterCategories(
  db: Db,
): Promise<{ categories: number; mappings: number }> {
  return db.transaction().execute(async (trx) => {
    const categories = await trx
      .insertInto('cluster_category')
      .values(
        DEFAULT_CLUSTER_CATEGORIES.map((c) => ({
          code: c.code,
          name: c.name,
          type: c.type,
          description: c.description,
        })),
      )
      .onConflict((oc) => oc.column('code').doNothing())
      .executeTakeFirst();
    const mappings = await trx
      .insertInto('cluster_category_okved')
      .values(
        DEFAULT_CLUSTER_CATEGORIES.flatMap((c) =>
          c.okvedCodes.map((okved_code) => ({ okved_code, category_code: c.code })),
        ),
      )
      .onConflict((oc) => oc.column('okved_code').doNothing())
      .executeTakeFirst();
    return {
      categories: Number(categories.numInsertedOrUpdatedRows ?? 0),
      mappings: Number(mappings.numInsertedOrUpdatedRows ?? 0),
    };
  });
}
