import type { ColumnType, Generated } from 'kysely';
import type { RecordColumns, PeriodColumns } from '../../db/columns.ts';

/** Kysely types of this feature's tables, in step with db/migrations (schema-drift.test.ts); assembled in db/database.ts. */
export interface SupportMeasureTable extends RecordColumns, PeriodColumns {
  id: Generated<number>;
  code: string | null;
  name: string;
  regulation: string | null;
  max_share: number | null;
  cap_amount: number | null;
  cap_currency: string | null;
  /** core's SupportMeasure JSON (the measure's terms); null for a measure recorded without them. */
  terms: ColumnType<unknown, string | null | undefined, string | null>;
}
export interface SupportAwardTable extends RecordColumns, PeriodColumns {
  id: Generated<number>;
  provider_organisation_id: number | null;
  support_measure_id: number | null;
  amount: number | null;
  amount_qualifier: Generated<string>;
  currency: Generated<string>;
  programme: string | null;
}
export interface SupportAwardProjectTable {
  support_award_id: number;
  project_id: number;
}
