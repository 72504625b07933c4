import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../db/connection.ts';

/**
 * The login_throttle table: one row per bucket (a client address, an account
 * or a known browser of an account). Each reservation is one atomic
 * INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING, so the row lock
 * serialises parallel guesses; the policy (limits, delays) is login-limiter.ts.
 */

const seconds = (n: number) => sql`(${n}::double precision * interval '1 second')`;

/** Reserves a failure in an address bucket: true if it fitted under the limit within the window. */
export async function reserveAddressAttempt(
  db: Db,
  key: string,
  limit: { perAddress: number; windowSeconds: number },
): Promise<boolean> {
  const window = seconds(limit.windowSeconds);
  const expired = sql`t.window_start <= now() - ${window}`;
  const reserved = await sql<{ failures: number }>`
    INSERT INTO login_throttle AS t (key, failures, window_start, updated_at)
    VALUES (${key}, 1, now(), now())
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN ${expired} THEN 1 ELSE t.failures + 1 END,
      window_start = CASE WHEN ${expired} THEN now() ELSE t.window_start END,
      updated_at = now()
    WHERE ${expired} OR t.failures < ${limit.perAddress}
    RETURNING t.failures`.execute(db);
  return reserved.rows.length > 0;
}

/**
 * Reserves a failure in an account (or known-browser) bucket: true if the
 * bucket's delay has passed. The first `freeFailures` are free, then each
 * further attempt waits `baseDelaySeconds` × 2^(n − free), at most
 * `maxDelaySeconds`; the streak restarts after `quietResetSeconds`.
 */
export async function reserveAccountAttempt(
  db: Db,
  key: string,
  s: {
    freeAccountFailures: number;
    baseDelaySeconds: number;
    maxDelaySeconds: number;
    quietResetSeconds: number;
  },
): Promise<boolean> {
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
  return reserved.rows.length > 0;
}

async function secondsUntil(db: Db, key: string, until: RawBuilder<unknown>): Promise<number> {
  const row = await sql<{ s: number }>`
    SELECT greatest(1, ceil(extract(epoch FROM (${until} - now()))))::int AS s
    FROM login_throttle WHERE key = ${key}`.execute(db);
  return row.rows[0]?.s ?? 1;
}

/** Whole seconds (at least 1) until an address bucket's window ends. */
export function secondsUntilWindowEnds(db: Db, key: string, windowSeconds: number) {
  return secondsUntil(db, key, sql`window_start + ${seconds(windowSeconds)}`);
}

/** Whole seconds (at least 1) until an account bucket accepts the next attempt. */
export function secondsUntilNextAttempt(db: Db, key: string) {
  return secondsUntil(db, key, sql`next_at`);
}

/** Gives a reservation back to a bucket (an address after a successful sign-in). */
export async function giveBackAttempt(db: Db, key: string): Promise<void> {
  await sql`UPDATE login_throttle SET failures = greatest(failures - 1, 0), updated_at = now()
            WHERE key = ${key}`.execute(db);
}

/** Forgets buckets; the number forgotten. */
export async function deleteThrottleKeys(db: Db, keys: string[]): Promise<number> {
  const res = await db.deleteFrom('login_throttle').where('key', 'in', keys).executeTakeFirst();
  return Number(res.numDeletedRows);
}

export async function deleteThrottleKey(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}

/** Rows of addresses and accounts quiet for a day say nothing any more. */
export async function pruneQuietThrottles(db: Db): Promise<void> {
  await sql`DELETE FROM login_throttle
            WHERE updated_at < now() - interval '1 day' AND next_at < now()`.execute(db);
}
