import fs from 'node:fs';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './database.ts';
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts';
import { prepareReads } from './prepared-statements.ts';
import { openPglite, TRIGRAM_THRESHOLD, type OpenPgliteOptions } from './pglite-open.ts';
import { PgliteWorker, type EmbeddedEngine } from './pglite-worker.ts';

export { openPglite } from './pglite-open.ts';
export { EngineStoppedError, type EmbeddedEngine } from './pglite-worker.ts';

export type Db = Kysely<Database>;

/**
 * What lies under a Db opened here: the pool (PostgreSQL) and the embedded
 * engine (PGlite), for the bulk loads Kysely cannot express — COPY into a
 * staging table (registry-import's organisation write). A Db derived from it
 * (withPlugin, withSchema, a transaction) is another object and has none.
 */
const DRIVERS = new WeakMap<Db, { pool: pg.Pool; pglite?: EmbeddedEngine }>();

export function driverOf(db: Db): { pool: pg.Pool; pglite?: EmbeddedEngine } | undefined {
  return DRIVERS.get(db);
}

/** The embedded engine (one connection, in process) or a PostgreSQL server. */
export type DatabaseKind = 'pglite' | 'postgres';

export interface Connection {
  db: Db;
  pool: pg.Pool;
  kind: DatabaseKind;
  /**
   * The embedded engine (absent on a PostgreSQL server), in its worker thread
   * or in this one (PgliteOptions.inThread): backups snapshot it, the change
   * feed listens on it, the registry import COPYs through it.
   */
  pglite?: EmbeddedEngine;
  /** The lock on the embedded data directory (absent in memory and on a PostgreSQL server). */
  lock?: DataDirLock;
  /**
   * Whether the database answers, on a connection of its own (PostgreSQL),
   * or whether the embedded engine's thread answers (PGlite in its worker):
   * a health check must not queue behind busy requests for a pool slot, or a
   * busy node would look dead to its load balancer.
   */
  ping?: () => Promise<void>;
  close(): Promise<void>;
}

// Return int8 (count(*), sums) and numeric as JS numbers: every value we store
// fits in a double, and the API speaks JSON numbers.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));
// Dates stay ISO strings (YYYY-MM-DD): partial dates are strings in the domain.
pg.types.setTypeParser(1082, (v) => v);

export interface PostgresOptions {
  /** Pool size (default 10). */
  max?: number;
  /** Where a lost idle connection is reported (default: nowhere; the pool replaces it). */
  onError?: (error: Error) => void;
  /**
   * How long a query may wait for a connection (default 30 s). pg counts the
   * wait for a free pool slot in it too: under a burst, requests queue for a
   * slot, and a short limit would turn a busy moment into 503s. A server that
   * is down refuses the connection at once, so this bounds only a server that
   * does not answer at all.
   */
  connectionTimeoutMillis?: number;
  /** Prepare parameterised reads once per connection (default true; db/prepared-statements.ts). */
  prepareReads?: boolean;
}

/**
 * One pg.Pool over a PostgreSQL server. A server restart or a dropped
 * connection never stops the process: pg emits `error` for an idle client the
 * server closed (an unhandled `error` event would crash Node), the pool drops
 * that client and the next query connects anew; a refused or timed-out
 * connection fails the request with 503 (http/errors.ts) instead of leaving
 * it waiting while the server is away.
 */
export function createPostgresPool(databaseUrl: string, options: PostgresOptions = {}): pg.Pool {
  const {
    max = 10,
    onError,
    connectionTimeoutMillis = 30_000,
    prepareReads: prepare = true,
  } = options;
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max,
    connectionTimeoutMillis,
    // Sent with the connection request, so every connection has them before its first query.
    // The visibility views (published-views.ts) raise the planner's cost estimates of
    // ordinary page queries past jit_above_cost; compiling them takes 100–300 ms for a
    // query that runs in 30 (measured on PostgreSQL 15). Short queries only: no JIT.
    // Before the first migration pg_trgm may not exist yet: its setting is then a
    // placeholder, which the extension takes over when it is created.
    options: `-c jit=off -c pg_trgm.word_similarity_threshold=${TRIGRAM_THRESHOLD}`,
  });
  pool.on('error', (error) => onError?.(error));
  pool.on('connect', (client) => {
    // A connection lost while checked out (a query running when the server
    // restarts) emits `error` too, where the pool listens only to idle ones: the
    // query itself fails, and the pool drops the client when it is released.
    client.on('error', (error) => onError?.(error));
    if (prepare) prepareReads(client);
  });
  return pool;
}

/** A Kysely handle over createPostgresPool's pool. */
export function connectPostgres(
  databaseUrl: string,
  options: PostgresOptions | number = {},
): Connection {
  const pool = createPostgresPool(
    databaseUrl,
    typeof options === 'number' ? { max: options } : options,
  );
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  DRIVERS.set(db, { pool });
  let pingPool: pg.Pool | undefined;
  return {
    db,
    pool,
    kind: 'postgres',
    ping: async () => {
      pingPool ??= createPostgresPool(databaseUrl, {
        max: 1,
        connectionTimeoutMillis: 2_000,
        ...(typeof options === 'object' && options.onError ? { onError: options.onError } : {}),
      });
      await pingPool.query('SELECT 1');
    },
    close: async () => {
      if (pingPool && !pingPool.ended) await pingPool.end();
      await db.destroy();
      // Kysely ends the pool only if it ever used it; callers may have used the pool alone.
      if (!pool.ended) await pool.end();
    },
  };
}

export interface PgliteOptions extends OpenPgliteOptions {
  /** Skip the lock: the caller already holds the directory (restore's staging directory). */
  unlocked?: boolean;
  /**
   * Run the engine in the calling thread instead of its worker thread (the
   * default). In the calling thread every statement blocks the event loop
   * while it runs; it suits only a process that does nothing else meanwhile.
   */
  inThread?: boolean;
  log?: (message: string) => void;
  /** Where a failure of the engine's connection is reported (default: nowhere; the query fails). */
  onError?: (error: Error) => void;
}

/**
 * Embedded PostgreSQL (PGlite) in a data directory, locked for this process and
 * durable — or in memory with
 * 'memory://' — behind a pg.Pool, so the application has one code path.
 * The engine runs in a worker thread (db/pglite-worker.ts), so a long
 * statement never blocks the event loop.
 * PGlite serves one connection: the pool size is 1 and no code may hold a
 * client across awaits of other queries.
 */
export async function connectPglite(
  dataDir: string,
  options: PgliteOptions = {},
): Promise<Connection> {
  let lock: DataDirLock | undefined;
  if (!dataDir.startsWith('memory://')) {
    fs.mkdirSync(dataDir, { recursive: true });
    if (!options.unlocked) lock = lockDataDir(dataDir, options.log);
  }
  const open: OpenPgliteOptions = {
    ...(options.durable !== undefined ? { durable: options.durable } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  };
  let pglite: EmbeddedEngine;
  try {
    pglite = options.inThread
      ? await openPglite(dataDir, open)
      : await PgliteWorker.start(dataDir, open);
  } catch (error) {
    lock?.release();
    throw error;
  }
  // The adapter needs only execProtocolStream and waitReady, which both engines offer.
  const pool = new pg.Pool(createPgConfig(pglite as PGlite) as unknown as pg.PoolConfig);
  // A stopped engine fails the query running on the client; without a listener the
  // client's `error` event (it is checked out, so the pool does not listen) would end the process.
  pool.on('error', (error) => options.onError?.(error));
  pool.on('connect', (client) => client.on('error', (error) => options.onError?.(error)));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  DRIVERS.set(db, { pool, pglite });
  return {
    db,
    pool,
    kind: 'pglite',
    pglite,
    lock,
    // The engine's thread answering is the health check's question; a query would queue
    // for the one connection behind whatever transaction holds it (an import's batch).
    ...(pglite instanceof PgliteWorker ? { ping: () => pglite.ping() } : {}),
    close: async () => {
      try {
        await db.destroy();
        await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}
