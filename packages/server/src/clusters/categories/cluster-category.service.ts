import type { IndustryType } from '@promatlas/core/domain/vocabulary.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError, ValidationError } from '../../shared/domain-errors.ts';
import { isOkvedCode } from '@promatlas/core/okved/okved-code.ts';
import { writeAudit, type AuditActor } from '../../audit/index.ts';
import { clusterCategoryItem } from './cluster-category.presenter.ts';
import {
  findCategoryAssignments,
  findCategoryOkvedCodes,
  findClusterCategories,
  getClusterCategory,
  lockClusterCategory,
  replaceCategoryOkvedCodes,
  updateClusterCategoryRow,
} from './cluster-category.repository.ts';

/**
 * Cluster categories and their ОКВЭД2 assignment are data (defaults from
 * core/clusters/default-cluster-categories.ts, inserted when missing): an
 * analyst may rename a category, switch it between traded and local, and
 * reassign codes; the analyses pick the change up on the next computation.
 */
export async function listClusterCategories(db: Db) {
  const categories = await findClusterCategories(db);
  const mapping = await findCategoryAssignments(db);
  return { items: categories.map((c) => clusterCategoryItem(c, mapping)) };
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
    const existing = await lockClusterCategory(trx, code);
    const okvedOf = () => findCategoryOkvedCodes(trx, code);
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
    if (Object.keys(set).length) await updateClusterCategoryRow(trx, code, set);
    // A code belongs to one category: assigning it here moves it from any other.
    if (patch.okvedCodes) await replaceCategoryOkvedCodes(trx, code, patch.okvedCodes);
    if (actor && before) {
      const after = await getClusterCategory(trx, code);
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
