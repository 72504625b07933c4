import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startBrowserHarness, watchErrors, type BrowserHarness } from './browser-harness.ts';
import { createUser } from '../../server/src/users/user.service.ts';

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

const text = async (selector: string) =>
  (await page.locator(selector).innerText()).replace(/[\u00a0\u202f]/g, ' ');

async function fillLine(k: number, line: { date: string; amount: string }) {
  const row = page.locator(`[data-testid=cost-line-${k}]`);
  await row.locator('input[name=description]').fill(`Стартовая партия ${k + 1}`);
  await row.locator('select[name=kind]').selectOption('starter_batch_components');
  await row.locator('input[name=date]').fill(line.date);
  await row.locator('input[name=amount]').fill(line.amount);
  await row.locator('select[name=documented]').selectOption('yes');
  await row.locator('select[name=supplier]').selectOption('yes');
}

describe('subsidy calculator', () => {
  it('computes the starter-batch track line by line: a cost before 01.01.2023 is left out with the reason, and the 150 mln ₽ cap applies', async () => {
    const measure = await h.server.connection.db
      .selectFrom('support_measure')
      .select('id')
      .where('code', '=', 'pp41-starter-batches')
      .executeTakeFirstOrThrow();
    await page.goto(`${h.url}/support`);
    await page.evaluate(() => localStorage.setItem('promatlas.lang', 'ru'));
    await page.reload();
    await page.locator('[data-testid=measure] option').first().waitFor({ state: 'attached' });
    await page.locator('[data-testid=measure]').selectOption(String(measure.id));
    expect(await text('[data-testid=measure-terms]')).toContain('150 000 000 ₽');
    await fillLine(0, { date: '2022-12-31', amount: '10 000 000' });
    await page.locator('[data-testid=add-line]').click();
    await fillLine(1, { date: '2023-01-01', amount: '400 000 000' });
    await page.locator('[data-testid=calculate]').click();
    await page.locator('[data-testid=calculation-result]').waitFor();
    const rows = page.locator('[data-testid=calculation-result] tbody tr');
    expect(await rows.count()).toBe(2);
    const early = (await rows.nth(0).innerText()).replace(/[\u00a0\u202f]/g, ' ');
    expect(early).toContain('раньше 01.01.2023');
    expect(early).toContain('нет');
    expect(await text('[data-testid=calculation-totals]')).toContain('предел применён');
    expect(await text('[data-testid=calculation-result-total]')).toBe('150 000 000 ₽');

    // Bad amounts: each named at its line, in Russian, and no result shown.
    await page.locator('[data-testid=cost-line-0] input[name=amount]').fill('-5');
    await page.locator('[data-testid=cost-line-1] input[name=amount]').fill('сто рублей');
    await page.locator('[data-testid=calculate]').click();
    await page.locator('[data-testid=calculation-error]').waitFor();
    expect(await page.locator('[data-testid=amount-error-0]').innerText()).toMatch(/[а-я]/i);
    expect(await page.locator('[data-testid=amount-error-1]').count()).toBe(1);
    expect(await page.locator('[data-testid=calculation-result]').count()).toBe(0);

    // The same page in English.
    await page.locator('[data-testid=support-lang]').click();
    expect(await page.locator('[data-testid=calculate]').innerText()).toBe('Calculate');
    expect(errors.filter((e) => !e.includes('400'))).toEqual([]);
  });
});

describe('cluster rule sets', () => {
  it('lets an administrator change N of the stored ПП 779 version, names a bad threshold, and shows the new revision', async () => {
    const admin = {
      email: `rules.${Date.now()}@test.promatlas`,
      password: 'correct horse battery staple',
    };
    await createUser(h.server.connection.db, {
      email: admin.email,
      displayName: 'Администратор правил',
      role: 'administrator',
      regions: [],
      password: admin.password,
    });
    await page.goto(`${h.url}/login?next=${encodeURIComponent('/regulations')}`);
    await page.locator('[data-testid=input-email]').fill(admin.email);
    await page.locator('[data-testid=input-password]').fill(admin.password);
    await page.locator('[data-testid=sign-in-submit]').click();
    await page.locator('[data-testid=user-menu]').waitFor();
    // The pages remember the language chosen in this browser: start in Russian.
    await page.evaluate(() => localStorage.setItem('promatlas.lang', 'ru'));
    await page.reload();
    await page.locator('[data-testid=rule-set-list] tbody tr').first().waitFor();
    const row = page.locator('[data-testid=rule-set-list] tbody tr').first();
    expect(await row.innerText()).toContain('2015-07-31.1 · правка 1');
    await row.locator('button').click();
    const editor = page.locator('[data-testid=rule-set-editor]');
    await editor.waitFor();
    expect(await editor.locator('[data-testid=composition-unverified]').innerText()).toContain(
      'Не сверено',
    );

    await editor.locator('input[name=threshold]').fill('двадцать');
    await editor.locator('[data-testid=rule-set-save]').click();
    await page.locator('[data-testid=rule-set-error]').waitFor();
    expect(await page.locator('[data-testid=rule-set-error]').innerText()).toContain(
      'body.functionalDependence.threshold',
    );

    await editor.locator('input[name=threshold]').fill('0,2');
    await editor.locator('input[name=minIndustrialEnterprises]').fill('12');
    await editor.locator('[data-testid=rule-set-save]').click();
    await expect.poll(() => row.innerText()).toContain('правка 2');
    expect(await row.innerText()).toContain('12');
    const stored = await h.server.connection.db
      .selectFrom('cluster_rule_set')
      .select(['version', 'body'])
      .where('code', '=', 'pp779')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(stored.version).toBe(2);
    expect(
      (stored.body as { composition: { minIndustrialEnterprises: number } }).composition
        .minIndustrialEnterprises,
    ).toBe(12);
  });
});

describe('support awards', () => {
  it('lists the awards of ЛИПЕЦКМАШ’s projects on the support page and opens one for editing', async () => {
    const db = h.server.connection.db;
    const admin = {
      email: `awards.${Date.now()}@test.promatlas`,
      password: 'correct horse battery staple',
    };
    await createUser(db, {
      email: admin.email,
      displayName: 'Администратор поддержки',
      role: 'administrator',
      regions: [],
      password: admin.password,
    });
    const cluster = await db
      .selectFrom('cluster')
      .select('id')
      .where('name', 'like', '%ЛИПЕЦКМАШ%')
      .executeTakeFirstOrThrow();
    await h.context.clearCookies();
    await page.goto(`${h.url}/login?next=${encodeURIComponent(`/support?cluster=${cluster.id}`)}`);
    await page.locator('[data-testid=input-email]').fill(admin.email);
    await page.locator('[data-testid=input-password]').fill(admin.password);
    await page.locator('[data-testid=sign-in-submit]').click();
    await page.locator('[data-testid=user-menu]').waitFor();
    await page.evaluate(() => localStorage.setItem('promatlas.lang', 'ru'));
    await page.reload();
    const awards = page.locator('[data-testid=cluster-awards]');
    await awards.waitFor();
    expect((await awards.innerText()).replace(/[\u00a0\u202f]/g, ' ')).toContain(
      'более 600 000 000 ₽',
    );
    await awards.locator('button').first().click();
    const form = page.locator('[data-testid=award-form]');
    expect(await form.locator('h2').innerText()).toContain('Изменить запись о поддержке');
    expect(await form.locator('[data-testid=award-qualifier]').inputValue()).toBe('more_than');
    expect(await form.locator('[data-testid=award-amount]').inputValue()).toBe('600000000');
  });
});

describe('territory flags', () => {
  it('lets an editor change and delete a flag, and shows both versions when someone else changed it first', async () => {
    const db = h.server.connection.db;
    const admin = {
      email: `flags.${Date.now()}@test.promatlas`,
      password: 'correct horse battery staple',
    };
    await createUser(db, {
      email: admin.email,
      displayName: 'Администратор перечней',
      role: 'administrator',
      regions: [],
      password: admin.password,
    });
    await h.context.clearCookies();
    await page.goto(`${h.url}/login?next=${encodeURIComponent('/regulations')}`);
    await page.locator('[data-testid=input-email]').fill(admin.email);
    await page.locator('[data-testid=input-password]').fill(admin.password);
    await page.locator('[data-testid=sign-in-submit]').click();
    await page.locator('[data-testid=user-menu]').waitFor();
    await page.evaluate(() => localStorage.setItem('promatlas.lang', 'ru'));
    await page.reload();
    const section = page.locator('[data-testid=territory-flags]');
    await section.waitFor();

    const add = section.locator('form', { hasText: 'Добавить отметку' });
    await add.locator('select').selectOption('monotown');
    await add.locator('input').nth(0).fill('42');
    await add.locator('input').nth(1).fill('Тестоград');
    await add.locator('input').nth(2).fill('Перечень моногородов (проверка)');
    await add.locator('button[type=submit]').click();
    await section.locator('tbody tr', { hasText: 'Тестоград' }).waitFor();
    const flagRow = () =>
      db
        .selectFrom('territory_flag')
        .select(['id', 'version', 'municipality', 'list_source', 'deleted_at'])
        .where('list_source', 'in', ['Перечень моногородов (проверка)', 'Изменено другим'])
        .executeTakeFirstOrThrow();
    const { id } = await flagRow();

    // A plain change.
    await section.locator(`[data-testid=edit-territory-flag-${id}]`).click();
    const editor = section.locator('[data-testid=territory-flag-editor]');
    await editor.locator('input[name=municipality]').fill('Новоград');
    await editor.locator('[data-testid=territory-flag-save]').click();
    await expect
      .poll(() => section.locator(`[data-testid=territory-flag-${id}]`).innerText())
      .toContain('Новоград');
    expect(await editor.count()).toBe(0);
    expect((await flagRow()).version).toBe(2);

    // Someone else changes the flag while it is open here: the save is refused with both versions
    // shown, from the flag the 409 answer carries (the list is not read again for it).
    const listReads: string[] = [];
    const countListReads = (r: import('playwright-core').Request) => {
      const url = new URL(r.url());
      if (r.method() === 'GET' && url.pathname === '/api/territory-flags') listReads.push(url.href);
    };
    await section.locator(`[data-testid=edit-territory-flag-${id}]`).click();
    await db
      .updateTable('territory_flag')
      .set((eb) => ({ list_source: 'Изменено другим', version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
    await editor.locator('input[name=municipality]').fill('Третьеград');
    page.on('request', countListReads);
    await editor.locator('[data-testid=territory-flag-save]').click();
    const conflict = page.locator('[data-testid=conflict-dialog]');
    await conflict.waitFor();
    page.off('request', countListReads);
    expect(listReads).toEqual([]);
    const differing = conflict.locator('[data-testid=conflict-row][data-differs=true]');
    expect(await differing.count()).toBe(2);
    expect(await conflict.innerText()).toContain('Изменено другим');
    expect(await conflict.innerText()).toContain('Третьеград');
    expect((await flagRow()).municipality).toBe('Новоград');
    await conflict.locator('[data-testid=conflict-reapply]').click();
    await expect.poll(async () => (await flagRow()).municipality).toBe('Третьеград');
    const saved = await flagRow();
    expect(saved.version).toBe(4);
    expect(saved.list_source).toBe('Перечень моногородов (проверка)');

    // A delete against a stale version is refused and said; the next one (fresh list) deletes.
    const shownVersion = () =>
      section.locator(`[data-testid=territory-flag-${id}]`).getAttribute('data-version');
    await expect.poll(shownVersion).toBe('4');
    const accept = (d: import('playwright-core').Dialog) => void d.accept();
    page.on('dialog', accept);
    try {
      await db
        .updateTable('territory_flag')
        .set((eb) => ({ version: eb('version', '+', 1) }))
        .where('id', '=', id)
        .execute();
      page.on('request', countListReads);
      await section.locator(`[data-testid=delete-territory-flag-${id}]`).click();
      await section.locator('[role=alert]').waitFor();
      expect(await section.locator('[role=alert]').innerText()).toContain('изменил кто-то другой');
      expect((await flagRow()).deleted_at).toBeNull();
      // The row shows the flag the 409 answer carried, at its current version, unread.
      await expect.poll(shownVersion).toBe('5');
      page.off('request', countListReads);
      expect(listReads).toEqual([]);
      await section.locator(`[data-testid=delete-territory-flag-${id}]`).click();
      await expect
        .poll(() => section.locator(`[data-testid=territory-flag-${id}]`).count())
        .toBe(0);
      expect((await flagRow()).deleted_at).not.toBeNull();
    } finally {
      page.off('dialog', accept);
    }
  });
});
