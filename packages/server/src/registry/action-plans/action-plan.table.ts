import type { ColumnType, Generated } from 'kysely';
import type {
  DatePrecisionValue,
  MeasureStatus,
  PartyRole,
} from '@promatlas/core/domain/vocabulary.ts';
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
export interface ProgrammeMeasureTable extends RecordColumns {
  id: Generated<number>;
  action_plan_id: number | null;
  agreement_direction_id: number | null;
  event_decision_id: number | null;
  position: Generated<number>;
  title: string;
  theme: string | null;
  owner_organisation_id: number | null;
  owner_region_code: string | null;
  owner_person_id: number | null;
  start_from: string | null;
  start_to: string | null;
  start_precision: DatePrecisionValue | null;
  deadline_from: string | null;
  deadline_to: string | null;
  deadline_precision: DatePrecisionValue | null;
  status: MeasureStatus | null;
  indicator_name: string | null;
  indicator_unit: string | null;
  indicator_target: number | null;
  indicator_target_on: string | null;
  indicator_actual: number | null;
  indicator_actual_on: string | null;
}
export interface MeasureCoExecutorTable extends RecordColumns {
  id: Generated<number>;
  measure_id: number;
  organisation_id: number | null;
  region_code: string | null;
  person_id: number | null;
}
export interface MeasureReportTable extends RecordColumns {
  id: Generated<number>;
  measure_id: number;
  reported_on: string;
  note: string;
  progress: number | null;
  actual_value: number | null;
}
export interface ProgrammeFlagRuleTable {
  id: number;
  at_risk_within_days: number;
  stale_report_days: number;
  version: Generated<number>;
  updated_at: ColumnType<Date, never, string>;
}
