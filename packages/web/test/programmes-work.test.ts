import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { createUser } from '../../server/src/users/user.service.ts';
import { startBrowserHarness, watchErrors, type BrowserHarness } from './browser-harness.ts';

// Running the seed 2025 plan of Moscow, the Magadan region and Minpromtorg in
// the browser — owners, deadlines in words, a progress report, «выполнено»,
// the timeline — and creating and editing a project with a milestone.

const MAGADAN = {
  email: 'editor@magadan.test',
  password: 'редактор-магадан-2026',
  name: 'Ольга Редактор (Магадан)',
};
const LIPETSK = {
  email: 'editor@lipetsk-projects.test',
  password: 'редактор-липецк-проекты',
  name: 'Иван Редактор (Липецк)',
};

let h: BrowserHarness;
let page: Page;
let errors: string[] = [];
let planId = 0;

beforeAll(async () => {
  h = await startBrowserHarness();
  const db = h.server.connection.db;
  await createUser(db, {
    email: MAGADAN.email,
    displayName: MAGADAN.name,
    role: 'regional_editor',
    regions: ['44'],
    password: MAGADAN.password,
  });
  await createUser(db, {
    email: LIPETSK.email,
    displayName: LIPETSK.name,
    role: 'regional_editor',
    regions: ['42'],
    password: LIPETSK.password,
  });
  page = await h.newPage({ width: 1280, height: 1000 });
  errors = watchErrors(page);
  page.on('dialog', (dialog) => void dialog.accept());
});
afterAll(async () => {
  await h?.close();
});

const text = (l: Locator) => l.innerText();

async function signIn(p: Page, who: { email: string; password: string }): Promise<void> {
  await p.context().clearCookies();
  await p.goto(`${h.url}/login?next=%2F`);
  await p.locator('[data-testid=input-email]').fill(who.email);
  await p.locator('[data-testid=input-password]').fill(who.password);
  await p.locator('[data-testid=sign-in-submit]').click();
  await p.locator('[data-testid=user-menu]').waitFor();
  await p.waitForURL((url) => url.pathname === '/');
}

/** A request made from the page itself, with the session cookie and the CSRF token. */
async function apiFromPage<T>(p: Page, method: string, url: string, body?: unknown): Promise<T> {
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
      return response.json();
    },
    { method, url, body },
  ) as Promise<T>;
}

const rows = () => page.locator('[data-testid=plan-work] tr[data-measure]:not([hidden])');
const row = (title: string) => rows().filter({ hasText: title }).first();
const THEME = 'Поддержка предприятий';

/** The colour class of a measure's bar, read from the timeline's list (opened if closed). */
async function timelineTone(id: string | null): Promise<string | null> {
  const details = page.locator('[data-testid=timeline-details]');
  if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open)))
    await details.locator('summary').click();
  return page.locator(`[data-timeline-item="${id}"]`).getAttribute('data-tone');
}

describe('programmes at work in the browser', () => {
  it('opens the seed plan of 2025 with its five themes as measures whose status is «нет данных»', async () => {
    await signIn(page, MAGADAN);
    const list = await apiFromPage<{ items: Array<{ id: number; title: string }> }>(
      page,
      'GET',
      '/api/action-plans',
    );
    planId = list.items.find((p) => p.title.includes('Магаданской области'))!.id;
    await page.goto(`${h.url}/action-plans/${planId}/work`);
    await page.locator('[data-testid=plan-work]').waitFor();
    await expect.poll(() => rows().count()).toBe(5);
    const statuses = await page
      .locator('[data-testid=measure-status]')
      .evaluateAll((cells) => cells.map((c) => c.textContent));
    expect(statuses).toEqual(Array(5).fill('нет данных'));
    expect(await page.locator('section[data-theme] h2').allInnerTexts()).toEqual([
      'Поддержка предприятий',
      'Подготовка инженерных кадров',
      'Развитие промышленных зон',
      'Производственный туризм',
      'Внедрение современных технологий',
    ]);
    // No measure has a date yet: the timeline says so instead of drawing an empty chart.
    await page.locator('[data-testid=timeline-empty]').waitFor();
  });

  it('explains a deadline it cannot read under the field, then sets an owner and the deadline «II квартал 2025» and shows the overdue flag with its reason', async () => {
    await row(THEME).locator('[data-testid=edit-measure]').click();
    const dialog = page.locator('[data-testid=measure-dialog]');
    await dialog.waitFor();
    await dialog.locator('[data-testid=input-deadline]').fill('когда-нибудь потом');
    await dialog.locator('[data-testid=submit]').click();
    await expect
      .poll(() => text(dialog.locator('[data-testid=error-deadline]')))
      .toContain('Не удалось понять дату');
    await dialog.locator('[data-testid=owner-type]').selectOption('region');
    await dialog.locator('[data-testid=owner-region]').selectOption('44');
    await dialog.locator('[data-testid=owner-picked]').waitFor();
    await dialog.locator('[data-testid=input-deadline]').fill('II квартал 2025');
    await dialog.locator('[data-testid=input-status]').selectOption('in_progress');
    await dialog.locator('[data-testid=submit]').click();
    await dialog.waitFor({ state: 'detached' });
    const r = row(THEME);
    await expect
      .poll(() => text(r.locator('[data-testid=measure-owner]')))
      .toBe('Магаданская область');
    expect(await text(r.locator('[data-testid=measure-deadline]'))).toBe('2-й квартал 2025');
    expect(await text(r.locator('[data-testid=measure-status]'))).toBe('Выполняется');
    const flags = await text(r.locator('[data-testid=measure-flags]'));
    expect(flags).toContain('Просрочено');
    expect(flags).toContain('срок прошёл, мероприятие не выполнено');
    // The timeline now draws the measure, coloured as overdue.
    await page.locator('[data-testid=timeline-chart] canvas').waitFor();
    const id = await r.getAttribute('data-measure');
    expect(await timelineTone(id)).toBe('overdue');
  });

  it('adds a progress report with a date, a note and the share done', async () => {
    await row(THEME).locator('[data-testid=report-measure]').click();
    const dialog = page.locator('[data-testid=report-dialog]');
    await dialog.waitFor();
    await dialog.locator('[data-testid=input-reportedOn]').fill('2025-05-20');
    await dialog.locator('[data-testid=input-note]').fill('Отобраны 12 предприятий для поддержки');
    await dialog.locator('[data-testid=input-progress]').fill('40');
    await dialog.locator('[data-testid=submit]').click();
    await dialog.waitFor({ state: 'detached' });
    const progress = row(THEME).locator('[data-testid=measure-progress]');
    await expect.poll(() => text(progress)).toContain('40 %');
    expect(await text(progress)).toContain('2025-05-20');
    // The report is listed with the measure.
    await row(THEME).locator('[data-testid=edit-measure]').click();
    const reports = page.locator('[data-testid=measure-reports]');
    await expect.poll(() => text(reports)).toContain('Отобраны 12 предприятий для поддержки');
    await page.locator('[data-testid=measure-dialog] [data-testid=cancel]').click();
  });

  it('marks the measure done: the overdue flag goes, and the timeline shows it done', async () => {
    const r = row(THEME);
    const id = await r.getAttribute('data-measure');
    await r.locator('[data-testid=done-measure]').click();
    await expect
      .poll(() => text(row(THEME).locator('[data-testid=measure-status]')))
      .toBe('Выполнено');
    expect(await text(row(THEME).locator('[data-testid=measure-flags]'))).toBe('—');
    await expect.poll(() => timelineTone(id)).toBe('done');
  });

  it('filters by status, owner and deadline in the browser without asking the server again', async () => {
    const requests: string[] = [];
    const onRequest = (request: { url(): string }) => {
      if (request.url().includes('/api/')) requests.push(request.url());
    };
    page.on('request', onRequest);
    await page.locator('[data-testid=filter-status]').selectOption('done');
    await expect.poll(() => rows().count()).toBe(1);
    // The rows the filter leaves out are really out of sight, and so are their empty themes.
    expect(await page.locator('tr[data-measure][hidden]').first().isVisible()).toBe(false);
    expect(await page.locator('section[data-theme]:visible').count()).toBe(1);
    await page.locator('[data-testid=filter-status]').selectOption('none');
    await expect.poll(() => rows().count()).toBe(4);
    await page.locator('[data-testid=filter-status]').selectOption('');
    await page.locator('[data-testid=filter-owner]').selectOption('region:44');
    await expect.poll(() => rows().count()).toBe(1);
    await page.locator('[data-testid=filter-owner]').selectOption('');
    await page.locator('[data-testid=filter-deadline]').fill('2025-12-31');
    await expect.poll(() => rows().count()).toBe(1);
    await page.locator('[data-testid=filter-deadline]').fill('');
    await expect.poll(() => rows().count()).toBe(5);
    page.off('request', onRequest);
    expect(requests).toEqual([]);
  });

  it('shows both versions when someone else changed the measure meanwhile', async () => {
    const title = 'Подготовка инженерных кадров';
    await row(title).locator('[data-testid=edit-measure]').click();
    const dialog = page.locator('[data-testid=measure-dialog]');
    await dialog.waitFor();
    const id = Number(await row(title).getAttribute('data-measure'));
    const current = await apiFromPage<{ version: number }>(page, 'GET', `/api/measures/${id}`);
    await apiFromPage(page, 'PATCH', `/api/measures/${id}`, {
      version: current.version,
      deadline: 'до конца 2026 года',
    });
    await dialog.locator('[data-testid=input-deadline]').fill('III квартал 2026');
    await dialog.locator('[data-testid=submit]').click();
    const conflict = page.locator('[data-testid=conflict-dialog]');
    await conflict.waitFor();
    const table = await text(conflict);
    expect(table).toContain('III квартал 2026');
    expect(table).toContain('2026 год');
    await conflict.locator('[data-testid=conflict-reapply]').click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => text(row(title).locator('[data-testid=measure-deadline]')))
      .toBe('3-й квартал 2026');
  });

  it('speaks English on request', async () => {
    await page.locator('[data-testid=lang]').click();
    await expect.poll(() => text(page.locator('[data-testid=plan-counts]'))).toContain('Measures');
    expect(await text(row(THEME).locator('[data-testid=measure-status]'))).toBe('Done');
    await page.locator('[data-testid=lang]').click();
    await expect.poll(() => text(page.locator('[data-testid=plan-counts]'))).toContain('Всего');
  });

  it('creates an investment project with a milestone «весной 2025» and edits it; the project page shows its timeline', async () => {
    await signIn(page, LIPETSK);
    await page.goto(`${h.url}/projects/new`);
    const form = page.locator('[data-testid=record-form]');
    await form.waitFor();
    await page.locator('[data-testid=input-title]').fill('Запуск линии тракторов «Тест»');
    await page.locator('[data-testid=input-status]').selectOption('in_progress');
    await page.locator('[data-testid=input-period]').fill('до конца 2025 года');
    await page.locator('[data-testid=input-jobs]').fill('250');
    await page.locator('[data-testid=input-investmentRub]').fill('1 200 000 000');
    await page.locator('[data-testid=add-milestone]').click();
    await page.locator('[data-testid="input-milestones.0.title"]').fill('Запуск производства');
    await page.locator('[data-testid="input-milestones.0.date"]').fill('весной 2025');
    await page.locator('[data-testid=project-participant]').fill('Амкодор');
    await page.locator('[data-testid=project-participant-option]').first().click();
    await page.locator('[data-testid=project-participants] select').selectOption('investor');
    await page.locator('[data-testid=submit]').click();
    await page.waitForURL(/\/projects\/\d+$/);
    await expect
      .poll(() => text(page.locator('[data-testid=project-milestones]')))
      .toContain('Запуск производства — весна 2025');
    await page.locator('[data-testid=timeline-chart] canvas').waitFor();
    expect(await text(page.locator('main'))).toContain('Инвестор');

    // Edit: the milestone is reached, a second one is added with a date the server cannot read first.
    await page.locator('a', { hasText: 'Изменить' }).first().click();
    await page.waitForURL(/\/edit$/);
    await form.waitFor();
    await page.locator('[data-testid=project-milestones] input[type=checkbox]').first().check();
    await page.locator('[data-testid=add-milestone]').click();
    await page.locator('[data-testid="input-milestones.1.title"]').fill('Выход на мощность');
    await page.locator('[data-testid="input-milestones.1.date"]').fill('позже');
    await page.locator('[data-testid=submit]').click();
    await expect
      .poll(() => text(page.locator('[data-testid="error-milestones.1.date"]')))
      .toContain('Не удалось понять дату');
    await page.locator('[data-testid="input-milestones.1.date"]').fill('IV квартал 2025');
    await page.locator('[data-testid=submit]').click();
    await page.waitForURL(/\/projects\/\d+$/);
    const milestones = page.locator('[data-testid=project-milestones]');
    await expect.poll(() => text(milestones)).toContain('Выход на мощность — 4-й квартал 2025');
    expect(await text(milestones)).toContain('Запуск производства — весна 2025 (пройден)');
    // The project page's own words in English, and back.
    await page.locator('[data-testid=lang]').click();
    await expect.poll(() => text(page.locator('main'))).toContain('Milestones');
    expect(await text(milestones)).toContain('(done)');
    await page.locator('[data-testid=lang]').click();
    await expect.poll(() => text(page.locator('main'))).toContain('Этапы');
    expect(errors.filter((e) => !e.includes('status of 4'))).toEqual([]);
  });

  it('creates a plan with parties, a period in words and themes, adds a measure with co-executors and an indicator, edits the plan', async () => {
    await signIn(page, MAGADAN);
    await page.goto(`${h.url}/action-plans/new`);
    const form = page.locator('[data-testid=plan-form]');
    await form.waitFor();
    await form
      .locator('[data-testid=input-title]')
      .fill('План развития промышленного туризма «Тест»');
    await form.locator('[data-testid=input-period]').fill('до конца 2026 года');
    await form.locator('[data-testid=input-themes]').fill('Маршруты\nКадры');
    await form.locator('[data-testid=plan-party-type]').selectOption('region');
    await form.locator('[data-testid=plan-party-region]').selectOption('44');
    await expect
      .poll(() => text(form.locator('[data-testid=plan-parties]')))
      .toContain('Магаданская область');
    await form.locator('[data-testid=submit]').click();
    await page.waitForURL(/\/action-plans\/\d+\/work$/);
    await expect
      .poll(() => text(page.locator('h1')))
      .toBe('План развития промышленного туризма «Тест»');
    expect(await text(page.locator('[data-testid=plan-work]'))).toContain('2026 год');

    await page.locator('[data-testid=add-measure]').click();
    const dialog = page.locator('[data-testid=measure-dialog]');
    await dialog.waitFor();
    await dialog
      .locator('[data-testid=input-title]')
      .fill('Открыть три туристических маршрута на предприятия');
    await dialog.locator('[data-testid=input-theme]').selectOption('Маршруты');
    await dialog.locator('[data-testid=co-executor-type]').selectOption('region');
    await dialog.locator('[data-testid=co-executor-region]').selectOption('45');
    await expect.poll(() => text(dialog.locator('[data-testid=co-executors]'))).toContain('Москва');
    await dialog.locator('[data-testid=input-start]').fill('весной 2026');
    await dialog.locator('[data-testid=input-deadline]').fill('до конца 2026 года');
    await dialog.locator('[data-testid="input-indicator.name"]').fill('Маршруты');
    await dialog.locator('[data-testid="input-indicator.unit"]').fill('шт.');
    await dialog.locator('[data-testid="input-indicator.target"]').fill('3');
    await dialog.locator('[data-testid="input-indicator.actual"]').fill('один');
    await dialog.locator('[data-testid=submit]').click();
    await expect
      .poll(() => text(dialog.locator('[data-testid="error-indicator.actual"]')))
      .toContain('Введите число');
    await dialog.locator('[data-testid="input-indicator.actual"]').fill('1');
    await dialog.locator('[data-testid=submit]').click();
    await dialog.waitFor({ state: 'detached' });
    const r = row('Открыть три туристических маршрута');
    await expect.poll(() => text(r.locator('[data-testid=measure-deadline]'))).toBe('2026 год');
    expect(await page.locator('section[data-theme="Маршруты"] tr[data-measure]').count()).toBe(1);
    const id = await r.getAttribute('data-measure');
    const saved = await apiFromPage<{
      coExecutors: Array<{ title: string }>;
      indicator: { target: number; actual: number; unit: string } | null;
    }>(page, 'GET', `/api/measures/${id}`);
    expect(saved.coExecutors.map((c) => c.title)).toEqual(['Москва']);
    expect(saved.indicator).toMatchObject({ target: 3, actual: 1, unit: 'шт.' });

    await page.locator('[data-testid=edit-plan]').click();
    const planDialog = page.locator('[data-testid=plan-dialog]');
    await planDialog.waitFor();
    await planDialog.locator('[data-testid=input-themes]').fill('Маршруты\nКадры\nПродвижение');
    await planDialog.locator('[data-testid=submit]').click();
    await planDialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.locator('[data-testid=filter-theme] option').allInnerTexts())
      .toEqual(['все', 'Маршруты', 'Кадры', 'Продвижение']);
  });

  it('deletes the plan softly; the administrator restores it', async () => {
    const url = page.url();
    await page.locator('[data-testid=delete-plan]').click();
    await page.locator('[data-testid=plan-deleted]').waitFor();
    await page.goto(url);
    await expect.poll(() => text(page.locator('.error').first())).toContain('Не найдено');
    const admin = h.server.firstAdministrator!;
    await signIn(page, admin);
    const id = Number(new URL(url).pathname.split('/')[2]);
    expect(
      await apiFromPage<{ version: number }>(page, 'POST', `/api/action-plans/${id}/restore`),
    ).toMatchObject({ id });
    await page.goto(url);
    await expect
      .poll(() => text(page.locator('h1')))
      .toBe('План развития промышленного туризма «Тест»');
  });

  it('deletes a project from its page and the administrator restores it there', async () => {
    await signIn(page, LIPETSK);
    const list = await apiFromPage<{ items: Array<{ id: number; title: string }> }>(
      page,
      'GET',
      `/api/projects?q=${encodeURIComponent('Запуск линии тракторов')}`,
    );
    const id = list.items[0]!.id;
    await page.goto(`${h.url}/projects/${id}`);
    await page.locator('[data-testid=action-delete]').click();
    await page.locator('[data-testid=confirm-delete]').click();
    await page.locator('[data-testid=deleted-notice]').waitFor();
    // Gone for readers: the public list no longer has it.
    const after = await apiFromPage<{ items: Array<{ id: number }> }>(
      page,
      'GET',
      `/api/projects?q=${encodeURIComponent('Запуск линии тракторов')}`,
    );
    expect(after.items.map((p) => p.id)).not.toContain(id);
    await signIn(page, h.server.firstAdministrator!);
    await page.goto(`${h.url}/projects/${id}`);
    await page.locator('[data-testid=action-restore]').click();
    await expect
      .poll(() => text(page.locator('[data-testid=profile-title]')))
      .toBe('Запуск линии тракторов «Тест»');
  });
});
