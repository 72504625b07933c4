import type { FastifyRequest } from 'fastify';
import type { Db } from '../db/connection.ts';
import { recordSecurityEvent, userAgent } from '../audit/index.ts';
import { findUserByEmail } from '../users/index.ts';
import { useTotpStep } from './account.repository.ts';
import { findKnownDevice, rememberDevice } from './known-device.ts';
import { accountKey, deviceKey, type LoginThrottle } from './login-limiter.ts';
import { verifyPassword } from './password.ts';
import { createSession } from './session.repository.ts';
import { checkTotp } from './totp.ts';

// A fixed hash to verify against when the e-mail is unknown, so the answer
// takes as long as for a known account (no account enumeration by timing).
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$AbZMmHyojfeywaOay3SDSA$Fb4NkDMGmZK6clc5eLGjKee7pYs/xUt7be+ei85F+UI';

/** The browser signing in: its address and headers, and the known-device cookie it sent. */
export type SignInClient = Pick<FastifyRequest, 'ip' | 'headers' | 'cookies'>;

type Account = NonNullable<Awaited<ReturnType<typeof findUserByEmail>>>;

export type SignInOutcome =
  /** A limit holds: retry after `wait` seconds. */
  | { kind: 'throttled'; wait: number }
  /** Wrong e-mail or password, a disabled account, a code missing or wrong. */
  | { kind: 'refused'; code: 'unauthenticated' | 'totp_required' | 'totp_invalid' }
  /** A new session; `deviceToken` is set when the browser is newly remembered for the account. */
  | {
      kind: 'signed_in';
      account: Account;
      session: { token: string; csrfToken: string };
      deviceToken: string | null;
    };

/**
 * Signing in. The attempt is reserved on the address's and the account's (or
 * the known browser's) limits before the password is checked; every outcome
 * is a security event. The caller sets the cookies.
 */
export async function signIn(
  db: Db,
  throttle: LoginThrottle,
  client: SignInClient,
  input: { email: string; password: string; totpCode?: string | undefined },
): Promise<SignInOutcome> {
  const { email, password, totpCode } = input;
  const addressWait = await throttle.reserveAddress(db, client.ip);
  if (addressWait > 0) {
    await recordSecurityEvent(db, client, {
      action: 'sign_in_throttled',
      email,
      details: { limit: 'address', retryAfter: addressWait },
    });
    return { kind: 'throttled', wait: addressWait };
  }
  const row = await findUserByEmail(db, email);
  const device = row ? await findKnownDevice(db, client, row.id) : null;
  const key = device ? deviceKey(device) : accountKey(email);
  const accountWait = await throttle.reserveAccount(db, key);
  if (accountWait > 0) {
    await recordSecurityEvent(db, client, {
      action: 'sign_in_throttled',
      subjectId: row?.id,
      email,
      details: { limit: device ? 'known_device' : 'account', retryAfter: accountWait },
    });
    return { kind: 'throttled', wait: accountWait };
  }
  const ok = await verifyPassword(row?.password_hash ?? DUMMY_HASH, password);
  if (!row || !ok || row.disabled) {
    await recordSecurityEvent(db, client, {
      action: 'sign_in_failed',
      subjectId: row?.id,
      email,
      details: { reason: row?.disabled && ok ? 'disabled' : 'password' },
    });
    return { kind: 'refused', code: 'unauthenticated' };
  }
  if (row.totp_enabled && row.totp_secret) {
    // The attempt stays counted until the code is right, so codes cannot be guessed faster than passwords.
    if (!totpCode) return { kind: 'refused', code: 'totp_required' };
    const step = checkTotp(
      row.totp_secret,
      row.email,
      totpCode,
      row.totp_last_step === null ? null : Number(row.totp_last_step),
    );
    if (step === null || !(await useTotpStep(db, row.id, step))) {
      await recordSecurityEvent(db, client, {
        action: 'sign_in_failed',
        subjectId: row.id,
        email,
        details: { reason: 'totp' },
      });
      return { kind: 'refused', code: 'totp_invalid' };
    }
  }
  await throttle.succeeded(db, client.ip, key);
  const session = await createSession(db, row.id, {
    ip: client.ip,
    userAgent: userAgent(client),
  });
  const deviceToken = await rememberDevice(db, row.id, device);
  await recordSecurityEvent(db, client, {
    action: 'sign_in',
    actorId: row.id,
    subjectId: row.id,
    email: row.email,
    details: { knownDevice: device !== null, totp: row.totp_enabled },
  });
  return { kind: 'signed_in', account: row, session, deviceToken };
}
