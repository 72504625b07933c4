import type { CategoryAssignmentRow, ClusterCategoryRow } from './cluster-category.repository.ts';

/** A category with the ОКВЭД2 codes assigned to it. */
export function clusterCategoryItem(c: ClusterCategoryRow, mapping: CategoryAssignmentRow[]) {
  return {
    code: c.code,
    name: c.name,
    type: c.type,
    description: c.description,
    okvedCodes: mapping.filter((m) => m.category_code === c.code).map((m) => m.okved_code),
  };
}
