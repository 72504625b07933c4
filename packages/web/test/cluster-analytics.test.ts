import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createUser } from '../../server/src/users/user.service.ts';
import { startBrowserHarness, watchErrors, type BrowserHarness } from './browser-harness.ts';

// The LQ map with strong regions, a region's cluster portfolio with
// candidates, the CSV export, and an analyst's import with its quarantine
// report — on the default dataset of a fresh install: Rosstat's table of
// organisations by region × ОКВЭД2, analysed by cluster category.

const ANALYST = {
  email: 'analyst@promatlas.test',
  password: 'аналитик-кластеры-2026',
  name: 'Анна Аналитик',
};
const YEAR = 2022;
const CATEGORY = 'fishing';

interface MapItem {
  region: { code: string; name: string };
  value: number;
  locationQuotient: number;
  strong: boolean;
  stars: number;
}

let h: BrowserHarness;
let page: Page;
let errors: string[];
let datasetId: number;
let mapItems: MapItem[];

const lq = new Intl.NumberFormat('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

async function api<T>(url: string): Promise<T> {
  const response = await fetch(`${h.url}${url}`);
  expect(response.status, url).toBe(200);
  return (await response.json()) as T;
}

beforeAll(async () => {
  h = await startBrowserHarness();
  await createUser(h.server.connection.db, {
    email: ANALYST.email,
    displayName: ANALYST.name,
    role: 'analyst',
    regions: [],
    password: ANALYST.password,
  });
  page = await h.newPage({ width: 1280, height: 900 });
  errors = watchErrors(page);
  const datasets = await api<{
    items: Array<{ id: number; illustrative: boolean; measure: string; name: string }>;
  }>('/api/datasets');
  // The first dataset is the one the pages open on.
  expect(datasets.items[0]).toMatchObject({ illustrative: false, measure: 'establishments' });
  datasetId = datasets.items[0]!.id;
  mapItems = (
    await api<{ items: MapItem[] }>(
      `/api/clusters-analytics/map?dataset=${datasetId}&year=${YEAR}&industry=${CATEGORY}&level=category`,
    )
  ).items;
});
afterAll(async () => {
  await h?.close();
});

describe('cluster analysis pages', () => {
  it('opens on the real Rosstat table, says LQ is by establishments, and maps a category: regions coloured, strong regions marked, table values equal to the API’s', async () => {
    await page.goto(`${h.url}/`);
    await page.locator('.menu-button', { hasText: 'Аналитика' }).hover();
    await page.locator('.menu-items a', { hasText: 'Кластерный анализ' }).click();
    await page.waitForURL(/\/analytics\/clusters/);

    // No choice made: the real table is selected, labelled with its source and measure.
    await expect
      .poll(() => page.locator('[data-testid=dataset-select]').inputValue())
      .toBe(String(datasetId));
    expect(await page.locator('[data-testid=illustrative-banner]').count()).toBe(0);
    expect(await page.locator('[data-testid=lq-basis]').innerText()).toContain(
      'по числу организаций',
    );
    const line = await page.locator('.dataset-line').innerText();
    expect(line).toContain('Число организаций, единиц');
    expect(line).toContain('источник: Росстат');
    await page.locator('[data-testid=level-select]').selectOption('category');
    await page.locator('[data-testid=year-select]').selectOption(String(YEAR));
    await page.locator('[data-testid=industry-input]').fill('рыб');
    await page.locator(`[data-testid=industry-option][data-code=${CATEGORY}]`).click();
    await expect
      .poll(() => page.locator('[data-testid=cluster-title]').innerText())
      .toContain(`Рыболовство и рыбопереработка (${CATEGORY}), ${YEAR}`);
    await expect
      .poll(() => page.locator('[data-testid=cluster-map-row]').count())
      .toBe(mapItems.length);

    // Two regions' LQ as the API computes them, in Russian format («1,25»).
    const sorted = [...mapItems].sort((a, b) => b.locationQuotient - a.locationQuotient);
    for (const item of [sorted[0]!, sorted[Math.floor(sorted.length / 2)]!]) {
      const row = page.locator(`[data-testid=cluster-map-row][data-region="${item.region.code}"]`);
      expect(await row.locator('[data-testid=lq]').innerText()).toBe(
        lq.format(item.locationQuotient),
      );
      expect(await row.innerText()).toContain(item.region.name);
    }
    const strong = mapItems.filter((i) => i.strong);
    expect(strong.length).toBeGreaterThan(0);
    const strongRow = page.locator(
      `[data-testid=cluster-map-row][data-region="${strong[0]!.region.code}"]`,
    );
    expect(await strongRow.locator('[data-testid=strong]').innerText()).toBe('сильный');
    expect(await page.locator('[data-testid=strong-count]').innerText()).toBe(
      String(strong.length),
    );
    expect(await page.locator('[data-testid=threshold-lq-q75]').innerText()).toMatch(/^\d+,\d\d$/);

    // The map: every region with data coloured on the diverging scale, strong ones outlined.
    const map = page.locator('[data-testid=region-map]');
    await expect
      .poll(() => map.getAttribute('data-coloured'), { timeout: 30_000 })
      .toBe(String(mapItems.length));
    expect(await map.getAttribute('data-highlighted')).toBe(String(strong.length));
    const paint = await page.evaluate(() => {
      const m = window.__promatlasMap!;
      return {
        fill: JSON.stringify(m.getPaintProperty('regions-fill', 'fill-color')),
        outline: JSON.stringify(m.getFilter('regions-highlight')),
      };
    });
    expect(paint.fill).toContain('#b2182b');
    expect(paint.fill).toContain('#2166ac');
    expect(paint.outline).toContain(`"${strong[0]!.region.code}"`);

    // Sorting by region name puts the table in alphabetical order.
    await page.locator('[data-testid=sort-region]').click();
    const names = await page
      .locator('[data-testid=cluster-map-row] td:first-child')
      .allInnerTexts();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'ru')));
  });

  it('downloads the table as CSV with the expected header', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-testid=map-export-csv]').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`cluster-map-${datasetId}-${YEAR}-${CATEGORY}.csv`);
    const text = await readFile((await download.path())!, 'utf8');
    expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(
      'Код региона,Регион,Значение,Доля в регионе,Коэффициент локализации,Размер выше 25-го процентиля,Сильный кластер,Звёзды,Звезда размера,Звезда специализации,Звезда фокуса',
    );
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(mapItems.length + 1);
  });

  it('opens a strong region’s portfolio: bubble chart, strong clusters and candidates with their evidence', async () => {
    const region = mapItems.find((i) => i.strong)!.region;
    await page
      .locator(
        `[data-testid=cluster-map-row][data-region="${region.code}"] [data-testid=portfolio-link]`,
      )
      .click();
    await page.waitForURL(new RegExp(`/analytics/clusters/regions/${region.code}\\?`));
    await expect
      .poll(() => page.locator('[data-testid=portfolio-title]').innerText())
      .toBe(`Портфель кластеров: ${region.name}`);
    expect(await page.locator('[data-testid=lq-basis]').innerText()).toContain(
      'по числу организаций',
    );

    const portfolio = await api<{
      strongClusters: Array<{ industry: { code: string }; locationQuotient: number }>;
      items: unknown[];
      baseYear: number;
    }>(
      `/api/clusters-analytics/portfolio?dataset=${datasetId}&year=${YEAR}&region=${region.code}&baseYear=2019&level=category`,
    );
    const candidates = await api<{
      items: Array<{ industry: { code: string }; relatedStrongIndustries: unknown[] }>;
    }>(
      `/api/clusters-analytics/candidates?dataset=${datasetId}&year=${YEAR}&region=${region.code}&minRelatedness=0.3&level=category`,
    );
    const chart = page.locator('[data-testid=portfolio-chart]');
    await chart.locator('canvas').first().waitFor({ timeout: 30_000 });
    await expect
      .poll(() => chart.getAttribute('data-strong-points'))
      .toBe(String(portfolio.strongClusters.length));
    expect(portfolio.strongClusters.map((c) => c.industry.code)).toContain(CATEGORY);
    await expect
      .poll(() => page.locator('[data-testid=strong-cluster-row]').count())
      .toBe(portfolio.strongClusters.length);
    const chosen = page.locator(`[data-testid=strong-cluster-row][data-industry=${CATEGORY}]`);
    expect(await chosen.locator('[data-testid=lq]').innerText()).toBe(
      lq.format(
        portfolio.strongClusters.find((c) => c.industry.code === CATEGORY)!.locationQuotient,
      ),
    );
    expect(await page.locator('[data-testid=portfolio-row]').count()).toBe(portfolio.items.length);
    expect(await page.locator('[data-testid=cluster-strength]').innerText()).toMatch(/\d+,\d\s%/);

    await expect
      .poll(() => page.locator('[data-testid=candidate-row]').count())
      .toBe(candidates.items.length);
    expect(candidates.items.length).toBeGreaterThan(0);
    const first = page.locator('[data-testid=candidate-row]').first();
    expect(await first.getAttribute('data-industry')).toBe(candidates.items[0]!.industry.code);
    expect(await first.locator('.evidence li').count()).toBe(
      candidates.items[0]!.relatedStrongIndustries.length,
    );
    expect(await first.innerText()).toMatch(/φ \d,\d\d/);

    // A higher threshold narrows the candidates, as the API does.
    const strict = await api<{ items: unknown[] }>(
      `/api/clusters-analytics/candidates?dataset=${datasetId}&year=${YEAR}&region=${region.code}&minRelatedness=0.6&level=category`,
    );
    await page.locator('[data-testid=min-relatedness]').fill('0,6');
    await page.locator('[data-testid=min-relatedness]').press('Enter');
    await expect
      .poll(() => page.locator('[data-testid=candidate-row]').count())
      .toBe(strict.items.length);
    expect(errors).toEqual([]);
  });

  it('shows datasets read-only to a public reader', async () => {
    await page.goto(`${h.url}/analytics/datasets`);
    const row = page.locator(`[data-testid=dataset-row][data-dataset="${datasetId}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('Росстат');
    expect(await row.locator('[data-testid=illustrative-badge]').count()).toBe(0);
    await page.locator('[data-testid=read-only-note]').waitFor();
    expect(await page.locator('[data-testid=import-form]').count()).toBe(0);
    expect(await page.locator('[data-testid=delete-dataset]').count()).toBe(0);
  });

  it('an analyst imports a long CSV, sees the one unknown-region row quarantined with its reason, and deletes the dataset', async () => {
    await page.goto(`${h.url}/login?next=${encodeURIComponent('/analytics/datasets')}`);
    await page.locator('[data-testid=input-email]').fill(ANALYST.email);
    await page.locator('[data-testid=input-password]').fill(ANALYST.password);
    await page.locator('[data-testid=sign-in-submit]').click();
    await page.waitForURL(/\/analytics\/datasets/);
    await page.locator('[data-testid=import-form]').waitFor();

    const csv = [
      'Регион,ОКВЭД,Год,Занятые',
      'Липецкая область,24,2022,31000',
      'Липецкая область,29,2022,4200',
      'Воронежская обл.,24,2022,5100',
      'Воронежская обл.,29,2022,3900',
      'Тамбовская область,24,2022,1200',
      'Тамбовская область,29,2022,800',
      'Нарния,24,2022,15',
    ].join('\n');
    await page.locator('[data-testid=import-format]').selectOption('csv');
    await page.locator('[data-testid=import-file]').setInputFiles({
      name: 'занятость-тест.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv, 'utf8'),
    });
    // Columns are guessed from the header; the analyst can change them.
    await expect
      .poll(() => page.locator('[data-testid=map-regionColumn]').inputValue())
      .toBe('Регион');
    expect(await page.locator('[data-testid=map-industryColumn]').inputValue()).toBe('ОКВЭД');
    expect(await page.locator('[data-testid=map-valueColumn]').inputValue()).toBe('Занятые');
    expect(await page.locator('[data-testid=map-yearColumn]').inputValue()).toBe('Год');
    await page.locator('[data-testid=import-name]').fill('Тест: занятость, 3 региона × 2 отрасли');
    await page.locator('[data-testid=import-submit]').click();

    const report = page.locator('[data-testid=import-report]');
    await report.waitFor({ timeout: 30_000 });
    expect(await page.locator('[data-testid=report-rows-read]').innerText()).toBe('7');
    expect(await page.locator('[data-testid=report-values]').innerText()).toBe('6');
    expect(await page.locator('[data-testid=report-quarantined]').innerText()).toBe('1');
    const sample = page.locator('[data-testid=report-quarantine-sample] li');
    expect(await sample.count()).toBe(1);
    expect(await sample.getAttribute('data-reason')).toBe('unknown_region');
    expect(await sample.innerText()).toContain(
      'строка 8, поле «регион»: «Нарния» не найден среди субъектов РФ',
    );

    await page.locator('[data-testid=report-show-quarantine]').click();
    const rows = page.locator('[data-testid=quarantine-row]');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('Нарния');

    // The analyst deletes the test dataset (after confirming); the Rosstat table stays.
    const created = page.locator('[data-testid=dataset-row]', { hasText: 'Тест: занятость' });
    page.once('dialog', (dialog) => void dialog.accept());
    await created.locator('[data-testid=delete-dataset]').click();
    await expect.poll(() => created.count()).toBe(0);
    expect(
      await page.locator(`[data-testid=dataset-row][data-dataset="${datasetId}"]`).count(),
    ).toBe(1);
    expect(errors).toEqual([]);
  });
});
