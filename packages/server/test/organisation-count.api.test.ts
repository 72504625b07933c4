import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import type { OrganisationList } from './api-types.ts';
import { listOrganisations } from '../src/registry/organisations/organisation.service.ts';
import { readDbFor } from '../src/db/read-db.ts';

describe.each(databaseKinds())('the organisation list count on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  const exactCount = async (region: string) =>
    Number(
      (
        await readDbFor(t.app.deps.db, 'published')
          .selectFrom('organisation')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('region_code', '=', region)
          .where('deleted_at', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('stops counting at the cap and says so, while the page itself is whole', async () => {
    const exact = await exactCount('42');
    expect(exact).toBeGreaterThan(4);
    const page = await listOrganisations(readDbFor(t.app.deps.db, 'published'), {
      filter: { regions: ['42'] },
      sort: 'name',
      page: 1,
      pageSize: exact,
      countCap: 3,
    });
    expect(page.total).toBe(3);
    expect(page.totalCapped).toBe(true);
    expect(page.items).toHaveLength(exact);
  });

  it('counts exactly, without the capped mark, up to the cap itself', async () => {
    const exact = await exactCount('42');
    for (const countCap of [exact, exact + 1]) {
      const page = await listOrganisations(readDbFor(t.app.deps.db, 'published'), {
        filter: { regions: ['42'] },
        sort: 'name',
        page: 1,
        pageSize: 2,
        countCap,
      });
      expect(page.total, `cap ${countCap}`).toBe(exact);
      expect(page.totalCapped, `cap ${countCap}`).toBeUndefined();
    }
    const api = await t.getJson<OrganisationList & { totalCapped?: boolean }>(
      '/api/organisations?region=42&pageSize=2',
    );
    expect(api.body.total).toBe(exact);
    expect(api.body.totalCapped).toBeUndefined();
  });
});
