import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { createUser } from '../../server/src/users/user.service.ts';
import { startBrowserHarness, watchErrors, type BrowserHarness } from './browser-harness.ts';

const EDITOR = {
  email: 'suppliers-editor@lipetsk.test',
  password: 'редактор-кооперации-2026',
  name: 'Анна Кооперация (Липецк)',
};

let h: BrowserHarness;
let page: Page;
let errors: string[];
const dialogs: string[] = [];
/** Refused API calls: the browser logs each as a console error, so the tests name the ones they expect. */
const refused: string[] = [];
const unexpected = () =>
  errors.filter(
    (e) => !e.includes('Failed to load resource: the server responded with a status of 4'),
  );

beforeAll(async () => {
  h = await startBrowserHarness();
  await createUser(h.server.connection.db, {
    email: EDITOR.email,
    displayName: EDITOR.name,
    role: 'regional_editor',
    regions: ['42'],
    password: EDITOR.password,
  });
  page = await h.newPage({ width: 1280, height: 900 });
  errors = watchErrors(page);
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url().includes('/api/'))
      refused.push(
        `${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`,
      );
  });
  // Deleting asks for confirmation: accepted, and remembered for the assertions.
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.accept();
  });
});
afterAll(async () => {
  await h?.close();
});

/** An organisation of the Lipetsk region at a point, with one ОКВЭД2 division. */
async function organisation(name: string, lat: number, lon: number, okved = '28') {
  const db = h.server.connection.db;
  const row = await db
    .insertInto('organisation')
    .values({ kind: 'enterprise', name, region_code: '42', latitude: lat, longitude: lon })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('organisation_okved')
    .values({ organisation_id: row.id, okved_code: okved, is_main: true })
    .execute();
  return row.id;
}

async function pick(scope: Locator, testId: string, name: string): Promise<void> {
  await scope.locator(`[data-testid=${testId}]`).fill(name.slice(0, 20));
  await scope.locator(`[data-testid=${testId}-option]`).filter({ hasText: name }).first().click();
  await scope.locator(`[data-testid=${testId}-picked]`).waitFor();
}

describe('supplier search', () => {
  it('finds suppliers within a radius with their distance and reasons, in Russian and in English', async () => {
    await organisation('Станкозавод в Липецке (поиск)', 52.61, 39.6);
    await organisation('Станкозавод в Ельце (поиск)', 52.62, 38.5);
    await organisation('Станкозавод в Москве (поиск)', 55.75, 37.62);
    await page.goto(`${h.url}/suppliers`);
    await page.locator('[data-testid=supplier-search-form]').waitFor();
    await page.locator('[data-testid=input-need]').selectOption('okved');
    await page.locator('[data-testid=input-code]').fill('28');
    await page.locator('[data-testid=origin-point]').check();
    await page.locator('[data-testid=input-lat]').fill('52,6031');
    await page.locator('[data-testid=input-lon]').fill('39.5708');
    await page.locator('[data-testid=input-radius]').fill('100');
    await page.locator('[data-testid=search]').click();
    const results = page.locator('[data-testid=supplier-result]');
    await results.first().waitFor();
    const texts = await results.allInnerTexts();
    const lipetsk = texts.findIndex((t) => t.includes('Станкозавод в Липецке'));
    const yelets = texts.findIndex((t) => t.includes('Станкозавод в Ельце'));
    expect(lipetsk).toBeGreaterThanOrEqual(0);
    expect(yelets).toBeGreaterThan(lipetsk);
    expect(texts.some((t) => t.includes('Станкозавод в Москве'))).toBe(false);
    expect(texts[yelets]).toMatch(/7\d(,\d)? км/);
    expect(texts[yelets]).toContain('Расстояние');
    expect(page.url()).toContain('okved=28');
    // The map: the search point and a marker per supplier with a point.
    const markers = page.locator('[data-testid=supplier-map] .maplibregl-marker');
    await expect.poll(() => markers.count()).toBe(texts.length + 1);

    await page.locator('[data-testid=language]').click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('Supplier search');
    const english = await results.nth(yelets).innerText();
    expect(english).toContain('Distance');
    expect(english).toMatch(/km from the search point within 100 km/);
    // The choice is remembered: back to Russian for the next test.
    await page.locator('[data-testid=language]').click();
    expect(errors).toEqual([]);
  });

  it('explains how the results are ranked in Russian and, with the same weights, in English', async () => {
    await page.goto(`${h.url}/suppliers?okved=28&lat=52.6031&lon=39.5708&radius=100`);
    await page.evaluate(() => localStorage.setItem('promatlas.lang', 'ru'));
    await page.reload();
    const method = page.locator('[data-testid=search-method]');
    await method.waitFor({ state: 'attached' });
    await page.locator('summary', { hasText: 'Как ранжирована выдача' }).click();
    const russian = await method.locator('li').allInnerTexts();
    expect(russian.length).toBe(4);
    const weightsOf = (lines: string[]) => lines.map((l) => l.match(/\d+(?:[.,]\d+)?/g) ?? []);

    await page.locator('[data-testid=language]').click();
    await page.locator('summary', { hasText: 'How results are ranked' }).waitFor();
    const english = await method.locator('li').allInnerTexts();
    expect(english).toHaveLength(4);
    expect(english[0]).toMatch(/^Distance: up to \d+ points/);
    // English words only (the classifiers keep their Russian names), and the same numbers.
    for (const line of english) expect(line.replace(/ОКПД2|ОКВЭД2/g, '')).not.toMatch(/[А-Яа-яЁё]/);
    expect(weightsOf(english)).toEqual(weightsOf(russian));
    await page.locator('[data-testid=language]').click();
    await page.locator('summary', { hasText: 'Как ранжирована выдача' }).waitFor();
  });

  it('says which field is wrong when the search cannot run', async () => {
    refused.length = 0;
    await page.goto(`${h.url}/suppliers?okved=28&lat=52.6`);
    const error = page.locator('[data-testid=search-error]');
    await error.waitFor();
    expect(await error.innerText()).toContain('lon');
    expect(refused).toEqual(['400 GET /api/suppliers/search']);
    refused.length = 0;
  });
});

describe('contract editing in the «Кооперация» tab', () => {
  it('lets an editor add, change and delete a contract and a year’s purchases, with field errors and a refused stale edit', async () => {
    const db = h.server.connection.db;
    const cluster = await db
      .selectFrom('cluster')
      .select('id')
      .where('name', 'like', '%ЛИПЕЦКМАШ%')
      .executeTakeFirstOrThrow();
    const buyer = 'Тракторный завод Редактируемый';
    const supplier = 'Литейный цех Редактируемый';
    const buyerId = await organisation(buyer, 52.6, 39.57);
    await organisation(supplier, 52.62, 39.6, '24');
    await db
      .insertInto('cluster_member')
      .values({ cluster_id: cluster.id, organisation_id: buyerId, role: 'anchor' })
      .execute();

    await page.goto(`${h.url}/login?next=${encodeURIComponent(`/clusters/${cluster.id}`)}`);
    await page.locator('[data-testid=input-email]').fill(EDITOR.email);
    await page.locator('[data-testid=input-password]').fill(EDITOR.password);
    await page.locator('[data-testid=sign-in-submit]').click();
    await page.locator('[data-testid=user-menu]').waitFor();
    await page.locator('[data-testid=add-contract]').click();
    const dialog = page.locator('[data-testid=contract-dialog]');
    await dialog.waitFor();
    await pick(dialog, 'input-buyer', buyer);
    await pick(dialog, 'input-supplier', buyer);
    await dialog.locator('[data-testid=input-signedOn]').fill('2999-01-01');
    await dialog.locator('[data-testid=input-valueRub]').fill('-5');
    await dialog.locator('[data-testid=submit]').click();
    expect(await dialog.locator('[data-testid=error-supplierId]').innerText()).toContain(
      'две разные стороны',
    );
    expect(await dialog.locator('[data-testid=error-signedOn]').innerText()).toContain(
      'позже сегодня',
    );
    expect(await dialog.locator('[data-testid=error-valueRub]').innerText()).toContain(
      'отрицательной',
    );
    await dialog.locator('[data-testid=input-supplier-picked] button').click();
    await pick(dialog, 'input-supplier', supplier);
    await dialog.locator('[data-testid=input-okpd2]').fill('24.51.1');
    await dialog.locator('[data-testid=input-product]').fill('Отливки корпусов');
    await dialog.locator('[data-testid=input-signedOn]').fill('2024-04-01');
    await dialog.locator('[data-testid=input-valueRub]').fill('1 500 000');
    await dialog.locator('[data-testid=submit]').click();
    await dialog.waitFor({ state: 'detached' });
    const table = page.locator('[data-testid=cooperation-table]');
    await expect.poll(() => table.innerText()).toContain('Отливки корпусов');
    // Bought outside the cluster: the supply gaps list it.
    await expect
      .poll(() => page.locator('[data-testid=supplier-gaps]').innerText())
      .toContain('24.51.1');

    const contract = await db
      .selectFrom('cooperation_contract')
      .select(['id', 'version'])
      .where('product', '=', 'Отливки корпусов')
      .executeTakeFirstOrThrow();
    // Someone else changes the contract while the editor has it open.
    await page.locator(`[data-testid=edit-contract-${contract.id}]`).click();
    await dialog.waitFor();
    await db
      .updateTable('cooperation_contract')
      .set({ version: contract.version + 1, product: 'Отливки (изменено другим)' })
      .where('id', '=', contract.id)
      .execute();
    await dialog.locator('[data-testid=input-product]').fill('Отливки станин');
    await dialog.locator('[data-testid=submit]').click();
    expect(await dialog.locator('[data-testid=form-error]').innerText()).toContain(
      'изменил кто-то другой',
    );
    await dialog.locator('[data-testid=cancel]').click();
    await page.reload();
    await page.locator(`[data-testid=edit-contract-${contract.id}]`).click();
    await dialog.waitFor();
    await dialog.locator('[data-testid=input-product]').fill('Отливки станин');
    await dialog.locator('[data-testid=submit]').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => table.innerText()).toContain('Отливки станин');

    await page.locator('[data-testid=add-purchase]').click();
    const purchase = page.locator('[data-testid=purchase-dialog]');
    await purchase.waitFor();
    await purchase.locator('[data-testid=input-organisationId]').selectOption({ label: buyer });
    await purchase.locator('[data-testid=input-year]').fill('2024');
    await purchase.locator('[data-testid=input-totalRub]').fill('10 000 000');
    await purchase.locator('[data-testid=input-fromParticipantsRub]').fill('12 000 000');
    await purchase.locator('[data-testid=submit]').click();
    expect(await purchase.locator('[data-testid=error-fromParticipantsRub]').innerText()).toContain(
      'не могут быть больше',
    );
    await purchase.locator('[data-testid=input-fromParticipantsRub]').fill('2 500 000');
    await purchase.locator('[data-testid=submit]').click();
    await purchase.waitFor({ state: 'detached' });
    const purchases = page.locator('[data-testid=purchases-table]');
    await expect
      .poll(async () => (await purchases.innerText()).replace(/[\u00a0\u202f]/g, ' '))
      .toContain('2 500 000 ₽');

    await page.locator(`[data-testid=delete-contract-${contract.id}]`).click();
    await expect.poll(() => table.count()).toBe(0);
    expect(dialogs.some((d) => d.startsWith('Удалить запись?'))).toBe(true);
    const deleted = await db
      .selectFrom('cooperation_contract')
      .select('deleted_at')
      .where('id', '=', contract.id)
      .executeTakeFirstOrThrow();
    expect(deleted.deleted_at).not.toBeNull();
    // The one refusal is the stale edit: everything else was caught before it was sent.
    expect(refused.filter((r) => !r.includes('/api/auth/'))).toEqual([
      `409 PATCH /api/cooperation-contracts/${contract.id}`,
    ]);
    expect(unexpected()).toEqual([]);
  });

  it('lets an editor put the cluster in the Minpromtorg registry and shows the decision expired five years on', async () => {
    const db = h.server.connection.db;
    const cluster = await db
      .selectFrom('cluster')
      .select('id')
      .where('name', 'like', '%ЛИПЕЦКМАШ%')
      .executeTakeFirstOrThrow();
    await page.goto(`${h.url}/clusters/${cluster.id}`);
    await page.locator('[data-testid=edit-registry-status]').click();
    const form = page.locator('[data-testid=registry-status-form]');
    await form.locator('[data-testid=input-status]').selectOption('registered');
    await form.locator('[data-testid=submit]').click();
    expect(await form.locator('[data-testid=error-decisionNumber]').innerText()).toContain('номер');
    await form.locator('[data-testid=input-decisionNumber]').fill('МПТ-77');
    await form.locator('[data-testid=input-decisionDate]').fill('2019-03-15');
    await form.locator('[data-testid=submit]').click();
    await form.waitFor({ state: 'detached' });
    const text = page.locator('[data-testid=registry-status-text]');
    await expect.poll(() => text.innerText()).toContain('Заключение истекло');
    expect(await text.innerText()).toContain('№ МПТ-77 от 15.03.2019');
    expect(await page.locator('[data-testid=registry-status-history]').innerHTML()).toContain(
      EDITOR.name,
    );
    await expect
      .poll(() => page.locator('[data-testid=requirement-decision_validity]').innerText())
      .toContain('не соответствует');
    expect(unexpected()).toEqual([]);
  });
});
