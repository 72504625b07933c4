import type { Insertable } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/database.ts';

export async function insertSecurityEvent(
  db: Db,
  row: Insertable<Database['security_event']>,
): Promise<void> {
  await db.insertInto('security_event').values(row).execute();
}
