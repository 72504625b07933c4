import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/http/app.ts';
import type { AppInstance } from '../src/http/app-instance.ts';
import { ChangeFeed, type ChangeSignal } from '../src/db/change-feed.ts';
import { ReadCache } from '../src/search/index.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './databases.ts';
import { signIn, type Client } from './sessions.ts';
import { createUser } from '../src/users/user.service.ts';
import type { Created, Organisation, OrganisationList, SearchResponse } from './api-types.ts';

/**
 * Two API nodes over one database, as `promatlas serve` runs them: each with
 * its own read cache, emptied by its own follower of the change feed. Writes
 * go through node A; what the public reader gets from node B must change once
 * B's feed has reported the write.
 */
describe.each(databaseKinds())('the read cache and the change feed on %s', (kind) => {
  let database: TestDatabase;
  let feedA: ChangeFeed;
  let feedB: ChangeFeed;
  let nodeA: AppInstance;
  let nodeB: AppInstance;
  let plain: AppInstance;
  let cacheB: ReadCache;
  let editor: Client;
  let editorOnB: Client;
  let counter = 0;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    feedA = await ChangeFeed.start(database);
    feedB = await ChangeFeed.start(database);
    cacheB = new ReadCache(feedB);
    const deps = { db: database.db, databaseKind: database.kind };
    nodeA = await buildApp({ deps: { ...deps, readCache: new ReadCache(feedA) } });
    nodeB = await buildApp({ deps: { ...deps, readCache: cacheB } });
    plain = await buildApp({ deps });
    editor = await signIn(nodeA, 'administrator');
    editorOnB = await signIn(nodeB, 'administrator');
  });
  afterAll(async () => {
    await nodeA?.close();
    await nodeB?.close();
    await plain?.close();
    await feedA?.close();
    await feedB?.close();
    await database?.dispose();
  });

  /**
   * A word no fixture has and unlike every other this file makes (so neither
   * full text nor the typo fallback finds one test's records from another's).
   */
  const WORDS = [
    'Аметистрой',
    'Бирюзотех',
    'Вольфрамит',
    'Гелиограф',
    'Дирижабль',
    'Жемчужина',
    'Изумрудстан',
    'Кварцполис',
    'Лазуритэк',
    'Малахитовъ',
    'Нефритмаш',
    'Опаловскъ',
  ];
  const uniqueWord = () => WORDS[counter++ % WORDS.length]!;

  async function get(app: AppInstance, url: string, headers: Record<string, string> = {}) {
    return app.inject({ method: 'GET', url, headers });
  }

  /** Runs a write through node A and waits until node B's change feed has reported a change. */
  async function writeOnA<T>(write: () => Promise<T>): Promise<T> {
    const before = feedB.generation;
    const result = await write();
    for (let i = 0; i < 200 && feedB.generation === before; i++)
      await new Promise((r) => setTimeout(r, 10));
    expect(feedB.generation, 'node B heard of the change').toBeGreaterThan(before);
    return result;
  }

  /** What the public reader sees of a word on node B: search ids, list ids, profile status and name. */
  async function publicView(word: string, id: number) {
    const search = (
      await get(nodeB, `/api/search?q=${encodeURIComponent(word)}`)
    ).json<SearchResponse>();
    const list = (
      await get(nodeB, `/api/organisations?q=${encodeURIComponent(word)}`)
    ).json<OrganisationList>();
    const profile = await get(nodeB, `/api/organisations/${id}`);
    return {
      search: search.items.filter((i) => i.type === 'organisation').map((i) => i.id),
      list: list.items.map((o) => o.id),
      profile: profile.statusCode,
      name: profile.statusCode === 200 ? profile.json<Organisation>().name : null,
    };
  }

  it('answers a repeated public search, list and profile from the cache, byte for byte as the database path', async () => {
    for (const url of [
      `/api/search?q=${encodeURIComponent('Липецкой')}&limit=20`,
      `/api/search?q=${encodeURIComponent('Липецкй')}`,
      '/api/organisations?region=42&sort=-name&page=1&pageSize=5',
      '/api/regions/42',
    ]) {
      const first = await get(nodeB, url);
      const hits = cacheB.hits;
      const second = await get(nodeB, url);
      expect(cacheB.hits, url).toBe(hits + 1);
      const direct = await get(plain, url);
      expect(first.statusCode, url).toBe(200);
      expect(second.body, url).toBe(first.body);
      expect(second.body, url).toBe(direct.body);
    }
  });

  it("shows an organisation created, renamed, deleted and restored through node A in node B's search, list and profile once B's feed reports it", async () => {
    const word = uniqueWord();
    // Node B has answered (and kept) the word's empty search and list before the record exists.
    expect((await publicView(word, 0)).search).toEqual([]);
    const created = await writeOnA(() =>
      editor.request<Created>('POST', '/api/organisations', {
        kind: 'enterprise',
        name: `ООО «${word}»`,
        regionCode: '42',
        published: true,
      }),
    );
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(await publicView(word, id)).toEqual({
      search: [String(id)],
      list: [id],
      profile: 200,
      name: `ООО «${word}»`,
    });

    const renamed = uniqueWord();
    await writeOnA(() =>
      editor.request('PATCH', `/api/organisations/${id}`, {
        name: `ООО «${renamed}»`,
        version: created.body.version,
      }),
    );
    expect(await publicView(renamed, id)).toEqual({
      search: [String(id)],
      list: [id],
      profile: 200,
      name: `ООО «${renamed}»`,
    });
    expect((await publicView(word, id)).search).toEqual([]);

    await writeOnA(() => editor.request('DELETE', `/api/organisations/${id}?version=2`));
    expect(await publicView(renamed, id)).toEqual({
      search: [],
      list: [],
      profile: 404,
      name: null,
    });

    await writeOnA(() => editor.request('POST', `/api/organisations/${id}/restore`));
    expect(await publicView(renamed, id)).toMatchObject({
      search: [String(id)],
      list: [id],
      profile: 200,
    });
  });

  it('never shows the public reader a draft through the cache, and never keeps a signed-in answer', async () => {
    const word = uniqueWord();
    const url = `/api/search?q=${encodeURIComponent(word)}`;
    const draft = await writeOnA(() =>
      editor.request<Created>('POST', '/api/organisations', {
        kind: 'enterprise',
        name: `АО «${word}»`,
        regionCode: '42',
        published: false,
      }),
    );
    // The signed-in user sees the draft on node B, and that answer is marked private and not kept.
    const size = cacheB.size;
    const mine = await editorOnB.request<SearchResponse>('GET', url);
    expect(mine.body.items.map((i) => i.id)).toContain(String(draft.body.id));
    expect(cacheB.size).toBe(size);
    const signedIn = await nodeB.inject({
      method: 'GET',
      url,
      headers: { cookie: await sessionCookie(nodeB) },
    });
    expect(signedIn.json<SearchResponse>().items.map((i) => i.id)).toContain(String(draft.body.id));
    expect(signedIn.headers['cache-control']).toBe('private, no-store');
    expect(signedIn.headers['etag']).toBeUndefined();
    // The public reader, on the same node and URL, twice (the second from the cache): no draft.
    for (let i = 0; i < 2; i++) {
      const res = await get(nodeB, url);
      expect(res.json<SearchResponse>().total).toBe(0);
      expect(res.headers['cache-control']).toBe('public, no-cache');
      expect(res.headers['vary']).toBe('Cookie');
    }
    expect((await get(nodeB, `/api/organisations/${draft.body.id}`)).statusCode).toBe(404);
    // Published, it appears for the public reader too.
    await writeOnA(() =>
      editor.request('PATCH', `/api/organisations/${draft.body.id}`, {
        published: true,
        version: draft.body.version,
      }),
    );
    expect((await get(nodeB, url)).json<SearchResponse>().items.map((i) => i.id)).toEqual([
      String(draft.body.id),
    ]);
  });

  it('answers 304 to a matching If-None-Match, the same ETag on both nodes, and a new ETag after a change', async () => {
    const word = uniqueWord();
    const created = await writeOnA(() =>
      editor.request<Created>('POST', '/api/organisations', {
        kind: 'enterprise',
        name: `ЗАО «${word}»`,
        regionCode: '42',
        published: true,
      }),
    );
    const url = `/api/organisations/${created.body.id}`;
    const first = await get(nodeB, url);
    const etag = first.headers['etag'];
    expect(typeof etag).toBe('string');
    expect((await get(nodeA, url)).headers['etag']).toBe(etag);
    const again = await get(nodeB, url, { 'if-none-match': String(etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await get(plain, url, { 'if-none-match': String(etag) })).statusCode).toBe(304);
    await writeOnA(() =>
      editor.request('PATCH', `/api/organisations/${created.body.id}`, {
        town: 'Елец',
        version: created.body.version,
      }),
    );
    const changed = await get(nodeB, url, { 'if-none-match': String(etag) });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers['etag']).not.toBe(etag);
    expect(changed.json<Organisation>().town).toBe('Елец');
  });

  it('empties the cache of the node that answered a write at once, before its notification arrives', async () => {
    const still: ChangeSignal = { generation: 0, live: true, lastChangeAt: 0 };
    const cache = new ReadCache(still);
    const node = await buildApp({
      deps: { db: database.db, databaseKind: database.kind, readCache: cache },
    });
    try {
      const writer = await signIn(node, 'administrator');
      const word = uniqueWord();
      const url = `/api/organisations?q=${encodeURIComponent(word)}`;
      expect((await get(node, url)).json<OrganisationList>().items).toEqual([]);
      expect(cache.size).toBeGreaterThan(0);
      const created = await writer.request<Created>('POST', '/api/organisations', {
        kind: 'enterprise',
        name: `ООО «${word}»`,
        regionCode: '42',
        published: true,
      });
      expect(cache.size).toBe(0);
      expect((await get(node, url)).json<OrganisationList>().items.map((o) => o.id)).toEqual([
        created.body.id,
      ]);
    } finally {
      await node.close();
    }
  });

  it('keeps nothing while its change feed is not listening', async () => {
    const deaf: ChangeSignal = { generation: 0, live: false, lastChangeAt: 0 };
    const cache = new ReadCache(deaf);
    const node = await buildApp({
      deps: { db: database.db, databaseKind: database.kind, readCache: cache },
    });
    try {
      for (let i = 0; i < 2; i++) expect((await get(node, '/api/regions/42')).statusCode).toBe(200);
      expect(cache.size).toBe(0);
      expect(cache.hits).toBe(0);
    } finally {
      await node.close();
    }
  });

  /** A session cookie of a new analyst signed in on `app`, for requests whose headers the test reads. */
  async function sessionCookie(app: AppInstance): Promise<string> {
    const email = `cache.${kind}.${Date.now()}.${Math.random()}@test.promatlas`;
    const password = 'correct horse battery staple';
    await createUser(app.deps.db, {
      email,
      displayName: 'Аналитик',
      role: 'analyst',
      regions: [],
      password,
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
    });
    expect(login.statusCode).toBe(200);
    return login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  }
});
