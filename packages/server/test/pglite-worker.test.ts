import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { DatabaseError } from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { connectPglite, EngineStoppedError, type Connection } from '../src/db/connection.ts';
import { PgliteWorker } from '../src/db/pglite-worker.ts';
import { LOCK_FILE } from '../src/db/data-dir-lock.ts';
import { inBatchTransaction } from '../src/registry-import/batch-transaction.ts';
import { buildApp } from '../src/http/app.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-pglite-worker-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function withEngine<T>(fn: (c: Connection) => Promise<T>, dataDir = 'memory://'): Promise<T> {
  const c = await connectPglite(dataDir);
  try {
    return await fn(c);
  } finally {
    await c.close();
  }
}

function workerOf(c: Connection): PgliteWorker {
  if (!(c.pglite instanceof PgliteWorker)) throw new Error('the engine is not in a worker thread');
  return c.pglite;
}

// Some tests open data directories on disk (initdb with fsync), slow on a busy machine.
describe('the embedded engine in its worker thread', { timeout: 180_000 }, () => {
  it('runs in a worker thread by default and answers Kysely and pool queries with typed values', async () => {
    await withEngine(async (c) => {
      workerOf(c);
      const { rows } = await c.pool.query<{ n: number; t: string; d: string }>(
        "SELECT count(*) AS n, $1::text AS t, DATE '2024-02-29' AS d FROM generate_series(1, 3)",
        ['текст'],
      );
      expect(rows).toEqual([{ n: 3, t: 'текст', d: '2024-02-29' }]);
      const viaKysely = await sql<{
        sum: number;
      }>`SELECT sum(x) AS sum FROM generate_series(1, ${10}::int) x`.execute(c.db);
      expect(viaKysely.rows).toEqual([{ sum: 55 }]);
    });
  });

  it("returns a failed statement as pg's DatabaseError with its fields, and the connection answers the next query", async () => {
    await withEngine(async (c) => {
      let failure: unknown;
      try {
        await sql`SELECT no_such_column FROM generate_series(1, 2)`.execute(c.db);
      } catch (error) {
        failure = error;
      }
      expect(failure).toBeInstanceOf(DatabaseError);
      expect((failure as DatabaseError).code).toBe('42703');
      expect((failure as DatabaseError).message).toContain('no_such_column');
      const { rows } = await sql<{ ok: number }>`SELECT 1 AS ok`.execute(c.db);
      expect(rows).toEqual([{ ok: 1 }]);
    });
  });

  it('commits a transaction whole and rolls a failed one back whole', async () => {
    await withEngine(async (c) => {
      await sql`CREATE TABLE item (id int PRIMARY KEY, name text NOT NULL)`.execute(c.db);
      await c.db.transaction().execute(async (trx) => {
        await sql`INSERT INTO item VALUES (1, 'one')`.execute(trx);
        await sql`INSERT INTO item VALUES (2, 'two')`.execute(trx);
      });
      await expect(
        c.db.transaction().execute(async (trx) => {
          await sql`INSERT INTO item VALUES (3, 'three')`.execute(trx);
          await sql`INSERT INTO item VALUES (1, 'duplicate')`.execute(trx);
        }),
      ).rejects.toMatchObject({ code: '23505' });
      const { rows } = await sql<{ id: number }>`SELECT id FROM item ORDER BY id`.execute(c.db);
      expect(rows.map((r) => r.id)).toEqual([1, 2]);
    });
  });

  it('loads a COPY from a blob inside a pool transaction, and loses it with the rollback', async () => {
    await withEngine(async (c) => {
      await sql`CREATE TABLE item (id int, name text)`.execute(c.db);
      await inBatchTransaction(c.db, async (_trx, copy) => {
        await copy!('COPY item (id, name) FROM STDIN', '1\tодин\n2\tдва\n');
      });
      await expect(
        inBatchTransaction(c.db, async (_trx, copy) => {
          await copy!('COPY item (id, name) FROM STDIN', '3\tтри\n');
          throw new Error('the batch fails after its COPY');
        }),
      ).rejects.toThrow('the batch fails after its COPY');
      await expect(
        inBatchTransaction(c.db, async (_trx, copy) => {
          await copy!('COPY item (id, name) FROM STDIN', 'not a number\tx\n');
        }),
      ).rejects.toMatchObject({ code: '22P02' });
      const { rows } = await sql<{
        id: number;
        name: string;
      }>`SELECT id, name FROM item ORDER BY id`.execute(c.db);
      expect(rows).toEqual([
        { id: 1, name: 'один' },
        { id: 2, name: 'два' },
      ]);
    });
  });

  it("delivers notifications from the pool's statements and the engine's own queries until unlistened", async () => {
    await withEngine(async (c) => {
      const payloads: string[] = [];
      const unlisten = await c.pglite!.listen('changes', (payload) => payloads.push(payload));
      await sql`SELECT pg_notify('changes', 'from the pool')`.execute(c.db);
      await c.db.transaction().execute(async (trx) => {
        await sql`SELECT pg_notify('changes', 'at commit')`.execute(trx);
        await sql`SELECT pg_notify('other', 'not listened to')`.execute(trx);
      });
      await c.pglite!.query("NOTIFY changes, 'from a query'");
      await unlisten();
      await sql`SELECT pg_notify('changes', 'after unlisten')`.execute(c.db);
      await c.pglite!.query("NOTIFY changes, 'after unlisten'");
      expect(payloads).toEqual(['from the pool', 'at commit', 'from a query']);
    });
  });

  it('dumps its data directory to a tarball that opens as the same database', async () => {
    const tarball = await withEngine(async (c) => {
      await sql`CREATE TABLE kept (v text)`.execute(c.db);
      await sql`INSERT INTO kept VALUES ('сохранено')`.execute(c.db);
      return c.pglite!.dumpDataDir('gzip');
    });
    expect(tarball.size).toBeGreaterThan(0);
    const dir = path.join(root, 'from-dump');
    const c = await connectPglite(dir, { loadDataDir: tarball });
    try {
      const { rows } = await sql<{ v: string }>`SELECT v FROM kept`.execute(c.db);
      expect(rows).toEqual([{ v: 'сохранено' }]);
    } finally {
      await c.close();
    }
  });

  it('closes cleanly: the data directory reopens with its data, and the closed engine refuses calls', async () => {
    const dir = path.join(root, 'reopen');
    const first = await connectPglite(dir);
    await sql`CREATE TABLE kept (v int)`.execute(first.db);
    await sql`INSERT INTO kept VALUES (7)`.execute(first.db);
    const engine = first.pglite!;
    await first.close();
    await expect(engine.query('SELECT 1')).rejects.toBeInstanceOf(EngineStoppedError);
    await withEngine(async (c) => {
      const { rows } = await sql<{ v: number }>`SELECT v FROM kept`.execute(c.db);
      expect(rows).toEqual([{ v: 7 }]);
    }, dir);
  });

  it("answers the health check's ping while a transaction holds the one connection", async () => {
    await withEngine(async (c) => {
      const client = await c.pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT 1');
        // The pool's one client is checked out: a query through the pool would wait for it.
        await c.ping!();
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    });
  });

  it('keeps the event loop free while a long statement runs: a timer fires before the answer', async () => {
    await withEngine(async (c) => {
      let fired = 0;
      let firedBeforeAnswer: number;
      const timer = setInterval(() => fired++, 1);
      try {
        await sql`SELECT pg_sleep(0.5)`.execute(c.db);
        firedBeforeAnswer = fired;
      } finally {
        clearInterval(timer);
      }
      expect(firedBeforeAnswer).toBeGreaterThan(0);
    });
  });

  it('fails the running and every later query with a clear error when its thread dies, and health answers 503', async () => {
    const c = await connectPglite('memory://');
    const app = await buildApp({ deps: { db: c.db, databaseKind: 'pglite', ping: c.ping! } });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
      const running = sql`SELECT pg_sleep(30)`.execute(c.db);
      const outcome = running.then(
        () => 'answered',
        (error: unknown) => error,
      );
      // Most likely running by then; queued or running, it must fail the same way.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await workerOf(c).terminate();
      const failure = await outcome;
      expect(failure).toBeInstanceOf(EngineStoppedError);
      expect((failure as Error).message).toContain('embedded database engine has stopped');
      await expect(sql`SELECT 1`.execute(c.db)).rejects.toThrow();
      await expect(c.pglite!.query('SELECT 1')).rejects.toBeInstanceOf(EngineStoppedError);
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({ status: 'unavailable', database: 'pglite' });
    } finally {
      await app.close();
      await c.close();
    }
  });

  it('reports a failure to open the database as an error of connectPglite and releases the directory', async () => {
    const dir = path.join(root, 'not-a-database');
    fs.mkdirSync(dir, { recursive: true });
    // A PG_VERSION without the rest: PostgreSQL refuses to start on it.
    fs.writeFileSync(path.join(dir, 'PG_VERSION'), '17\n');
    await expect(connectPglite(dir)).rejects.toThrow();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });
});
