import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createUser } from '../../server/src/users/user.service.ts';
import {
  REPOSITORY_ROOT,
  startBrowserHarness,
  watchErrors,
  type BrowserHarness,
} from './browser-harness.ts';

// The review of seed 002 as a regional editor of the Lipetsk region would do it:
// paste the release, see its mentions highlighted, accept the setup session and its
// participants, and find them in the search.
const EDITOR = {
  email: 'intake@lipetsk.test',
  password: 'разбор-документов-2026',
  name: 'Анна Разбор (Липецк)',
};
const SEED_002 = fs.readFileSync(
  path.join(REPOSITORY_ROOT, 'packages/server/src/demo/sources/002_d7c196e4e83e66a2.txt'),
  'utf8',
);

let h: BrowserHarness;
let page: Page;
let errors: string[];

beforeAll(async () => {
  h = await startBrowserHarness();
  await createUser(h.server.connection.db, {
    email: EDITOR.email,
    displayName: EDITOR.name,
    role: 'regional_editor',
    regions: ['42'],
    password: EDITOR.password,
  });
  page = await h.newPage({ width: 1400, height: 900 });
  errors = watchErrors(page);
});
afterAll(async () => {
  await h?.close();
});

const proposals = (kind: string) =>
  page.locator(`.intake-group[data-kind=${kind}] [data-testid=proposal]`);

async function searchFinds(query: string, type: string, text: string): Promise<void> {
  const input = page.locator('[data-testid=search-input]');
  await input.fill('');
  await input.fill(query);
  const options = page.locator(`[data-testid=search-option][data-type=${type}]`);
  await expect
    .poll(
      async () => {
        const found = (await options.allInnerTexts()).join('\n');
        // On a loaded machine the dropdown may answer the previous query: type this one again.
        if (!found.includes(text)) {
          await input.fill('');
          await input.fill(query);
        }
        return found;
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toContain(text);
}

describe('document intake review', () => {
  it('reviews seed 002: pasted, highlighted, the session and its participants accepted and found in search', async () => {
    await page.goto(`${h.url}/login?next=${encodeURIComponent('/intake')}`);
    await page.locator('[data-testid=input-email]').fill(EDITOR.email);
    await page.locator('[data-testid=input-password]').fill(EDITOR.password);
    await page.locator('[data-testid=sign-in-submit]').click();
    await page.locator('[data-testid=user-menu]').waitFor();
    // The menu leads editors to the intake.
    await page.getByRole('link', { name: 'Разбор документов' }).click();
    await page.waitForURL(/\/intake$/);

    await page.locator('textarea[name=text]').fill(SEED_002);
    await page
      .locator('input[name=publisher]')
      .fill('Управление инновационной и промышленной политики Липецкой области');
    await page.locator('input[name=published]').fill('2013-10-11');
    await page.getByRole('button', { name: 'Разобрать' }).click();
    await page.waitForURL(/\/intake\/\d+/);

    // The text, with every kind of mention marked.
    const body = page.locator('[data-testid=intake-text]');
    await body.waitFor();
    expect(await body.innerText()).toContain('провели установочную сессию');
    const marked = async (type: string) => body.locator(`mark[data-type=${type}]`).allInnerTexts();
    expect(await marked('organisation')).toEqual(
      expect.arrayContaining(['ООО «НПК Армастек Липецк»', 'ОАО «Энергия»', 'ОАО «Гидравлик»']),
    );
    expect(await marked('person')).toContain('Лаврентьев Владимир Васильевич');
    expect(await marked('place')).toEqual(expect.arrayContaining(['Елец', 'Лебедянь']));
    expect((await marked('date')).join('|')).toContain('9 и 10 октября 2013 года');
    expect(await marked('event')).toContain('установочную сессию');

    // Beside it the proposals, each saying link or new and why.
    const energy = proposals('organisation').filter({ hasText: 'ОАО «Энергия»' }).first();
    expect(await energy.locator('[data-testid=reason]').innerText()).toBe('совпадает название');
    const newOnes = await proposals('organisation')
      .filter({ has: page.locator('.badge-new') })
      .locator('.proposal-label')
      .allInnerTexts();
    expect(newOnes.length).toBeGreaterThan(0);

    // Accept every organisation, the person, then the session.
    // «Accept all» takes what lies in the editor's region; the St Petersburg consultancy stays.
    await page.locator('.intake-group[data-kind=organisation] h2 button').click();
    await expect
      .poll(() => proposals('organisation').locator('.badge-accepted').count(), { timeout: 20_000 })
      .toBe((await proposals('organisation').count()) - 1);
    expect(
      await proposals('organisation')
        .filter({ hasNot: page.locator('.badge-accepted') })
        .locator('.proposal-label')
        .allInnerTexts(),
    ).toEqual(['ООО «Центр консалтинга Панацея»']);
    await page.locator('.intake-group[data-kind=person] h2 button').click();
    await expect
      .poll(() => proposals('person').locator('.badge-accepted').count(), { timeout: 20_000 })
      .toBe(1);
    const session = proposals('event').filter({ hasText: 'Установочная сессия 09.10.2013' });
    await session.getByRole('button', { name: 'Принять' }).click();
    await session.locator('.badge-accepted').waitFor();

    // The session page lists its participants, a newly created organisation among them.
    const created = newOnes[0]!.replace(/^[А-ЯЁ]{2,4} /, '').replace(/[«»]/g, '');
    const firstWords = created.split(' ').slice(0, 2).join(' ');
    await session.locator('.badge-accepted a').click();
    await page.waitForURL(/\/events\/\d+/);
    await expect
      .poll(() => page.locator('main').innerText(), { timeout: 15_000 })
      .toContain(firstWords);

    // And the search finds them.
    await searchFinds('установочная сессия', 'event', 'Установочная сессия');
    await searchFinds('Лаврентьев', 'person', 'Лаврентьев');
    await searchFinds(firstWords, 'organisation', firstWords);
    expect(errors).toEqual([]);
  }, 180_000);
});
