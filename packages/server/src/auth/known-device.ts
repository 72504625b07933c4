import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.ts';
import { newToken, tokenHash } from './session.repository.ts';

/**
 * A browser that signed in to an account before gets a long-lived random
 * token (HttpOnly cookie, only sent to /api/auth); its hash is kept in
 * known_device. Sign-in attempts from that browser for that account use their
 * own delay bucket, so an outsider's wrong guesses never slow the owner down.
 */
export const DEVICE_COOKIE = 'promatlas_device';
const DEVICE_DAYS = 365;

export async function findKnownDevice(
  db: Db,
  request: FastifyRequest,
  userId: number,
): Promise<string | null> {
  const token = request.cookies[DEVICE_COOKIE];
  if (!token) return null;
  const row = await db
    .selectFrom('known_device')
    .select('token_hash')
    .where('token_hash', '=', tokenHash(token))
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.token_hash ?? null;
}

/** Marks the browser as known for the account after a successful sign-in. */
export async function rememberDevice(
  db: Db,
  reply: FastifyReply,
  userId: number,
  known: string | null,
  secure: boolean,
): Promise<void> {
  if (known) {
    await db
      .updateTable('known_device')
      .set({ last_used_at: new Date() })
      .where('token_hash', '=', known)
      .execute();
    return;
  }
  const token = newToken();
  await db
    .insertInto('known_device')
    .values({ token_hash: tokenHash(token), user_id: userId })
    .execute();
  reply.setCookie(DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/api/auth',
    maxAge: DEVICE_DAYS * 86_400,
  });
}

export async function knownDeviceKeys(db: Db, userId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('known_device')
    .select('token_hash')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.token_hash);
}
