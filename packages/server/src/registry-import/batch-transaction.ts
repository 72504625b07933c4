import { performance } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { driverOf, type Db } from '../db/connection.ts';
import type { Database } from '../db/database.ts';

/**
 * Loads rows in COPY's text format into a table of the open transaction:
 * `statement` is a `COPY … FROM STDIN`. On PostgreSQL it is streamed on the
 * transaction's own connection; on PGlite, which cannot take COPY FROM STDIN,
 * it runs as `COPY … FROM '/dev/blob'` with the text as the blob, in the same
 * (only) session.
 */
export type CopyRows = (statement: string, text: string) => Promise<void>;

/** A Kysely whose every query and transaction runs on one checked-out client. */
function kyselyOn(client: pg.PoolClient): Db {
  const one: PostgresPoolClient = {
    query: ((...args: unknown[]) =>
      (client.query as (...a: unknown[]) => unknown)(...args)) as PostgresPoolClient['query'],
    // The client goes back to the pool once, by inBatchTransaction, not after each query.
    release: () => {},
  };
  const pool: PostgresPool = { connect: async () => one, end: async () => {}, options: {} };
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** The longest a batch gives way to requests before it takes the embedded connection anyway. */
const GIVE_WAY_MAX_MS = 100;

/**
 * Waits until no other query waits for the embedded database's one connection
 * and it is idle, or GIVE_WAY_MAX_MS have passed. A batch holds that
 * connection for its whole transaction; queued behind it, every query of a
 * request would wait for one batch each (a profile makes several in turn),
 * so requests go first and the import takes the gaps between them. A steady
 * stream of requests slows the import by at most the bound per batch.
 */
async function giveWayToRequests(pool: pg.Pool, maxMs: number): Promise<void> {
  const until = performance.now() + maxMs;
  while ((pool.waitingCount > 0 || pool.idleCount < pool.totalCount) && performance.now() < until)
    await new Promise((resolve) => setTimeout(resolve, 1));
}

/**
 * Runs `fn` in one transaction and hands it a COPY into that transaction's
 * tables when the database allows one (null for a Db that was not opened by
 * db/connection.ts, which then writes without COPY). Committed whole or
 * rolled back whole, COPY included. On the embedded database it first gives
 * way to waiting requests, for at most `giveWayMaxMs` (default GIVE_WAY_MAX_MS).
 */
export async function inBatchTransaction<T>(
  db: Db,
  fn: (trx: Db, copy: CopyRows | null) => Promise<T>,
  options: { giveWayMaxMs?: number } = {},
): Promise<T> {
  const driver = driverOf(db);
  if (!driver) return db.transaction().execute((trx) => fn(trx, null));
  const { pglite } = driver;
  if (pglite) {
    await giveWayToRequests(driver.pool, options.giveWayMaxMs ?? GIVE_WAY_MAX_MS);
    return db.transaction().execute((trx) =>
      fn(trx, async (statement, text) => {
        await pglite.query(statement.replace(/FROM STDIN$/, "FROM '/dev/blob'"), [], {
          blob: new Blob([text]),
        });
      }),
    );
  }
  const client = await driver.pool.connect();
  try {
    return await kyselyOn(client)
      .transaction()
      .execute((trx) =>
        fn(trx, async (statement, text) => {
          await pipeline(Readable.from([text]), client.query(copyFrom(statement)));
        }),
      );
  } finally {
    client.release();
  }
}
