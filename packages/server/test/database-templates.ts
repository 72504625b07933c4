import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { importOkvedFile } from '../src/reference/import-okved.ts';
import { sharedFile } from './shared-data.ts';
import { connectPglite, connectPostgres, type Connection } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { syncReferenceData } from '../src/reference/sync-reference-data.ts';
import { loadDemoData } from '../src/demo/load-demo-data.ts';
import { syncDefaultMethodologies } from '../src/ratings/methodologies/sync-default-methodologies.ts';

/**
 * The prepared states a test database starts from. Migrating and seeding
 * takes about 8 s on PGlite and 1.2 s on PostgreSQL, and every database test
 * file needs it on each tier: the global setup (test/global-setup.ts) builds
 * each state once per run, and createTestDatabase copies it (a PGlite data
 * directory dump, a PostgreSQL template database).
 *
 * - `base`: migrations, reference data, default methodologies (`{ demo: false }`);
 * - `demo`: base plus the demo data (the default);
 * - `okved`: demo plus the full ОКВЭД2 classifier (`{ okved: true }`).
 */
export type TemplateVariant = 'base' | 'demo' | 'okved';

export interface DatabaseTemplates {
  /** PGlite data directory dumps (tar, from dumpDataDir), by variant. */
  pglite: Record<TemplateVariant, string>;
  /** PostgreSQL template databases, by variant (absent without TEST_DATABASE_URL). */
  postgres?: Record<TemplateVariant, string>;
  /** A durable embedded data directory in the `base` state, for the CLI tests to copy. */
  cliDataDir: string;
  /** The CLI as one prebuilt file (scripts/build.mjs), for the tests that spawn it. */
  cliBundle: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplates: DatabaseTemplates;
  }
}

/**
 * Bundles the CLI into `outdir` (inside packages/server, so its packages
 * resolve from node_modules as those of dist/ do) with an entry file like
 * bin/promatlas-bundle.mjs. Starting it takes about a third of the time tsx
 * takes to compile the sources on every spawn.
 */
export async function buildCliBundle(outdir: string): Promise<string> {
  const script = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../scripts/build.mjs');
  await run('node', [script, '--outdir', outdir]);
  const entry = path.join(outdir, 'promatlas-cli.mjs');
  fs.writeFileSync(
    entry,
    "const { main } = await import('./promatlas.mjs');\nawait main(process.argv);\n",
  );
  return entry;
}

const run = promisify(execFile);

/** The steps from an empty database to `base`. */
export async function prepareBase(connection: Connection): Promise<void> {
  await migrateToLatest(connection.db);
  await syncReferenceData(connection.db);
  await syncDefaultMethodologies(connection.db);
}

/** The step from `demo` to `okved`: the full ОКВЭД2 classifier (the shipped reference data has sections and divisions only). */
export async function importFullOkved(connection: Connection): Promise<void> {
  await importOkvedFile(connection.db, fs.readFileSync(sharedFile('data/okved2.csv')));
}

async function dump(connection: Connection, file: string): Promise<void> {
  const blob = await connection.pglite!.dumpDataDir('none');
  fs.writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
}

/** Builds base, demo and okved one after another in one PGlite, dumping each. */
export async function buildPgliteTemplates(dir: string): Promise<Record<TemplateVariant, string>> {
  const files = {
    base: path.join(dir, 'pglite-base.tar'),
    demo: path.join(dir, 'pglite-demo.tar'),
    okved: path.join(dir, 'pglite-okved.tar'),
  };
  const connection = await connectPglite('memory://');
  try {
    await prepareBase(connection);
    await dump(connection, files.base);
    await loadDemoData(connection.db);
    await dump(connection, files.demo);
    await importFullOkved(connection);
    await dump(connection, files.okved);
  } finally {
    await connection.close();
  }
  return files;
}

/** The durable data directory the CLI would leave after its first command, from the base dump. */
export async function buildCliDataDir(dir: string, baseDump: string): Promise<string> {
  const dataDir = path.join(dir, 'cli-data');
  const connection = await connectPglite(dataDir, {
    loadDataDir: new Blob([fs.readFileSync(baseDump)]),
  });
  await connection.close();
  return dataDir;
}

function adminClient(serverUrl: string): pg.Client {
  return new pg.Client({ connectionString: serverUrl });
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function createDatabase(serverUrl: string, name: string, template: string): Promise<void> {
  const admin = adminClient(serverUrl);
  await admin.connect();
  try {
    await admin.query(
      template === 'template0'
        ? `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`
        : `CREATE DATABASE ${name} TEMPLATE ${template}`,
    );
  } finally {
    await admin.end();
  }
}

export function postgresTemplateNames(prefix: string): Record<TemplateVariant, string> {
  return { base: `${prefix}_base`, demo: `${prefix}_demo`, okved: `${prefix}_okved` };
}

/**
 * Builds the three variants as template databases on the server: each from
 * the previous one, then closed to connections (a database is copied only
 * while nobody is connected to it).
 */
export async function buildPostgresTemplates(
  serverUrl: string,
  prefix: string,
): Promise<Record<TemplateVariant, string>> {
  const names = postgresTemplateNames(prefix);
  const steps: Array<[TemplateVariant, string, (c: Connection) => Promise<void>]> = [
    ['base', 'template0', prepareBase],
    ['demo', names.base, async (c) => void (await loadDemoData(c.db))],
    ['okved', names.demo, importFullOkved],
  ];
  for (const [variant, from, step] of steps) {
    await createDatabase(serverUrl, names[variant], from);
    const connection = connectPostgres(databaseUrl(serverUrl, names[variant]), 1);
    try {
      await step(connection);
    } finally {
      await connection.close();
    }
  }
  const admin = adminClient(serverUrl);
  await admin.connect();
  try {
    for (const name of Object.values(names))
      await admin.query(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
  } finally {
    await admin.end();
  }
  return names;
}

export async function dropPostgresTemplates(
  serverUrl: string,
  names: Record<TemplateVariant, string>,
): Promise<void> {
  const admin = adminClient(serverUrl);
  await admin.connect();
  try {
    for (const name of Object.values(names).reverse())
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
