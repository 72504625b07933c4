import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.ts';
import { newToken, tokenHash } from './session.repository.ts';
import {
  deviceHashesOf,
  findDeviceHash,
  insertDevice,
  touchDevice,
} from './known-device.repository.ts';

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
  request: Pick<FastifyRequest, 'cookies'>,
  userId: number,
): Promise<string | null> {
  const token = request.cookies[DEVICE_COOKIE];
  if (!token) return null;
  return findDeviceHash(db, tokenHash(token), userId);
}

/**
 * Marks the browser as known for the account after a successful sign-in: a
 * known one is touched; otherwise a new token is stored and returned, for
 * the caller to set as the device cookie.
 */
export async function rememberDevice(
  db: Db,
  userId: number,
  known: string | null,
): Promise<string | null> {
  if (known) {
    await touchDevice(db, known);
    return null;
  }
  const token = newToken();
  await insertDevice(db, tokenHash(token), userId);
  return token;
}

export function setDeviceCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/api/auth',
    maxAge: DEVICE_DAYS * 86_400,
  });
}

export function knownDeviceKeys(db: Db, userId: number): Promise<string[]> {
  return deviceHashesOf(db, userId);
}
