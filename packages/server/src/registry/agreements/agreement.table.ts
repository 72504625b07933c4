import type { Generated } from 'kysely';
import type { PartyRole } from '@promatlas/core/domain/vocabulary.ts';
import type { RecordColumns, PeriodColumns, SearchColumns } from '../../db/columns.ts';

/** Kysely types of this feature's tables, in step with db/migrations (schema-drift.test.ts); assembled in db/database.ts. */
export interface AgreementTable extends RecordColumns, PeriodColumns, SearchColumns {
  id: Generated<number>;
  title: string;
  place: string | null;
  event_id: number | null;
  directions: Generated<string[]>;
  subject: string | null;
}
export interface AgreementPartyTable extends RecordColumns {
  id: Generated<number>;
  agreement_id: number;
  organisation_id: number | null;
  region_code: string | null;
  signatory_person_id: number | null;
  signatory_position_id: number | null;
  role: Generated<PartyRole>;
}
export interface AgreementDirectionTable extends RecordColumns {
  id: Generated<number>;
  agreement_id: number;
  position: Generated<number>;
  title: string;
}
