import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { createUser } from '../../server/src/users/user.service.ts';
import { startBrowserHarness, type BrowserHarness } from './browser-harness.ts';

// Issue 3: a regional editor's path through the registry, the refusal on
// another region, concurrent edits, the audit trail and hostile names.

const EDITOR = {
  email: 'editor@lipetsk.test',
  password: 'редактор-липецк-2026',
  name: 'Ирина Редактор (Липецк)',
};
const SECOND = {
  email: 'second@lipetsk.test',
  password: 'второй-редактор-2026',
  name: 'Пётр Второй (Липецк)',
};
const ORGANISATION = 'Липецкий завод сельскохозяйственных машин «Агромаш-Тест»';
const HOSTILE = `<script>alert(1)</script> ' OR 1=1 --`;

let h: BrowserHarness;
let page: Page;
let second: BrowserContext;
let page2: Page;
const pageErrors: string[] = [];
const dialogs: string[] = [];
let organisationId = '';

beforeAll(async () => {
  h = await startBrowserHarness();
  const db = h.server.connection.db;
  await createUser(db, {
    email: EDITOR.email,
    displayName: EDITOR.name,
    role: 'regional_editor',
    regions: ['42'],
    password: EDITOR.password,
  });
  await createUser(db, {
    email: SECOND.email,
    displayName: SECOND.name,
    role: 'regional_editor',
    regions: ['42'],
    password: SECOND.password,
  });
  page = await h.newPage({ width: 1280, height: 900 });
  second = await h.newContext();
  page2 = await second.newPage();
  for (const p of [page, page2]) {
    p.on('pageerror', (error) => pageErrors.push(error.message));
    // Any alert/confirm would mean user text ran as script.
    p.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  }
});
afterAll(async () => {
  await h?.close();
});

const text = (l: Locator) => l.innerText();
const title = (p: Page) => p.locator('[data-testid=profile-title]').innerText();

async function signIn(
  p: Page,
  who: { email: string; password: string },
  next = '/',
): Promise<void> {
  await p.goto(`${h.url}/login?next=${encodeURIComponent(next)}`);
  await p.locator('[data-testid=input-email]').fill(who.email);
  await p.locator('[data-testid=input-password]').fill(who.password);
  await p.locator('[data-testid=sign-in-submit]').click();
  await p.locator('[data-testid=user-menu]').waitFor();
}

async function openBySearch(p: Page, query: string, optionText: string): Promise<void> {
  const input = p.locator('[data-testid=search-input]');
  await input.fill(query);
  const option = p.locator('[data-testid=search-option]').filter({ hasText: optionText }).first();
  await option.waitFor();
  await option.click();
  await expect.poll(() => title(p)).toContain(optionText);
}

async function pickOrganisation(scope: Locator, name: string): Promise<void> {
  await scope.locator('[data-testid=input-organisation]').fill(name.slice(0, 24));
  await scope
    .locator('[data-testid=input-organisation-option]')
    .filter({ hasText: name })
    .first()
    .click();
  await scope.locator('[data-testid=input-organisation-picked]').waitFor();
}

/** A request made from the page itself, with the session cookie and the CSRF token, as a script in the page would. */
async function apiFromPage(
  p: Page,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; body: { error?: { code: string; message: string } } }> {
  return p.evaluate(
    async ({ method, url, body }) => {
      const me = await (await fetch('/api/auth/me')).json();
      const response = await fetch(url, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          'x-csrf-token': me.csrfToken,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json() };
    },
    { method, url, body },
  );
}

describe('editing the registry', () => {
  it('the Lipetsk editor signs in and the top bar shows the name, role and region', async () => {
    await page.goto(`${h.url}/`);
    await page.locator('[data-testid=sign-in-link]').click();
    await page.waitForURL(/\/login\?next=/);
    // A wrong password is refused with the server's message.
    await page.locator('[data-testid=input-email]').fill(EDITOR.email);
    await page.locator('[data-testid=input-password]').fill('не тот пароль');
    await page.locator('[data-testid=sign-in-submit]').click();
    await expect
      .poll(() => text(page.locator('[data-testid=form-error]')))
      .toContain('Неверный адрес почты или пароль');
    await page.locator('[data-testid=input-password]').fill(EDITOR.password);
    await page.locator('[data-testid=sign-in-submit]').click();
    await page.locator('[data-testid=user-menu]').waitFor();
    // The menu can appear a moment before the sign-in page navigates back.
    await page.waitForURL((url) => url.pathname === '/');
    await page.locator('[data-testid=user-menu-button]').hover();
    const card = await text(page.locator('[data-testid=user-card]'));
    expect(card).toContain(EDITOR.name);
    expect(card).toContain('Региональный редактор');
    expect(card).toContain('Липецкая область');
  });

  it('creates an organisation with ИНН, ОГРН, legal form, ОКВЭД2 codes and region; wrong numbers and unknown codes are explained next to their fields before saving', async () => {
    const posts: string[] = [];
    const onRequest = (request: { method(): string; url(): string }) => {
      if (request.method() === 'POST' && request.url().endsWith('/api/organisations'))
        posts.push(request.url());
    };
    page.on('request', onRequest);
    await page.goto(`${h.url}/organisations/new`);
    const form = page.locator('[data-testid=record-form]');
    await form.waitFor();
    await page.locator('[data-testid=input-legalForm]').selectOption('ООО');
    await page.locator('[data-testid=input-name]').fill(ORGANISATION);

    // ИНН with a wrong check digit: explained as it is typed.
    await page.locator('[data-testid=input-inn]').fill('7707083894');
    await expect
      .poll(() => text(page.locator('[data-testid=error-inn]')))
      .toBe('ИНН не проходит проверку контрольного числа — проверьте цифры');
    await page.locator('[data-testid=input-inn]').fill('7707083893');
    await expect.poll(() => page.locator('[data-testid=error-inn]').count()).toBe(0);

    // An ОГРНИП (individual entrepreneur) does not fit an ООО.
    await page.locator('[data-testid=input-ogrn]').fill('304500116000157');
    await expect
      .poll(() => text(page.locator('[data-testid=error-ogrn]')))
      .toContain('У формы «ООО» регистрационный номер — 13-значный ОГРН, а не ОГРНИП');
    await page.locator('[data-testid=input-ogrn]').fill('1027700132195');
    await expect.poll(() => page.locator('[data-testid=error-ogrn]').count()).toBe(0);
    await page.locator('[data-testid=input-kpp]').fill('482401001');

    // ОКВЭД2: a malformed code and a code the classifier does not hold are refused.
    const okved = page.locator('[data-testid=okved-search]');
    await okved.fill('28.1.1');
    await okved.press('Enter');
    await expect
      .poll(() => text(page.locator('[data-testid=okved-problem]')))
      .toContain('не код ОКВЭД2');
    await okved.fill('77.77');
    await okved.press('Enter');
    await expect
      .poll(() => text(page.locator('[data-testid=okved-problem]')))
      .toBe('Код ОКВЭД2 77.77 не найден в классификаторе');
    await expect(page.locator('[data-testid=okved-chip]').count()).resolves.toBe(0);
    // Found by words, and by its exact code.
    await okved.fill('машин и оборудования');
    await page.locator('[data-testid=okved-option][data-code="28"]').click();
    await okved.fill('25');
    await okved.press('Enter');
    await expect
      .poll(() =>
        page
          .locator('[data-testid=okved-chip]')
          .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-code'))),
      )
      .toEqual(['28', '25']);

    // The editor's only region is preselected, and only granted regions are offered.
    expect(await page.locator('[data-testid=input-regionCode]').inputValue()).toBe('42');
    expect(await page.locator('[data-testid=input-regionCode] option').allInnerTexts()).toEqual([
      'Липецкая область',
    ]);
    await page.locator('[data-testid=input-town]').fill('Липецк');
    expect(posts).toEqual([]);

    await page.locator('[data-testid=submit]').click();
    await page.waitForURL(/\/organisations\/\d+$/);
    page.off('request', onRequest);
    organisationId = new URL(page.url()).pathname.split('/').pop()!;
    expect(await title(page)).toContain(ORGANISATION);
    const fields = await text(page.locator('section[aria-label=Сведения]'));
    expect(fields).toContain('7707083893');
    expect(fields).toContain('1027700132195');
    expect(fields).toContain('482401001');
    expect(fields).toMatch(/Организационно-правовая форма\s+ООО/);
    expect(await text(page.locator('[data-testid=profile-region]'))).toContain('Липецкая область');
    const codes = await text(page.locator('section[aria-label="Виды деятельности (ОКВЭД2)"]'));
    expect(codes).toContain('28');
    expect(codes).toContain('25');
  });

  it('offers similar names of the region as possible duplicates, and refuses a second organisation with the same ИНН with a link to the first', async () => {
    await page.goto(`${h.url}/organisations/new`);
    await page.locator('[data-testid=input-legalForm]').selectOption('АО');
    await page.locator('[data-testid=input-name]').fill('Липецкий станкозавод');
    await expect
      .poll(() => text(page.locator('[data-testid=similar]')))
      .toContain('Липецкий станкозавод «Возрождение»');
    await page.locator('[data-testid=input-name]').fill('Дубликат по ИНН');
    await page.locator('[data-testid=input-inn]').fill('7707083893');
    await page.locator('[data-testid=submit]').click();
    const duplicate = page.locator('[data-testid=duplicate]');
    await expect.poll(() => text(duplicate)).toContain('ИНН 7707083893 уже есть в реестре');
    expect(await text(page.locator('[data-testid=error-inn]'))).toContain('уже есть в реестре');
    expect(await page.locator('[data-testid=duplicate-link]').getAttribute('href')).toBe(
      `/organisations/${organisationId}`,
    );
  });

  it('adds the organisation as a participant of cluster «ЛИПЕЦКМАШ»', async () => {
    await page.goto(`${h.url}/`);
    await openBySearch(page, 'ЛИПЕЦКМАШ', '«ЛИПЕЦКМАШ»');
    await page.locator('[data-testid=action-member]').click();
    const dialog = page.locator('[data-testid=member-dialog]');
    await pickOrganisation(dialog, ORGANISATION);
    await dialog.locator('[data-testid=input-role]').selectOption('component_supplier');
    await dialog.locator('[data-testid=submit]').click();
    await expect.poll(() => dialog.count()).toBe(0);
    const members = page.locator('section[aria-label=Участники]');
    await expect.poll(() => text(members)).toContain(ORGANISATION);
    expect(await text(members)).toContain('Поставщик комплектующих');
  });

  it("records a person's new position at the new organisation", async () => {
    await openBySearch(page, 'Лаврентьев', 'Лаврентьев Владимир Васильевич');
    await page.locator('[data-testid=action-position]').click();
    const dialog = page.locator('[data-testid=position-dialog]');
    await dialog.locator('[data-testid=input-title]').fill('Генеральный директор');
    await pickOrganisation(dialog, ORGANISATION);
    await dialog.locator('[data-testid=input-asOf]').fill('2026-09-01');
    await dialog.locator('[data-testid=submit]').click();
    await expect.poll(() => dialog.count()).toBe(0);
    const positions = page.locator('[data-testid=position]');
    await expect.poll(() => positions.count()).toBe(2);
    const all = (await positions.allInnerTexts()).join('\n');
    expect(all).toContain('Генеральный директор');
    expect(all).toContain('01.09.2026');
    // The earlier position stays.
    expect(all).toContain(
      'Начальник управления инновационной и промышленной политики Липецкой области',
    );
  });

  it('sets ОЭЗ «Липецк» at 65 residents as of a new date with a new source document attached; «60 резидентов» as of 14.03.2024 stays as the earlier value', async () => {
    await openBySearch(page, 'ОЭЗ Липецк', 'ОЭЗ «Липецк»');
    await page.locator('[data-testid=action-fact]').click();
    const dialog = page.locator('[data-testid=fact-dialog]');
    expect(await dialog.locator('[data-testid=input-property]').inputValue()).toBe('residents');
    await dialog.locator('[data-testid=input-value]').fill('65');
    // A fact cannot be true as of a future date.
    await dialog.locator('[data-testid=input-asOf]').fill('2099-01-01');
    await expect
      .poll(() => text(dialog.locator('[data-testid=error-asOf]')))
      .toBe('Дата актуальности не может быть в будущем');
    await dialog.locator('[data-testid=input-asOf]').fill('2026-10-01');
    await expect.poll(() => dialog.locator('[data-testid=error-asOf]').count()).toBe(0);

    // «Добавить источник» inline: the press release with its full text.
    await dialog.locator('[data-testid=add-source]').click();
    const source = dialog.locator('[data-testid=new-source]');
    await source
      .locator('[data-testid=source-title]')
      .fill('ОЭЗ «Липецк» подвела итоги трёх кварталов 2026 года');
    await source.locator('[data-testid=source-publisher]').fill('АО «ОЭЗ ППТ «Липецк»');
    await source.locator('[data-testid=source-published]').fill('2026-10-02');
    await source
      .locator('[data-testid=source-text]')
      .fill(
        'По итогам трёх кварталов в ОЭЗ «Липецк» работают 65 резидентов. Ещё три компании готовят заявки.',
      );
    await source.locator('[data-testid=save-source]').click();
    await expect.poll(() => source.count()).toBe(0);
    await expect
      .poll(async () =>
        (await dialog.locator('[data-testid=source-select] option:checked').innerText()).trim(),
      )
      .toContain('подвела итоги трёх кварталов');

    // The quote must be a fragment of the source text.
    const quote = dialog.locator('[data-testid=input-sourceQuote]');
    await quote.fill('работают 70 резидентов');
    await expect
      .poll(() => text(dialog.locator('[data-testid=error-sourceQuote]')))
      .toBe('Такого фрагмента нет в тексте источника');
    await quote.fill('в ОЭЗ «Липецк» работают 65 резидентов');
    await expect.poll(() => dialog.locator('[data-testid=error-sourceQuote]').count()).toBe(0);
    await dialog.locator('[data-testid=submit]').click();
    await expect.poll(() => dialog.count()).toBe(0);

    const residents = page.locator('[data-testid=fact][data-property=residents]');
    await expect.poll(() => text(residents)).toContain('65 резидентов');
    expect(await text(residents)).toContain('по состоянию на 01.10.2026');
    const earlier = residents.locator('[data-testid=fact-earlier]');
    expect(await text(earlier)).toContain('60 резидентов');
    expect(await text(earlier)).toContain('14.03.2024');

    // The new fact's source chip opens the new document with the quote marked.
    await residents.locator('.fact-meta [data-testid=source-chip]').click();
    await page.waitForURL(/\/sources\/\d+\?quote=/);
    await expect
      .poll(() => text(page.locator('[data-testid=quote-target]')))
      .toContain('работают 65 резидентов');
  });

  it('cannot change anything of the Tambov region: buttons disabled with the reason, and a direct API call from the page gets 403 with the Russian message', async () => {
    await page.goto(`${h.url}/`);
    await openBySearch(
      page,
      'Администрация Тамбовской области',
      'Администрация Тамбовской области',
    );
    const tambovId = new URL(page.url()).pathname.split('/').pop()!;
    const toolbar = page.locator('[data-testid=editing-toolbar]');
    await toolbar.waitFor();
    for (const action of ['edit', 'delete', 'fact']) {
      expect(await toolbar.locator(`[data-testid=action-${action}]`).isDisabled()).toBe(true);
    }
    expect(await toolbar.locator('a[data-testid=action-edit]').count()).toBe(0);
    expect(await text(toolbar.locator('[data-testid=edit-denied]'))).toContain(
      'Нет прав на изменение записей региона: Тамбовская область',
    );

    // The edit page says the same without showing a form.
    await page.goto(`${h.url}/organisations/${tambovId}/edit`);
    await expect
      .poll(() => text(page.locator('[data-testid=edit-denied]')))
      .toContain('Тамбовская область');
    expect(await page.locator('[data-testid=record-form]').count()).toBe(0);

    // The server refuses whatever the page shows.
    const patch = await apiFromPage(page, 'PATCH', `/api/organisations/${tambovId}`, {
      name: 'Захвачено',
      version: 1,
    });
    expect(patch.status).toBe(403);
    expect(patch.body.error?.code).toBe('forbidden');
    expect(patch.body.error?.message).toContain(
      'Нет прав на изменение записей региона: Тамбовская область',
    );
    const create = await apiFromPage(page, 'POST', '/api/organisations', {
      kind: 'enterprise',
      name: 'Новая тамбовская',
      regionCode: '68',
    });
    expect(create.status).toBe(403);
    expect(create.body.error?.message).toContain('Тамбовская область');
    const remove = await apiFromPage(page, 'DELETE', `/api/organisations/${tambovId}?version=1`);
    expect(remove.status).toBe(403);
    // Still there, unchanged.
    await page.goto(`${h.url}/organisations/${tambovId}`);
    await expect.poll(() => title(page)).toBe('Администрация Тамбовской области');
  });

  it('two editors edit the same organisation: the second save shows both versions, and reapplying keeps nothing lost; «История» says who changed what', async () => {
    await signIn(page2, SECOND);
    const editUrl = `${h.url}/organisations/${organisationId}/edit`;
    await page.goto(editUrl);
    await page2.goto(editUrl);
    await page.locator('[data-testid=input-town]').waitFor();
    await page2.locator('[data-testid=input-town]').waitFor();

    await page.locator('[data-testid=input-town]').fill('Грязи');
    await page.locator('[data-testid=submit]').click();
    await page.waitForURL(new RegExp(`/organisations/${organisationId}$`));
    await expect.poll(() => text(page.locator('section[aria-label=Сведения]'))).toContain('Грязи');

    await page2.locator('[data-testid=input-town]').fill('Елец');
    await page2
      .locator('[data-testid=input-description]')
      .fill('Производит навесное оборудование для тракторов');
    await page2.locator('[data-testid=submit]').click();
    const conflict = page2.locator('[data-testid=conflict-dialog]');
    await conflict.waitFor();
    expect(await text(conflict)).toContain('Запись изменена другим пользователем');
    const town = conflict
      .locator('[data-testid=conflict-row]')
      .filter({ hasText: 'Населённый пункт' });
    expect(await text(town.locator('[data-testid=conflict-mine]'))).toBe('Елец');
    expect(await text(town.locator('[data-testid=conflict-theirs]'))).toBe('Грязи');
    expect(await town.getAttribute('data-differs')).toBe('true');
    await conflict.locator('[data-testid=conflict-reapply]').click();
    await page2.waitForURL(new RegExp(`/organisations/${organisationId}$`));
    const details = await text(page2.locator('section[aria-label=Сведения]'));
    expect(details).toContain('Елец');
    expect(details).toContain('Производит навесное оборудование для тракторов');

    // «История»: both editors, each change before → after; the creation by the first.
    await page.goto(`${h.url}/organisations/${organisationId}`);
    await page.locator('[data-testid=tab-history]').click();
    const entries = page.locator('[data-testid=history-entry]');
    await expect.poll(() => entries.count()).toBeGreaterThanOrEqual(4);
    const updates = entries.filter({
      has: page.locator('[data-testid=history-change][data-field=town]'),
    });
    const [latest, earlier] = [updates.nth(0), updates.nth(1)];
    expect(await text(latest.locator('[data-testid=history-user]'))).toBe(SECOND.name);
    expect(
      await text(latest.locator('[data-testid=history-change][data-field=town] .history-before')),
    ).toBe('Грязи');
    expect(
      await text(latest.locator('[data-testid=history-change][data-field=town] .history-after')),
    ).toBe('Елец');
    expect(await text(earlier.locator('[data-testid=history-user]'))).toBe(EDITOR.name);
    expect(
      await text(earlier.locator('[data-testid=history-change][data-field=town] .history-before')),
    ).toBe('Липецк');
    expect(
      await text(earlier.locator('[data-testid=history-change][data-field=town] .history-after')),
    ).toBe('Грязи');
    const created = entries
      .filter({ has: page.locator('[data-testid=history-action]', { hasText: 'Создание' }) })
      .filter({ hasNot: page.locator('[data-testid=history-subject]') });
    expect(await text(created.locator('[data-testid=history-user]'))).toBe(EDITOR.name);
    expect(
      await text(created.locator('[data-testid=history-change][data-field=inn] .history-after')),
    ).toBe('7707083893');
    // Membership and position recorded earlier show in the organisation's history too.
    expect(await entries.filter({ hasText: 'Участник кластера' }).count()).toBe(1);
    expect(await entries.filter({ hasText: 'Должность: Генеральный директор' }).count()).toBe(1);
  });

  it('stores a name with <script> and SQL and shows it as text: no dialog, no script element; deleting marks it deleted and the administrator restores it', async () => {
    await page.goto(`${h.url}/organisations/new`);
    await page.locator('[data-testid=input-name]').fill(HOSTILE);
    await page.locator('[data-testid=submit]').click();
    await page.waitForURL(/\/organisations\/\d+$/);
    const hostileId = new URL(page.url()).pathname.split('/').pop()!;
    await expect
      .poll(() => page.locator('[data-testid=profile-title]').textContent())
      .toBe(HOSTILE);
    expect(await page.title()).toContain(HOSTILE);
    await page.locator('[data-testid=tab-history]').click();
    await expect
      .poll(() =>
        text(page.locator('[data-testid=history-change][data-field=name] .history-after')),
      )
      .toBe(HOSTILE);
    // Found by search, listed as text.
    await page.locator('[data-testid=search-input]').fill('OR 1=1');
    await page
      .locator('[data-testid=search-option]')
      .filter({ hasText: '<script>' })
      .first()
      .waitFor();
    const scripts = await page.evaluate(
      () =>
        [...document.querySelectorAll('script')].filter((s) =>
          (s.textContent ?? '').includes('alert'),
        ).length,
    );
    expect(scripts).toBe(0);
    expect(dialogs).toEqual([]);

    // «Удалить» with confirmation: the record is only marked deleted.
    await page.goto(`${h.url}/organisations/${hostileId}`);
    await page.locator('[data-testid=action-delete]').click();
    await page.locator('[data-testid=confirm-delete]').click();
    await expect
      .poll(() => text(page.locator('[data-testid=deleted-notice]')))
      .toContain('помечена удалённой');

    // The administrator restores it from the same address.
    const admin = h.server.firstAdministrator!;
    await page2.locator('[data-testid=user-menu-button]').hover();
    await page2.locator('[data-testid=sign-out]').click();
    await page2.locator('[data-testid=sign-in-link]').waitFor();
    await signIn(page2, admin, `/organisations/${hostileId}`);
    await page2.locator('[data-testid=action-restore]').click();
    await expect
      .poll(() => page2.locator('[data-testid=profile-title]').textContent())
      .toBe(HOSTILE);
    await page2.locator('[data-testid=tab-history]').click();
    await expect
      .poll(async () =>
        (await page2.locator('[data-testid=history-action]').allInnerTexts()).slice(0, 3),
      )
      .toEqual(['Восстановление', 'Удаление', 'Создание']);
    expect(pageErrors).toEqual([]);
  });

  it('the administrator creates an analyst account in «Администрирование → Пользователи» and blocks it', async () => {
    await page2.locator('[data-testid=user-menu-button]').hover();
    await page2.locator('[data-testid=admin-users-link]').click();
    await page2.locator('[data-testid=users-table]').waitFor();
    const form = page2.locator('[data-testid=create-user-form]');
    await form.locator('[data-testid=input-email]').fill('analyst@promatlas.test');
    await form.locator('[data-testid=input-displayName]').fill('Аналитик АКИТ');
    await form.locator('[data-testid=input-role]').selectOption('analyst');
    await form.locator('[data-testid=input-password]').fill('короткий');
    await expect
      .poll(() => text(form.locator('[data-testid=error-password]')))
      .toBe('Пароль не короче 12 символов');
    await form.locator('[data-testid=input-password]').fill('аналитик-акит-2026');
    await form.locator('[data-testid=submit]').click();
    const row = page2.locator('[data-testid=user-row][data-email="analyst@promatlas.test"]');
    await row.waitFor();
    expect(await text(row)).toContain('Аналитик');
    await row.locator('[data-testid=toggle-user]').click();
    await expect.poll(() => text(row.locator('[data-testid=user-state]'))).toBe('заблокирован');
    expect(pageErrors).toEqual([]);
  });
});
