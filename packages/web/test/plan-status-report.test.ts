import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHarness, watchErrors, type BrowserHarness } from './browser-harness.ts';

// The plan status report reached from the plan page, rendered in Chromium and
// printed to A4: no horizontal overflow, measures grouped by theme, the
// sources section last, and the server's PDF of the same page.

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

/** The pages of a PDF and their sizes in points (one «/Type /Page» object per page). */
function pdfPages(pdf: Buffer): { count: number; mediaBoxes: string[] } {
  const text = pdf.toString('latin1');
  const count = (text.match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
  const mediaBoxes = [...text.matchAll(/\/MediaBox\s*\[([^\]]+)\]/g)].map((m) =>
    m[1]!.trim().split(/\s+/).map(Number).map(Math.round).join(' '),
  );
  return { count, mediaBoxes };
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

describe('plan status report', () => {
  it('opens from the plan page and prints the seed plan on A4 pages, themes grouped, sources last, without overflow', async () => {
    const plans = (await (await fetch(`${h.url}/api/action-plans`)).json()) as {
      items: { id: number; title: string }[];
    };
    const seed = plans.items.find((p) => p.title.includes('Магаданской области'));
    expect(seed).toBeDefined();
    await page.goto(`${h.url}/action-plans/${seed!.id}/work`);
    await page.locator('[data-testid=plan-status-report]').click();
    await page.waitForSelector('[data-report-ready]');
    expect(new URL(page.url()).pathname).toBe(`/reports/plan-status/${seed!.id}`);
    expect(await page.locator('h1').innerText()).toContain('Статус плана:');
    // The seed plan's five themes, each a section of its measures, after the summary.
    const themes = page.locator('[data-testid^=report-section-theme-] h2');
    expect(await themes.allInnerTexts()).toEqual([
      'Поддержка предприятий',
      'Подготовка инженерных кадров',
      'Развитие промышленных зон',
      'Производственный туризм',
      'Внедрение современных технологий',
    ]);
    expect(
      await page.locator('[data-testid=report-section-theme-1] thead th').allInnerTexts(),
    ).toEqual([
      '№',
      'Мероприятие',
      'Ответственный',
      'Срок',
      'Статус',
      'Показатель: цель / факт',
      'Флаг и причина',
      'Источник',
    ]);
    const sections = page.locator('.report > section');
    expect(await sections.last().getAttribute('data-testid')).toBe('report-sources');
    expect(await page.locator('[data-testid=report-sources] h2').innerText()).toBe('Источники');

    expect(await overflowInPrint(page)).toEqual([]);
    expect(await page.locator('.report-toolbar').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const { count, mediaBoxes } = pdfPages(pdf);
    expect(count).toBeGreaterThanOrEqual(1);
    expect(count).toBeLessThanOrEqual(4);
    expect(new Set(mediaBoxes)).toEqual(new Set(['0 0 595 842']));

    // The server prints the same page in the same Chromium: the same number of A4 pages.
    const served = await fetch(`${h.url}/api/reports/plan-status/${seed!.id}/export?format=pdf`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    const servedPdf = Buffer.from(await served.arrayBuffer());
    expect(servedPdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPages(servedPdf).count).toBe(count);
    expect(errors).toEqual([]);
  });

  it('prints the plan status report in English on A4 without overflow, its sources last', async () => {
    const plans = (await (await fetch(`${h.url}/api/action-plans`)).json()) as {
      items: { id: number; title: string }[];
    };
    const seed = plans.items.find((p) => p.title.includes('Магаданской области'));
    expect(seed).toBeDefined();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${h.url}/reports/plan-status/${seed!.id}?lang=en`);
    await page.waitForSelector('[data-report-ready]');
    expect(await page.locator('h1').innerText()).toMatch(/^Plan status: /);
    expect(
      await page.locator('[data-testid=report-section-theme-1] thead th').allInnerTexts(),
    ).toEqual([
      'No.',
      'Measure',
      'Owner',
      'Deadline',
      'Status',
      'Indicator: target / actual',
      'Flag and reason',
      'Source',
    ]);
    const sections = page.locator('.report > section');
    expect(await sections.last().getAttribute('data-testid')).toBe('report-sources');
    expect(await page.locator('[data-testid=report-sources] h2').innerText()).toBe('Sources');
    expect(await overflowInPrint(page)).toEqual([]);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const { count, mediaBoxes } = pdfPages(pdf);
    expect(count).toBeGreaterThanOrEqual(1);
    expect(count).toBeLessThanOrEqual(4);
    expect(new Set(mediaBoxes)).toEqual(new Set(['0 0 595 842']));
    expect(errors).toEqual([]);
  });
});
