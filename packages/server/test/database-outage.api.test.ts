import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/http/app.ts';
import type { AppInstance } from '../src/http/app-instance.ts';
import { connectPostgres, type Connection } from '../src/db/connection.ts';
import type { ErrorBody } from './api-types.ts';

/** A loopback port nothing listens on: connections to it are refused at once. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('a PostgreSQL server that does not answer', () => {
  let connection: Connection;
  let app: AppInstance;
  beforeAll(async () => {
    connection = connectPostgres(`postgres://postgres@127.0.0.1:${await closedPort()}/promatlas`);
    app = await buildApp({ deps: { db: connection.db, databaseKind: 'postgres' } });
  });
  afterAll(async () => {
    await app.close();
    await connection.close();
  });

  it('makes /api/health answer 503 «unavailable», so a load balancer takes the node out', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ status: 'unavailable', database: 'postgres' });
    expect(res.headers['retry-after']).toBe('1');
  });

  it('answers reads, sign-ins and session lookups 503 database_unavailable, in Russian and English, never 500', async () => {
    for (const request of [
      { method: 'GET' as const, url: '/api/organisations' },
      { method: 'GET' as const, url: '/api/search?q=завод' },
      {
        method: 'POST' as const,
        url: '/api/auth/login',
        payload: { email: 'someone@test.promatlas', password: 'a long enough password' },
      },
      { method: 'GET' as const, url: '/api/auth/me', headers: { cookie: 'promatlas_session=x' } },
    ]) {
      const res = await app.inject(request);
      expect(res.statusCode, request.url).toBe(503);
      const body = res.json<ErrorBody>();
      expect(body.error.code).toBe('database_unavailable');
      expect(body.error.message).toMatch(/База данных временно недоступна/);
      expect(body.error.messageEn).toMatch(/temporarily unavailable/);
    }
  });
});
