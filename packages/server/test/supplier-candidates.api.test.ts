import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { signIn, type Client } from './sessions.ts';
import type {
  Created,
  SupplierSearchResult,
  TerritoryFlagList,
  TerritoryFlagRecord,
} from './api-types.ts';

let counter = 0;
const uniq = () => `${Date.now().toString(36)}-${++counter}`;

const LIPETSK = { lat: 52.6031, lon: 39.5708 };
const VORONEZH = { lat: 51.6615, lon: 39.2003 };

interface FlagConflict {
  error: {
    code: string;
    message: string;
    messageEn: string;
    current: TerritoryFlagRecord | { id: number; version: number };
    currentVersion: number;
  };
}

describe.each(databaseKinds())(
  'supplier candidates, ranking method, flag conflicts on %s',
  (kind) => {
    let t: TestApp;
    let editor: Client;
    let anonymous: Client;

    beforeAll(async () => {
      t = await createTestApp(kind, { okved: true });
      editor = await signIn(t.app, 'regional_editor', ['42', '20']);
      anonymous = await signIn(t.app, 'public');
    });
    afterAll(async () => t?.close());

    const create = async (url: string, body: unknown): Promise<number> => {
      const res = await editor.request<Created>('POST', url, body);
      expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(201);
      return res.body.id;
    };
    const versionOf = async (id: number) =>
      (
        await t.database.db
          .selectFrom('organisation')
          .select('version')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).version;
    /** The ids a reader finds for an activity within 100 km of Lipetsk. */
    const found = async (client: Client, okved: string) => {
      const res = await client.request<SupplierSearchResult>(
        'GET',
        `/api/suppliers/search?okved=${okved}&lat=${LIPETSK.lat}&lon=${LIPETSK.lon}&radiusKm=100`,
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items.map((i) => Number(i.organisation.id));
    };
    /** Rows of supplier_candidate that differ from what organisation_okved and organisation say. */
    const drift = async (organisationId: number) => {
      const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM (
        (SELECT organisation_id, okved_code, latitude, longitude, region_code, published, deleted_at
           FROM supplier_candidate WHERE organisation_id = ${organisationId}
         EXCEPT
         SELECT a.organisation_id, a.okved_code, o.latitude, o.longitude, o.region_code, o.published, o.deleted_at
           FROM organisation_okved a JOIN organisation o ON o.id = a.organisation_id
           WHERE o.id = ${organisationId})
        UNION ALL
        (SELECT a.organisation_id, a.okved_code, o.latitude, o.longitude, o.region_code, o.published, o.deleted_at
           FROM organisation_okved a JOIN organisation o ON o.id = a.organisation_id
           WHERE o.id = ${organisationId}
         EXCEPT
         SELECT organisation_id, okved_code, latitude, longitude, region_code, published, deleted_at
           FROM supplier_candidate WHERE organisation_id = ${organisationId})
      ) d`.execute(t.database.db);
      return rows[0]!.n;
    };

    it('keeps the search candidates in step with the registry as an organisation gains activities, moves, is unpublished and deleted', async () => {
      const id = await create('/api/organisations', {
        kind: 'enterprise',
        name: `«Кандидат ${uniq()}»`,
        regionCode: '42',
        okved: [{ code: '25.62', isMain: true }],
      });
      expect(await found(anonymous, '25.62')).not.toContain(id); // no point yet
      await sql`UPDATE organisation SET latitude = ${LIPETSK.lat}, longitude = ${LIPETSK.lon} WHERE id = ${id}`.execute(
        t.database.db,
      );
      expect(await drift(id)).toBe(0);
      expect(await found(anonymous, '25.62')).toContain(id);

      // Moved 110 km south: outside the radius.
      await sql`UPDATE organisation SET latitude = ${VORONEZH.lat}, longitude = ${VORONEZH.lon} WHERE id = ${id}`.execute(
        t.database.db,
      );
      expect(await found(anonymous, '25.62')).not.toContain(id);
      await sql`UPDATE organisation SET latitude = ${LIPETSK.lat}, longitude = ${LIPETSK.lon} WHERE id = ${id}`.execute(
        t.database.db,
      );

      // Its activities replaced through the editing API.
      const changed = await editor.request('PATCH', `/api/organisations/${id}`, {
        version: await versionOf(id),
        okved: [{ code: '10.11', isMain: true }],
      });
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      expect(await drift(id)).toBe(0);
      expect(await found(anonymous, '25.62')).not.toContain(id);
      expect(await found(anonymous, '10.11')).toContain(id);

      // Unpublished: gone for the public reader, still found by a signed-in editor.
      const hidden = await editor.request('PATCH', `/api/organisations/${id}`, {
        version: await versionOf(id),
        published: false,
      });
      expect(hidden.status, JSON.stringify(hidden.body)).toBe(200);
      expect(await drift(id)).toBe(0);
      expect(await found(anonymous, '10.11')).not.toContain(id);
      expect(await found(editor, '10.11')).toContain(id);

      // Deleted: found by nobody.
      const deleted = await editor.request(
        'DELETE',
        `/api/organisations/${id}?version=${await versionOf(id)}`,
      );
      expect(deleted.status, JSON.stringify(deleted.body)).toBe(200);
      expect(await drift(id)).toBe(0);
      expect(await found(editor, '10.11')).not.toContain(id);
    });

    it('gives the ranking method in English line for line with the Russian, with the same weights', async () => {
      const res = await anonymous.request<SupplierSearchResult>(
        'GET',
        `/api/suppliers/search?okpd2=28.30.2&lat=${LIPETSK.lat}&lon=${LIPETSK.lon}&radiusKm=100`,
      );
      expect(res.status).toBe(200);
      const { method, methodEn } = res.body;
      expect(method.length).toBeGreaterThan(0);
      expect(methodEn).toHaveLength(method.length);
      const numbers = (line: string) => line.match(/\d+(?:[.,]\d+)?/g) ?? [];
      expect(methodEn.map(numbers)).toEqual(method.map(numbers));
      // English words only; the classifiers keep their Russian names.
      for (const line of methodEn)
        expect(line.replace(/ОКПД2|ОКВЭД2/g, '')).not.toMatch(/[А-Яа-яЁё]/);
      expect(methodEn[0]).toMatch(/^Distance: up to 50 points/);
    });

    it('answers a stale territory flag edit or delete with 409 carrying the flag as the list shows it now', async () => {
      const id = await create('/api/territory-flags', {
        flag: 'monotown',
        regionCode: '42',
        municipality: `Проверград ${uniq()}`,
        listSource: 'Перечень (проверка конфликта)',
      });
      const changed = await editor.request('PATCH', `/api/territory-flags/${id}`, {
        version: 1,
        listSource: 'Изменено другим',
      });
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      const listed = (
        await editor.request<TerritoryFlagList>('GET', '/api/territory-flags?flag=monotown')
      ).body.items.find((f) => f.id === id)!;
      expect(listed.version).toBe(2);

      const stale = await editor.request<FlagConflict>('PATCH', `/api/territory-flags/${id}`, {
        version: 1,
        municipality: 'Третьеград',
      });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('conflict');
      expect(stale.body.error.currentVersion).toBe(2);
      expect(stale.body.error.current).toEqual(listed);

      const staleDelete = await editor.request<FlagConflict>(
        'DELETE',
        `/api/territory-flags/${id}?version=1`,
      );
      expect(staleDelete.status).toBe(409);
      expect(staleDelete.body.error.current).toEqual(listed);
      // Nothing was written by either refusal.
      const after = (
        await editor.request<TerritoryFlagList>('GET', '/api/territory-flags?flag=monotown')
      ).body.items.find((f) => f.id === id);
      expect(after).toEqual(listed);

      // With the version the conflict named, the delete goes through.
      const fresh = await editor.request<Created>(
        'DELETE',
        `/api/territory-flags/${id}?version=${stale.body.error.currentVersion}`,
      );
      expect(fresh.status, JSON.stringify(fresh.body)).toBe(200);
    });
  },
);
