import type { Generated } from 'kysely';
import type { RecordColumns, PeriodColumns } from '../../db/columns.ts';

/** Kysely types of this feature's tables, in step with db/migrations (schema-drift.test.ts); assembled in db/database.ts. */
export interface StatementTable extends RecordColumns, PeriodColumns {
  id: Generated<number>;
  subject_type: string;
  subject_id: string;
  property: string;
  value_number: number | null;
  value_text: string | null;
  unit: string | null;
  qualifier: Generated<string>;
  object_type: string | null;
  object_id: string | null;
}
