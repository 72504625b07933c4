import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandling } from '../src/http/errors.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { databaseKinds } from './databases.ts';
import { signIn, type Client } from './sessions.ts';
import type { Page } from './api-types.ts';

interface ErrorBody {
  error: {
    code: string;
    message: string;
    messageEn: string;
    fields?: { field: string; message: string; messageEn: string }[];
  };
}

function expectClientError(res: { status: number; body: unknown }, status: number): ErrorBody {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const body = res.body as ErrorBody;
  expect(body.error.message).toMatch(/[А-Яа-яЁё]/);
  expect(body.error.messageEn).toMatch(/[A-Za-z]/);
  return body;
}

/** Reproductions of requests that used to end in 500: each now gets a client error or a normal answer. */
describe.each(databaseKinds())('no server errors on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await signIn(t.app, 'administrator');
  });
  afterAll(async () => t?.close());

  it('answers an empty page when a region search matches no region', async () => {
    const res = await t.getJson<Page<unknown>>('/api/regions?q=zzzqqqxxx');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    expect(res.body.total).toBe(0);
  });

  it('answers an empty page past the end of the region list', async () => {
    const res = await t.getJson<Page<unknown>>('/api/regions?page=50');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
    expect(res.body.total).toBeGreaterThan(80);
  });

  it('refuses a page number too large for the database with a named field', async () => {
    const res = await t.getJson('/api/organisations?page=99999999999999999999');
    const body = expectClientError(res, 400);
    expect(body.error.fields?.map((f) => f.field)).toEqual(['page']);
  });

  it('refuses a NUL byte in a query string, naming the parameter', async () => {
    for (const url of ['/api/search?q=%D0%BB%00x', '/api/organisations?q=a%00b']) {
      const body = expectClientError(await t.getJson(url), 400);
      expect(body.error.fields?.map((f) => f.field)).toEqual(['q']);
      expect(body.error.message).toMatch(/нулевой символ/);
    }
  });

  it('refuses a NUL byte in a path parameter, naming it', async () => {
    const body = expectClientError(await t.getJson('/api/regions/4%002'), 400);
    expect(body.error.fields?.map((f) => f.field)).toEqual(['code']);
  });

  it('refuses a NUL byte in body text, naming the field, even deep inside the body', async () => {
    const search = await admin.request('POST', '/api/search', { q: 'ОЭЗ\u0000' });
    expect(search.status).toBeLessThan(500);
    const created = await admin.request('POST', '/api/organisations', {
      name: 'Завод\u0000',
      kind: 'enterprise',
      regionCode: '42',
      aliases: ['ok', 'bad\u0000alias'],
    });
    const body = expectClientError(created, 400);
    expect(body.error.fields?.map((f) => f.field)).toEqual(['name', 'aliases.1']);
  });

  it('refuses a partial date that is not a calendar date, naming the field', async () => {
    const res = await admin.request('POST', '/api/sources', {
      kind: 'news',
      title: 'Новость',
      published: { from: '=JG', to: '2024-02-30', precision: 'day' },
      text: 'Текст новости.',
    });
    const body = expectClientError(res, 400);
    expect(body.error.fields?.map((f) => f.field).sort()).toEqual([
      'published.from',
      'published.to',
    ]);
  });

  it('answers a path that is not valid UTF-8 with the JSON error shape', async () => {
    const res = await t.getJson('/api/datasets/%ED%A0%80');
    expect(expectClientError(res, 400).error.code).toBe('bad_url');
  });

  it('refuses an empty user patch instead of failing on it', async () => {
    await signIn(t.app, 'analyst');
    const { body } = await admin.request('GET', '/api/users');
    const id = (body as { items: { id: number; role: string }[] }).items.find(
      (u) => u.role === 'analyst',
    )!.id;
    const res = await admin.request('PATCH', `/api/users/${id}`, {});
    expect(expectClientError(res, 400).error.messageEn).toMatch(/Nothing to change/);
  });

  it('answers 400 naming the field when a created record refers to a region that does not exist', async () => {
    const res = await admin.request('POST', '/api/organisations', {
      name: 'Завод без региона',
      kind: 'enterprise',
      regionCode: '99999',
    });
    const body = expectClientError(res, 400);
    expect(body.error.fields?.map((f) => f.field)).toEqual(['regionCode']);
  });

  it('keeps serving after every one of these requests', async () => {
    expect((await t.getJson('/api/health')).status).toBe(200);
    expect((await t.getJson('/api/regions/42')).status).toBe(200);
  });
});

/**
 * Database errors caused by the request (a missing referenced record, a
 * duplicate, bytes or numbers the database refuses) are the client's fault:
 * whatever route lets one through answers 4xx, never 500. Each route below
 * makes the real database raise the error.
 */
describe.each(databaseKinds())('database errors that are the client’s fault on %s', (kind) => {
  let t: TestApp;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestApp(kind);
    app = Fastify();
    registerErrorHandling(app);
    const db = t.database.db;
    const routes: Record<string, () => Promise<unknown>> = {
      'foreign-key': () =>
        sql`INSERT INTO organisation (name, kind, region_code) VALUES ('x', 'enterprise', '99999')`.execute(
          db,
        ),
      'still-referenced': async () => {
        await sql`INSERT INTO organisation (name, kind, region_code) VALUES ('x', 'enterprise', '42')`.execute(
          db,
        );
        return sql`DELETE FROM region WHERE code = '42'`.execute(db);
      },
      unique: () =>
        sql`INSERT INTO federal_district SELECT * FROM federal_district LIMIT 1`.execute(db),
      'invalid-byte': () => sql`SELECT convert_from('\\xff'::bytea, 'UTF8')`.execute(db),
      'unicode-escape': () => sql`SELECT '"\\u0000"'::jsonb`.execute(db),
      'invalid-text': () => sql`SELECT 'abc'::integer`.execute(db),
      'out-of-range': () => sql`SELECT '99999999999'::integer`.execute(db),
      'program-limit': () => sql`SELECT repeat('x', 3000)::tsvector`.execute(db),
    };
    for (const [name, run] of Object.entries(routes)) app.get(`/${name}`, run);
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await t?.close();
  });

  const call = async (url: string) => {
    const res = await app.inject({ method: 'GET', url });
    return { status: res.statusCode, body: res.json() as unknown };
  };

  it('answers 400 naming the field when a referenced record does not exist', async () => {
    const body = expectClientError(await call('/foreign-key'), 400);
    expect(body.error.code).toBe('reference_not_found');
    expect(body.error.fields?.map((f) => f.field)).toEqual(['regionCode']);
  });

  it('answers 409 when a record is still referenced by others', async () => {
    expect(expectClientError(await call('/still-referenced'), 409).error.code).toBe(
      'still_referenced',
    );
  });

  it('answers 409 on a duplicate value', async () => {
    const body = expectClientError(await call('/unique'), 409);
    expect(body.error.code).toBe('duplicate');
    expect(body.error.fields?.map((f) => f.field)).toEqual(['code']);
  });

  it.each(['invalid-byte', 'unicode-escape', 'invalid-text', 'out-of-range', 'program-limit'])(
    'answers 400 when the database refuses the value (%s)',
    async (name) => {
      expect(expectClientError(await call(`/${name}`), 400).error.code).toBe('invalid_value');
    },
  );

  it('quotes the refused value so the client can tell which one it was', async () => {
    const body = expectClientError(await call('/out-of-range'), 400);
    expect(body.error.message).toContain('«99999999999»');
    expect(body.error.messageEn).toContain('"99999999999"');
  });
});
