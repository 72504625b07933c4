/** Kysely types of this feature's tables, in step with db/migrations (schema-drift.test.ts); assembled in db/database.ts. */
export interface OkvedTable {
  code: string;
  section: string;
  parent_code: string | null;
  level: string;
  name: string;
}
export interface Okpd2Table {
  code: string;
  section: string;
  parent_code: string | null;
  level: string;
  name: string;
}
export interface OktmoTable {
  code: string;
  name: string;
  region_code: string;
  parent_code: string | null;
  level: number;
  kind: string;
  centre: string | null;
}
