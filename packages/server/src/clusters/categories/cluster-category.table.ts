import type { IndustryType } from '@promatlas/core/domain/vocabulary.ts';

/** Kysely types of this feature's tables, in step with db/migrations (schema-drift.test.ts); assembled in db/database.ts. */
export interface ClusterCategoryTable {
  code: string;
  name: string;
  type: IndustryType;
  description: string | null;
}
export interface ClusterCategoryOkvedTable {
  okved_code: string;
  category_code: string;
}
