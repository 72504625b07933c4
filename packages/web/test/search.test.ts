import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHarness, watchErrors, type BrowserHarness } from './browser-harness.ts';

// Issue 2, step 2: one search box; any case form finds the word, and so does a typo.

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

async function suggestions(p: Page, query: string): Promise<Array<{ type: string; text: string }>> {
  const input = p.locator('[data-testid=search-input]');
  await input.fill('');
  await input.fill(query);
  await p.waitForSelector('[data-testid=search-option]');
  // Let the debounced request for the final text land.
  await p.waitForTimeout(400);
  return p
    .locator('[data-testid=search-option]')
    .evaluateAll((nodes) =>
      nodes.map((n) => ({ type: n.getAttribute('data-type') ?? '', text: n.textContent ?? '' })),
    );
}

describe('search', () => {
  it('finds the Lipetsk region, ОЭЗ «Липецк», the clusters, sessions and organisations of the region by «Липецкой», and «Липецкй» still finds the region', async () => {
    await page.goto(`${h.url}/`);
    const items = await suggestions(page, 'Липецкой');
    const of = (type: string) => items.filter((i) => i.type === type).map((i) => i.text);
    expect(of('region').join('\n')).toContain('Липецкая область');
    expect(of('site').join('\n')).toContain('ОЭЗ «Липецк»');
    expect(of('cluster').join('\n')).toContain('«ЛИПЕЦКМАШ»');
    expect(of('cluster').join('\n')).toContain('сельхозмашиностроения');
    const events = of('event').join('\n');
    expect(events).toContain('Установочная сессия');
    expect(events).toContain('Стратегическая сессия');
    expect(of('organisation').length).toBeGreaterThan(0);
    // Results are grouped by type under headings.
    const headings = await page.locator('.search-group-title').allInnerTexts();
    expect(headings.join(' ')).toMatch(/Регионы[\s\S]*Площадки[\s\S]*Кластеры[\s\S]*Организации/i);

    // Keyboard: ↓ selects the first suggestion, Enter opens it.
    await page.locator('[data-testid=search-input]').press('ArrowDown');
    await page.locator('[data-testid=search-input]').press('Enter');
    await page.waitForURL(/\/regions\/42$/);
    await expect
      .poll(() => page.locator('[data-testid=profile-title]').innerText())
      .toBe('Липецкая область');

    // Enter without a selection opens the full results with counts per type.
    await suggestions(page, 'Липецкой');
    await page.locator('[data-testid=search-input]').press('Enter');
    await page.waitForURL(/\/search\?q=/);
    await page.waitForSelector('[data-testid=search-result]');
    expect(decodeURIComponent(new URL(page.url()).searchParams.get('q') ?? '')).toBe('Липецкой');
    expect(await page.locator('[data-testid=tab-organisation]').innerText()).toMatch(
      /Организации\s+\d+/,
    );
    await page.locator('[data-testid=tab-organisation]').click();
    await expect
      .poll(
        async () =>
          new Set(
            await page
              .locator('[data-testid=search-result]')
              .evaluateAll((n) => n.map((x) => x.getAttribute('data-type'))),
          ).size,
      )
      .toBe(1);

    // A typo still finds the region.
    const typo = await suggestions(page, 'Липецкй');
    expect(
      typo
        .filter((i) => i.type === 'region')
        .map((i) => i.text)
        .join('\n'),
    ).toContain('Липецкая область');

    expect(errors).toEqual([]);
  });
});
