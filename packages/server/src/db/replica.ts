import { performance } from 'node:perf_hooks';
import pg from 'pg';
import {
  Kysely,
  PostgresDialect,
  type PostgresCursor,
  type PostgresPool,
  type PostgresPoolClient,
  type PostgresQueryResult,
} from 'kysely';
import type { Database } from './database.ts';
import { createPostgresPool, type Db } from './connection.ts';
import { isDatabaseUnavailable } from './database-errors.ts';

/** A WAL position ("16/B374D848") as one comparable number. */
export function parseLsn(text: string): bigint {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text);
  if (!match) throw new Error(`not a WAL position: ${text}`);
  return (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`);
}

export function formatLsn(lsn: bigint): string {
  return `${(lsn >> 32n).toString(16).toUpperCase()}/${(lsn & 0xffffffffn).toString(16).toUpperCase()}`;
}

export type ReplicaState = 'fresh' | 'lagging' | 'down';

export interface ReplicaStatus {
  state: ReplicaState;
  /** How far behind the primary the replica is at most, in ms (null when unknown). */
  lagMs: number | null;
}

/** Errors after which a read is retried on the primary: the replica is away, or refused the query. */
function primaryCanAnswer(error: unknown): boolean {
  if (isDatabaseUnavailable(error)) return true;
  const code = (error as { code?: unknown } | null)?.code;
  // 40001: cancelled by a conflict with recovery; 25006: a write reached the read-only replica.
  return code === '40001' || code === '25006';
}

const SAMPLE_EVERY_MS = 100;

/**
 * Reads from a PostgreSQL streaming replica, with the primary as the fallback.
 *
 * Freshness is measured, not assumed: every 100 ms the primary's WAL position
 * is sampled (with the moment the sampling query was sent) and the replica's
 * replayed position read. If the replica has replayed the position the
 * primary had at moment t, everything committed before t is visible there, so
 * the replica is at most now − t behind. It serves a read only while that
 * bound is within `maxLagMs` (and it has replayed the reader's own last
 * write, see `caughtUp`); otherwise the read goes to the primary. A write
 * acknowledged at moment w is therefore visible to every reader on every node
 * from w + maxLagMs on, whatever the replica does.
 *
 * A replica that stops between two samples costs no error either: the
 * replica handle's pool hands out a primary connection when the replica
 * refuses one, and retries a query on the primary when the replica's
 * connection breaks under it.
 */
export class ReplicaReads {
  /** The Kysely handle whose queries run on the replica (or, failing that, the primary). */
  readonly db: Db;
  private readonly replica: pg.Pool;
  private readonly monitorReplica: pg.Pool;
  private readonly monitorPrimary: pg.Pool;
  /** Primary WAL positions with the moment (performance.now()) the sampling query was sent. */
  private samples: { at: number; lsn: bigint }[] = [];
  private replayed = -1n;
  /** The sample moment the replica is known to have caught up with (−∞: none). */
  private basis = Number.NEGATIVE_INFINITY;
  private healthy = false;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private onError: (error: Error) => void;

  constructor(
    primaryUrl: string,
    replicaUrl: string,
    private readonly primaryPool: pg.Pool,
    private readonly maxLagMs: number,
    options: { max?: number; onError?: (error: Error) => void; prepareReads?: boolean } = {},
  ) {
    this.onError = options.onError ?? (() => {});
    // The same session settings as the primary's connections.
    // No short connection limit here: pg counts the wait for a free slot in it, and a busy
    // pool is no reason to call the replica down. The samples (1 s limits) notice a replica
    // that stopped answering; a refused connection falls back at once.
    this.replica = createPostgresPool(replicaUrl, {
      max: options.max ?? 10,
      onError: this.onError,
      prepareReads: options.prepareReads ?? true,
    });
    // One connection each, short time-outs: a hung replica must not stall the samples.
    const monitor = (url: string) => {
      const pool = new pg.Pool({
        connectionString: url,
        max: 1,
        connectionTimeoutMillis: 1_000,
        query_timeout: 1_000,
      });
      pool.on('error', this.onError);
      pool.on('connect', (client) => client.on('error', this.onError));
      return pool;
    };
    this.monitorReplica = monitor(replicaUrl);
    this.monitorPrimary = monitor(primaryUrl);
    this.db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new FallbackPool(this.replica, primaryPool, this) }),
    });
  }

  /** Starts sampling; resolves after the first sample, so the first reads already know the replica's state. */
  async start(): Promise<void> {
    await this.sample();
    this.schedule();
  }

  private schedule(): void {
    if (this.closed) return;
    this.timer = setTimeout(() => {
      void this.sample().finally(() => this.schedule());
    }, SAMPLE_EVERY_MS);
    this.timer.unref();
  }

  private async sample(): Promise<void> {
    const at = performance.now();
    try {
      const { rows } = await this.monitorPrimary.query<{ lsn: string }>(
        'SELECT pg_current_wal_lsn()::text AS lsn',
      );
      this.samples.push({ at, lsn: parseLsn(rows[0]!.lsn) });
    } catch {
      // The primary is away: no new sample, so the replica's bound grows stale too.
    }
    const keepAfter = performance.now() - Math.max(5_000, 4 * this.maxLagMs);
    this.samples = this.samples.filter((s) => s.at >= keepAfter);
    try {
      const { rows } = await this.monitorReplica.query<{ recovery: boolean; lsn: string | null }>(
        'SELECT pg_is_in_recovery() AS recovery, pg_last_wal_replay_lsn()::text AS lsn',
      );
      const row = rows[0]!;
      // A promoted server (no longer in recovery) has left the primary's timeline: not ours to read.
      if (!row.recovery || row.lsn === null) {
        this.healthy = false;
        return;
      }
      this.replayed = parseLsn(row.lsn);
      this.healthy = true;
      for (const s of this.samples)
        if (s.lsn <= this.replayed && s.at > this.basis) this.basis = s.at;
    } catch {
      this.healthy = false;
    }
  }

  /** Called when a replica connection failed under a query: reads go to the primary until the next good sample. */
  markDown(error: unknown): void {
    this.healthy = false;
    if (error instanceof Error) this.onError(error);
  }

  private lagMs(): number | null {
    return Number.isFinite(this.basis) ? Math.max(0, performance.now() - this.basis) : null;
  }

  /**
   * Whether a read may go to the replica: it answers, it is at most maxLagMs
   * behind, and it has replayed `after` (the WAL position of the reader's own
   * last write; 0 for none).
   */
  caughtUp(after: bigint): boolean {
    const lag = this.lagMs();
    return this.healthy && lag !== null && lag <= this.maxLagMs && this.replayed >= after;
  }

  status(): ReplicaStatus {
    const lag = this.lagMs();
    const lagMs = lag === null ? null : Math.round(lag);
    if (!this.healthy) return { state: 'down', lagMs };
    return { state: lag !== null && lag <= this.maxLagMs ? 'fresh' : 'lagging', lagMs };
  }

  /** The primary's current WAL position: a write acknowledged before this call is at or below it. */
  async primaryPosition(): Promise<bigint> {
    const { rows } = await this.primaryPool.query<{ lsn: string }>(
      'SELECT pg_current_wal_lsn()::text AS lsn',
    );
    return parseLsn(rows[0]!.lsn);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.db.destroy();
    await Promise.all(
      [this.replica, this.monitorReplica, this.monitorPrimary].map((p) =>
        p.ended ? undefined : p.end(),
      ),
    );
  }
}

/** Kysely's pool interface over the replica's pool, handing out primary connections when the replica fails. */
class FallbackPool implements PostgresPool {
  readonly options: object;
  constructor(
    private readonly replica: pg.Pool,
    private readonly primary: pg.Pool,
    private readonly owner: ReplicaReads,
  ) {
    this.options = replica.options;
  }

  async connect(): Promise<PostgresPoolClient> {
    try {
      return new FallbackClient(await this.replica.connect(), this.primary, this.owner);
    } catch (error) {
      if (!primaryCanAnswer(error)) throw error;
      this.owner.markDown(error);
      return (await this.primary.connect()) as unknown as PostgresPoolClient;
    }
  }

  // The pools belong to ReplicaReads (and the primary's to its Connection): closed there.
  async end(): Promise<void> {}
}

/**
 * A replica connection that moves to a primary connection when the replica
 * breaks under a query (or refuses it), and re-runs that query there. Only
 * reads come through the replica handle, so running a query again is safe.
 */
class FallbackClient {
  private current: pg.PoolClient;
  private onPrimary = false;

  constructor(
    replica: pg.PoolClient,
    private readonly primary: pg.Pool,
    private readonly owner: ReplicaReads,
  ) {
    this.current = replica;
  }

  get processID(): number | undefined {
    return (this.current as unknown as { processID?: number }).processID;
  }

  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    sqlOrCursor: string | PostgresCursor<R>,
    parameters?: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof sqlOrCursor !== 'string')
      return (this.current as unknown as { query(c: PostgresCursor<R>): PostgresCursor<R> }).query(
        sqlOrCursor,
      );
    return this.run<R>(sqlOrCursor, parameters ?? []);
  }

  private async run<R>(
    sql: string,
    parameters: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> {
    try {
      return (await this.current.query(sql, [...parameters])) as unknown as PostgresQueryResult<R>;
    } catch (error) {
      if (this.onPrimary || !primaryCanAnswer(error)) throw error;
      if (isDatabaseUnavailable(error)) this.owner.markDown(error);
      const broken = this.current;
      this.current = await this.primary.connect();
      this.onPrimary = true;
      broken.release(error instanceof Error ? error : true);
      return (await this.current.query(sql, [...parameters])) as unknown as PostgresQueryResult<R>;
    }
  }

  release(destroy?: boolean): void {
    this.current.release(destroy);
  }
}
