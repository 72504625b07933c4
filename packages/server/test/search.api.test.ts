import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import type { SearchResponse } from './api-types.ts';

describe.each(databaseKinds())('search on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  const search = async (q: string, extra = '') =>
    (await t.getJson<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}&limit=100${extra}`))
      .body;

  it('«Липецкой» finds the region, ОЭЗ «Липецк», clusters, sessions and organisations of the region', async () => {
    const body = await search('Липецкой');
    const titles = body.items.map((i) => `${i.type}:${i.title}`);
    expect(titles).toEqual(
      expect.arrayContaining([
        'region:Липецкая область',
        'site:ОЭЗ «Липецк»',
        'cluster:«ЛИПЕЦКМАШ»',
        'cluster:Промышленный кластер сельхозмашиностроения Липецкой области',
        'organisation:ОАО «Энергия»',
      ]),
    );
    expect(body.counts.event).toBe(3);
    expect(body.total).toBe(body.items.length);
    expect(body.fuzzy).toBe(false);
  });

  it('finds any case form: «Липецкая», «Липецкую», «липецкой области»', async () => {
    for (const q of ['Липецкая', 'Липецкую', 'липецкой области']) {
      const body = await search(q);
      expect(
        body.items.some((i) => i.type === 'region' && i.id === '42'),
        q,
      ).toBe(true);
    }
  });

  it('still finds the region with a typo: «Липецкй», «Лепецкая»', async () => {
    for (const q of ['Липецкй', 'Лепецкая']) {
      const body = await search(q);
      expect(
        body.items.some((i) => i.type === 'region' && i.title === 'Липецкая область'),
        q,
      ).toBe(true);
    }
    expect((await search('Лепецкая')).fuzzy).toBe(true);
  });

  it('finds a site by any alias, people by surname and documents by title words', async () => {
    expect((await search('ОЭЗ ППТ')).items[0]!.title).toBe('ОЭЗ «Липецк»');
    expect((await search('особой экономической зоны')).items[0]!.title).toBe('ОЭЗ «Липецк»');
    expect((await search('Шпиленко')).items[0]!).toMatchObject({
      type: 'person',
      title: 'Шпиленко Андрей Викторович',
    });
    expect((await search('Лаврентьева')).items[0]!.title).toBe('Лаврентьев Владимир Васильевич');
  });

  it('ranks name matches before records that merely lie in the named region', async () => {
    const items = (await search('Липецкой')).items;
    const firstRegionOnly = items.findIndex((i) => i.match === 'region');
    const lastText = items.map((i) => i.match).lastIndexOf('text');
    expect(firstRegionOnly).toBeGreaterThan(lastText);
  });

  it('filters by type and pages with a stable total', async () => {
    const all = await search('Липецкой', '&types=organisation');
    expect(all.items.every((i) => i.type === 'organisation')).toBe(true);
    const page1 = (
      await t.getJson<SearchResponse>('/api/search?q=Липецкой&types=organisation&limit=5&offset=0')
    ).body;
    const page2 = (
      await t.getJson<SearchResponse>('/api/search?q=Липецкой&types=organisation&limit=5&offset=5')
    ).body;
    expect(page1.total).toBe(all.total);
    expect(page2.total).toBe(all.total);
    const ids = [...page1.items, ...page2.items].map((i) => i.id);
    expect(new Set(ids).size).toBe(10);
    const beyond = (
      await t.getJson<SearchResponse>(
        '/api/search?q=Липецкой&types=organisation&limit=5&offset=1000',
      )
    ).body;
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(all.total);
  });
});
