import { sql } from 'kysely';
import type { IndustryType } from '@promatlas/core/domain/vocabulary.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError, ValidationError } from '../../shared/domain-errors.ts';
import { isOkvedCode } from '@promatlas/core/okved/okved-code.ts';
import { writeAudit, type AuditActor } from '../../audit/index.ts';

/**
 * Cluster categories and their ОКВЭД2 assignment are data (defaults from
 * core/clusters/default-cluster-categories.ts, inserted when missing): an
 * analyst may rename a category, switch it between traded and local, and
 * reassign codes; the analyses pick the change up on the next computation.
 */
export async function listClusterCategories(db: Db) {
  const categories = await db
    .selectFrom('cluster_category')
    .selectAll()
    .orderBy(sql`name COLLATE ru`)
    .execute();
  const mapping = await db
    .selectFrom('cluster_category_okved')
    .select(['okved_code', 'category_code'])
    .orderBy('okved_code')
    .execute();
  return {
    items: categories.map((c) => ({
      code: c.code,
      name: c.name,
      type: c.type,
      description: c.description,
      okvedCodes: mapping.filter((m) => m.category_code === c.code).map((m) => m.okved_code),
    })),
  };
}

export async function updateClusterCategory(
  db: Db,
  code: string,
  patch: {
    name?: string | undefined;
    type?: IndustryType | undefined;
    description?: string | null | undefined;
    okvedCodes?: string[] | undefined;
  },
  actor?: AuditActor,
) {
  const bad = (patch.okvedCodes ?? []).filter((c) => !isOkvedCode(c));
  if (bad.length) {
    throw new ValidationError(
      `Не коды ОКВЭД2: ${bad.join(', ')}`,
      `Not ОКВЭД2 codes: ${bad.join(', ')}`,
      {
        fields: [
          {
            field: 'okvedCodes',
            message: `Не коды ОКВЭД2: ${bad.join(', ')}`,
            messageEn: 'Not ОКВЭД2 codes',
          },
        ],
      },
    );
  }
  await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('cluster_category')
      .select(['code', 'name', 'type', 'description'])
      .where('code', '=', code)
      .forUpdate()
      .executeTakeFirst();
    const okvedOf = async () =>
      (
        await trx
          .selectFrom('cluster_category_okved')
          .select('okved_code')
          .where('category_code', '=', code)
          .orderBy('okved_code')
          .execute()
      ).map((r) => r.okved_code);
    const before = existing && actor ? { ...existing, okved_codes: await okvedOf() } : null;
    if (!existing)
      throw new NotFoundError({
        ru: `Категория кластеров «${code}» не найдена`,
        en: `Cluster category ${code} not found`,
      });
    const set = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.type !== undefined ? { type: patch.type } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
    };
    if (Object.keys(set).length)
      await trx.updateTable('cluster_category').set(set).where('code', '=', code).execute();
    if (patch.okvedCodes) {
      // A code belongs to one category: assigning it here moves it from any other.
      await trx.deleteFrom('cluster_category_okved').where('category_code', '=', code).execute();
      if (patch.okvedCodes.length) {
        await trx
          .insertInto('cluster_category_okved')
          .values(
            [...new Set(patch.okvedCodes)].map((okved_code) => ({
              okved_code,
              category_code: code,
            })),
          )
          .onConflict((oc) => oc.column('okved_code').doUpdateSet({ category_code: code }))
          .execute();
      }
    }
    if (actor && before) {
      const after = await trx
        .selectFrom('cluster_category')
        .select(['code', 'name', 'type', 'description'])
        .where('code', '=', code)
        .executeTakeFirstOrThrow();
      await writeAudit(trx, {
        userId: actor.userId,
        action: 'update',
        entityType: 'cluster_category',
        entityId: code,
        before,
        after: { ...after, okved_codes: await okvedOf() },
      });
    }
  });
  const { items } = await listClusterCategories(db);
  return items.find((c) => c.code === code)!;
}
