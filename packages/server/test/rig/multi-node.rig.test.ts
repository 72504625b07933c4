import { randomBytes } from 'node:crypto';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type {
  Created,
  CreatedDataset,
  ErrorBody,
  Organisation,
  OrganisationList,
  SearchResponse,
  Upload,
} from '../api-types.ts';
import {
  health,
  nodeAlive,
  rigCommand,
  RigClient,
  rigEnv,
  rigReady,
  sleep,
  sqlOn,
  until,
  type RigEnv,
} from './rig.ts';

/**
 * The real parts on loopback (scripts/rig/rig.sh): PostgreSQL 15 primary and
 * streaming replica, two `promatlas serve` nodes, HAProxy in front. Each test
 * starts from every part up and leaves every part up again, whatever it broke.
 */
let env: RigEnv;
let node1: string;
let node2: string;
let proxy: string;

/** A word no other record has, so that search and lists find exactly this test's records. */
const uniqueWord = () => `Стенд${randomBytes(4).toString('hex')}`;

async function editor(base = proxy): Promise<RigClient> {
  const client = new RigClient();
  await client.signIn(base, env.email, env.password);
  return client;
}

async function createOrganisation(client: RigClient, base: string, name: string) {
  return client.request<Created>(base, 'POST', '/api/organisations', {
    kind: 'enterprise',
    name,
    regionCode: '42',
    published: true,
  });
}

beforeAll(async () => {
  env = await rigEnv();
  [node1, node2] = env.nodeUrls;
  proxy = env.proxyUrl;
});

beforeEach(async () => rigReady(env), 120_000);

afterEach(async () => {
  // Put back whatever a test broke, so the next one starts from a whole rig.
  await sqlOn(env.replicaUrl, 'SELECT pg_wal_replay_resume()').catch(() => {});
  for (const n of [1, 2] as const)
    if (!(await nodeAlive(env, n))) await rigCommand('node-start', String(n));
  await rigCommand('pg-start', 'primary').catch(() => {});
  await rigCommand('pg-start', 'replica').catch(() => {});
  await rigReady(env);
}, 180_000);

describe('several API nodes over one PostgreSQL', () => {
  it('serves a session signed in on node 1 on node 2, CSRF token included', async () => {
    const client = await editor(node1);
    const me = await client.request<{ user: { email: string } }>(node2, 'GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe(env.email);
    const created = await createOrganisation(client, node2, `ООО «${uniqueWord()}»`);
    expect(created.status).toBe(201);
  });

  it('counts wrong passwords sent to both nodes against one sign-in limit', async () => {
    const admin = await editor(node1);
    const email = `limit.${randomBytes(4).toString('hex')}@test.promatlas`;
    const password = 'a long enough password 2026';
    const made = await admin.request(node1, 'POST', '/api/users', {
      email,
      displayName: 'Проверка лимита',
      role: 'analyst',
      regions: [],
      password,
    });
    expect(made.status).toBe(201);
    const attacker = new RigClient();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (
          await attacker.request(i % 2 ? node2 : node1, 'POST', '/api/auth/login', {
            email,
            password: `wrong ${i}`,
          })
        ).status,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    // Five failures spread over two nodes: the sixth attempt waits, on either node, right password or not.
    for (const node of [node1, node2]) {
      const delayed = await attacker.request(node, 'POST', '/api/auth/login', { email, password });
      expect(delayed.status).toBe(429);
    }
  });

  it('shows an organisation created on node 1 in the profile, list and search of node 2 within a second', async () => {
    const word = uniqueWord();
    const writer = await editor(node1);
    const created = await createOrganisation(writer, node1, `АО «${word}»`);
    expect(created.status).toBe(201);
    // The promise: visible to every reader on every node once the replica's lag bound has passed.
    await sleep(1_000);
    const reader = new RigClient();
    const profile = await reader.request<Organisation>(
      node2,
      'GET',
      `/api/organisations/${created.body.id}`,
    );
    expect(profile.status).toBe(200);
    expect(profile.body.name).toContain(word);
    const list = await reader.request<OrganisationList>(
      node2,
      'GET',
      `/api/organisations?q=${encodeURIComponent(word)}`,
    );
    expect(list.body.items.map((o) => o.id)).toEqual([created.body.id]);
    const search = await reader.request<SearchResponse>(
      node2,
      'GET',
      `/api/search?q=${encodeURIComponent(word)}`,
    );
    expect(search.body.items.map((i) => i.id)).toContain(String(created.body.id));
  });

  it("shows a rename on node 1 in node 2's cached public profile, list and search within a second", async () => {
    const word = uniqueWord();
    const writer = await editor(node1);
    const created = await createOrganisation(writer, node1, `ООО «${word}»`);
    expect(created.status).toBe(201);
    await sleep(1_000);
    const renamedWord = uniqueWord();
    const urls = {
      profile: `/api/organisations/${created.body.id}`,
      list: `/api/organisations?q=${encodeURIComponent(renamedWord)}`,
      search: `/api/search?q=${encodeURIComponent(renamedWord)}`,
    };
    // Node 2 answers each URL twice before the rename: the second answer comes from its read cache.
    const reader = new RigClient();
    for (let i = 0; i < 2; i++) {
      const profile = await reader.request<Organisation>(node2, 'GET', urls.profile);
      expect(profile.body.name).toContain(word);
      expect((await reader.request<OrganisationList>(node2, 'GET', urls.list)).body.items).toEqual(
        [],
      );
      expect((await reader.request<SearchResponse>(node2, 'GET', urls.search)).body.total).toBe(0);
    }
    const renamed = await writer.request(node1, 'PATCH', urls.profile, {
      name: `ООО «${renamedWord}»`,
      version: created.body.version,
    });
    expect(renamed.status).toBe(200);
    await sleep(1_000);
    const profile = await reader.request<Organisation>(node2, 'GET', urls.profile);
    expect(profile.body.name).toContain(renamedWord);
    const list = await reader.request<OrganisationList>(node2, 'GET', urls.list);
    expect(list.body.items.map((o) => o.id)).toEqual([created.body.id]);
    const search = await reader.request<SearchResponse>(node2, 'GET', urls.search);
    expect(search.body.items.map((i) => i.id)).toContain(String(created.body.id));
  });

  it('keeps a signed-in browser on one node behind the proxy, so an upload is found by the import that names it', async () => {
    const analyst = await editor(proxy);
    const csv = Buffer.from('r,i,v\nЛипецкая область,24,10\nТамбовская область,24,7\n');
    for (let i = 0; i < 4; i++) {
      const uploaded = await analyst.request<Upload>(proxy, 'POST', '/api/uploads', csv);
      expect(uploaded.status).toBe(201);
      const created = await analyst.request<CreatedDataset>(proxy, 'POST', '/api/datasets', {
        name: `Загрузка через балансировщик ${uniqueWord()}`,
        measure: 'employment',
        file: {
          format: 'csv',
          uploadId: uploaded.body.uploadId,
          mapping: { regionColumn: 'r', industryColumn: 'i', valueColumn: 'v', year: 2021 },
          fileName: 'rig.csv',
        },
      });
      expect(created.status).toBe(201);
      expect(created.body.import).toMatchObject({ values: 2 });
    }
  });
});

describe('the read replica', () => {
  it('serves read-only requests from the replica while it keeps up', async () => {
    const reader = new RigClient();
    const answers = await Promise.all(
      [node1, node2].map((node) => reader.request(node, 'GET', '/api/organisations?pageSize=5')),
    );
    expect(answers.map((a) => [a.status, a.headers.get('x-promatlas-read-from')])).toEqual([
      [200, 'replica'],
      [200, 'replica'],
    ]);
  });

  it('lets a user who just wrote on node 1 read the write at once on node 2, with the replica paused', async () => {
    const writer = await editor(node1);
    const created = await createOrganisation(writer, node1, `ООО «${uniqueWord()}»`);
    expect(created.status).toBe(201);
    await sqlOn(env.replicaUrl, 'SELECT pg_wal_replay_pause()');
    const word = uniqueWord();
    const renamed = `ООО «${word}»`;
    const update = await writer.request<Created>(
      node1,
      'PATCH',
      `/api/organisations/${created.body.id}`,
      { name: renamed, version: created.body.version },
    );
    expect(update.status).toBe(200);
    const mine = await writer.request<Organisation>(
      node2,
      'GET',
      `/api/organisations/${created.body.id}`,
    );
    expect(mine.status).toBe(200);
    expect(mine.body.name).toContain(word);
    expect(mine.headers.get('x-promatlas-read-from')).toBe('primary');
  });

  it('sends every reader to the primary once the replica lags past its bound, without an error', async () => {
    const writer = await editor(node1);
    await sqlOn(env.replicaUrl, 'SELECT pg_wal_replay_pause()');
    const word = uniqueWord();
    const created = await createOrganisation(writer, node1, `ПАО «${word}»`);
    expect(created.status).toBe(201);
    for (const node of [node1, node2])
      await until(`${node} to see the replica lagging`, async () => {
        const h = await health(node);
        return h.body.replica?.state === 'lagging';
      });
    const stranger = new RigClient();
    for (const node of [node1, node2]) {
      const list = await stranger.request<OrganisationList>(
        node,
        'GET',
        `/api/organisations?q=${encodeURIComponent(word)}`,
      );
      expect(list.status).toBe(200);
      expect(list.headers.get('x-promatlas-read-from')).toBe('primary');
      expect(list.body.items.map((o) => o.id)).toEqual([created.body.id]);
    }
  });

  it('answers every read while the replica is stopped, and returns to it when it is back', async () => {
    const word = uniqueWord();
    const writer = await editor(proxy);
    const created = await createOrganisation(writer, proxy, `АО «${word}»`);
    expect(created.status).toBe(201);
    await sleep(env.maxLagMs * 2);
    await rigCommand('pg-stop', 'replica', 'immediate');
    const stranger = new RigClient();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        stranger.request<OrganisationList>(
          proxy,
          'GET',
          `/api/organisations?q=${encodeURIComponent(word)}`,
        ),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(answers.every((a) => a.body.items[0]?.id === created.body.id)).toBe(true);
    for (const node of [node1, node2])
      expect((await health(node)).body).toMatchObject({ status: 'ok', replica: { state: 'down' } });
    await rigCommand('pg-start', 'replica');
    await rigReady(env);
    const back = await stranger.request(node1, 'GET', '/api/organisations?pageSize=1');
    expect(back.headers.get('x-promatlas-read-from')).toBe('replica');
  });
});

describe('faults', () => {
  it('keeps every acknowledged write when node 1 is killed with SIGKILL during a burst through the proxy', async () => {
    const word = uniqueWord();
    // Six browsers, each kept on one node by the proxy: at least two of them on node 1, so
    // the node killed is one that is serving writes.
    const writers: { client: RigClient; node: string }[] = [];
    for (let tries = 0; tries < 24 && writers.length < 6; tries++) {
      // Round robin: sign-in and first write would take turns on the same two nodes every
      // time; a request in between on every other try shifts the turn.
      if (tries % 2) await health(proxy);
      const client = await editor(proxy);
      const first = await createOrganisation(client, proxy, `ООО «${word} старт ${tries}»`);
      expect(first.status).toBe(201);
      const node = first.headers.get('x-served-by') ?? '';
      const onNode1 = writers.filter((w) => w.node === 'node1').length;
      if (node === 'node1' || writers.length - onNode1 < 4) writers.push({ client, node });
    }
    expect(writers.filter((w) => w.node === 'node1').length).toBeGreaterThanOrEqual(2);
    const total = 120;
    let next = 0;
    let killedAt = -1;
    const acknowledged: { id: number; after: boolean; node: string }[] = [];
    const refused: (number | string)[] = [];
    const worker = async (writer: RigClient) => {
      for (let i = next++; i < total; i = next++) {
        if (i === 30) {
          await rigCommand('node-kill', '1');
          killedAt = i;
        }
        // Sent after node 1 was dead (requests in flight at the kill may have finished on it).
        const after = killedAt >= 0;
        try {
          const res = await createOrganisation(writer, proxy, `ООО «${word} ${i}»`);
          if (res.status === 201)
            acknowledged.push({
              id: res.body.id,
              after,
              node: res.headers.get('x-served-by') ?? '',
            });
          else refused.push(res.status);
        } catch (error) {
          // The proxy closes the browser's connection without an answer when the
          // node dies holding the request: not acknowledged, like a 502.
          const cause = String((error as { cause?: unknown }).cause);
          refused.push(
            cause.includes('other side closed') ? 'closed' : `${String(error)} ${cause}`,
          );
        }
      }
    };
    await Promise.all(writers.map((w) => worker(w.client)));
    expect(killedAt).toBe(30);
    expect(acknowledged.some((a) => !a.after && a.node === 'node1')).toBe(true);
    // What fails is unacknowledged (the proxy's 502/503 or a closed connection) — never a node's 500.
    expect(refused.filter((r) => r !== 502 && r !== 503 && r !== 'closed')).toEqual([]);
    const stored = await sqlOn<{ id: number }>(
      env.primaryUrl,
      'SELECT id FROM organisation WHERE id = ANY($1::int[])',
      [acknowledged.map((a) => a.id)],
    );
    expect(stored.map((r) => r.id).sort((a, b) => a - b)).toEqual(
      acknowledged.map((a) => a.id).sort((a, b) => a - b),
    );
    // The other node went on serving, node 1's browsers included: most of the burst came after the kill.
    expect(acknowledged.filter((a) => a.after).length).toBeGreaterThan(60);
    expect(acknowledged.filter((a) => a.after && a.node === 'node1')).toEqual([]);
    expect((await health(node2)).status).toBe(200);
    expect(await nodeAlive(env, 2)).toBe(true);
  });

  it('answers 503 on /api/health while PostgreSQL is down, reconnects by itself and never crashes', async () => {
    await rigCommand('pg-stop', 'primary', 'fast');
    for (const node of [node1, node2]) {
      const h = await health(node);
      expect(h.status).toBe(503);
      expect(h.body.status).toBe('unavailable');
    }
    const writer = new RigClient();
    const refused = await writer.request<ErrorBody>(node1, 'POST', '/api/auth/login', {
      email: env.email,
      password: env.password,
    });
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('database_unavailable');
    await rigCommand('pg-start', 'primary');
    for (const node of [node1, node2])
      await until(`${node} to reconnect`, async () => (await health(node)).status === 200);
    expect([await nodeAlive(env, 1), await nodeAlive(env, 2)]).toEqual([true, true]);
    // Both nodes write again with their new connections.
    const client = await editor(node1);
    for (const node of [node1, node2])
      expect((await createOrganisation(client, node, `ООО «${uniqueWord()}»`)).status).toBe(201);
  });
});
