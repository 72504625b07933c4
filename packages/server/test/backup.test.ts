import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { connectPglite, connectPostgres, type Connection } from '../src/db/connection.ts';
import { backupEmbedded, embeddedSnapshot, restoreEmbedded } from '../src/db/backup.ts';
import { prepareDatabase } from '../src/server.ts';
import { databaseKinds } from './databases.ts';
import { preparedDataDir, promatlas, serve } from './cli-process.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-backup-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

type Checksums = Record<string, { rows: number; md5: string }>;

/** Row count and an md5 of every row, in a fixed order, for each table of the public schema. */
async function checksums(pool: pg.Pool): Promise<Checksums> {
  const tables = await pool.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const result: Checksums = {};
  for (const { name } of tables.rows) {
    const r = await pool.query<{ rows: number; md5: string }>(
      `SELECT count(*)::int AS rows,
              md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS md5
         FROM public."${name}" t`,
    );
    result[name] = r.rows[0]!;
  }
  return result;
}

async function withConnection<T>(c: Connection, fn: (c: Connection) => Promise<T>): Promise<T> {
  try {
    return await fn(c);
  } finally {
    await c.close();
  }
}

function expectSubstantial(sums: Checksums): void {
  expect(Object.keys(sums).length).toBeGreaterThan(10);
  expect(sums['organisation']?.rows).toBeGreaterThan(0);
}

/** Polls the dataset list until the shipped Rosstat table, which a server loads after start, is there. */
async function statisticsLoaded(url: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const res = await fetch(`${url}/api/datasets`);
    if (res.status === 200) {
      const list = (await res.json()) as { items: Array<{ measure: string }> };
      if (list.items.some((d) => d.measure === 'establishments')) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the shipped statistics were not loaded within 120 s');
}

describe('embedded database backups', { timeout: 600_000 }, () => {
  it('backs up a running server, refuses to restore onto it, and restores an identical copy', async () => {
    const served = path.join(root, 'served');
    const copy = path.join(root, 'copy');
    const file = path.join(root, 'embedded.backup');
    // Already migrated (the first start is first-run.cli.test.ts's): the server loads the demo.
    const server = await serve(preparedDataDir(served));
    try {
      // The copy is compared with the directory as the server leaves it: back up once its
      // start-up work (the shipped Rosstat table, loaded after it is ready) is written.
      await statisticsLoaded(server.url);
      const backup = await promatlas(['db', 'backup', file], { dataDir: served });
      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);
      expect(backup.stdout).toMatch(/taken by the running server/);
      expect(fs.readFileSync(file).subarray(0, 26).toString()).toBe('PROMATLAS-EMBEDDED-BACKUP ');

      const ontoRunning = await promatlas(['db', 'restore', file, '--replace'], {
        dataDir: served,
      });
      expect(ontoRunning.code).toBe(1);
      expect(ontoRunning.stderr).toContain(`in use by process ${server.child.pid}`);
    } finally {
      expect(await server.stop()).toBe(0);
    }

    const restore = await promatlas(['db', 'restore', file], { dataDir: copy });
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);

    const original = await withConnection(await connectPglite(served), (c) => checksums(c.pool));
    const restored = await withConnection(await connectPglite(copy), (c) => checksums(c.pool));
    expectSubstantial(original);
    expect(restored).toEqual(original);

    const again = await promatlas(['db', 'restore', file], { dataDir: copy });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/уже есть база данных.*add --replace/s);
  });

  it('replaces a database only when told to, with the server stopped', async () => {
    const source = path.join(root, 'source');
    const target = path.join(root, 'target');
    const file = path.join(root, 'direct.backup');
    await withConnection(await connectPglite(source), async (c) => {
      await c.pool.query('CREATE TABLE marker (id int PRIMARY KEY, note text)');
      await c.pool.query(`INSERT INTO marker VALUES (1, 'из копии')`);
    });
    await withConnection(await connectPglite(target), async (c) => {
      await c.pool.query('CREATE TABLE other (id int PRIMARY KEY)');
    });
    expect(await backupEmbedded(source, file)).toBe('direct');
    await expect(restoreEmbedded(target, file, false)).rejects.toThrow(/add --replace/);
    await restoreEmbedded(target, file, true);
    await withConnection(await connectPglite(target), async (c) => {
      const tables = await checksums(c.pool);
      expect(Object.keys(tables)).toEqual(['marker']);
      expect((await c.pool.query('SELECT note FROM marker')).rows).toEqual([{ note: 'из копии' }]);
    });
  });

  it('takes a snapshot between transactions: no half of a concurrent transaction is in it', async () => {
    const dir = path.join(root, 'busy');
    const target = path.join(root, 'busy-copy');
    const file = path.join(root, 'busy.backup');
    await withConnection(await connectPglite(dir), async (c) => {
      await c.pool.query(
        'CREATE TABLE a (id int PRIMARY KEY); CREATE TABLE b (id int PRIMARY KEY)',
      );
      let stop = false;
      const writer = (async () => {
        for (let i = 0; !stop && i < 10_000; i++) {
          const client = await c.pool.connect();
          try {
            await client.query('BEGIN');
            await client.query('INSERT INTO a VALUES ($1)', [i]);
            await new Promise((r) => setTimeout(r, 1));
            await client.query('INSERT INTO b VALUES ($1)', [i]);
            await client.query('COMMIT');
          } finally {
            client.release();
          }
        }
      })();
      await new Promise((r) => setTimeout(r, 300));
      fs.writeFileSync(file, await embeddedSnapshot(c));
      stop = true;
      await writer;
    });
    await restoreEmbedded(target, file, false);
    await withConnection(await connectPglite(target), async (c) => {
      const counts = await c.pool.query<{ a: number; b: number }>(
        'SELECT (SELECT count(*)::int FROM a) AS a, (SELECT count(*)::int FROM b) AS b',
      );
      expect(counts.rows[0]!.a).toBeGreaterThan(0);
      expect(counts.rows[0]!.b).toBe(counts.rows[0]!.a);
    });
  });

  it('refuses a PostgreSQL server backup, saying what it is', async () => {
    const file = path.join(root, 'server.dump');
    fs.writeFileSync(file, 'PGDMP\u0001\u000e\u0000 not really a dump');
    const result = await promatlas(['db', 'restore', file], { dataDir: path.join(root, 'x') });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /PostgreSQL server backup \(pg_dump\); restore it with DATABASE_URL/,
    );
  });
});

const onServer = databaseKinds().includes('postgres');

describe.runIf(onServer)('PostgreSQL server backups', { timeout: 600_000 }, () => {
  const base = process.env['TEST_DATABASE_URL']!;
  const created: string[] = [];
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  async function createDatabase(): Promise<string> {
    const name = `promatlas_backup_${process.pid}_${Date.now()}_${created.length}`;
    await admin(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
    created.push(name);
    const url = new URL(base);
    url.pathname = `/${name}`;
    return url.toString();
  }
  afterAll(async () => {
    for (const name of created) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('round-trips the demo through pg_dump -Fc into a fresh database, identical table by table', async () => {
    const source = await createDatabase();
    const original = await withConnection(connectPostgres(source, 2), async (c) => {
      await prepareDatabase(c, { demo: true });
      return checksums(c.pool);
    });
    expectSubstantial(original);
    const file = path.join(root, 'server.backup');
    const backup = await promatlas(['db', 'backup', file], { databaseUrl: source });
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP');

    const fresh = await createDatabase();
    const restore = await promatlas(['db', 'restore', file], { databaseUrl: fresh });
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(await withConnection(connectPostgres(fresh, 2), (c) => checksums(c.pool))).toEqual(
      original,
    );

    const again = await promatlas(['db', 'restore', file], { databaseUrl: fresh });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/база данных не пуста.*add --replace/s);

    await withConnection(connectPostgres(fresh, 1), async (c) => {
      await c.pool.query('CREATE TABLE stray (id int)');
      await c.pool.query('DELETE FROM audit_entry');
      await c.pool.query('DELETE FROM cluster_member');
    });
    const replaced = await promatlas(['db', 'restore', file, '--replace'], { databaseUrl: fresh });
    expect(replaced.stderr).toBe('');
    expect(replaced.code).toBe(0);
    expect(await withConnection(connectPostgres(fresh, 2), (c) => checksums(c.pool))).toEqual(
      original,
    );
  });

  it('refuses an embedded backup, saying what it is', async () => {
    const file = path.join(root, 'embedded-for-server.backup');
    fs.writeFileSync(file, 'PROMATLAS-EMBEDDED-BACKUP 1\n{}\n');
    const result = await promatlas(['db', 'restore', file], {
      databaseUrl: await createDatabase(),
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/embedded database backup; restore it without DATABASE_URL/);
  });
});
