import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RatingEdition, RatingEditionList } from '../../server/test/api-types.ts';
import { startBrowserHarness, watchErrors, type BrowserHarness } from './browser-harness.ts';

// The table exports without a list page of their own: the dataset list and a
// dataset's values (datasets page, cluster map), the cluster categories
// (cluster map by category) and a rating edition's indicator values — each a
// «Скачать CSV / XLSX» link to its export route with the filters on screen.

const YEAR = 2022;

let h: BrowserHarness;
let page: Page;
let errors: string[];
let datasetId: number;

async function api<T>(url: string): Promise<T> {
  const response = await fetch(`${h.url}${url}`);
  expect(response.status, url).toBe(200);
  return (await response.json()) as T;
}

/** The links' targets, and that each answers with its file (CSV: its first line, the header). */
async function links(testId: string): Promise<{ csv: string; xlsx: string; header: string }> {
  const csv = (await page.locator(`[data-testid=${testId}-csv]`).first().getAttribute('href'))!;
  const xlsx = (await page.locator(`[data-testid=${testId}-xlsx]`).first().getAttribute('href'))!;
  const file = await page.request.get(`${h.url}${csv}`);
  expect(file.status(), csv).toBe(200);
  expect(file.headers()['content-disposition']).toContain('.csv');
  const workbook = await page.request.get(`${h.url}${xlsx}`);
  expect(workbook.status(), xlsx).toBe(200);
  expect(workbook.headers()['content-disposition']).toContain('.xlsx');
  const header = (await file.text()).replace(/^\uFEFF/, '').split('\r\n')[0]!;
  return { csv, xlsx, header };
}

beforeAll(async () => {
  h = await startBrowserHarness();
  page = await h.newPage({ width: 1280, height: 900 });
  errors = watchErrors(page);
  datasetId = (await api<{ items: Array<{ id: number }> }>('/api/datasets')).items[0]!.id;
});
afterAll(async () => {
  await h?.close();
});

describe('table exports in the browser', () => {
  it('links the dataset list and each dataset’s values to their CSV and XLSX exports', async () => {
    await page.goto(`${h.url}/analytics/datasets`);
    await page.locator('[data-testid=datasets-table]').waitFor();
    const list = await links('datasets-export');
    expect(list.csv).toBe('/api/datasets/export?format=csv');
    expect(list.xlsx).toBe('/api/datasets/export?format=xlsx');
    expect(list.header).toMatch(/^Идентификатор,Название,/);
    const row = page.locator(`[data-testid=dataset-row][data-dataset="${datasetId}"]`);
    const csv = await row.locator('[data-testid=dataset-values-export-csv]').getAttribute('href');
    expect(csv).toBe(`/api/datasets/${datasetId}/values/export?format=csv`);
    expect(await row.locator('[data-testid=dataset-values-export-xlsx]').getAttribute('href')).toBe(
      `/api/datasets/${datasetId}/values/export?format=xlsx`,
    );
    expect(errors).toEqual([]);
  });

  it('links the values of the year on the cluster map, with the ОКВЭД2 code chosen, and the cluster categories when analysed by category', async () => {
    await page.goto(
      `${h.url}/analytics/clusters?dataset=${datasetId}&year=${YEAR}&industry=fishing&level=category`,
    );
    await page.locator('[data-testid=cluster-map-table]').waitFor();
    // A category is no code of the dataset's values: they are exported for the year.
    const byCategory = await links('dataset-values-export');
    expect(byCategory.csv).toBe(`/api/datasets/${datasetId}/values/export?year=${YEAR}&format=csv`);
    expect(byCategory.xlsx).toBe(
      `/api/datasets/${datasetId}/values/export?year=${YEAR}&format=xlsx`,
    );
    const categories = await links('cluster-categories-export');
    expect(categories.csv).toBe('/api/cluster-categories/export?format=csv');
    expect(categories.header).toMatch(/Код/);

    const code = (
      await api<{ industries: Array<{ code: string }> }>(`/api/datasets/${datasetId}/summary`)
    ).industries[0]!.code;
    await page.goto(
      `${h.url}/analytics/clusters?dataset=${datasetId}&year=${YEAR}&industry=${code}&level=okved`,
    );
    await page.locator('[data-testid=cluster-map-table]').waitFor();
    const byCode = await links('dataset-values-export');
    expect(byCode.csv).toBe(
      `/api/datasets/${datasetId}/values/export?year=${YEAR}&industry=${code}&format=csv`,
    );
    const values = await page.request.get(`${h.url}${byCode.csv}`);
    const lines = (await values.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .slice(1);
    expect(lines.length).toBeGreaterThan(0);
    // Every exported row is of the code and the year on screen.
    expect(lines.every((l) => l.includes(`,${code},`) && l.includes(`,${YEAR},`))).toBe(true);
    expect(await page.locator('[data-testid=cluster-categories-export]').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('links a rating edition’s indicator values of its dataset and year', async () => {
    const list = await api<RatingEditionList>('/api/ratings/editions');
    const summary = list.ratings
      .find((r) => r.code === 'akit-sez-esg')!
      .editions.find((e) => e.kind === 'computed' && e.year === 2023)!;
    const edition = await api<RatingEdition>(`/api/ratings/editions/${summary.id}`);
    await page.goto(`${h.url}/ratings/editions/${summary.id}`);
    await page.locator('[data-testid=indicator-values-export]').waitFor();
    const dataset = encodeURIComponent(edition.dataset ?? 'main');
    const exported = await links('indicator-values-export');
    expect(exported.csv).toBe(
      `/api/ratings/indicator-values/export?dataset=${dataset}&year=2023&format=csv`,
    );
    expect(exported.xlsx).toBe(
      `/api/ratings/indicator-values/export?dataset=${dataset}&year=2023&format=xlsx`,
    );
    const values = await page.request.get(`${h.url}${exported.csv}`);
    expect((await values.text()).trim().split('\r\n').length).toBeGreaterThan(1);
    expect(errors).toEqual([]);
  });
});
