import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import iconv from 'iconv-lite';
import { createUser } from '../../server/src/users/user.service.ts';
import { startBrowserHarness, watchErrors, type BrowserHarness } from './browser-harness.ts';

/**
 * The registry import page in Chromium: a Windows-1251 «;» file as Excel
 * saves it; the mapping suggested from its headers; the preview marking the
 * bad row; a dry run; the import with its progress and counts, surviving a
 * reload; the row set aside fixed in the page and retried.
 */
const EDITOR = {
  email: 'import.admin@promatlas.test',
  password: 'импорт-реестра-2026',
  name: 'Ирина Импорт',
};

function inn(nine: string): string {
  const w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * w[i]!;
  return nine + ((sum % 11) % 10);
}

const GOOD = inn('482500551');
const FIXED = inn('482500552');
const CSV = iconv.encode(
  [
    'Наименование;ИНН;Регион',
    `ООО «Браузерный завод»;${GOOD};Липецкая обл.`,
    // Excel ate the check digit's neighbour: a mistyped ИНН, fixed in the page below.
    `ООО «Исправленный»;${FIXED.slice(0, 9)}${(Number(FIXED[9]) + 1) % 10};Липецкая область`,
  ].join('\r\n') + '\r\n',
  'win1251',
);

let h: BrowserHarness;
let page: Page;
let errors: string[];

beforeAll(async () => {
  h = await startBrowserHarness();
  await createUser(h.server.connection.db, {
    email: EDITOR.email,
    displayName: EDITOR.name,
    role: 'administrator',
    regions: [],
    password: EDITOR.password,
  });
  page = await h.newPage({ width: 1280, height: 900 });
  errors = watchErrors(page);
}, 180_000);
afterAll(async () => {
  await h?.close();
});

const status = () => page.locator('[data-testid=job-status]').getAttribute('data-status');

describe('registry import page', () => {
  it('suggests the mapping, previews the rows, runs a dry run and the import, and retries a row fixed in the page', async () => {
    await page.goto(`${h.url}/login?next=${encodeURIComponent('/registry/import')}`);
    await page.locator('[data-testid=input-email]').fill(EDITOR.email);
    await page.locator('[data-testid=input-password]').fill(EDITOR.password);
    await page.locator('[data-testid=sign-in-submit]').click();
    await page.locator('[data-testid=registry-file]').waitFor();

    const choose = () =>
      page.locator('[data-testid=registry-file]').setInputFiles({
        name: 'реестр.csv',
        mimeType: 'text/csv',
        buffer: CSV,
      });
    await choose();
    const select = (header: string) =>
      page.locator(`[data-testid=map-select][data-header="${header}"]`);
    await expect.poll(() => select('ИНН').inputValue(), { timeout: 60_000 }).toBe('inn');
    expect(await select('Наименование').inputValue()).toBe('name');
    expect(await select('Регион').inputValue()).toBe('region');
    const rows = page.locator('[data-testid=preview-row]');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).getAttribute('data-valid')).toBe('true');
    expect(await rows.nth(1).getAttribute('data-valid')).toBe('false');
    expect(await rows.nth(1).innerText()).toContain('контрольная цифра не сходится');

    await page.locator('[data-testid=dry-run]').click();
    await expect.poll(status, { timeout: 60_000 }).toBe('done');
    expect(await page.locator('[data-testid=job-status]').getAttribute('data-dry-run')).toBe(
      'true',
    );
    expect(await page.locator('[data-testid=count-created]').innerText()).toBe('1');
    expect(await page.locator('[data-testid=count-refused]').innerText()).toBe('1');

    await page.locator('[data-testid=new-file]').click();
    await choose();
    await expect.poll(() => select('ИНН').inputValue(), { timeout: 60_000 }).toBe('inn');
    await page.locator('[data-testid=start-import]').click();
    await expect.poll(status, { timeout: 60_000 }).toBe('done');
    expect(await page.locator('[data-testid=job-status]').getAttribute('data-dry-run')).toBe(
      'false',
    );
    expect(await page.locator('[data-testid=job-progress]').getAttribute('value')).toBe('1');
    expect(await page.locator('[data-testid=count-created]').innerText()).toBe('1');

    // The job is in the address: a reload shows it again.
    expect(page.url()).toMatch(/\/registry\/import\?job=\d+$/);
    await page.reload();
    await expect.poll(status, { timeout: 30_000 }).toBe('done');
    const setAside = page.locator('[data-testid=quarantine-row]');
    await expect.poll(() => setAside.count(), { timeout: 30_000 }).toBe(1);
    expect(await setAside.first().getAttribute('data-line')).toBe('3');
    expect(await setAside.first().innerText()).toContain('«ИНН»');

    await setAside.first().locator('[data-testid=fix-inn]').fill(FIXED);
    await setAside.first().locator('[data-testid=fix-save]').click();
    await expect.poll(() => setAside.first().innerText()).toContain('исправлено, ждёт повтора');
    const imported = page.url();
    await page.locator('[data-testid=retry]').click();
    await expect.poll(() => page.url(), { timeout: 30_000 }).not.toBe(imported);
    await expect.poll(status, { timeout: 60_000 }).toBe('done');
    expect(await page.locator('[data-testid=count-created]').innerText()).toBe('1');
    expect(await page.locator('[data-testid=count-refused]').innerText()).toBe('0');

    const created = await h.server.connection.db
      .selectFrom('organisation')
      .select(['name', 'region_code'])
      .where('inn', 'in', [GOOD, FIXED])
      .orderBy('inn')
      .execute();
    expect(created).toEqual([
      { name: '«Браузерный завод»', region_code: '42' },
      { name: '«Исправленный»', region_code: '42' },
    ]);
    expect(errors).toEqual([]);
  }, 300_000);

  it('offers the fields of the entity chosen and runs a dry run of a sites file', async () => {
    await page.goto(`${h.url}/registry/import`);
    await page.locator('[data-testid=registry-entity]').selectOption('sites');
    await page.locator('[data-testid=registry-file]').setInputFiles({
      name: 'площадки.csv',
      mimeType: 'text/csv',
      buffer: iconv.encode(
        'Наименование площадки;Тип площадки;Регион\r\nТехнопарк «Браузерный»;Технопарк;Липецкая область\r\n',
        'win1251',
      ),
    });
    const select = (header: string) =>
      page.locator(`[data-testid=map-select][data-header="${header}"]`);
    await expect
      .poll(() => select('Наименование площадки').inputValue(), { timeout: 60_000 })
      .toBe('name');
    expect(await select('Тип площадки').inputValue()).toBe('kind');
    await page.locator('[data-testid=dry-run]').click();
    await expect.poll(status, { timeout: 60_000 }).toBe('done');
    expect(await page.locator('[data-testid=count-created]').innerText()).toBe('1');
    expect(errors).toEqual([]);
  }, 300_000);
});
