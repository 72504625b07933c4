import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';

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

const seconds = (n: number) => sql`(${n}::double precision * interval '1 second')`;

export class LoginThrottle {
  constructor(readonly settings: ThrottleSettings = DEFAULT_THROTTLE) {}

  /** Reserves an attempt for a client address; returns 0, or the seconds to wait. */
  async reserveAddress(db: Db, address: string): Promise<number> {
    const key = addressKey(address);
    const window = seconds(this.settings.addressWindowSeconds);
    const expired = sql`t.window_start <= now() - ${window}`;
    const reserved = await sql<{ failures: number }>`
      INSERT INTO login_throttle AS t (key, failures, window_start, updated_at)
      VALUES (${key}, 1, now(), now())
      ON CONFLICT (key) DO UPDATE SET
        failures = CASE WHEN ${expired} THEN 1 ELSE t.failures + 1 END,
        window_start = CASE WHEN ${expired} THEN now() ELSE t.window_start END,
        updated_at = now()
      WHERE ${expired} OR t.failures < ${this.settings.perAddress}
      RETURNING t.failures`.execute(db);
    if (reserved.rows.length) return 0;
    return this.wait(db, key, sql`window_start + ${window}`);
  }

  /** Reserves an attempt for an account (or a known device's bucket); returns 0, or the seconds to wait. */
  async reserveAccount(db: Db, key: string): Promise<number> {
    const s = this.settings;
    const quiet = sql`t.updated_at <= now() - ${seconds(s.quietResetSeconds)}`;
    const next = sql`CASE WHEN ${quiet} THEN 1 ELSE t.failures + 1 END`;
    const delay = (n: unknown) =>
      sql`CASE WHEN ${n} < ${s.freeAccountFailures} THEN 0
               ELSE least(${s.baseDelaySeconds}::double precision * power(2, ${n} - ${s.freeAccountFailures}), ${s.maxDelaySeconds})
          END * interval '1 second'`;
    const reserved = await sql<{ failures: number }>`
      INSERT INTO login_throttle AS t (key, failures, next_at, updated_at)
      VALUES (${key}, 1, now() + ${delay(sql`1`)}, now())
      ON CONFLICT (key) DO UPDATE SET
        failures = ${next},
        next_at = now() + ${delay(next)},
        updated_at = now()
      WHERE t.next_at <= now()
      RETURNING t.failures`.execute(db);
    if (reserved.rows.length) return 0;
    return this.wait(db, key, sql`next_at`);
  }

  private async wait(db: Db, key: string, until: ReturnType<typeof sql>): Promise<number> {
    const row = await sql<{ s: number }>`
      SELECT greatest(1, ceil(extract(epoch FROM (${until} - now()))))::int AS s
      FROM login_throttle WHERE key = ${key}`.execute(db);
    return row.rows[0]?.s ?? 1;
  }

  /** After a successful sign-in: the address gets its reservation back, the account's streak ends. */
  async succeeded(db: Db, address: string, key: string): Promise<void> {
    await sql`UPDATE login_throttle SET failures = greatest(failures - 1, 0), updated_at = now()
              WHERE key = ${addressKey(address)}`.execute(db);
    await db.deleteFrom('login_throttle').where('key', '=', key).execute();
    // Rows of addresses and accounts quiet for a day say nothing any more.
    await sql`DELETE FROM login_throttle
              WHERE updated_at < now() - interval '1 day' AND next_at < now()`.execute(db);
  }

  /** Administrator unlock: forgets the account's streak and those of its known browsers. */
  async unlock(db: Db, keys: string[]): Promise<number> {
    if (!keys.length) return 0;
    const res = await db.deleteFrom('login_throttle').where('key', 'in', keys).executeTakeFirst();
    return Number(res.numDeletedRows);
  }
}
