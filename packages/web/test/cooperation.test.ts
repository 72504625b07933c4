import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
  it('shows the contracts of ЛИПЕЦКМАШ’s participants as a graph and a table, and its check fails the composition and says the purchases are missing', async () => {
    const db = h.server.connection.db;
    const cluster = await db
      .selectFrom('cluster')
      .select('id')
      .where('name', 'like', '%ЛИПЕЦКМАШ%')
      .executeTakeFirstOrThrow();
    // The demo holds no contracts (the seeds state none): the test records one of its own.
    const member = await db
      .insertInto('organisation')
      .values({ kind: 'enterprise', name: 'Участник (запись теста)', region_code: '42' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('cluster_member')
      .values({ cluster_id: cluster.id, organisation_id: member.id, role: 'anchor' })
      .execute();
    const outside = await db
      .insertInto('organisation')
      .values({
        kind: 'enterprise',
        name: 'Поставщик вне кластера (запись теста)',
        region_code: '42',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('cooperation_contract')
      .values({
        buyer_id: member.id,
        supplier_id: outside.id,
        contract_type: 'supply',
        product: 'Литьё',
        signed_on: '2023-04-01',
        value_rub: 1_500_000,
      })
      .execute();

    await page.goto(`${h.url}/clusters/${cluster.id}`);
    await page.waitForSelector('[data-testid=profile-title]');
    const table = page.locator('[data-testid=cooperation-table]');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);
    expect(await table.innerText()).toContain('Литьё');
    // Russian digit groups are separated by a no-break space.
    expect((await table.innerText()).replace(/[\u00a0\u202f]/g, ' ')).toContain('1 500 000 ₽');
    const graph = page.locator('[data-testid=cooperation-graph] canvas');
    await graph.first().waitFor();
    const box = await graph.first().boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    const overall = page.locator('[data-testid=compliance-overall]');
    await overall.waitFor();
    expect(await overall.innerText()).toContain('не соответствует');
    expect(await page.locator('[data-testid=requirement-composition]').innerText()).toContain(
      'не соответствует',
    );
    expect(
      await page.locator('[data-testid=requirement-functional_dependence]').innerText(),
    ).toContain('недостаточно данных');
    expect(errors).toEqual([]);
  });

  it('offers the cluster’s contracts and purchases as CSV and XLSX from the cluster’s export routes', async () => {
    const cluster = await h.server.connection.db
      .selectFrom('cluster')
      .select('id')
      .where('name', 'like', '%ЛИПЕЦКМАШ%')
      .executeTakeFirstOrThrow();
    await page.goto(`${h.url}/clusters/${cluster.id}`);
    const downloads = page.locator('[data-testid=cooperation-downloads]');
    await downloads.waitFor();
    expect(await downloads.innerText()).toContain('Скачать договоры');
    expect(await downloads.innerText()).toContain('Скачать закупки');
    const expected = {
      contracts: ['Покупатель', 'Поставщик'],
      purchases: ['Организация', 'Год'],
    } as const;
    for (const list of ['contracts', 'purchases'] as const)
      for (const format of ['csv', 'xlsx'] as const) {
        const link = downloads.locator(`[data-testid=export-${list}-${format}]`);
        const href = await link.getAttribute('href');
        expect(href).toBe(
          `/api/clusters/${cluster.id}/cooperation-${list}/export?format=${format}`,
        );
        expect(await link.getAttribute('download')).not.toBeNull();
        const response = await page.request.get(`${h.url}${href}`);
        expect(response.status()).toBe(200);
        const body = await response.body();
        if (format === 'csv') {
          expect(response.headers()['content-type']).toContain('text/csv');
          const header = body.toString('utf8').split(/\r?\n/)[0]!;
          for (const column of expected[list]) expect(header).toContain(column);
        } else {
          expect(response.headers()['content-type']).toContain('spreadsheetml');
          // An XLSX file is a ZIP archive.
          expect(body.subarray(0, 2).toString('latin1')).toBe('PK');
        }
      }
  });
});
