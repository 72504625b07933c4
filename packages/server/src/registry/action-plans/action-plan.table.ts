import type { Generated } from 'kysely';
import type { PartyRole } from '@promatlas/core/domain/vocabulary.ts';
import type { RecordColumns, PeriodColumns, SearchColumns } from '../../db/columns.ts';

/** Kysely types of this feature's tables, in step with db/migrations (schema-drift.test.ts); assembled in db/database.ts. */
export interface ActionPlanTable extends RecordColumns, PeriodColumns, SearchColumns {
  id: Generated<number>;
  title: string;
  approved_at_event_id: number | null;
  themes: Generated<string[]>;
}
export interface ActionPlanPartyTable extends RecordColumns {
  id: Generated<number>;
  action_plan_id: number;
  organisation_id: number | null;
  region_code: string | null;
  role: Generated<PartyRole>;
}
