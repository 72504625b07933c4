import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import type { ErrorBody, OrganisationList } from './api-types.ts';

/** No input crashes the server: every odd request gets a JSON answer and the server keeps serving. */
describe.each(databaseKinds())('hostile input on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  const nasty = [
    "' OR 1=1 --",
    '<script>alert(1)</script>',
    '!!!:*&|()',
    'Липецк:* & !',
    '\\',
    '%00',
    'а'.repeat(200),
    '😀 ОЭЗ',
  ];

  it.each(nasty)('search for %j answers JSON without a server error', async (q) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/search?q=${encodeURIComponent(q)}`,
    });
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json()).toHaveProperty('items');
  });

  it('refuses an over-long query naming the field, in Russian', async () => {
    const { status, body } = await t.getJson<ErrorBody>(`/api/search?q=${'я'.repeat(500)}`);
    expect(status).toBe(400);
    expect(body.error.fields![0]!.field).toBe('q');
    expect(body.error.message).toMatch(/Неверный параметр запроса/);
  });

  it('refuses an empty query', async () => {
    const { status, body } = await t.getJson<ErrorBody>('/api/search?q=%20%20');
    expect(status).toBe(400);
    expect(body.error.fields![0]!.field).toBe('q');
  });

  it('refuses unknown search types and bad filters with a named field', async () => {
    expect((await t.getJson('/api/search?q=x&types=planet')).status).toBe(400);
    const bad = await t.getJson<ErrorBody>('/api/organisations?okved=ZZ&region=Москва');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields!.map((f) => f.field).sort()).toEqual(['okved', 'region']);
  });

  it('answers a JSON 404 for unknown API routes and ids out of range', async () => {
    const unknown = await t.getJson<ErrorBody>('/api/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    expect((await t.getJson('/api/organisations/99999999999')).status).toBe(400);
    expect((await t.getJson('/api/regions/00')).status).toBe(404);
  });

  it('refuses a malformed JSON body and keeps serving', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/search',
      payload: '{"a":',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect((await t.getJson('/api/health')).status).toBe(200);
  });

  it('searches with SQL-looking text literally, not as SQL', async () => {
    const { body } = await t.getJson<OrganisationList>(
      `/api/organisations?q=${encodeURIComponent("x' OR '1'='1")}`,
    );
    expect(body.total).toBe(0);
  });
});
