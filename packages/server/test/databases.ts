import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { connectPglite, connectPostgres, type Connection } from '../src/db/connection.ts';
import { loadDemoData } from '../src/demo/load-demo-data.ts';
import {
  importFullOkved,
  prepareBase,
  type DatabaseTemplates,
  type TemplateVariant,
} from './database-templates.ts';

/**
 * The database tiers every database test runs on: embedded PGlite always, and
 * a real PostgreSQL 15 server when TEST_DATABASE_URL names one (scripts/test.sh
 * starts it). Under CI the PostgreSQL tier is mandatory, so it cannot be
 * skipped silently.
 */
export type DatabaseKind = 'pglite' | 'postgres';

export function databaseKinds(): DatabaseKind[] {
  const url = process.env['TEST_DATABASE_URL'];
  if (!url && process.env['CI']) {
    throw new Error(
      'TEST_DATABASE_URL must point at a PostgreSQL 15 server under CI (see scripts/test.sh)',
    );
  }
  return url ? ['pglite', 'postgres'] : ['pglite'];
}

export interface TestDatabase extends Connection {
  dispose(): Promise<void>;
}

/** The prepared states of the global setup; absent when a configuration runs without it. */
function templates(): DatabaseTemplates | undefined {
  return inject('databaseTemplates') as DatabaseTemplates | undefined;
}

/**
 * The `CREATE DATABASE` clause that starts a server database in the `base`
 * state (migrated, reference data, methodologies) when the global setup
 * prepared it, else empty (template0).
 */
export function baseTemplateClause(): string {
  const template = templates()?.postgres?.base;
  return template ? `TEMPLATE ${template}` : `TEMPLATE template0 ENCODING 'UTF8'`;
}

/** Dumps read once per process (a Blob is immutable: every PGlite of a file may read the same). */
const dumps = new Map<string, Blob>();

function dumpOf(file: string): Blob {
  let blob = dumps.get(file);
  if (!blob) {
    blob = new Blob([fs.readFileSync(file)]);
    dumps.set(file, blob);
  }
  return blob;
}

/**
 * A fresh, migrated database: in memory for PGlite, a new database on the
 * server for PostgreSQL. It starts as a copy of the state the global setup
 * prepared (test/database-templates.ts) — a data directory dump for PGlite, a
 * template database for PostgreSQL — so each test file still gets a database
 * of its own without migrating and seeding it again. Without the global setup
 * every step runs here.
 */
export async function createTestDatabase(
  kind: DatabaseKind,
  options: { demo?: boolean; okved?: boolean } = {},
): Promise<TestDatabase> {
  const demo = options.demo !== false;
  // No prepared state holds the full classifier without the demo: it is imported onto `base`.
  const variant: TemplateVariant = demo ? (options.okved ? 'okved' : 'demo') : 'base';
  const prepared = templates();
  let connection: Connection;
  let drop: () => Promise<void> = async () => {};
  let copied: boolean;
  if (kind === 'pglite') {
    const dump = prepared?.pglite[variant];
    copied = !!dump;
    connection = await connectPglite('memory://', dump ? { loadDataDir: dumpOf(dump) } : {});
  } else {
    const url = new URL(process.env['TEST_DATABASE_URL']!);
    const name = `promatlas_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const template = prepared?.postgres?.[variant];
    copied = !!template;
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    await admin.query(
      template
        ? `CREATE DATABASE ${name} TEMPLATE ${template}`
        : `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`,
    );
    await admin.end();
    const testUrl = new URL(url.toString());
    testUrl.pathname = `/${name}`;
    connection = connectPostgres(testUrl.toString(), 5);
    drop = async () => {
      const a = new pg.Client({ connectionString: url.toString() });
      await a.connect();
      // The pool's connections may still be saying goodbye: terminating them
      // then (WITH FORCE) makes their client emit an uncaught 57P01 error.
      for (let i = 0; i < 50; i++) {
        const { rows } = await a.query(
          'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
          [name],
        );
        if (rows[0].n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  }
  if (!copied) {
    await prepareBase(connection);
    if (demo) await loadDemoData(connection.db);
    if (options.okved) await importFullOkved(connection);
  } else if (!demo && options.okved) await importFullOkved(connection);
  return {
    ...connection,
    dispose: async () => {
      await connection.close();
      await drop();
    },
  };
}
