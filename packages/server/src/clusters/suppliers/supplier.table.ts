/**
 * Kysely types of this feature's tables, in step with db/migrations
 * (schema-drift.test.ts); assembled in db/database.ts.
 */

/**
 * One organisation's ОКВЭД2 activity with the organisation's point, region and
 * visibility flags, written only by triggers (migration
 * 20261201T2130-supplier-candidates): the supplier search reads it, nothing writes it.
 */
export interface SupplierCandidateTable {
  organisation_id: number;
  okved_code: string;
  latitude: number | null;
  longitude: number | null;
  region_code: string | null;
  published: boolean;
  deleted_at: Date | null;
}
