import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import type { OrganisationListItem } from './api-types.ts';

interface Page {
  items: OrganisationListItem[];
  total: number;
}

describe.each(databaseKinds())('organisation list sorted by region on %s', (kind) => {
  let t: TestApp;
  const regions = ['42', '68', '77'];
  beforeAll(async () => {
    t = await createTestApp(kind);
    // Same names in different regions, so the region decides before the name.
    for (const region of regions)
      for (const name of ['Альфа', 'Бета', 'Гамма'])
        await t.database.db
          .insertInto('organisation')
          .values({ kind: 'enterprise', name, region_code: region })
          .execute();
  });
  afterAll(async () => t?.close());

  /** What one ORDER BY over the public view says the order is. */
  const expected = async (direction: 'asc' | 'desc') =>
    (
      await sql<{ id: number }>`
        SELECT o.id FROM published.organisation o JOIN published.region r ON r.code = o.region_code
        WHERE o.region_code IN (${sql.join(regions)}) AND o.deleted_at IS NULL
        ORDER BY r.name COLLATE ru ${sql.raw(direction)}, o.name COLLATE ru ${sql.raw(direction)}, o.id ${sql.raw(direction)}`.execute(
        t.database.db,
      )
    ).rows.map((r) => r.id);

  it.each(['region', '-region'])(
    'pages through several regions with sort=%s in the order of one ORDER BY over regions, names and ids',
    async (sort) => {
      const want = await expected(sort.startsWith('-') ? 'desc' : 'asc');
      const got: number[] = [];
      for (let page = 1; page <= Math.ceil(want.length / 2) + 1; page++) {
        const body = (
          await t.getJson<Page>(
            `/api/organisations?region=${regions.join(',')}&sort=${sort}&page=${page}&pageSize=2`,
          )
        ).body;
        expect(body.total).toBe(want.length);
        got.push(...body.items.map((i) => i.id));
      }
      expect(want.length).toBeGreaterThanOrEqual(9);
      expect(got).toEqual(want);
    },
  );
});
