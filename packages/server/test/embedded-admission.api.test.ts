import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/http/app.ts';
import type { AppInstance } from '../src/http/app-instance.ts';
import { EMBEDDED_QUEUE_LIMIT } from '../src/http/embedded-admission.ts';
import { createTestDatabase, type TestDatabase } from './databases.ts';
import type { ErrorBody } from './api-types.ts';

describe('the embedded database with a full queue for its one connection', () => {
  let database: TestDatabase;
  let app: AppInstance;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    const { pool } = database;
    app = await buildApp({
      deps: {
        db: database.db,
        databaseKind: 'pglite',
        queueDepth: () => pool.waitingCount,
        ...(database.ping ? { ping: database.ping } : {}),
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await database.dispose();
  });

  it('answers API requests 503 database_busy in Russian and English while the queue is full, and serves them again once it drains', async () => {
    const before = await app.inject({ method: 'GET', url: '/api/organisations?limit=1' });
    expect(before.statusCode).toBe(200);

    // One long statement holds the connection; the rest queue behind it.
    const held = database.pool.query('SELECT pg_sleep(1.5)');
    const queued = Array.from({ length: EMBEDDED_QUEUE_LIMIT }, () =>
      database.pool.query('SELECT 1'),
    );
    expect(database.pool.waitingCount).toBeGreaterThanOrEqual(EMBEDDED_QUEUE_LIMIT);

    const busy = await app.inject({ method: 'GET', url: '/api/organisations?limit=1' });
    expect(busy.statusCode).toBe(503);
    expect(busy.headers['retry-after']).toBe('1');
    const body = busy.json<ErrorBody>();
    expect(body.error.code).toBe('database_busy');
    expect(body.error.message).toMatch(/База данных занята/);
    expect(body.error.messageEn).toMatch(/database is busy/);

    // The health check does not queue: it says the node is alive, or at worst not busy.
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.json<{ error?: { code: string } }>().error?.code).not.toBe('database_busy');

    await Promise.all([held, ...queued]);
    expect(database.pool.waitingCount).toBe(0);
    const after = await app.inject({ method: 'GET', url: '/api/organisations?limit=1' });
    expect(after.statusCode).toBe(200);
  });

  it('lets requests through below the limit, each answered in turn', async () => {
    const held = database.pool.query('SELECT pg_sleep(0.3)');
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        app.inject({ method: 'GET', url: '/api/organisations?limit=1' }),
      ),
    );
    await held;
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
  });
});
