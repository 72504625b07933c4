import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { startBrowserHarness, watchErrors, type BrowserHarness } from './browser-harness.ts';

let h: BrowserHarness;
let page: Page;
let errors: string[];

beforeAll(async () => {
  h = await startBrowserHarness();
  page = await h.newPage();
  errors = watchErrors(page);
});
afterAll(async () => {
  await h?.close();
});

describe('cluster cooperation', () => {
  it('shows the contracts of ЛИПЕЦКМАШ’s participants as a graph and a table, and its check says what data are missing', async () => {
    const db = h.server.connection.db;
    const cluster = await db
      .selectFrom('cluster')
      .select('id')
      .where('name', 'like', '%ЛИПЕЦКМАШ%')
      .executeTakeFirstOrThrow();
    const members = await db
      .selectFrom('cluster_member')
      .select('organisation_id')
      .where('cluster_id', '=', cluster.id)
      .execute();
    const ids = [...new Set(members.map((m) => m.organisation_id))];
    const outside = await db
      .insertInto('organisation')
      .values({
        kind: 'enterprise',
        name: 'Поставщик вне кластера (иллюстрация теста)',
        region_code: '42',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const buyer = ids[0] ?? outside.id;
    await db
      .insertInto('cooperation_contract')
      .values([
        {
          buyer_id: buyer,
          supplier_id: outside.id,
          contract_type: 'supply',
          product: 'Литьё',
          signed_on: '2023-04-01',
          value_rub: 1_500_000,
        },
      ])
      .execute();
    await sql`SELECT 1`.execute(db);

    await page.goto(`${h.url}/clusters/${cluster.id}`);
    await page.waitForSelector('[data-testid=profile-title]');
    const table = page.locator('[data-testid=cooperation-table]');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);
    expect(await table.innerText()).toContain('Литьё');
    expect(await table.innerText()).toContain('1 500 000 ₽');
    const graph = page.locator('[data-testid=cooperation-graph] canvas');
    await graph.first().waitFor();
    const box = await graph.first().boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    const overall = page.locator('[data-testid=compliance-overall]');
    await overall.waitFor();
    expect(await overall.innerText()).toContain('недостаточно данных');
    expect(
      await page.locator('[data-testid=requirement-functional_dependence]').innerText(),
    ).toContain('недостаточно данных');
    expect(errors).toEqual([]);
  });
});
