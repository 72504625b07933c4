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
  client: { ip?: string | null; userAgent?: string | null } = {},
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
      ip: client.ip ?? null,
      user_agent: client.userAgent ?? null,
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
      's.id as session_id',
      's.last_seen_at',
      'u.id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.regions',
      'u.disabled',
      'u.must_change_password',
      'u.totp_enabled',
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

/** Last seen is written at most once a minute per session, not on every request. */
export async function touchSession(db: Db, hash: string, lastSeen: Date): Promise<void> {
  if (Date.now() - new Date(lastSeen).getTime() < 60_000) return;
  await db
    .updateTable('user_session')
    .set({ last_seen_at: new Date() })
    .where('token_hash', '=', hash)
    .execute();
}

export async function listSessions(db: Db, userId: number) {
  return db
    .selectFrom('user_session')
    .select(['id', 'token_hash', 'created_at', 'last_seen_at', 'ip', 'user_agent', 'expires_at'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', new Date())
    .orderBy('last_seen_at', 'desc')
    .execute();
}

/** Ends one session of the user; false when the user has no such session. */
export async function deleteSessionById(db: Db, userId: number, id: number): Promise<boolean> {
  const res = await db
    .deleteFrom('user_session')
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** Ends every session of the user but the one given; returns how many ended. */
export async function deleteOtherSessions(db: Db, userId: number, keep: string): Promise<number> {
  const res = await db
    .deleteFrom('user_session')
    .where('user_id', '=', userId)
    .where('token_hash', '<>', keep)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
