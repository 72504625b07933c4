import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { createUser } from '../../server/src/users/user.service.ts';
import { startBrowserHarness, watchErrors, type BrowserHarness } from './browser-harness.ts';

// A regional editor of the Lipetsk region runs a strategic session in the
// browser: creates it, adds participants, records two decisions, turns one into
// a task of their organisation, sees it in «Мои задачи» and marks it done; then
// an agreement whose directions are edited and deleted, and which the
// administrator restores.
const EDITOR = {
  email: 'sessions@lipetsk.test',
  password: 'стратегическая-сессия-2026',
  name: 'Ольга Сессия (Липецк)',
};

let h: BrowserHarness;
let page: Page;
let errors: string[];
let adminPage: Page;
let organisation: { id: number; name: string };
let person: { lastName: string; positionId: number; positionTitle: string };

const text = (l: Locator) => l.innerText();
const orgQuery = () => organisation.name.replace(/[«»"]/g, '');
/** The organisation's longest word: its option's title may add a legal form and quotes. */
const orgWord = () =>
  orgQuery()
    .split(/\s+/)
    .sort((a, b) => b.length - a.length)[0]!;

async function signIn(p: Page, who: { email: string; password: string }, next: string) {
  await p.goto(`${h.url}/login?next=${encodeURIComponent(next)}`);
  await p.locator('[data-testid=input-email]').fill(who.email);
  await p.locator('[data-testid=input-password]').fill(who.password);
  await p.locator('[data-testid=sign-in-submit]').click();
  await p.locator('[data-testid=user-menu]').waitFor();
}

/** Types into a record picker and takes the option with this text. */
async function pick(scope: Locator | Page, testId: string, query: string, optionText: string) {
  const input = scope.locator(`[data-testid="${testId}"]`);
  const option = scope
    .locator(`[data-testid="${testId}-option"]`)
    .filter({ hasText: optionText })
    .first();
  await input.fill(query);
  await expect
    .poll(
      async () => {
        if (await option.count()) return true;
        // On a loaded machine the options may answer an earlier query: type it again.
        await input.fill('');
        await input.fill(query);
        return false;
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toBe(true);
  await option.click();
  await scope.locator(`[data-testid="${testId}-picked"]`).waitFor();
}

beforeAll(async () => {
  h = await startBrowserHarness();
  const db = h.server.connection.db;
  const user = await createUser(db, {
    email: EDITOR.email,
    displayName: EDITOR.name,
    role: 'regional_editor',
    regions: ['42'],
    password: EDITOR.password,
  });
  // An organisation of the Lipetsk region whose tasks are this user's («Мои задачи»).
  const org = await db
    .selectFrom('organisation')
    .select(['id', 'name'])
    .where('region_code', '=', '42')
    .where('deleted_at', 'is', null)
    .where('name', 'like', '%«%')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  organisation = org;
  await db
    .updateTable('app_user')
    .set({ organisation_id: org.id })
    .where('id', '=', user.id)
    .execute();
  // A person of the registry with a position, to take part «with the position held then».
  const held = await db
    .selectFrom('position')
    .innerJoin('person', 'person.id', 'position.person_id')
    .select(['person.last_name', 'position.id', 'position.title'])
    .where('position.deleted_at', 'is', null)
    .where('person.deleted_at', 'is', null)
    .orderBy('position.id')
    .executeTakeFirstOrThrow();
  person = { lastName: held.last_name, positionId: held.id, positionTitle: held.title };
});
// Each test signs in on a browser of its own: no test relies on another's session.
beforeEach(async () => {
  const context: BrowserContext = await h.newContext();
  page = await context.newPage();
  await page.setViewportSize({ width: 1400, height: 1000 });
  errors = watchErrors(page);
  adminPage = await (await h.newContext()).newPage();
});
afterAll(async () => {
  await h?.close();
});

describe('programmes at work in the browser', () => {
  it('creates a session, adds participants, records two decisions, turns one into a task, finds it in «Мои задачи» and marks it done', async () => {
    await signIn(page, EDITOR, '/events');
    await page.locator('[data-testid=new-event]').click();
    await page.waitForURL(/\/events\/new$/);
    const form = page.locator('[data-testid=event-form]');
    await form
      .locator('[data-testid=input-title]')
      .fill('Стратегическая сессия кластера станкостроения');
    await form.locator('[data-testid=input-kind]').selectOption('strategic_session');
    await form.locator('[data-testid=input-date]').fill('2027-12-05');
    await form.locator('[data-testid=input-place]').fill('Липецк, ОЭЗ «Липецк»');
    await form.locator('[data-testid=input-regionCode]').selectOption('42');
    await form.locator('[data-testid=input-agenda]').fill('1. Открытие\n2. Работа в группах');
    await form.locator('[data-testid=input-plannedParticipants]').fill('30');
    await form.locator('[data-testid=submit]').click();
    await page.waitForURL(/\/events\/\d+$/);
    const eventUrl = page.url();
    await expect
      .poll(() => text(page.locator('[data-testid=profile-title]')))
      .toBe('Стратегическая сессия кластера станкостроения');
    expect(await text(page.locator('[data-testid=agenda]'))).toContain('Работа в группах');

    // Participants: the organisation as organiser, the person as speaker with their position.
    await page.locator('[data-testid=participants-edit]').click();
    const participants = page.locator('[data-testid=participant-form]');
    await pick(participants, 'participant-organisation', orgQuery(), orgWord());
    await participants.locator('[data-testid=participant-role]').selectOption('organiser');
    await participants.locator('[data-testid=participant-add]').click();
    await expect.poll(() => page.locator('[data-testid=work-participant]').count()).toBe(1);
    await participants.locator('[data-testid=participant-kind]').selectOption('person');
    await pick(participants, 'participant-person', person.lastName, person.lastName);
    await participants
      .locator('[data-testid=participant-position]')
      .selectOption(String(person.positionId));
    await participants.locator('[data-testid=participant-role]').selectOption('speaker');
    await participants.locator('[data-testid=participant-add]').click();
    await expect.poll(() => page.locator('[data-testid=work-participant]').count()).toBe(2);
    const speaker = page.locator('[data-testid=work-participant][data-role=speaker]');
    expect(await text(speaker)).toContain(person.positionTitle);
    // The profile's own participant list shows them too.
    await expect.poll(() => page.locator('[data-testid=participant]').count()).toBe(2);

    // Two decisions.
    const decide = async (words: string) => {
      await page.locator('[data-testid=decision-text-input]').fill(words);
      await page.locator('[data-testid=decision-add]').click();
      await expect
        .poll(() => page.locator('[data-testid=decision-text]').allInnerTexts())
        .toContain(words);
    };
    await decide('Подготовить программу развития кластера на 3 года');
    await decide('Провести практическую сессию в I квартале 2028 года');
    expect(await page.locator('[data-testid=decision]').count()).toBe(2);

    // The first becomes a task of the organisation, with a deadline, without retyping.
    const first = page.locator('[data-testid=decision]').first();
    await first.locator('[data-testid=decision-to-task]').click();
    const task = first.locator('[data-testid=task-form]');
    await pick(task, 'task-owner', orgQuery(), orgWord());
    await task.locator('[data-testid=task-deadline-input]').fill('до конца 2028 года');
    await task.locator('[data-testid=task-create]').click();
    const line = first.locator('[data-testid=decision-task]');
    await line.waitFor();
    await expect
      .poll(() => line.locator('[data-testid=task-status]').getAttribute('data-status'))
      .toBe('planned');
    expect(await text(line.locator('[data-testid=task-deadline]'))).toMatch(/2028/);
    // The second decision has no task.
    expect(
      await page
        .locator('[data-testid=decision]')
        .nth(1)
        .locator('[data-testid=decision-task]')
        .count(),
    ).toBe(0);

    // «Мои задачи»: the decision's text is the task's title.
    await page.goto(`${h.url}/my-tasks`);
    const row = page
      .locator('tr[data-measure]')
      .filter({ hasText: 'Подготовить программу развития кластера на 3 года' });
    await row.waitFor();
    expect(await text(row)).toContain('Запланировано');

    // Marked done on the session's page; «Мои задачи» says so.
    await page.goto(eventUrl);
    const done = page.locator('[data-testid=decision-task] [data-testid=task-done]');
    await done.click();
    await expect
      .poll(() =>
        page
          .locator('[data-testid=decision-task] [data-testid=task-status]')
          .getAttribute('data-status'),
      )
      .toBe('done');
    await page.goto(`${h.url}/my-tasks`);
    await expect.poll(() => text(row)).toContain('Выполнено');

    // The calendar shows the session on its day and links to the feed.
    await page.goto(`${h.url}/calendar`);
    expect(await page.locator('[data-testid=ics-link]').getAttribute('href')).toBe(
      '/api/calendar.ics',
    );
    for (let i = 0; i < 48; i++) {
      if ((await text(page.locator('[data-testid=month-title]'))) === 'Декабрь 2027') break;
      await page.locator('[data-testid=month-next]').click();
    }
    await expect
      .poll(() =>
        page.locator('td[data-date="2027-12-05"] [data-testid=calendar-event]').allInnerTexts(),
      )
      .toContain('Стратегическая сессия кластера станкостроения');
    expect(errors).toEqual([]);
  });

  it('shows the server’s field message at the field, in English when the page is in English', async () => {
    await signIn(page, EDITOR, '/events/new');
    await page.locator('[data-testid=lang-toggle]').click();
    await expect.poll(() => text(page.locator('h1'))).toBe('New event');
    const form = page.locator('[data-testid=event-form]');
    await form.locator('[data-testid=input-title]').fill('Сессия с неверным сроком');
    await form.locator('[data-testid=input-regionCode]').selectOption('42');
    await form.locator('[data-testid=input-plannedParticipants]').fill('-5');
    await form.locator('[data-testid=submit]').click();
    const message = form.locator('[data-testid="error-plannedParticipants"]');
    await message.waitFor();
    expect(await text(message)).toMatch(/[A-Za-z]/);
    expect(await text(message)).not.toMatch(/[А-Яа-я]{3}/);
    expect(page.url()).toMatch(/\/events\/new$/);
    // Back to Russian for the other tests.
    await page.locator('[data-testid=lang-toggle]').click();
    await expect.poll(() => text(page.locator('h1'))).toBe('Новое мероприятие');
  });

  it('shows both versions when two editors change the same event, saves the second over the first, and the deleted event is restored by the administrator', async () => {
    await signIn(page, EDITOR, '/events/new');
    const form = page.locator('[data-testid=event-form]');
    await form
      .locator('[data-testid=input-title]')
      .fill('Установочная сессия по пилотным кластерам');
    await form.locator('[data-testid=input-kind]').selectOption('setup_session');
    await form.locator('[data-testid=input-regionCode]').selectOption('42');
    await form.locator('[data-testid=input-place]').fill('Липецк');
    await form.locator('[data-testid=submit]').click();
    await page.waitForURL(/\/events\/\d+$/);
    const editUrl = `${page.url()}/edit`;

    const other = await (await h.newContext()).newPage();
    await signIn(other, EDITOR, new URL(editUrl).pathname);
    await page.goto(editUrl);
    await other.locator('[data-testid=event-form]').waitFor();
    await page.locator('[data-testid=input-place]').fill('Елец');
    await page.locator('[data-testid=submit]').click();
    await page.waitForURL(/\/events\/\d+$/);

    await other.locator('[data-testid=input-place]').fill('Лебедянь');
    await other.locator('[data-testid=submit]').click();
    const dialog = other.locator('[data-testid=conflict-dialog]');
    await dialog.waitFor();
    const differing = dialog.locator('[data-testid=conflict-row][data-differs=true]');
    expect(await differing.count()).toBe(1);
    expect(await text(differing.locator('[data-testid=conflict-mine]'))).toBe('Лебедянь');
    expect(await text(differing.locator('[data-testid=conflict-theirs]'))).toBe('Елец');
    await dialog.locator('[data-testid=conflict-reapply]').click();
    await other.waitForURL(/\/events\/\d+$/);
    await expect.poll(() => text(other.locator('.fields').first())).toContain('Лебедянь');

    // «Удалить»: marked deleted; the administrator restores it from the same address.
    const eventPath = new URL(other.url()).pathname;
    await other.locator('[data-testid=event-delete]').click();
    await other.locator('[data-testid=confirm-delete]').click();
    await other.locator('[data-testid=deleted-notice]').waitFor();
    await signIn(adminPage, h.server.firstAdministrator!, eventPath);
    await adminPage.locator('[data-testid=action-restore]').click();
    await expect
      .poll(() => adminPage.locator('[data-testid=profile-title]').textContent())
      .toBe('Установочная сессия по пилотным кластерам');
  });

  it('edits and deletes an agreement’s directions, adds an obligation, and the administrator restores the deleted agreement', async () => {
    await signIn(page, EDITOR, '/agreements/new');
    const form = page.locator('[data-testid=agreement-form]');
    await form.locator('[data-testid=input-title]').fill('Соглашение о развитии станкостроения');
    await form.locator('[data-testid=input-subject]').fill('Сотрудничество в развитии отрасли');
    await form.locator('[data-testid=party-0-region]').selectOption('42');
    await form.locator('[data-testid=input-directions]').fill('Кадры\nИнфраструктура\nЭкспорт');
    await form.locator('[data-testid=submit]').click();
    await page.waitForURL(/\/agreements\/\d+$/);
    const url = page.url();
    const directions = page.locator('[data-testid=direction-title]');
    await expect
      .poll(() => directions.allInnerTexts())
      .toEqual(['Кадры', 'Инфраструктура', 'Экспорт']);

    // Edit the first direction.
    const first = page.locator('[data-testid=direction]').first();
    await first.locator('[data-testid=direction-edit]').click();
    await first.locator('[data-testid=direction-edit-title]').fill('Подготовка инженерных кадров');
    await first.locator('[data-testid=direction-save]').click();
    await expect
      .poll(() => directions.allInnerTexts())
      .toEqual(['Подготовка инженерных кадров', 'Инфраструктура', 'Экспорт']);

    // Delete the last.
    await page
      .locator('[data-testid=direction]')
      .nth(2)
      .locator('[data-testid=direction-remove]')
      .click();
    await expect
      .poll(() => directions.allInnerTexts())
      .toEqual(['Подготовка инженерных кадров', 'Инфраструктура']);
    // Deleting can be undone at once; then deleted again.
    await page.locator('[data-testid=direction-restore]').click();
    await expect
      .poll(() => directions.allInnerTexts())
      .toEqual(['Подготовка инженерных кадров', 'Инфраструктура', 'Экспорт']);
    await page
      .locator('[data-testid=direction]')
      .nth(2)
      .locator('[data-testid=direction-remove]')
      .click();
    await expect
      .poll(() => directions.allInnerTexts())
      .toEqual(['Подготовка инженерных кадров', 'Инфраструктура']);
    // The profile's own list follows.
    await expect
      .poll(() => page.locator('[data-testid=directions] li').allInnerTexts())
      .toEqual(['Подготовка инженерных кадров', 'Инфраструктура']);

    // An obligation under the first direction, the region responsible.
    const obligation = page
      .locator('[data-testid=direction]')
      .first()
      .locator('[data-testid=obligation-form]');
    await obligation.locator('[data-testid=obligation-title]').fill('Открыть базовую кафедру');
    await obligation.locator('[data-testid=obligation-owner-type]').selectOption('region');
    await obligation.locator('[data-testid=obligation-owner-region]').selectOption('42');
    await obligation.locator('[data-testid=obligation-deadline]').fill('II квартал 2028');
    await obligation.locator('[data-testid=obligation-add]').click();
    const added = page
      .locator('[data-testid=direction]')
      .first()
      .locator('[data-testid=obligation]');
    await added.waitFor();
    expect(await text(added)).toContain('Открыть базовую кафедру');
    expect(await text(added.locator('[data-testid=task-owner]'))).toMatch(/Липецк/);

    // A bad deadline is refused at the form, with the server's message.
    await obligation.locator('[data-testid=obligation-title]').fill('Неясный срок');
    await obligation.locator('[data-testid=obligation-deadline]').fill('когда-нибудь');
    await obligation.locator('[data-testid=obligation-add]').click();
    await expect
      .poll(() => text(obligation.locator('[data-testid=error-deadline]')))
      .toContain('Не удалось понять дату');

    // Deleted softly; the administrator restores it from the same address.
    await page.locator('[data-testid=agreement-delete]').click();
    await page.locator('[data-testid=confirm-delete]').click();
    await page.locator('[data-testid=deleted-notice]').waitFor();
    const admin = h.server.firstAdministrator!;
    await signIn(adminPage, admin, new URL(url).pathname);
    await adminPage.locator('[data-testid=action-restore]').click();
    await expect
      .poll(() => adminPage.locator('[data-testid=profile-title]').textContent())
      .toBe('Соглашение о развитии станкостроения');
    await expect
      .poll(() => adminPage.locator('[data-testid=direction-title]').allInnerTexts())
      .toEqual(['Подготовка инженерных кадров', 'Инфраструктура']);
    // The refused deadline (400) and the deleted agreement's page (404) are the only failed requests.
    expect(errors.filter((e) => !/status of (400|404) /.test(e))).toEqual([]);
  });
});
