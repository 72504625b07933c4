import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import type { ErrorBody, Organisation, OrganisationList } from './api-types.ts';

describe.each(databaseKinds())('organisations API on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  it('lists the organisations of a region with the total, sorted in Russian order', async () => {
    const { status, body } = await t.getJson<OrganisationList>(
      '/api/organisations?region=42&pageSize=5',
    );
    expect(status).toBe(200);
    expect(body.total).toBeGreaterThanOrEqual(25);
    expect(body.items).toHaveLength(5);
    const names = body.items.map((i: { name: string }) => i.name);
    expect([...names].sort((a, b) => a.localeCompare(b, 'ru'))).toEqual(names);
  });

  it('filters by kind and pages through the whole list without repeats', async () => {
    const first = await t.getJson<OrganisationList>(
      '/api/organisations?kind=enterprise&pageSize=10&page=1',
    );
    const second = await t.getJson<OrganisationList>(
      '/api/organisations?kind=enterprise&pageSize=10&page=2',
    );
    const ids = [...first.body.items, ...second.body.items].map((i: { id: number }) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    // 13 enterprises of the 2013 session, the tractor plant, «Моторинвест» and РЖД.
    expect(first.body.total).toBe(16);
    expect(ids.length).toBe(16);
  });

  it('shows an enterprise of the 2013 session with legal form, town and its source sentence', async () => {
    const list = await t.getJson<OrganisationList>(
      `/api/organisations?q=${encodeURIComponent('Гидравлик')}`,
    );
    expect(list.body.total).toBe(1);
    const { body } = await t.getJson<Organisation>(`/api/organisations/${list.body.items[0]!.id}`);
    expect(body.displayName).toBe('ОАО «Гидравлик»');
    expect(body.town).toBe('Грязи');
    expect(body.region).toEqual({ code: '42', name: 'Липецкая область' });
    expect(body.source!.quote).toBe('ОАО «Гидравлик» (г.Грязи)');
    expect(body.events[0]!.role).toBe('participant');
  });

  it('answers 404 in JSON for an organisation that does not exist', async () => {
    const { status, body } = await t.getJson<ErrorBody>('/api/organisations/999999');
    expect(status).toBe(404);
    expect(body.error.message).toContain('не найден');
  });

  it('refuses a malformed page size naming the field', async () => {
    const { status, body } = await t.getJson<ErrorBody>('/api/organisations?pageSize=abc');
    expect(status).toBe(400);
    expect(body.error.fields![0]!.field).toBe('pageSize');
    expect(body.error.message).toMatch(/pageSize/);
  });
});
