import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHarness, watchErrors, type BrowserHarness } from './browser-harness.ts';

// Printable reports rendered in Chromium, printed to A4, checked for overflow and for their sources;
// the export links of a list page carry its filters.

let h: BrowserHarness;
let page: Page;
let errors: string[];

beforeAll(async () => {
  h = await startBrowserHarness();
  page = await h.newPage({ width: 1280, height: 900 });
  errors = watchErrors(page);
});
afterAll(async () => {
  await h?.close();
});

/** The pages of a PDF and their sizes in points (PDF 1.x: one «/Type /Page» object per page). */
function pdfPages(pdf: Buffer): { count: number; mediaBoxes: string[] } {
  const text = pdf.toString('latin1');
  const count = (text.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  const mediaBoxes = [...text.matchAll(/\/MediaBox\s*\[([^\]]+)\]/g)].map((m) =>
    m[1]!.trim().split(/\s+/).map(Number).map(Math.round).join(' '),
  );
  return { count, mediaBoxes };
}

async function openReport(path: string): Promise<void> {
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`${h.url}${path}`);
  await page.waitForSelector('[data-report-ready]');
}

/** Elements wider than their box under the print stylesheet at the width of an A4 page. */
async function overflowInPrint(p: Page): Promise<string[]> {
  await p.emulateMedia({ media: 'print' });
  // 210 mm at 96 px per inch, less the 14 mm side margins of the @page rule.
  await p.setViewportSize({ width: Math.floor(((210 - 28) / 25.4) * 96), height: 1000 });
  return p.evaluate(() => {
    const wide: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth)
      wide.push(`document ${root.scrollWidth}>${root.clientWidth}`);
    for (const el of document.querySelectorAll<HTMLElement>(
      '.report, .report table, .report section',
    ))
      if (el.scrollWidth > el.clientWidth + 1)
        wide.push(
          `${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth}>${el.clientWidth}`,
        );
    return wide;
  });
}

describe('printable reports and list exports', () => {
  it('prints the Lipetsk region profile on A4 pages, without horizontal overflow, its sources listed at the end', async () => {
    await openReport('/reports/region/42');
    expect(await page.locator('h1').innerText()).toBe('Профиль региона: Липецкая область');
    // The sources section is the last one and lists what the tables cite.
    const sections = page.locator('.report > section');
    expect(await sections.last().getAttribute('data-testid')).toBe('report-sources');
    const sources = page.locator('[data-testid=report-sources] li');
    expect(await sources.count()).toBeGreaterThan(0);
    const cited = await page
      .locator('.report td')
      .evaluateAll((cells) =>
        cells.map((c) => c.textContent ?? '').filter((t) => /^\[\d+\]$/.test(t)),
      );
    expect(cited.length).toBeGreaterThan(0);
    expect(Math.max(...cited.map((c) => Number(c.slice(1, -1))))).toBe(await sources.count());
    // The toolbar is for the screen only.
    expect(await overflowInPrint(page)).toEqual([]);
    expect(await page.locator('.report-toolbar').isVisible()).toBe(false);

    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const { count, mediaBoxes } = pdfPages(pdf);
    expect(count).toBeGreaterThanOrEqual(1);
    expect(count).toBeLessThanOrEqual(12);
    // A4 is 595 × 842 points.
    expect(new Set(mediaBoxes)).toEqual(new Set(['0 0 595 842']));

    // The server's PDF is the same page printed by the same Chromium: same number of A4 pages.
    const served = await fetch(`${h.url}/api/reports/region/42/export?format=pdf`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    const servedPdf = Buffer.from(await served.arrayBuffer());
    expect(servedPdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPages(servedPdf).count).toBe(count);
    expect(new Set(pdfPages(servedPdf).mediaBoxes)).toEqual(new Set(['0 0 595 842']));
  });

  it('prints a SEZ profile and a rating edition on A4 without overflow, each ending with its sources', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: 'screen' });
    // ОЭЗ «Липецк» of the demo: its passport and its indicators cite their sources.
    const sites = (await (
      await fetch(`${h.url}/api/sites?kind=sez&q=${encodeURIComponent('Липецк')}`)
    ).json()) as { items: { id: number; name: string }[] };
    const siteId = sites.items.find((s) => s.name.includes('Липецк'))?.id;
    expect(siteId).toBeDefined();
    await openReport(`/reports/site/${siteId}`);
    expect(await page.locator('[data-testid=report-section-residents] h2').innerText()).toBe(
      'Резиденты',
    );
    expect(
      await page.locator('[data-testid=report-section-facts] tbody tr').count(),
    ).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=report-sources] li').count()).toBeGreaterThan(0);
    expect(await overflowInPrint(page)).toEqual([]);
    expect(
      pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true })).count,
    ).toBeGreaterThanOrEqual(1);

    const editions = (await (await fetch(`${h.url}/api/ratings/editions`)).json()) as {
      ratings: { editions: { id: number }[] }[];
    };
    const edition = editions.ratings.flatMap((r) => r.editions)[0]!;
    await page.setViewportSize({ width: 1280, height: 900 });
    await openReport(`/reports/rating-edition/${edition.id}`);
    expect(
      await page.locator('[data-testid^=report-section-peer-] tbody tr').count(),
    ).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=report-sources]').innerText()).toContain('Источники');
    expect(await overflowInPrint(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('prints the region profile in English on A4 without overflow, its sources last, and the served PDF says it in English', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${h.url}/reports/region/42`);
    await page.evaluate(() => localStorage.setItem('promatlas.lang', 'ru'));
    await page.reload();
    await page.waitForSelector('[data-report-ready]');
    expect(await page.locator('h1').innerText()).toBe('Профиль региона: Липецкая область');
    // The interface language is the report's: one click writes it in English.
    await page.locator('[data-testid=report-lang]').click();
    await expect
      .poll(() => page.locator('h1').innerText())
      .toBe('Region profile: Липецкая область');
    await page.waitForSelector('[data-report-ready]');
    const headings = await page.locator('.report h2').allInnerTexts();
    expect(headings.length).toBeGreaterThan(5);
    for (const heading of headings) expect(heading).not.toMatch(/[А-Яа-яЁё]/);
    expect(await page.locator('[data-testid=report-sources] h2').innerText()).toBe('Sources');
    // The download links ask the server for the same language.
    const xlsx = await page.locator('[data-testid=report-xlsx]').getAttribute('href');
    const pdfLink = await page.locator('[data-testid=report-pdf]').getAttribute('href');
    expect(new URL(xlsx!, h.url).searchParams.get('lang')).toBe('en');
    expect(new URL(pdfLink!, h.url).searchParams.get('lang')).toBe('en');
    const sections = page.locator('.report > section');
    expect(await sections.last().getAttribute('data-testid')).toBe('report-sources');
    expect(await page.locator('[data-testid=report-sources] li').count()).toBeGreaterThan(0);

    expect(await overflowInPrint(page)).toEqual([]);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const { count, mediaBoxes } = pdfPages(pdf);
    expect(count).toBeGreaterThanOrEqual(1);
    expect(count).toBeLessThanOrEqual(12);
    expect(new Set(mediaBoxes)).toEqual(new Set(['0 0 595 842']));

    // The server prints the English page: same pages, English heading and page numbers.
    const served = await fetch(new URL(pdfLink!, h.url));
    expect(served.status).toBe(200);
    const servedPdf = Buffer.from(await served.arrayBuffer());
    expect(pdfPages(servedPdf).count).toBe(count);
    const { extractText, getDocumentProxy } = await import('unpdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(servedPdf)), {
      mergePages: true,
    });
    expect(text).toContain('Region profile: Липецкая область');
    expect(text).toContain('General information');
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).not.toContain('Общие сведения');
    await page.evaluate(() => localStorage.setItem('promatlas.lang', 'ru'));
    expect(errors).toEqual([]);
  });

  it('prints a SEZ profile and a rating edition in English on A4 without overflow', async () => {
    const sites = (await (
      await fetch(`${h.url}/api/sites?kind=sez&q=${encodeURIComponent('Липецк')}`)
    ).json()) as { items: { id: number; name: string }[] };
    const siteId = sites.items.find((s) => s.name.includes('Липецк'))?.id;
    expect(siteId).toBeDefined();
    await page.setViewportSize({ width: 1280, height: 900 });
    // An address naming the language speaks for the page whatever the interface language.
    await openReport(`/reports/site/${siteId}?lang=en`);
    expect(await page.locator('[data-testid=report-section-residents] h2').innerText()).toBe(
      'Residents',
    );
    expect(await page.locator('[data-testid=report-sources] h2').innerText()).toBe('Sources');
    expect(await overflowInPrint(page)).toEqual([]);
    expect(
      pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true })).count,
    ).toBeGreaterThanOrEqual(1);

    const editions = (await (await fetch(`${h.url}/api/ratings/editions`)).json()) as {
      ratings: { editions: { id: number }[] }[];
    };
    const edition = editions.ratings.flatMap((r) => r.editions)[0]!;
    await page.setViewportSize({ width: 1280, height: 900 });
    await openReport(`/reports/rating-edition/${edition.id}?lang=en`);
    expect(await page.locator('[data-testid=report-section-general] h2').innerText()).toBe(
      'About the edition',
    );
    expect(await page.locator('[data-testid=report-sources] h2').innerText()).toBe('Sources');
    expect(await overflowInPrint(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('offers the list’s export with the filters on screen, and the file holds only rows of that filter', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${h.url}/organisations?region=42&sort=-name`);
    await page.waitForSelector('[data-testid=list-row]');
    const href = await page.locator('[data-testid=export-csv]').getAttribute('href');
    expect(href).toContain('/api/organisations/export?');
    const query = new URL(href!, h.url).searchParams;
    expect(query.get('region')).toBe('42');
    expect(query.get('sort')).toBe('-name');
    expect(query.get('format')).toBe('csv');
    expect(query.has('page')).toBe(false);
    const csv = await (await fetch(new URL(href!, h.url))).text();
    const rows = csv.trimEnd().split('\r\n').slice(1);
    expect(rows.length).toBe(
      Number((await page.locator('[data-testid=list-total]').innerText()).replace(/\D/g, '')),
    );
    for (const row of rows) expect(row).toContain(',42,Липецкая область,');
    expect(await page.locator('[data-testid=export-geojson]').count()).toBe(1);
    await page.goto(`${h.url}/people`);
    await page.waitForSelector('[data-testid=list-row]');
    expect(await page.locator('[data-testid=export-xlsx]').count()).toBe(1);
    expect(await page.locator('[data-testid=export-geojson]').count()).toBe(0);
  });
});
