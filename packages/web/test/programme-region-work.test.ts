import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Locator, Page } from 'playwright-core';
import { startBrowserHarness, watchErrors, type BrowserHarness } from './browser-harness.ts';

// A region's programmes at a glance (the Magadan region, whose plan has more
// overdue measures than the dashboard lists), an owner who is a person found
// by name with their position, an existing plan linked to an event, and the
// programme pages and the shared form frame in English.

const OVERDUE = 120;
const DONE = 3;
const PLAN_TITLE = 'План проверки панели региона';

let h: BrowserHarness;
let page: Page;
let errors: string[];
let planId = 0;
let person: { id: number; lastName: string };

const text = (l: Locator) => l.innerText();

async function signInAsAdministrator(p: Page, next: string) {
  const admin = h.server.firstAdministrator!;
  await p.goto(`${h.url}/login?next=${encodeURIComponent(next)}`);
  await p.locator('[data-testid=input-email]').fill(admin.email);
  await p.locator('[data-testid=input-password]').fill(admin.password);
  await p.locator('[data-testid=sign-in-submit]').click();
  await p.locator('[data-testid=user-menu]').waitFor();
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

beforeAll(async () => {
  h = await startBrowserHarness();
  const db = h.server.connection.db;
  const plan = await sql<{ id: number }>`
    INSERT INTO action_plan (title, valid_from, valid_to, valid_precision, themes)
    VALUES (${PLAN_TITLE}, '2024-01-01', '2024-12-31', 'year', ARRAY['Кадры'])
    RETURNING id`.execute(db);
  planId = plan.rows[0]!.id;
  await sql`INSERT INTO action_plan_party (action_plan_id, region_code) VALUES (${planId}, '44')`.execute(
    db,
  );
  // Long past their deadlines and not done: overdue whatever the day the test runs.
  await sql`
    INSERT INTO programme_measure (action_plan_id, position, title, theme, owner_region_code,
      deadline_from, deadline_to, deadline_precision, status)
    SELECT ${planId}, g, 'Просроченное мероприятие ' || g, 'Кадры', '44',
      DATE '2024-03-01' + g, DATE '2024-03-01' + g, 'day',
      CASE WHEN g <= ${DONE} THEN 'done' ELSE 'planned' END
    FROM generate_series(1, ${OVERDUE + DONE}) g`.execute(db);
  const held = await db
    .selectFrom('position')
    .innerJoin('person', 'person.id', 'position.person_id')
    .select(['person.id', 'person.last_name'])
    .where('position.deleted_at', 'is', null)
    .where('person.deleted_at', 'is', null)
    .orderBy('position.id')
    .executeTakeFirstOrThrow();
  person = { id: held.id, lastName: held.last_name };
});
beforeEach(async () => {
  page = await (await h.newContext()).newPage();
  await page.setViewportSize({ width: 1400, height: 1000 });
  errors = watchErrors(page);
});
afterAll(async () => {
  await h?.close();
});

describe('a region’s programmes and the programme pages at work', () => {
  it('opens the region dashboard from the region profile: the plan with its measures by status, and «показаны 100 из N» under the capped overdue list', async () => {
    await signInAsAdministrator(page, '/regions/44');
    await page.locator('[data-testid=region-programmes-link]').click();
    await page.waitForURL(/\/regions\/44\/programmes$/);
    const plan = page.locator(`[data-testid=dashboard-plan][data-plan="${planId}"]`);
    await plan.locator('[data-testid=plan-total]').waitFor();
    expect(await text(plan.locator('[data-testid=plan-total]'))).toBe(String(OVERDUE + DONE));
    expect(await text(plan.locator('[data-status=done]'))).toBe(String(DONE));
    expect(await text(plan.locator('[data-status=planned]'))).toBe(String(OVERDUE));
    expect(await text(plan.locator('[data-testid=plan-overdue]'))).toBe(String(OVERDUE));
    expect(await text(plan.locator('[data-testid=plan-progress]'))).toContain(
      `${Math.round((DONE / (OVERDUE + DONE)) * 100)} %`,
    );

    const dashboard = await apiFromPage<{ totals: { overdue: number; limit: number } }>(
      page,
      'GET',
      '/api/regions/44/programmes',
    );
    expect(dashboard.totals.overdue).toBeGreaterThanOrEqual(OVERDUE);
    const overdue = page.locator('[data-testid=dashboard-overdue]');
    expect(await overdue.locator('tr[data-measure]').count()).toBe(dashboard.totals.limit);
    expect(await text(overdue.locator('[data-testid=shown-of]'))).toBe(
      `показаны ${dashboard.totals.limit} из ${dashboard.totals.overdue}`,
    );

    // The programmes menu leads to the same page through a choice of region.
    await page.goto(`${h.url}/programmes/regions`);
    await page.locator('[data-testid=dashboard-region]').selectOption('44');
    await page.waitForURL(/\/regions\/44\/programmes$/);
    await page.locator(`[data-testid=dashboard-plan][data-plan="${planId}"]`).waitFor();
    expect(errors).toEqual([]);
  });

  it('finds a measure’s owner who is a person by name, shows their current position, and saves them as the owner', async () => {
    await signInAsAdministrator(page, `/action-plans/${planId}/work`);
    const listed = await apiFromPage<{
      items: Array<{ id: number; fullName: string; currentTitle: string | null }>;
    }>(page, 'GET', `/api/people?q=${encodeURIComponent(person.lastName)}&pageSize=50`);
    const expected = listed.items.find((p) => p.id === person.id)!;
    expect(expected.currentTitle).not.toBeNull();

    await page.locator('[data-testid=add-measure]').click();
    const dialog = page.locator('[data-testid=measure-dialog]');
    await dialog.locator('[data-testid=input-title]').fill('Назначить ответственного за кадры');
    await dialog.locator('[data-testid=owner-type]').selectOption('person');
    await dialog.locator('[data-testid=owner-person]').fill(person.lastName);
    const option = dialog
      .locator('[data-testid=owner-person-option]')
      .filter({ hasText: expected.fullName })
      .first();
    await option.waitFor();
    expect(await text(option.locator('[data-testid=person-position]'))).toContain(
      expected.currentTitle!,
    );
    await option.click();
    await expect
      .poll(() => text(dialog.locator('[data-testid=owner-picked]')))
      .toContain(expected.fullName);
    await dialog.locator('[data-testid=submit]').click();
    await dialog.waitFor({ state: 'detached' });
    const row = page
      .locator('[data-testid=plan-work] tr[data-measure]')
      .filter({ hasText: 'Назначить ответственного за кадры' });
    // A long plan's sections off screen are not rendered (content-visibility): look at the row.
    await row.scrollIntoViewIfNeeded();
    await expect
      .poll(() => text(row.locator('[data-testid=measure-owner]')))
      .toBe(expected.fullName);
    const id = await row.getAttribute('data-measure');
    const saved = await apiFromPage<{ owner: { type: string; id: string } | null }>(
      page,
      'GET',
      `/api/measures/${id}`,
    );
    expect(saved.owner).toMatchObject({ type: 'person', id: String(person.id) });
    expect(errors).toEqual([]);
  });

  it('links an existing plan to an event, which then lists it among the programmes it produced', async () => {
    await signInAsAdministrator(page, '/events');
    const event = await apiFromPage<{ id: number }>(page, 'POST', '/api/events', {
      kind: 'strategic_session',
      title: 'Стратегическая сессия по кадрам Магаданской области',
      regionCode: '44',
    });
    await page.goto(`${h.url}/events/${event.id}`);
    const form = page.locator('[data-testid=plan-link-form]');
    const input = form.locator('[data-testid=plan-link]');
    const option = form.locator('[data-testid=plan-link-option]').filter({ hasText: PLAN_TITLE });
    await input.fill('проверки панели');
    await expect
      .poll(
        async () => {
          if (await option.count()) return true;
          // The search index may lag a just-written record on a loaded machine: ask again.
          await input.fill('');
          await input.fill('проверки панели');
          return false;
        },
        { timeout: 30_000, interval: 1_000 },
      )
      .toBe(true);
    await option.first().click();
    await form.locator('[data-testid=plan-link-submit]').click();
    await expect
      .poll(() => text(page.locator('[data-testid=produced-plans]')))
      .toContain(PLAN_TITLE);
    const work = await apiFromPage<{ producedPlans: Array<{ id: string }> }>(
      page,
      'GET',
      `/api/events/${event.id}/work`,
    );
    expect(work.producedPlans.map((p) => Number(p.id))).toEqual([planId]);
    expect(errors).toEqual([]);
  });

  it('speaks English on «Мои задачи», the plan filters, the list filters, the profile tabs and the form buttons', async () => {
    await signInAsAdministrator(page, '/my-tasks');
    await page.locator('[data-testid=lang-toggle]').click();
    await expect.poll(() => text(page.locator('h1'))).toBe('My tasks');

    await page.goto(`${h.url}/action-plans/${planId}/work`);
    await expect
      .poll(() => page.locator('[data-testid=filter-status] option').first().innerText())
      .toBe('all');
    expect(await text(page.locator('[data-testid=plan-filters]'))).toContain('Responsible');

    await page.goto(`${h.url}/action-plans`);
    await expect.poll(() => text(page.locator('h1'))).toBe('Action plans');
    // The count comes with the list («· loading…» until then).
    await expect.poll(() => text(page.locator('[data-testid=list-total]'))).toMatch(/^Found: \d/);
    await expect
      .poll(() => page.locator('[data-testid=filter-region] option').first().innerText())
      .toBe('All regions');

    await page.goto(`${h.url}/regions/44`);
    await expect.poll(() => text(page.locator('[data-testid=tab-history]'))).toBe('History');
    expect(await text(page.locator('[data-testid=tab-details]'))).toBe('Details');

    await page.goto(`${h.url}/projects/new`);
    await expect.poll(() => text(page.locator('h1'))).toBe('New project');
    expect(await text(page.locator('[data-testid=submit]'))).toBe('Create');
    expect(await text(page.locator('[data-testid=cancel]'))).toBe('Cancel');

    // Back to Russian: the choice is remembered in this browser.
    await page.locator('[data-testid=lang]').click();
    await expect.poll(() => text(page.locator('[data-testid=submit]'))).toBe('Создать');
    expect(errors).toEqual([]);
  });
});
