import type { Db } from '../db/connection.ts';
import {
  deleteThrottleKey,
  deleteThrottleKeys,
  giveBackAttempt,
  pruneQuietThrottles,
  reserveAccountAttempt,
  reserveAddressAttempt,
  secondsUntilNextAttempt,
  secondsUntilWindowEnds,
} from './login-throttle.repository.ts';

/**
 * Sign-in limits, kept in the database (table login_throttle) so that several
 * API nodes agree. Every attempt is reserved by one atomic
 * INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING before the password is
 * checked: the row lock serialises parallel guesses, so 200 parallel requests
 * cannot all reach the password check. A reservation counts as a failure; a
 * success gives it back.
 *
 * - Per client address: a hard limit of `perAddress` failures within
 *   `addressWindowSeconds`.
 * - Per account: no hard lock but growing delays — the first
 *   `freeAccountFailures` are free, then each further attempt must wait
 *   `baseDelaySeconds` × 2^(n − free), at most `maxDelaySeconds`. The streak
 *   is forgotten after `quietResetSeconds` without attempts.
 * - A browser that signed in to the account before (a known device, see
 *   known-device.ts) has its own bucket with the same delays instead of the
 *   account's, so an outsider's guesses never delay the owner's browser.
 */
export interface ThrottleSettings {
  perAddress: number;
  addressWindowSeconds: number;
  freeAccountFailures: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  quietResetSeconds: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = {
  perAddress: 20,
  addressWindowSeconds: 15 * 60,
  freeAccountFailures: 5,
  baseDelaySeconds: 15,
  maxDelaySeconds: 15 * 60,
  quietResetSeconds: 60 * 60,
};

export const addressKey = (address: string) => `address:${address}`;
export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const deviceKey = (deviceHash: string) => `device:${deviceHash}`;

export class LoginThrottle {
  constructor(readonly settings: ThrottleSettings = DEFAULT_THROTTLE) {}

  /** Reserves an attempt for a client address; returns 0, or the seconds to wait. */
  async reserveAddress(db: Db, address: string): Promise<number> {
    const key = addressKey(address);
    const windowSeconds = this.settings.addressWindowSeconds;
    if (
      await reserveAddressAttempt(db, key, { perAddress: this.settings.perAddress, windowSeconds })
    )
      return 0;
    return secondsUntilWindowEnds(db, key, windowSeconds);
  }

  /** Reserves an attempt for an account (or a known device's bucket); returns 0, or the seconds to wait. */
  async reserveAccount(db: Db, key: string): Promise<number> {
    if (await reserveAccountAttempt(db, key, this.settings)) return 0;
    return secondsUntilNextAttempt(db, key);
  }

  /** After a successful sign-in: the address gets its reservation back, the account's streak ends. */
  async succeeded(db: Db, address: string, key: string): Promise<void> {
    await giveBackAttempt(db, addressKey(address));
    await deleteThrottleKey(db, key);
    await pruneQuietThrottles(db);
  }

  /** A confirmed password (a password change, switching TOTP off) ends the account's streak. */
  async cleared(db: Db, key: string): Promise<void> {
    await deleteThrottleKey(db, key);
  }

  /** Administrator unlock: forgets the account's streak and those of its known browsers. */
  async unlock(db: Db, keys: string[]): Promise<number> {
    if (!keys.length) return 0;
    return deleteThrottleKeys(db, keys);
  }
}
