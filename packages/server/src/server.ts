import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config/config.ts';
import { connectPglite, connectPostgres, type Connection } from './db/connection.ts';
import { migrateToLatest } from './db/migrate.ts';
import { syncReferenceData } from './reference/sync-reference-data.ts';
import { loadDemoData } from './demo/load-demo-data.ts';
import { loadIllustrativeDataset } from './demo/load-illustrative-dataset.ts';
import { syncDefaultMethodologies } from './ratings/methodologies/sync-default-methodologies.ts';
import { buildApp } from './http/app.ts';
import type { AppDeps, AppInstance } from './http/app-instance.ts';
import type { Db } from './db/connection.ts';
import { ensureFirstAdministrator } from './users/user.service.ts';

export const DEFAULT_WEB_DIST = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../web/dist',
);

/** Opens the configured database: a PostgreSQL server, or embedded PGlite in the data directory. */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
): Promise<Connection> {
  return config.databaseUrl ? connectPostgres(config.databaseUrl) : connectPglite(config.dataDir);
}

/** Migrates, syncs reference data and loads the demo into an empty database. */
export async function prepareDatabase(
  connection: Connection,
  options: { demo: boolean },
): Promise<void> {
  await migrateToLatest(connection.db);
  await syncReferenceData(connection.db);
  await syncDefaultMethodologies(connection.db);
  if (options.demo) {
    const empty = await connection.db
      .selectFrom('source_document')
      .select('id')
      .limit(1)
      .executeTakeFirst();
    if (!empty) {
      await loadDemoData(connection.db);
      // Clearly labelled made-up figures, so the cluster pages show something on a fresh install.
      await loadIllustrativeDataset(connection.db);
    }
  }
}

export interface RunningServer {
  app: AppInstance;
  url: string;
  connection: Connection;
  /** Set on the first start of a database without accounts: the administrator created, with the one-time password. */
  firstAdministrator: { email: string; password: string } | null;
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
  try {
    connection = await openDatabase(config);
    await prepareDatabase(connection, { demo: options.demo ?? true });
    firstAdministrator = await ensureFirstAdministrator(connection.db);
  } catch (error) {
    await app.close();
    throw error;
  }
  deps.db = connection.db;
  ready.done = true;
  markReady();
  return {
    app,
    url: address.replace('[::1]', 'localhost'),
    connection,
    firstAdministrator,
    async close() {
      await app.close();
      await connection.close();
    },
  };
}
