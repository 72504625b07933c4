import type { Kysely } from 'kysely';
import { execAll } from '../exec-all.ts';

// The figures a measure shows of its reports are read per measure as the
// first live row in (day, id) order: the latest report's day, and the latest
// progress reported. Live reports with a progress get an index of their own,
// so that probe stops at its first row instead of walking past deleted
// reports and notes without a figure.
export async function up(db: Kysely<unknown>): Promise<void> {
  await execAll(db, [
    `CREATE INDEX measure_report_live_progress_idx ON measure_report (measure_id, reported_on DESC, id DESC)
       WHERE deleted_at IS NULL AND progress IS NOT NULL`,
  ]);
}
