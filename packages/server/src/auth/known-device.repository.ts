import type { Db } from '../db/connection.ts';

/** The known_device table: hashes of the long-lived tokens of browsers that signed in to an account. */

export async function findDeviceHash(
  db: Db,
  tokenHash: string,
  userId: number,
): Promise<string | null> {
  const row = await db
    .selectFrom('known_device')
    .select('token_hash')
    .where('token_hash', '=', tokenHash)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.token_hash ?? null;
}

export async function touchDevice(db: Db, tokenHash: string): Promise<void> {
  await db
    .updateTable('known_device')
    .set({ last_used_at: new Date() })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function insertDevice(db: Db, tokenHash: string, userId: number): Promise<void> {
  await db.insertInto('known_device').values({ token_hash: tokenHash, user_id: userId }).execute();
}

export async function deviceHashesOf(db: Db, userId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('known_device')
    .select('token_hash')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.token_hash);
}
