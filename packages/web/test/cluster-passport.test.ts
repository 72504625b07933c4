import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHarness, watchErrors, type BrowserHarness } from './browser-harness.ts';

// The cluster passport rendered in Chromium and printed to A4: page count, no overflow, sources at the end.

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
      '.report, .report table, .report section, .report td, .report th',
    ))
      if (el.scrollWidth > el.clientWidth + 1)
        wide.push(
          `${el.tagName.toLowerCase()}.${el.className} «${(el.textContent ?? '').slice(0, 20)}» ${el.scrollWidth}>${el.clientWidth}`,
        );
    return wide;
  });
}

describe('the printable cluster passport', () => {
  it('opens from the ЛИПЕЦКМАШ page, says which data are missing, and prints on A4 without overflow, its sources last', async () => {
    const db = h.server.connection.db;
    const cluster = await db
      .selectFrom('cluster')
      .select('id')
      .where('name', 'like', '%ЛИПЕЦКМАШ%')
      .executeTakeFirstOrThrow();
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${h.url}/clusters/${cluster.id}`);
    await page.locator('[data-testid=report-link]').click();
    await page.waitForSelector('[data-report-ready]');
    expect(page.url()).toBe(`${h.url}/reports/cluster/${cluster.id}`);
    expect(await page.locator('h1').innerText()).toContain('ЛИПЕЦКМАШ');
    const missing = page.locator('[data-testid=report-section-missing]');
    expect(await missing.innerText()).toContain('Договоры кооперации между участниками не внесены');
    expect(await page.locator('[data-testid=report-section-compliance] tbody tr').count()).toBe(5);
    expect(await page.locator('[data-testid=report-section-support] tbody tr').count()).toBe(1);
    // The sources section is the last one and lists what the tables cite.
    const sections = page.locator('.report section');
    expect(await sections.last().getAttribute('data-testid')).toBe('report-sources');
    expect(await page.locator('[data-testid=report-sources] li').count()).toBeGreaterThan(0);

    expect(await overflowInPrint(page)).toEqual([]);
    expect(await page.locator('.report-toolbar').isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const { count, mediaBoxes } = pdfPages(pdf);
    expect(count).toBeGreaterThanOrEqual(2);
    expect(count).toBeLessThanOrEqual(8);
    // A4 is 595 × 842 points.
    expect(new Set(mediaBoxes)).toEqual(new Set(['0 0 595 842']));

    // The server's PDF is the same page printed by the same Chromium.
    const served = await fetch(`${h.url}/api/reports/cluster/${cluster.id}/export?format=pdf`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    const servedPdf = Buffer.from(await served.arrayBuffer());
    expect(pdfPages(servedPdf).count).toBe(count);
    expect(errors).toEqual([]);
  });

  it('prints the English passport on A4 without overflow, its sources last, and the served English PDF has the English heading', async () => {
    const db = h.server.connection.db;
    const cluster = await db
      .selectFrom('cluster')
      .select('id')
      .where('name', 'like', '%ЛИПЕЦКМАШ%')
      .executeTakeFirstOrThrow();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${h.url}/reports/cluster/${cluster.id}?lang=en`);
    await page.waitForSelector('[data-report-ready]');
    expect(await page.locator('h1').innerText()).toMatch(/^Cluster passport: .*ЛИПЕЦКМАШ/);
    expect(await page.locator('[data-testid=report-section-missing] h2').innerText()).toBe(
      'Missing data',
    );
    const pdfLink = await page.locator('[data-testid=report-pdf]').getAttribute('href');
    const xlsxLink = await page.locator('[data-testid=report-xlsx]').getAttribute('href');
    expect(new URL(pdfLink!, h.url).searchParams.get('lang')).toBe('en');
    expect(new URL(xlsxLink!, h.url).searchParams.get('lang')).toBe('en');
    const sections = page.locator('.report section');
    expect(await sections.last().getAttribute('data-testid')).toBe('report-sources');
    expect(await page.locator('[data-testid=report-sources] li').count()).toBeGreaterThan(0);

    expect(await overflowInPrint(page)).toEqual([]);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    const { count, mediaBoxes } = pdfPages(pdf);
    expect(count).toBeGreaterThanOrEqual(2);
    expect(count).toBeLessThanOrEqual(8);
    expect(new Set(mediaBoxes)).toEqual(new Set(['0 0 595 842']));

    const served = await fetch(new URL(pdfLink!, h.url));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('application/pdf');
    const servedPdf = Buffer.from(await served.arrayBuffer());
    expect(pdfPages(servedPdf).count).toBe(count);
    const { extractText, getDocumentProxy } = await import('unpdf');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(servedPdf)), {
      mergePages: true,
    });
    expect(text).toMatch(/Cluster passport: .*ЛИПЕЦКМАШ/);
    expect(text).toContain('Check under Decree No. 779');
    expect(text).not.toContain('Недостающие данные');
    expect(errors).toEqual([]);
  });

  it('fits the cooperation matrix of a 24-participant cluster within the A4 width', async () => {
    const db = h.server.connection.db;
    const cluster = await db
      .insertInto('cluster')
      .values({
        kind: 'industrial',
        name: 'Кластер из 24 участников (запись теста)',
        region_code: '42',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ids: number[] = [];
    for (let k = 0; k < 24; k++) {
      const org = await db
        .insertInto('organisation')
        .values({
          kind: 'enterprise',
          name: `Машиностроительный завод с длинным названием № ${k + 1} (запись теста)`,
          region_code: '42',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('cluster_member')
        .values({ cluster_id: cluster.id, organisation_id: org.id, role: 'anchor' })
        .execute();
      ids.push(org.id);
    }
    for (let k = 0; k < ids.length; k++)
      await db
        .insertInto('cooperation_contract')
        .values({
          buyer_id: ids[k]!,
          supplier_id: ids[(k + 1) % ids.length]!,
          contract_type: 'supply',
          signed_on: '2023-04-01',
          value_rub: 123_456_789_000,
        })
        .execute();

    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${h.url}/reports/cluster/${cluster.id}`);
    await page.waitForSelector('[data-report-ready]');
    const matrix = page.locator('[data-testid=report-section-matrix-value]');
    expect(await matrix.locator('thead th').count()).toBe(2 + 24);
    expect(await matrix.locator('tbody tr').count()).toBe(24);
    expect(await overflowInPrint(page)).toEqual([]);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(new Set(pdfPages(pdf).mediaBoxes)).toEqual(new Set(['0 0 595 842']));
    expect(errors).toEqual([]);
  });

  it('switches the passport to English: headings, table heads, verdicts, the missing-data list and the gaps', async () => {
    const db = h.server.connection.db;
    const cluster = await db
      .selectFrom('cluster')
      .select('id')
      .where('name', 'like', '%ЛИПЕЦКМАШ%')
      .executeTakeFirstOrThrow();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${h.url}/reports/cluster/${cluster.id}`);
    await page.evaluate(() => localStorage.setItem('promatlas.lang', 'ru'));
    await page.reload();
    await page.waitForSelector('[data-report-ready]');
    const missing = page.locator('[data-testid=report-section-missing]');
    expect(await missing.locator('h2').innerText()).toBe('Недостающие данные');

    await page.locator('[data-testid=passport-lang]').click();
    await expect.poll(() => missing.locator('h2').innerText()).toBe('Missing data');
    expect(await page.locator('h1').innerText()).toMatch(/^Cluster passport: .*ЛИПЕЦКМАШ/);
    // Every heading the passport itself words is English now.
    const headings = await page.locator('.report h2').allInnerTexts();
    expect(headings.length).toBeGreaterThan(8);
    for (const heading of headings) expect(heading).not.toMatch(/[А-Яа-яЁё]/);
    const compliance = page.locator('[data-testid=report-section-compliance]');
    expect(await compliance.locator('thead').innerText()).toMatch(
      /Requirement\s+Verdict\s+Value\s+Threshold/,
    );
    // The verdicts are the check's own, in English words.
    const check = (await (
      await fetch(`${h.url}/api/clusters/${cluster.id}/compliance`)
    ).json()) as {
      check: { requirements: Array<{ verdict: 'met' | 'not_met' | 'insufficient_data' }> };
      gaps: Array<{ messageEn: string }>;
    };
    const words = { met: 'met', not_met: 'not met', insufficient_data: 'insufficient data' };
    const verdicts = await compliance.locator('tbody tr td:nth-child(2)').allInnerTexts();
    expect(verdicts).toEqual(check.check.requirements.map((r) => words[r.verdict]));
    expect(await compliance.locator('tbody tr').first().innerText()).toContain(
      'Cooperation between participants',
    );
    expect(await missing.innerText()).toContain(
      'No cooperation contracts between participants are recorded',
    );
    expect(await missing.innerText()).not.toMatch(/[А-Яа-яЁё]/);
    // The gaps read the compliance check's English messages.
    expect(check.gaps.length).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('[data-testid=report-section-gaps]').innerText())
      .toContain(check.gaps[0]!.messageEn);
    expect(await page.locator('[data-testid=report-sources] h2').innerText()).toBe('Sources');

    // And back to Russian.
    await page.locator('[data-testid=passport-lang]').click();
    await expect.poll(() => missing.locator('h2').innerText()).toBe('Недостающие данные');
    await page.evaluate(() => localStorage.setItem('promatlas.lang', 'ru'));
    expect(errors).toEqual([]);
  });
});
