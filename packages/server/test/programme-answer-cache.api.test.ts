import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanPage, RegionDashboard } from '@promatlas/core/api/programmes.schema.ts';
import { buildApp } from '../src/http/app.ts';
import type { AppInstance } from '../src/http/app-instance.ts';
import { ChangeFeed } from '../src/db/change-feed.ts';
import { ReadCache } from '../src/search/index.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './databases.ts';
import { signIn, type Client } from './sessions.ts';
import type { Created } from './api-types.ts';

/**
 * The programme answers kept by the read cache (plan page, timeline, region
 * dashboard, .ics feed): public readers get the kept copy until a change,
 * a write on the node shows at once, signed-in readers are never served
 * from it, and every answer carries an ETag a poll can revalidate (304).
 */
describe.each(databaseKinds())('programme answers and the read cache on %s', (kind) => {
  let database: TestDatabase;
  let feed: ChangeFeed;
  let cache: ReadCache;
  let cached: AppInstance;
  let plain: AppInstance;
  let editor: Client;
  let seq = 0;
  const uniq = () => `${Date.now() % 1_000_000}-c${++seq}`;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    feed = await ChangeFeed.start(database);
    cache = new ReadCache(feed);
    const deps = { db: database.db, databaseKind: database.kind };
    cached = await buildApp({ deps: { ...deps, readCache: cache } });
    plain = await buildApp({ deps });
    editor = await signIn(cached, 'administrator');
  }, 180_000);
  afterAll(async () => {
    await cached?.close();
    await plain?.close();
    await feed?.close();
    await database?.dispose();
  });

  const get = (app: AppInstance, url: string, headers: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers });
  const create = async (url: string, body: unknown) => {
    const res = await editor.request<Created>('POST', url, body);
    expect(res.status, url).toBe(201);
    return res.body.id;
  };
  const newPlan = () =>
    create('/api/action-plans', {
      title: `План ${uniq()}`,
      parties: [{ regionCode: '42' }],
      published: true,
    });

  it('answers a repeated public plan page, timeline and dashboard from the cache, byte for byte as the database path', async () => {
    const plan = await newPlan();
    await create('/api/measures', {
      actionPlanId: plan,
      title: `Мероприятие ${uniq()}`,
      deadline: '2025-06-10',
      status: 'planned',
      published: true,
    });
    for (const url of [
      `/api/action-plans/${plan}/measures?today=2025-06-01`,
      `/api/action-plans/${plan}/timeline?today=2025-06-01`,
      '/api/regions/42/programmes?today=2025-06-01',
    ]) {
      const first = await get(cached, url);
      // On PostgreSQL the notifications of the writes above arrive when they
      // arrive; an answer read while one is in flight is not kept. Once the
      // feed is quiet, a repeated read must come from the cache.
      let second = first;
      let hit = false;
      for (let i = 0; i < 50 && !hit; i++) {
        const hits = cache.hits;
        second = await get(cached, url);
        hit = cache.hits === hits + 1;
      }
      expect(hit, `${url} answered from the cache`).toBe(true);
      expect(first.statusCode, url).toBe(200);
      expect(second.headers['content-type'], url).toMatch(/^application\/json/);
      expect(second.body, url).toBe(first.body);
      expect(second.body, url).toBe((await get(plain, url)).body);
    }
  });

  it('shows a measure added by an editor on the next public plan page and dashboard at once', async () => {
    const plan = await newPlan();
    const pageUrl = `/api/action-plans/${plan}/measures?today=2025-06-01`;
    const boardUrl = '/api/regions/42/programmes?today=2025-06-01';
    expect((await get(cached, pageUrl)).json<PlanPage>().counts.total).toBe(0);
    await get(cached, boardUrl);
    const id = await create('/api/measures', {
      actionPlanId: plan,
      title: `Новое мероприятие ${uniq()}`,
      deadline: '2025-05-01',
      status: 'planned',
      published: true,
    });
    const page = (await get(cached, pageUrl)).json<PlanPage>();
    expect(page.themes.flatMap((g) => g.measures).map((m) => m.id)).toEqual([id]);
    const board = (await get(cached, boardUrl)).json<RegionDashboard>();
    expect(board.overdue.map((m) => m.id)).toContain(id);
  });

  it('never serves a signed-in reader from the cache nor keeps their answer; public answers may be kept by browsers only after revalidation', async () => {
    const plan = await newPlan();
    const url = `/api/action-plans/${plan}/measures?today=2025-06-01`;
    const hits = cache.hits;
    const size = cache.size;
    const first = await editor.request<PlanPage>('GET', url);
    const second = await editor.request<PlanPage>('GET', url);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(cache.hits).toBe(hits);
    expect(cache.size).toBe(size);
    const anonymous = await get(cached, url);
    expect(anonymous.headers['cache-control']).toBe('public, no-cache');
    expect(anonymous.headers['vary']).toBe('Cookie');
    expect(cache.size).toBe(size + 1);
  });

  it('gives the .ics feed an ETag of its text and answers a poll that has it with 304 and no body', async () => {
    const plan = await newPlan();
    const measure = await create('/api/measures', {
      actionPlanId: plan,
      title: `Срок для календаря ${uniq()}`,
      deadline: '2025-06-30',
      published: true,
    });
    for (const app of [plain, cached]) {
      const url = `/api/calendar.ics?plan=${plan}`;
      const first = await get(app, url);
      expect(first.statusCode).toBe(200);
      expect(first.headers['content-type']).toMatch(/^text\/calendar/);
      const etag = String(first.headers['etag']);
      expect(etag).toMatch(/^"[\w-]+"$/);
      // The same data gives the same text: every entry's stamp is its record's last change.
      expect((await get(plain, url)).body).toBe(first.body);
      const poll = await get(app, url, { 'if-none-match': etag });
      expect(poll.statusCode).toBe(304);
      expect(poll.body).toBe('');
      const entries = new ICAL.Component(ICAL.parse(first.body))
        .getAllSubcomponents('vevent')
        .map((v) => new ICAL.Event(v));
      expect(entries.map((e) => e.uid)).toEqual([`deadline-${measure}@promatlas`]);
    }
  });

  it('changes the .ics ETag when a deadline in the feed changes', async () => {
    const plan = await newPlan();
    const measure = await create('/api/measures', {
      actionPlanId: plan,
      title: `Перенос срока ${uniq()}`,
      deadline: '2025-06-30',
      published: true,
    });
    const url = `/api/calendar.ics?plan=${plan}`;
    const before = await get(cached, url);
    const version = (await editor.request<{ version: number }>('GET', `/api/measures/${measure}`))
      .body.version;
    const moved = await editor.request('PATCH', `/api/measures/${measure}`, {
      version,
      deadline: '2025-09-30',
    });
    expect(moved.status).toBe(200);
    const after = await get(cached, url, { 'if-none-match': String(before.headers['etag']) });
    expect(after.statusCode).toBe(200);
    expect(after.headers['etag']).not.toBe(before.headers['etag']);
    const entry = new ICAL.Event(
      new ICAL.Component(ICAL.parse(after.body)).getFirstSubcomponent('vevent')!,
    );
    expect(entry.startDate.toString()).toBe('2025-09-30');
  });
});
