import type { Kysely } from 'kysely';
import { execAll } from '../exec-all.ts';

// A dataset created by an import that is written in batches (the embedded
// database, so that its one connection serves other requests meanwhile) is
// `import_pending` until its last batch is in: the visibility views hide it
// and its values from every reader, and a dataset still pending when the
// server starts is the remnant of an interrupted import and is removed. So a
// crash mid-import leaves nothing half-written that anyone can see.
export async function up(db: Kysely<unknown>): Promise<void> {
  await execAll(db, [
    `ALTER TABLE statistical_dataset ADD COLUMN import_pending boolean NOT NULL DEFAULT false`,
  ]);
}
