import type { ColumnType, Generated } from 'kysely';
import type { TerritoryFlag } from '@promatlas/core/compliance/cluster-rule-set.schema.ts';
import type { RecordColumns } from '../db/columns.ts';

/** Kysely types of this feature's tables, in step with db/migrations (schema-drift.test.ts); assembled in db/database.ts. */
export interface ClusterRuleSetTable extends RecordColumns {
  id: Generated<number>;
  code: string;
  rule_version: string;
  title: string;
  in_force_from: string;
  in_force_to: string | null;
  /** core's ClusterRuleSet JSON; validated on the way in and out. */
  body: ColumnType<unknown, string, string>;
}
export interface TerritoryFlagTable extends RecordColumns {
  id: Generated<number>;
  flag: TerritoryFlag;
  region_code: string;
  /** null: the whole region is flagged; else one municipality (a single-industry town). */
  municipality: string | null;
  valid_from: string | null;
  valid_to: string | null;
  /** Where the list came from (document, date, file). */
  list_source: string;
}
