import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createUser } from '../../server/src/users/user.service.ts';
import { startBrowserHarness, watchErrors, type BrowserHarness } from './browser-harness.ts';
import type {
  RatingEdition,
  RatingEditionList,
  RatingMethodology,
  RatingMethodologyList,
  WhatIfResponse,
} from '../../server/test/api-types.ts';

type EditionSummary = RatingEditionList['ratings'][number]['editions'][number];

// Issue 5, the web side: the editions list with the seed places, an edition
// with its table, chart and explanation, the methodology page, live
// re-ranking of 50 objects as a weight moves, and the comparison of two
// editions. The 50 SEZs are made up by this test and imported through the
// import page, as an analyst would.

const ANALYST = {
  email: 'analyst@ratings.test',
  password: 'аналитик-рейтингов-2026',
  name: 'Анна Аналитик',
};
const OBJECTS = 50;
const DATASET = 'browser-test-50';
const YEAR = 2030;
const siteName = (k: number) => `Тестовая ОЭЗ «Рейтинг-${String(k).padStart(2, '0')}»`;

let h: BrowserHarness;
let page: Page;
let errors: string[];

beforeAll(async () => {
  h = await startBrowserHarness();
  const db = h.server.connection.db;
  await createUser(db, {
    email: ANALYST.email,
    displayName: ANALYST.name,
    role: 'analyst',
    regions: [],
    password: ANALYST.password,
  });
  for (let k = 1; k <= OBJECTS; k++)
    await db
      .insertInto('site')
      .values({ kind: 'sez', name: siteName(k) })
      .execute();
  page = await h.newPage({ width: 1400, height: 900 });
  errors = watchErrors(page);
});
afterAll(async () => {
  await h?.close();
});

const numberOf = (text: string) =>
  Number(text.replace(/\s/g, '').replace('−', '-').replace(',', '.'));

async function api<T = unknown>(
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  // Requests are made from a page of the app, so they carry its cookie and CSRF token.
  if (!page.url().startsWith(h.url)) await page.goto(`${h.url}/ratings`);
  return page.evaluate(
    async ({ method, url, body }) => {
      const me = await (await fetch('/api/auth/me')).json();
      const response = await fetch(url, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          'x-csrf-token': me.csrfToken ?? '',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    { method, url, body },
  );
}

async function editionsList(): Promise<RatingEditionList> {
  return (await api<RatingEditionList>('GET', '/api/ratings/editions')).body;
}

/** The demo's computed ESG edition for 2023 (all SEZs in one peer group, illustrative values). */
async function demoEsgEdition(): Promise<EditionSummary> {
  const list = await editionsList();
  const esg = list.ratings.find((r) => r.code === 'akit-sez-esg')!;
  return esg.editions.find((e) => e.kind === 'computed' && e.year === 2023)!;
}

async function liveOrder(): Promise<string[]> {
  return page
    .locator('[data-testid=live-row]')
    .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.objectId!));
}

describe('ratings in the browser', () => {
  it('lists ОЭЗ «Липецк» first in the published 2022 rating and the published ESG 2023 rating, with sources, beside labelled computed editions', async () => {
    await page.goto(`${h.url}/ratings`);
    const investment = page
      .locator('[data-testid=rating]')
      .filter({ hasText: 'инвестиционной привлекательности' });
    const esg = page.locator('[data-testid=rating]').filter({ hasText: 'ESG-рейтинг' });
    for (const [rating, year] of [
      [investment, 2022],
      [esg, 2023],
    ] as const) {
      const card = rating.locator(
        `[data-testid=edition-card][data-kind=published][data-year="${year}"]`,
      );
      await card.first().waitFor();
      expect(await card.locator('[data-testid=badge-published]').innerText()).toBe('опубликовано');
      expect(await card.locator('[data-testid=edition-leader]').first().innerText()).toMatch(
        /^1 место — ОЭЗ «Липецк»/,
      );
      const source = await card.locator('[data-testid=source-chip]').getAttribute('href');
      expect(source).toMatch(/^\/sources\/\d+\?quote=/);
    }
    // PromAtlas's own editions are there too, each saying it is computed on illustrative values.
    const computed = page.locator('[data-testid=edition-card][data-kind=computed]');
    expect(await computed.count()).toBeGreaterThanOrEqual(3);
    expect(await computed.locator('[data-testid=badge-illustrative]').count()).toBe(
      await computed.count(),
    );
    expect(errors).toEqual([]);
  });

  it('shows an edition’s ranking table and its chart of scores, with CSV and XLSX exports', async () => {
    const edition = await demoEsgEdition();
    await page.goto(`${h.url}/ratings/editions/${edition.id}`);
    const rows = page.locator('[data-testid=ranking-row]');
    await expect.poll(() => rows.count()).toBe(edition.objectCount);
    expect(await rows.first().locator('[data-testid=row-place]').innerText()).toBe('1');
    expect(
      numberOf(await rows.first().locator('[data-testid=row-score]').innerText()),
    ).toBeGreaterThan(0);
    await page.locator('[data-testid=score-chart] canvas').first().waitFor();
    // Sensitivity: 200 uniform ±20 % runs, seed 1 → a place distribution per object.
    await page.locator('[data-testid=sensitivity-runs]').fill('200');
    await page.locator('[data-testid=sensitivity-run]').click();
    const sensitivity = page.locator('[data-testid=sensitivity-row]');
    await expect.poll(() => sensitivity.count()).toBe(edition.objectCount);
    expect(await sensitivity.first().innerText()).toMatch(/\d+–\d+[\s\S]*(устойчиво|неустойчиво)/);
    for (const format of ['csv', 'xlsx']) {
      const href = await page.locator(`[data-testid=export-${format}]`).getAttribute('href');
      const response = await page.request.get(`${h.url}${href}`);
      expect(response.status()).toBe(200);
      expect(response.headers()['content-disposition']).toContain(`.${format}`);
    }
    expect(errors).toEqual([]);
  });

  it('explains one object: indicator and group contributions add up to its score, with neighbours and the changes that would lift it', async () => {
    const edition = await demoEsgEdition();
    await page.goto(`${h.url}/ratings/editions/${edition.id}`);
    const second = page.locator('[data-testid=ranking-row]').nth(1);
    await second.locator('[data-testid=explain]').click();
    const drawer = page.locator('[data-testid=explanation-drawer]');
    await drawer.locator('[data-testid=indicator-row]').first().waitFor();
    const score = numberOf(await drawer.locator('[data-testid=explanation-score]').innerText());
    const indicators = (
      await drawer.locator('[data-testid=indicator-contribution]').allInnerTexts()
    )
      .filter((t) => t !== '—')
      .map(numberOf);
    const groups = (await drawer.locator('[data-testid=group-contribution]').allInnerTexts()).map(
      numberOf,
    );
    expect(indicators.length).toBeGreaterThan(5);
    // Each figure is rounded to 4 decimals: the sums may differ from the score by the rounding only.
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    expect(Math.abs(sum(indicators) - score)).toBeLessThanOrEqual(
      0.00005 * indicators.length + 1e-9,
    );
    expect(Math.abs(sum(groups) - score)).toBeLessThanOrEqual(0.00005 * groups.length + 1e-9);
    expect(
      numberOf(await drawer.locator('[data-testid=contribution-sum]').innerText()),
    ).toBeCloseTo(score, 3);
    expect(await drawer.locator('[data-testid=neighbour-above]').innerText()).toMatch(
      /Выше: 1 место — .+, отставание \d/,
    );
    expect(await drawer.locator('[data-testid=lifts] li').count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('prints the methodology with its groups, weights and indicators, marked as PromAtlas’s and not the association’s', async () => {
    const { body: methodologies } = await api<RatingMethodologyList>(
      'GET',
      '/api/ratings/methodologies',
    );
    const shipped = methodologies.items.find((m) => m.code === 'sez_esg' && m.isDefault)!;
    const { body: methodology } = await api<RatingMethodology>(
      'GET',
      `/api/ratings/methodologies/${shipped.id}`,
    );
    // Reached from the editions list, as a reader would.
    await page.goto(`${h.url}/ratings`);
    await page
      .locator('[data-testid=methodology-list] a', { hasText: shipped.title })
      .first()
      .click();
    await page.waitForURL(new RegExp(`/ratings/methodologies/${shipped.id}$`));
    await page.locator('[data-testid=methodology-title]').waitFor();
    expect(await page.locator('[data-testid=methodology-notice]').innerText()).toMatch(
      /не ассоциации/,
    );
    const groupRows = await page
      .locator('[data-testid=methodology-group] td:first-child')
      .allInnerTexts();
    expect(groupRows).toEqual(methodology.methodology.groups.map((g) => g.name));
    const indicatorCodes = await page
      .locator('[data-testid=methodology-indicator]')
      .evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.code));
    expect(indicatorCodes.sort()).toEqual(
      methodology.methodology.indicators.map((i) => i.code).sort(),
    );
    const first = page.locator('[data-testid=methodology-indicator]').first();
    expect(await first.innerText()).toMatch(
      /Направление[\s\S]*лучше[\s\S]*Источник[\s\S]*Обоснование/,
    );
    expect(errors).toEqual([]);
  });

  it('an analyst imports values for 50 SEZs: a bad file gets a row-level report and nothing is written, a good one is loaded', async () => {
    await page.goto(`${h.url}/login?next=${encodeURIComponent('/ratings/import')}`);
    await page.locator('[data-testid=input-email]').fill(ANALYST.email);
    await page.locator('[data-testid=input-password]').fill(ANALYST.password);
    await page.locator('[data-testid=sign-in-submit]').click();
    await page.locator('[data-testid=import-file]').waitFor();

    const { body: methodologies } = await api<RatingMethodologyList>(
      'GET',
      '/api/ratings/methodologies',
    );
    const esg = methodologies.items.find(
      (m) => m.code === 'sez_esg' && m.version.endsWith('-all-sez'),
    )!;
    const { body: methodology } = await api<RatingMethodology>(
      'GET',
      `/api/ratings/methodologies/${esg.id}`,
    );
    const codes: string[] = methodology.methodology.indicators.map((i) => i.code);
    // Deterministic made-up values: a linear congruential sequence, 0–100.
    let seed = 20260501;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 100;
    const lines = ['object,indicator,value,year,source'];
    for (let k = 1; k <= OBJECTS; k++)
      for (const code of codes)
        lines.push(`"${siteName(k)}",${code},${next().toFixed(2)},${YEAR},тест браузера`);

    const bad = [
      ...lines.slice(0, 3),
      `"Нет такой ОЭЗ",${codes[0]},1,${YEAR},тест`,
      `"${siteName(1)}",${codes[0]},много,${YEAR},тест`,
    ];
    await page.locator('[data-testid=import-dataset]').fill(DATASET);
    await page.locator('[data-testid=import-file]').setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(bad.join('\n')),
    });
    await page.locator('[data-testid=import-submit]').click();
    const problems = page.locator('[data-testid=import-problem]');
    // The import runs in a worker thread: slow on a loaded machine.
    await expect.poll(() => problems.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    const report = await page.locator('[data-testid=import-report]').innerText();
    expect(report).toMatch(/ничего не записано/);
    expect(await problems.first().locator('td').first().innerText()).toBe('4');
    // Chromium logs the 422 of the refused file as a console error; it is the expected answer here.
    errors.splice(0, errors.length, ...errors.filter((e) => !/status of 422/.test(e)));

    await page.locator('[data-testid=import-file]').setInputFiles({
      name: 'good.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\n')),
    });
    await page.locator('[data-testid=import-submit]').click();
    await expect
      .poll(() => page.locator('[data-testid=import-result]').count(), { timeout: 30_000 })
      .toBe(1);
    expect(await page.locator('[data-testid=import-result]').innerText()).toContain(
      `Загружено строк: ${OBJECTS * codes.length}`,
    );
  });

  it('re-ranks 50 objects in the browser within 100 ms of a weight slider moving, as the server would, and the order changes', async () => {
    const { body: methodologies } = await api<RatingMethodologyList>(
      'GET',
      '/api/ratings/methodologies',
    );
    const esg = methodologies.items.find(
      (m) => m.code === 'sez_esg' && m.version.endsWith('-all-sez'),
    )!;
    const computed = await api<RatingEdition>('POST', '/api/ratings/editions', {
      methodologyId: esg.id,
      year: YEAR,
      dataset: DATASET,
    });
    expect(computed.status).toBe(201);
    const editionId: number = computed.body.id;
    expect(computed.body.objectCount).toBe(OBJECTS);

    await page.goto(`${h.url}/ratings/editions/${editionId}/weights`);
    const timing = page.locator('[data-testid=rerank-timing]');
    await expect.poll(() => timing.getAttribute('data-mode'), { timeout: 30_000 }).toBe('browser');
    await expect.poll(() => page.locator('[data-testid=live-row]').count()).toBe(OBJECTS);
    const before = await liveOrder();
    expect(before).toEqual(computed.body.peerGroups[0]!.rows.map((r) => r.object.id));

    // Environment to zero (Home on the slider, as a keyboard user would): the table re-ranks.
    const reranks = async () => Number((await timing.getAttribute('data-reranks')) ?? '0');
    const start = await reranks();
    const environment = page.locator('[data-testid=group-weight][data-code=e]');
    await environment.focus();
    await environment.press('Home');
    await expect.poll(reranks).toBe(start + 1);
    const after = await liveOrder();
    expect(after).not.toEqual(before);
    const whatIf = await api<WhatIfResponse>('POST', `/api/ratings/editions/${editionId}/what-if`, {
      groupWeights: { e: 0 },
    });
    expect(after).toEqual(whatIf.body.peerGroups[0]!.rows.map((r) => r.object.id));

    // Drag back step by step; every step re-ranks within 100 ms from the input event to the new table.
    const times: number[] = [Number(await timing.getAttribute('data-update-ms'))];
    for (let step = 0; step < 8; step++) {
      const count = await reranks();
      await environment.press('ArrowRight');
      await expect.poll(reranks).toBe(count + 1);
      times.push(Number(await timing.getAttribute('data-update-ms')));
    }
    const computeMs = Number(await timing.getAttribute('data-rerank-ms'));
    console.log(
      `live re-rank, ${OBJECTS} objects: computeEdition ${computeMs.toFixed(2)} ms; input → table ${times.map((t) => t.toFixed(1)).join(', ')} ms`,
    );
    expect(Math.max(...times)).toBeLessThan(100);
    expect(computeMs).toBeLessThan(100);
    expect(await timing.innerText()).toMatch(/Пересчёт в браузере: \d+,\d мс/);

    // Reset brings the edition's own order back.
    await page.locator('[data-testid=reset-weights]').click();
    await expect.poll(liveOrder).toEqual(before);

    // An analyst saves the changed weights as a new methodology version, computes an edition with it and compares.
    await environment.focus();
    await environment.press('Home');
    await expect.poll(liveOrder).toEqual(after);
    await page.locator('[data-testid=save-version-submit]').click();
    await page.locator('[data-testid=compute-edition]').click();
    const compareLink = page.locator('[data-testid=saved-edition] a', {
      hasText: 'сравнить с исходным',
    });
    await compareLink.click();
    await page.waitForURL(/\/ratings\/compare\?before=\d+&after=\d+/);
    const movers = page.locator('[data-testid=mover]');
    await movers.first().waitFor();
    const gained = await movers.evaluateAll((rows) =>
      rows.map((r) => Number((r as HTMLElement).dataset.gained)),
    );
    expect(gained.filter((g) => g !== 0).length).toBeGreaterThan(0);
    expect(await movers.first().locator('[data-testid=driver]').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  it('compares the two computed ESG editions of the demo (2023 → 2024): who moved and which indicators drove it', async () => {
    const list = await editionsList();
    const esg = list.ratings.find((r) => r.code === 'akit-sez-esg')!;
    const demo = esg.editions.filter((e) => e.kind === 'computed' && e.dataset === 'illustrative');
    const before = demo.find((e) => e.year === 2023)!;
    const after = demo.find((e) => e.year === 2024)!;
    await page.goto(`${h.url}/ratings/compare?before=${before.id}&after=${after.id}`);
    const movers = page.locator('[data-testid=mover]');
    await movers.first().waitFor();
    expect(await movers.count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=movers]').innerText()).toMatch(
      /ОЭЗ «(Липецк|Архыз|Технополис «Москва»)»/,
    );
    expect(await page.locator('[data-testid=driver]').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });
});
