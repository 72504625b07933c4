import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config/config.ts';
import { markInterruptedRegistryImports } from './registry-import/index.ts';
import { connectPglite, connectPostgres, type Connection } from './db/connection.ts';
import { migrateToLatest, withStartupLock } from './db/migrate.ts';
import { ReplicaReads } from './db/replica.ts';
import { ChangeFeed } from './db/change-feed.ts';
import { ReadCache } from './search/index.ts';
import { hasSourcesOtherThan } from './db/database-state.repository.ts';
import { removeInterruptedImports } from './datasets/index.ts';
import { syncReferenceData } from './reference/index.ts';
import { loadDemoData } from './demo/index.ts';
import { loadDefaultStatistics, ROSSTAT_ORG_COUNTS } from './demo/index.ts';
import { syncDefaultMethodologies } from './ratings/index.ts';
import { buildApp } from './http/app.ts';
import type { AppDeps, AppInstance } from './http/app-instance.ts';
import type { Db } from './db/connection.ts';
import { ensureFirstAdministrator } from './users/index.ts';
import { startControlSocket, type ControlSocket } from './db/control-socket.ts';
import { embeddedSnapshot } from './db/backup.ts';

export const DEFAULT_WEB_DIST = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../web/dist',
);

/** Opens the configured database: a PostgreSQL server, or embedded PGlite in the data directory. */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> & Partial<Pick<Config, 'preparedStatements'>>,
  onError?: (error: Error) => void,
): Promise<Connection> {
  return config.databaseUrl
    ? connectPostgres(config.databaseUrl, {
        ...(onError ? { onError } : {}),
        prepareReads: config.preparedStatements ?? true,
      })
    : connectPglite(config.dataDir, onError ? { onError } : {});
}

/**
 * Migrates, syncs reference data and loads the demo into an empty database.
 * The shipped official statistics (loadDefaultStatistics) are not loaded
 * here: startServer loads them once the API is ready, as they take seconds.
 */
export async function prepareDatabase(
  connection: Connection,
  options: { demo: boolean },
): Promise<void> {
  await migrateToLatest(connection.db);
  // Batched imports are the embedded database's; its lock means none is running now.
  if (connection.kind === 'pglite') await removeInterruptedImports(connection.db);
  await syncReferenceData(connection.db);
  await syncDefaultMethodologies(connection.db);
  if (options.demo) {
    // The shipped Rosstat table's source does not count: it is official data, not the demo.
    if (!(await hasSourcesOtherThan(connection.db, ROSSTAT_ORG_COUNTS.sourceSlug)))
      await loadDemoData(connection.db);
  }
}

export interface RunningServer {
  app: AppInstance;
  url: string;
  connection: Connection;
  /** Set on the first start of a database without accounts: the administrator created, with the one-time password. */
  firstAdministrator: { email: string; password: string } | null;
  /** The shipped official statistics, loaded in the background after the API is ready (see loadDefaultStatistics). */
  statistics: Promise<unknown>;
  close(): Promise<void>;
}

/** Starts PromAtlas: database, API and the built web app, listening on config.host:config.port. */
export async function startServer(
  config: Config,
  options: { demo?: boolean } = {},
): Promise<RunningServer> {
  // Listen first and prepare the database meanwhile: the web app's first page
  // is served at once, and its API requests wait until the database is ready.
  let markReady!: () => void;
  const ready = { promise: new Promise<void>((resolve) => (markReady = resolve)), done: false };
  const deps: AppDeps = {
    db: undefined as unknown as Db,
    databaseKind: config.databaseUrl ? 'postgres' : 'pglite',
    ready,
    security: {
      trustedProxies: config.trustedProxies,
      totpRequiredForAdministrators: config.totpRequiredForAdministrators,
    },
    chromiumPath: config.chromiumPath,
    webDist: config.webDist ?? DEFAULT_WEB_DIST,
    ...(config.replica ? { replicaMaxLagMs: config.replica.maxLagMs } : {}),
  };
  const app = await buildApp({
    deps,
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    webDist: config.webDist ?? DEFAULT_WEB_DIST,
    timeouts: config.timeouts,
  });
  const address = await app.listen({ port: config.port, host: config.host });
  let connection: Connection;
  let firstAdministrator: RunningServer['firstAdministrator'];
  let control: ControlSocket | null = null;
  // A lost connection is logged, never fatal: the pool reconnects on the next query.
  const onDatabaseError = (error: Error) =>
    app.log.warn({ err: error }, 'database connection lost');
  let replica: ReplicaReads | undefined;
  let changes: ChangeFeed | undefined;
  try {
    connection = await openDatabase(config, onDatabaseError);
  } catch (error) {
    await app.close();
    throw error;
  }
  try {
    firstAdministrator = await withStartupLock(connection, async () => {
      await prepareDatabase(connection, { demo: options.demo ?? true });
      return ensureFirstAdministrator(connection.db);
    });
    // The embedded data directory is this process's alone: an import job still marked running
    // there was cut off when its server stopped. (On PostgreSQL other nodes may be running theirs.)
    if (connection.kind === 'pglite') await markInterruptedRegistryImports(connection.db);
    if (config.replica && config.databaseUrl) {
      replica = new ReplicaReads(
        config.databaseUrl,
        config.replica.url,
        connection.pool,
        config.replica.maxLagMs,
        { onError: onDatabaseError, prepareReads: config.preparedStatements },
      );
      await replica.start();
    }
    // Every node follows the change feed, which empties its read cache on any committed change.
    if (config.readCache) {
      changes = await ChangeFeed.start(connection, onDatabaseError);
      deps.readCache = new ReadCache(changes);
    }
    // The server holds the data directory's lock: `promatlas db backup` asks it through this socket.
    control = await startControlSocket(connection, embeddedSnapshot);
  } catch (error) {
    await app.close();
    await changes?.close();
    await replica?.close();
    await connection.close();
    throw error;
  }
  deps.db = connection.db;
  if (connection.ping) deps.ping = connection.ping;
  if (connection.kind === 'pglite') {
    const { pool } = connection;
    deps.queueDepth = () => pool.waitingCount;
  }
  if (replica) deps.replica = replica;
  ready.done = true;
  markReady();
  // After ready: on a fresh database the classifier and the Rosstat table take
  // ~2 s, which the first API answers need not wait for; the dataset appears
  // when done. A failure is logged and leaves the server running.
  const statistics = loadDefaultStatistics(connection.db).then(
    (result) => {
      if (result.rosstat)
        app.log.info(
          { datasetId: result.rosstat.datasetId, values: result.rosstat.import.values },
          'Загружена таблица Росстата о количестве организаций',
        );
      return result;
    },
    (error: unknown) => {
      app.log.error({ err: error }, 'Не удалось загрузить поставляемую статистику Росстата');
      return null;
    },
  );
  return {
    app,
    url: address.replace('[::1]', 'localhost'),
    connection,
    firstAdministrator,
    statistics,
    async close() {
      await app.close();
      await control?.close();
      // The background load holds the database until its transaction ends.
      await statistics;
      await changes?.close();
      await replica?.close();
      await connection.close();
    },
  };
}
