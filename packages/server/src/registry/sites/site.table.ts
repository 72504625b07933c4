import type { Generated } from 'kysely';
import type { SezType, SiteKind } from '@promatlas/core/domain/vocabulary.ts';
import type { RecordColumns, PeriodColumns, SearchColumns } from '../../db/columns.ts';

/** Kysely types of this feature's tables, in step with db/migrations (schema-drift.test.ts); assembled in db/database.ts. */
export interface SiteTable extends RecordColumns, SearchColumns {
  id: Generated<number>;
  kind: SiteKind;
  sez_type: SezType | null;
  name: string;
  full_name: string | null;
  aliases: Generated<string[]>;
  region_code: string | null;
  town: string | null;
  management_organisation_id: number | null;
  specialisation: string | null;
  latitude: number | null;
  longitude: number | null;
}
export interface SiteResidentTable extends RecordColumns, PeriodColumns {
  id: Generated<number>;
  site_id: number;
  organisation_id: number;
}
