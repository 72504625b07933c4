import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Point } from 'geojson';
import { startBrowserHarness, watchErrors, type BrowserHarness } from './browser-harness.ts';

// Issue 2, step 1: a map of Russia with every federal subject, coloured by a chosen measure, sites as points.

let h: BrowserHarness;
let page: Page;
let errors: string[];

beforeAll(async () => {
  h = await startBrowserHarness();
  page = await h.newPage({ width: 1280, height: 800 });
  errors = watchErrors(page);
});
afterAll(async () => {
  await h?.close();
});

/** Waits until MapLibre has drawn the regions and the sites. */
async function waitForMap(p: Page): Promise<void> {
  await p.waitForFunction(
    () => {
      const map = window.__promatlasMap;
      return (
        !!map &&
        map.loaded() &&
        map.isSourceLoaded('regions') &&
        map.getContainer().dataset.sites !== undefined
      );
    },
    undefined,
    { timeout: 30_000 },
  );
}

const legendText = (p: Page) => p.locator('[data-testid=legend]').innerText();

describe('map of Russia', () => {
  it('draws every federal subject, recolours by the chosen measure and shows sites as points', async () => {
    await page.goto(`${h.url}/`);
    expect(await page.title()).toContain('Карта');

    // The accessible list beside the map names all 89 federal subjects with a value.
    await page.waitForSelector('[data-testid=region-row]');
    await expect.poll(() => page.locator('[data-testid=region-row]').count()).toBe(89);
    await expect(
      page.locator('[data-testid=region-row][data-code="42"]').innerText(),
    ).resolves.toMatch(/Липецкая область\s+27/);

    // 85 subjects have geometry; every one of them is in the map's source and drawn.
    await waitForMap(page);
    const drawn = await page.evaluate(() => {
      const map = window.__promatlasMap!;
      const inSource = new Set(
        map.querySourceFeatures('regions').map((f) => f.properties.code as string),
      );
      const rendered = new Set(
        map
          .queryRenderedFeatures({ layers: ['regions-fill'] })
          .map((f) => f.properties.code as string),
      );
      return { inSource: inSource.size, rendered: rendered.size, lipetsk: rendered.has('42') };
    });
    expect(drawn.inSource).toBe(85);
    expect(drawn.rendered).toBeGreaterThanOrEqual(80);
    expect(drawn.lipetsk).toBe(true);

    // Switching the measure recolours the map: legend classes and the fill expression change.
    const legendBefore = await legendText(page);
    expect(legendBefore).toContain('Организации');
    expect(legendBefore).toContain('27');
    const fillBefore = await page.evaluate(() =>
      JSON.stringify(window.__promatlasMap!.getPaintProperty('regions-fill', 'fill-color')),
    );
    await page.selectOption('[data-testid=measure-select]', 'sites');
    await expect.poll(() => legendText(page)).toContain('Площадки');
    const legendAfter = await legendText(page);
    expect(legendAfter).not.toBe(legendBefore);
    expect(legendAfter).not.toContain('27');
    await expect
      .poll(() =>
        page.evaluate(() =>
          JSON.stringify(window.__promatlasMap!.getPaintProperty('regions-fill', 'fill-color')),
        ),
      )
      .not.toBe(fillBefore);
    expect(new URL(page.url()).searchParams.get('measure')).toBe('sites');
    await expect(page.locator('[data-testid=region-row]').first().innerText()).resolves.toMatch(
      /Липецкая область\s+1/,
    );

    // Sites are points; ОЭЗ «Липецк» has no coordinates in the seeds, so it stands at the region's centre, said so in its popup.
    await waitForMap(page);
    const sites = await page.evaluate(() => {
      const map = window.__promatlasMap!;
      const features = map.querySourceFeatures('sites');
      const first = features[0];
      const point = first
        ? map.project((first.geometry as Point).coordinates as [number, number])
        : null;
      return {
        count: features.length,
        approximate: first?.properties.approximate,
        kind: first?.properties.kind,
        point: point && { x: point.x, y: point.y },
      };
    });
    expect(sites.count).toBeGreaterThanOrEqual(1);
    expect(sites.kind).toBe('sez');
    expect(sites.approximate).toBe(true);
    const box = (await page.locator('[data-testid=region-map] canvas').boundingBox())!;
    await page.mouse.click(box.x + sites.point!.x, box.y + sites.point!.y);
    const popup = page.locator('.maplibregl-popup-content').filter({ hasText: 'ОЭЗ «Липецк»' });
    await expect.poll(() => popup.count()).toBe(1);
    expect(await popup.innerText()).toContain('координаты не указаны — показан центр региона');

    expect(errors).toEqual([]);
  });
});
