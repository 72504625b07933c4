import type { Generated } from 'kysely';
import type { SearchColumns } from '../../db/columns.ts';

/** Kysely types of this feature's tables, in step with db/migrations (schema-drift.test.ts); assembled in db/database.ts. */
export interface FederalDistrictTable {
  code: string;
  name: string;
  full_name: string;
}
export interface RegionTable extends SearchColumns {
  code: string;
  name: string;
  short_name: string;
  kind: string;
  okato: string | null;
  oktmo: string | null;
  iso_code: string | null;
  federal_district_code: string;
  aliases: Generated<string[]>;
}
