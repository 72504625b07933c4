import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { signIn, type Client } from './sessions.ts';
import type { Created, ErrorBody, Person, RegionalRecord, Versioned } from './api-types.ts';

/**
 * The regional scope rule (auth/access.ts, registry/shared/region-resolvers.ts): a
 * regional editor changes only records lying wholly in granted regions;
 * national records (organisations without a region, such as АКИТ РФ, and the
 * people working there) are the administrator's; a link between two records
 * needs the rights to both ends; a regional editor cannot empty a region.
 */
let seq = 0;
const uniq = () => `${Date.now() % 1_000_000}-${++seq}`;

describe.each(databaseKinds())('regional scope on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let lipetsk: Client;
  let tambov: Client;
  let both: Client;

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await signIn(t.app, 'administrator');
    lipetsk = await signIn(t.app, 'regional_editor', ['42']);
    tambov = await signIn(t.app, 'regional_editor', ['68']);
    both = await signIn(t.app, 'regional_editor', ['42', '68']);
  }, 180_000);
  afterAll(async () => t?.close());

  const created = async (client: Client, url: string, body: unknown): Promise<number> => {
    const res = await client.request<Created>('POST', url, body);
    if (res.status !== 201) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  };
  const organisation = (region: string | null) =>
    created(admin, '/api/organisations', {
      kind: 'enterprise',
      name: `«Область ${uniq()}»`,
      regionCode: region,
    });
  const cluster = (region: string) =>
    created(admin, '/api/clusters', {
      kind: 'industrial',
      name: `Кластер ${uniq()}`,
      regionCode: region,
    });
  const site = (region: string) =>
    created(admin, '/api/sites', {
      kind: 'industrial_park',
      name: `Парк ${uniq()}`,
      regionCode: region,
    });
  /** A person working at an organisation of the region. */
  const personOf = async (region: string) => {
    const id = await created(admin, '/api/people', { lastName: `Областной ${uniq()}` });
    await created(admin, `/api/people/${id}/positions`, {
      title: 'Директор',
      organisationId: await organisation(region),
    });
    return id;
  };
  const version = async (collection: string, id: number): Promise<number> =>
    (await admin.request<Versioned>('GET', `/api/${collection}/${id}`)).body.version;

  describe('people at national organisations', () => {
    let shpilenko: number;
    let akit: number;
    beforeAll(async () => {
      // Demo data: Андрей Шпиленко, director of АКИТ РФ, an association without a region.
      const row = await t.app.deps.db
        .selectFrom('person')
        .select('id')
        .where('last_name', '=', 'Шпиленко')
        .executeTakeFirstOrThrow();
      shpilenko = row.id;
      const org = await t.app.deps.db
        .selectFrom('organisation')
        .select(['id', 'region_code'])
        .where('short_name', '=', 'АКИТ РФ')
        .executeTakeFirstOrThrow();
      expect(org.region_code).toBeNull();
      akit = org.id;
    });

    it('refuses every regional editor editing or deleting a person whose positions are at АКИТ РФ', async () => {
      for (const editor of [lipetsk, tambov, both]) {
        const patch = await editor.request<ErrorBody>('PATCH', `/api/people/${shpilenko}`, {
          version: await version('people', shpilenko),
          firstName: 'Подменённый',
        });
        expect(patch.status).toBe(403);
        expect(patch.body.error.message).toMatch(/без региона|федерального/);
        const del = await editor.request(
          'DELETE',
          `/api/people/${shpilenko}?version=${await version('people', shpilenko)}`,
        );
        expect(del.status).toBe(403);
      }
      const person = await admin.request<Person>('GET', `/api/people/${shpilenko}`);
      expect(person.status).toBe(200);
      expect(person.body.fullName).toMatch(/Андрей/);
    });

    it('refuses a regional editor a fact about the person at АКИТ РФ and a position at АКИТ РФ for their own person', async () => {
      const fact = await lipetsk.request('POST', '/api/statements', {
        subject: { type: 'person', id: String(shpilenko) },
        property: 'note',
        valueText: 'x',
      });
      expect(fact.status).toBe(403);
      const own = await personOf('42');
      const position = await lipetsk.request('POST', `/api/people/${own}/positions`, {
        title: 'Член совета',
        organisationId: akit,
      });
      expect(position.status).toBe(403);
      // The person stays the Lipetsk editor's.
      const patch = await lipetsk.request('PATCH', `/api/people/${own}`, {
        version: 1,
        firstName: 'Иван',
      });
      expect(patch.status).toBe(200);
    });

    it('lets the administrator edit the person at АКИТ РФ', async () => {
      const res = await admin.request('PATCH', `/api/people/${shpilenko}`, {
        version: await version('people', shpilenko),
        patronymic: 'Викторович',
      });
      expect(res.status).toBe(200);
    });
  });

  describe('cross-region positions', () => {
    it('refuses a Lipetsk editor adding a region-42 position to a Tambov person, who stays editable by the Tambov editor', async () => {
      const person = await personOf('68');
      const byRegion = await lipetsk.request<ErrorBody>('POST', `/api/people/${person}/positions`, {
        title: 'Советник',
        regionCode: '42',
      });
      expect(byRegion.status).toBe(403);
      expect(byRegion.body.error.message).toMatch(/Тамбовская/);
      const byOrganisation = await lipetsk.request('POST', `/api/people/${person}/positions`, {
        title: 'Советник',
        organisationId: await organisation('42'),
      });
      expect(byOrganisation.status).toBe(403);
      const positions = await admin.request<Person>('GET', `/api/people/${person}`);
      expect(positions.body.positions).toHaveLength(1);
      const patch = await tambov.request('PATCH', `/api/people/${person}`, {
        version: 1,
        firstName: 'Пётр',
      });
      expect(patch.status).toBe(200);
    });

    it('refuses the Tambov editor a Lipetsk position for their own person too; an editor of both regions may add it', async () => {
      const person = await personOf('68');
      const own = await tambov.request('POST', `/api/people/${person}/positions`, {
        title: 'Советник',
        regionCode: '42',
      });
      expect(own.status).toBe(403);
      const linked = await both.request<Created>('POST', `/api/people/${person}/positions`, {
        title: 'Советник',
        regionCode: '42',
      });
      expect(linked.status).toBe(201);
      // The person now lies in both regions: a one-region editor is refused, and the Lipetsk editor may remove the Lipetsk position.
      expect(
        (await tambov.request('PATCH', `/api/people/${person}`, { version: 1, firstName: 'А' }))
          .status,
      ).toBe(403);
      const removed = await lipetsk.request('DELETE', `/api/positions/${linked.body.id}?version=1`);
      expect(removed.status).toBe(200);
      expect(
        (await tambov.request('PATCH', `/api/people/${person}`, { version: 1, firstName: 'А' }))
          .status,
      ).toBe(200);
    });

    it('lets any editor give a new person without positions a first position in their own region', async () => {
      const person = await created(lipetsk, '/api/people', { lastName: `Новый ${uniq()}` });
      expect(
        (
          await lipetsk.request('POST', `/api/people/${person}/positions`, {
            title: 'Инженер',
            regionCode: '42',
          })
        ).status,
      ).toBe(201);
      // From now on the person is Lipetsk's.
      expect(
        (await tambov.request('PATCH', `/api/people/${person}`, { version: 1, firstName: 'Б' }))
          .status,
      ).toBe(403);
    });
  });

  describe('cross-region memberships and links', () => {
    it('refuses making a Tambov organisation a member of a Lipetsk cluster, by either region’s editor', async () => {
      const lipetskCluster = await cluster('42');
      const tambovOrganisation = await organisation('68');
      for (const editor of [lipetsk, tambov]) {
        const res = await editor.request('POST', `/api/clusters/${lipetskCluster}/members`, {
          organisationId: tambovOrganisation,
        });
        expect(res.status).toBe(403);
      }
      const members = await t.app.deps.db
        .selectFrom('cluster_member')
        .select('id')
        .where('cluster_id', '=', lipetskCluster)
        .execute();
      expect(members).toEqual([]);
      // The Lipetsk editor may add a Lipetsk organisation; an editor of both regions the Tambov one.
      expect(
        (
          await lipetsk.request('POST', `/api/clusters/${lipetskCluster}/members`, {
            organisationId: await organisation('42'),
          })
        ).status,
      ).toBe(201);
      const linked = await both.request<Created>(
        'POST',
        `/api/clusters/${lipetskCluster}/members`,
        {
          organisationId: tambovOrganisation,
        },
      );
      expect(linked.status).toBe(201);
      // Unlinking needs the rights to both ends as well.
      expect(
        (await lipetsk.request('DELETE', `/api/cluster-members/${linked.body.id}?version=1`))
          .status,
      ).toBe(403);
      expect(
        (await both.request('DELETE', `/api/cluster-members/${linked.body.id}?version=1`)).status,
      ).toBe(200);
    });

    it('refuses a Lipetsk editor naming a Tambov organisation as the management company of a Lipetsk site or the specialised organisation of a Lipetsk cluster', async () => {
      const tambovOrganisation = await organisation('68');
      const newSite = await lipetsk.request('POST', '/api/sites', {
        kind: 'industrial_park',
        name: `Парк ${uniq()}`,
        regionCode: '42',
        managementOrganisationId: tambovOrganisation,
      });
      expect(newSite.status).toBe(403);
      const existing = await site('42');
      const patch = await lipetsk.request('PATCH', `/api/sites/${existing}`, {
        version: 1,
        managementOrganisationId: tambovOrganisation,
      });
      expect(patch.status).toBe(403);
      const clusterPatch = await lipetsk.request('PATCH', `/api/clusters/${await cluster('42')}`, {
        version: 1,
        specialisedOrganisationId: tambovOrganisation,
      });
      expect(clusterPatch.status).toBe(403);
      const ownManager = await lipetsk.request('PATCH', `/api/sites/${existing}`, {
        version: 1,
        managementOrganisationId: await organisation('42'),
      });
      expect(ownManager.status).toBe(200);
    });
  });

  describe('emptying and moving regions', () => {
    it('refuses a regional editor setting their own record’s region to empty, and leaves the record as it was', async () => {
      const records: Array<[string, number]> = [
        ['organisations', await organisation('42')],
        ['sites', await site('42')],
        ['clusters', await cluster('42')],
      ];
      for (const [collection, id] of records) {
        const res = await lipetsk.request<ErrorBody>('PATCH', `/api/${collection}/${id}`, {
          version: 1,
          regionCode: null,
        });
        expect(res.status, collection).toBe(403);
        expect(res.body.error.message).toMatch(/без региона/);
        const after = await admin.request<RegionalRecord>('GET', `/api/${collection}/${id}`);
        expect(after.body.region.code, collection).toBe('42');
        expect(after.body.version).toBe(1);
      }
    });

    it('refuses a regional editor creating a record without a region or moving one to a region not granted; the administrator may empty a region', async () => {
      const noRegion = await lipetsk.request('POST', '/api/organisations', {
        kind: 'enterprise',
        name: `«Без региона ${uniq()}»`,
        regionCode: null,
      });
      expect(noRegion.status).toBe(403);
      const id = await organisation('42');
      const moved = await lipetsk.request('PATCH', `/api/organisations/${id}`, {
        version: 1,
        regionCode: '68',
      });
      expect(moved.status).toBe(403);
      const emptied = await admin.request('PATCH', `/api/organisations/${id}`, {
        version: 1,
        regionCode: null,
      });
      expect(emptied.status).toBe(200);
      // Now national: the Lipetsk editor no longer edits it.
      expect(
        (await lipetsk.request('PATCH', `/api/organisations/${id}`, { version: 2, town: 'Елец' }))
          .status,
      ).toBe(403);
    });
  });
});
