import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/connection.ts';

export const SESSION_DAYS = 7;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Sessions are looked up by the SHA-256 of the cookie's token; the token itself is never stored. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(
  db: Db,
  userId: number,
): Promise<{ token: string; csrfToken: string; hash: string }> {
  const token = newToken();
  const csrfToken = newToken();
  const hash = tokenHash(token);
  await db
    .insertInto('user_session')
    .values({
      token_hash: hash,
      user_id: userId,
      csrf_token: csrfToken,
      expires_at: new Date(Date.now() + SESSION_DAYS * 86_400_000),
    })
    .execute();
  return { token, csrfToken, hash };
}

export async function findSession(db: Db, token: string) {
  return db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select([
      's.token_hash',
      's.csrf_token',
      'u.id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.regions',
      'u.disabled',
    ])
    .where('s.token_hash', '=', tokenHash(token))
    .where('s.expires_at', '>', new Date())
    .where('u.disabled', '=', false)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, hash: string): Promise<void> {
  await db.deleteFrom('user_session').where('token_hash', '=', hash).execute();
}

export async function deleteUserSessions(db: Db, userId: number): Promise<void> {
  await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
}
