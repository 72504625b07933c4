import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { sql } from 'kysely';
import type { Connection, Db } from './connection.ts';

/**
 * The change feed: every committed change to a table the readers see (the
 * tables mirrored by the published views) sends one NOTIFY on this channel.
 * PostgreSQL delivers a notification at commit, to every listening
 * connection, so every API node learns of a change made through any other
 * node a few milliseconds after it is committed, and never before (a reader
 * that refills a cache on the notification sees the change). PGlite delivers
 * it to its one connection.
 */
export const CHANGE_CHANNEL = 'promatlas_changes';

const TRIGGER_FUNCTION = `CREATE OR REPLACE FUNCTION promatlas_notify_change() RETURNS trigger
  LANGUAGE plpgsql AS $$
  BEGIN
    -- One notification per statement; PostgreSQL folds identical ones of a transaction into one.
    PERFORM pg_notify('${CHANGE_CHANNEL}', TG_TABLE_NAME);
    RETURN NULL;
  END $$`;

/**
 * Gives every table in `tables` the statement-level trigger that notifies the
 * change feed (idempotent: run whenever the published views are rebuilt, so
 * a table added by a later migration is covered too). A statement-level
 * trigger costs one call per statement, not per row, so bulk loads stay fast.
 */
export async function installChangeFeedTriggers(db: Db, tables: readonly string[]): Promise<void> {
  await sql.raw(TRIGGER_FUNCTION).execute(db);
  for (const table of tables) {
    await sql`CREATE OR REPLACE TRIGGER ${sql.id(`${table}_notify_change`)}
      AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(`public.${table}`)}
      FOR EACH STATEMENT EXECUTE FUNCTION promatlas_notify_change()`.execute(db);
  }
}

/** What a reader of the feed needs: a number that changes with every change, and whether it can be trusted. */
export interface ChangeSignal {
  /** Incremented on every notification, and whenever the feed may have missed one. */
  readonly generation: number;
  /** False while the feed is not listening (connecting, or the connection is lost): then nothing may be cached. */
  readonly live: boolean;
  /** performance.now() of the last change seen (−∞ before the first). */
  readonly lastChangeAt: number;
}

const RECONNECT_MS = 500;

/**
 * Follows the change feed for one API node. On PostgreSQL it holds one
 * connection of its own (LISTEN needs a session, which a pool cannot lend):
 * when that connection is lost, the feed stops being live and counts a
 * change (notifications may be lost meanwhile), and it reconnects by itself.
 */
export class ChangeFeed implements ChangeSignal {
  generation = 0;
  live = false;
  lastChangeAt = Number.NEGATIVE_INFINITY;
  private closed = false;
  private client: pg.Client | undefined;
  private timer: NodeJS.Timeout | undefined;
  private unlisten: (() => Promise<void>) | undefined;

  private constructor(private readonly onError: (error: Error) => void) {}

  /** Counts a change: from a notification, from a write this node just answered, or a possible gap. */
  changed(): void {
    this.generation++;
    this.lastChangeAt = performance.now();
  }

  /** Follows the feed of the connection's database (on PostgreSQL, with the pool's own settings). */
  static async start(
    connection: Connection,
    onError: (error: Error) => void = () => {},
  ): Promise<ChangeFeed> {
    const feed = new ChangeFeed(onError);
    if (connection.pglite) {
      feed.unlisten = await connection.pglite.listen(CHANGE_CHANNEL, () => feed.changed());
      feed.live = true;
    } else {
      await feed.connect({ ...connection.pool.options, connectionTimeoutMillis: 5_000 });
    }
    return feed;
  }

  private async connect(settings: pg.ClientConfig): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client(settings);
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      this.live = false;
      this.changed();
      if (error) this.onError(error);
      client.removeAllListeners('notification');
      client.end().catch(() => {});
      this.reconnectLater(settings);
    };
    client.on('error', (error) => lost(error));
    client.on('end', () => lost());
    client.on('notification', () => this.changed());
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
      if (this.client !== client || this.closed) return;
      // Whatever changed while not listening is unknown: count it as a change.
      this.changed();
      this.live = true;
    } catch (error) {
      lost(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private reconnectLater(settings: pg.ClientConfig): void {
    if (this.closed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.connect(settings);
    }, RECONNECT_MS);
    this.timer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.live = false;
    if (this.timer) clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    if (client) await client.end().catch(() => {});
    if (this.unlisten) await this.unlisten().catch(() => {});
  }
}
