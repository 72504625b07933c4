import fs from 'node:fs';
import pg from 'pg';
import { importOkvedFile } from '../src/reference/import-okved.ts';
import { sharedFile } from './shared-data.ts';
import { connectPglite, connectPostgres, type Connection } from '../src/db/connection.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { syncReferenceData } from '../src/reference/sync-reference-data.ts';
import { loadDemoData } from '../src/demo/load-demo-data.ts';
import { syncDefaultMethodologies } from '../src/ratings/methodologies/sync-default-methodologies.ts';

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

/** A fresh, migrated database: in memory for PGlite, a new database on the server for PostgreSQL. */
export async function createTestDatabase(
  kind: DatabaseKind,
  options: { demo?: boolean; okved?: boolean } = {},
): Promise<TestDatabase> {
  let connection: Connection;
  let drop: () => Promise<void> = async () => {};
  if (kind === 'pglite') {
    connection = await connectPglite('memory://');
  } else {
    const url = new URL(process.env['TEST_DATABASE_URL']!);
    const name = `promatlas_test_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
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
  await migrateToLatest(connection.db);
  await syncReferenceData(connection.db);
  await syncDefaultMethodologies(connection.db);
  if (options.demo !== false) await loadDemoData(connection.db);
  // The full ОКВЭД2 classifier (the shipped reference data has sections and divisions only).
  if (options.okved)
    await importOkvedFile(connection.db, fs.readFileSync(sharedFile('data/okved2.csv')));
  return {
    ...connection,
    dispose: async () => {
      await connection.close();
      await drop();
    },
  };
}
