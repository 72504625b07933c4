import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { execAll } from '../exec-all.ts';

// The change feed (db/change-feed.ts): the notifying trigger function. The
// triggers themselves are (re)installed on every mirrored table whenever the
// published views are rebuilt, which this migration causes on an existing
// database, so tables added later are covered without a migration of their own.
//
// And the indexes an organisation's profile page needs: its children, the
// sites it manages and its agreement and plan parties were found by
// sequential scans (200 ms a page on 300,000 organisations, bench/RESULTS.md).
export async function up(db: Kysely<unknown>): Promise<void> {
  await execAll(db, [
    `CREATE INDEX organisation_parent_idx ON organisation (parent_id) WHERE parent_id IS NOT NULL`,
    `CREATE INDEX site_management_organisation_idx ON site (management_organisation_id) WHERE management_organisation_id IS NOT NULL`,
    `CREATE INDEX agreement_party_organisation_idx ON agreement_party (organisation_id) WHERE organisation_id IS NOT NULL`,
    `CREATE INDEX action_plan_party_organisation_idx ON action_plan_party (organisation_id) WHERE organisation_id IS NOT NULL`,
  ]);
  await sql`CREATE OR REPLACE FUNCTION promatlas_notify_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('promatlas_changes', TG_TABLE_NAME);
      RETURN NULL;
    END $$`.execute(db);
}
