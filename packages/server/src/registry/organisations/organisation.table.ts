import type { Generated } from 'kysely';
import type { OrganisationKind } from '@promatlas/core/domain/vocabulary.ts';
import type { RecordColumns, SearchColumns } from '../../db/columns.ts';

/** Kysely types of this feature's tables, in step with db/migrations (schema-drift.test.ts); assembled in db/database.ts. */
export interface OrganisationTable extends RecordColumns, SearchColumns {
  id: Generated<number>;
  kind: OrganisationKind;
  name: string;
  full_name: string | null;
  short_name: string | null;
  legal_form: string | null;
  inn: string | null;
  ogrn: string | null;
  kpp: string | null;
  region_code: string | null;
  town: string | null;
  country: Generated<string>;
  parent_id: number | null;
  latitude: number | null;
  longitude: number | null;
  description: string | null;
  aliases: Generated<string[]>;
}
export interface OrganisationOkvedTable {
  organisation_id: number;
  okved_code: string;
  is_main: Generated<boolean>;
}
