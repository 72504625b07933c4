import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './database.ts';
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts';
import { prepareReads } from './prepared-statements.ts';

export type Db = Kysely<Database>;

/**
 * What lies under a Db opened here: the pool (PostgreSQL) and the embedded
 * engine (PGlite), for the bulk loads Kysely cannot express — COPY into a
 * staging table (registry-import's organisation write). A Db derived from it
 * (withPlugin, withSchema, a transaction) is another object and has none.
 */
const DRIVERS = new WeakMap<Db, { pool: pg.Pool; pglite?: PGlite }>();

export function driverOf(db: Db): { pool: pg.Pool; pglite?: PGlite } | undefined {
  return DRIVERS.get(db);
}

/** The embedded engine (one connection, in process) or a PostgreSQL server. */
export type DatabaseKind = 'pglite' | 'postgres';

export interface Connection {
  db: Db;
  pool: pg.Pool;
  kind: DatabaseKind;
  /** The embedded engine (absent on a PostgreSQL server): backups snapshot it. */
  pglite?: PGlite;
  /** The lock on the embedded data directory (absent in memory and on a PostgreSQL server). */
  lock?: DataDirLock;
  /**
   * Whether the database answers, on a connection of its own (PostgreSQL):
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

/**
 * Session settings every connection gets. The trigram word-similarity
 * threshold is lowered from 0.6 to 0.45 so a one-letter typo in a short word
 * («Лепецкая» for «Липецкая», similarity 0.56) is still found by the indexed
 * `%>` operator of fuzzy search.
 */
const TRIGRAM_THRESHOLD = '0.45';
const SESSION_SETTINGS = `SET pg_trgm.word_similarity_threshold = ${TRIGRAM_THRESHOLD}`;

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

/**
 * PGlite's NodeFS with fsync. Emscripten's NODEFS has no `fsync` stream
 * operation, so PostgreSQL's fsync() returns success without reaching the
 * disk; this adds it (fdatasync() stays a no-op in Emscripten, hence
 * `wal_sync_method=fsync` below). The NODEFS object is the module's own, so
 * patching it before the mount covers every file.
 */
class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
    const result = await super.init(pg, opts);
    const mountNodeFs = result.emscriptenOpts.preRun ?? [];
    result.emscriptenOpts.preRun = [
      (mod: { NODEFS: { stream_ops: Record<string, unknown> } }) => {
        mod.NODEFS.stream_ops['fsync'] = (stream: { nfd: number }) => {
          fs.fsyncSync(stream.nfd);
          return 0;
        };
      },
      ...mountNodeFs,
    ] as typeof mountNodeFs;
    return result;
  }
}

/**
 * PGlite starts PostgreSQL with `-F` (fsync off): dropped here, so a commit
 * reaches the disk before it is acknowledged.
 */
const DURABLE_START_PARAMS = [
  ...PGlite.defaultStartParams.filter((p) => p !== '-F'),
  '-c',
  'wal_sync_method=fsync',
];

/** fsyncs every file and directory under `dir` once (files PGlite writes outside PostgreSQL). */
function fsyncTree(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) fsyncTree(full);
    else if (entry.isFile()) fsyncPath(full);
  }
  fsyncPath(dir);
}

function fsyncPath(p: string): void {
  const fd = fs.openSync(p, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export interface PgliteOptions {
  /** fsync on commit (default). Off only to measure what durability costs. */
  durable?: boolean;
  /** A data directory tarball (from dumpDataDir) to start an empty directory from. */
  loadDataDir?: Blob;
  /** Skip the lock: the caller already holds the directory (restore's staging directory). */
  unlocked?: boolean;
  log?: (message: string) => void;
}

/** Opens PGlite on a data directory (or memory://), durable unless told otherwise. */
export async function openPglite(dataDir: string, options: PgliteOptions = {}): Promise<PGlite> {
  const inMemory = dataDir.startsWith('memory://');
  const durable = !inMemory && (options.durable ?? true);
  const fresh = !inMemory && !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  const pgliteOptions: PGliteOptions = {
    // pg_trgm only: with cube and earthdistance also loaded, PGlite (0.5.16–0.5.17) answers
    // trigram queries with no rows or spins inside a later query (docs/DECISIONS.md).
    extensions: { pg_trgm },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    ...(durable ? { fs: new DurableNodeFS(dataDir), startParams: DURABLE_START_PARAMS } : {}),
  };
  const pglite = durable
    ? await PGlite.create(pgliteOptions)
    : await PGlite.create(dataDir, pgliteOptions);
  // initdb's result and a loaded tarball are copied in by plain writes: make them durable too.
  if (durable && fresh) fsyncTree(dataDir);
  return pglite;
}

/**
 * Embedded PostgreSQL (PGlite) in a data directory, locked for this process and
 * durable — or in memory with
 * 'memory://' — behind a pg.Pool, so the application has one code path.
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
  let pglite: PGlite;
  try {
    pglite = await openPglite(dataDir, options);
    await pglite.exec(SESSION_SETTINGS);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  DRIVERS.set(db, { pool, pglite });
  return {
    db,
    pool,
    kind: 'pglite',
    pglite,
    lock,
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
