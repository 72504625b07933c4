import type { Generated } from 'kysely';
import type { RecordColumns, PeriodColumns, SearchColumns } from '../../db/columns.ts';

/** Kysely types of this feature's tables, in step with db/migrations (schema-drift.test.ts); assembled in db/database.ts. */
export interface PersonTable extends RecordColumns, SearchColumns {
  id: Generated<number>;
  last_name: string;
  first_name: string | null;
  patronymic: string | null;
  aliases: Generated<string[]>;
}
export interface PositionTable extends RecordColumns, PeriodColumns {
  id: Generated<number>;
  person_id: number;
  organisation_id: number | null;
  region_code: string | null;
  title: string;
}
