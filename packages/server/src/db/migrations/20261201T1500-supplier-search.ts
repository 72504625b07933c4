import type { Kysely } from 'kysely';
import { execAll } from '../exec-all.ts';

// Supplier search by distance: a great-circle distance in plain SQL (no
// extension; cube and earthdistance make the embedded engine spin,
// docs/DECISIONS.md). No index on the points here: the search starts from the
// organisations that match the need (a few thousand at most) and computes
// their distance; a radius-first scan read every point within it. Past
// contracts are found by ОКПД2 prefix.
// Also the cluster's stated registry status: NULL (never stated), a candidate
// (stated: no Minpromtorg decision) or in the registry with the decision's
// number and date. «Expired» is not stored: it follows from the date.
export async function up(db: Kysely<unknown>): Promise<void> {
  await execAll(db, [
    `CREATE INDEX cooperation_contract_okpd2_idx ON cooperation_contract (okpd2_code text_pattern_ops, supplier_id)
       WHERE deleted_at IS NULL`,
    `ALTER TABLE cluster ADD COLUMN registry_status text
       CHECK (registry_status IN ('candidate', 'registered'))`,
    `ALTER TABLE cluster ADD CONSTRAINT cluster_registry_decision_check CHECK (
       registry_status IS DISTINCT FROM 'registered'
       OR (decision_number IS NOT NULL AND decision_date IS NOT NULL))`,
  ]);
}
