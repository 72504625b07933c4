/**
 * Writes the documentation screenshots (docs/screenshots/*.png) from the built
 * web app on a fresh demo database, the same way the browser tests start it:
 * `npm run build:web && npm run screenshots`. Tests assert; this script only
 * draws, so a picture changing is never a test result. Each picture opens its
 * page from the start (no state from another picture), except the editing
 * ones, which need the organisation they create.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createUser } from '../../server/src/users/user.service.ts';
import {
  REPOSITORY_ROOT,
  startBrowserHarness,
  type BrowserHarness,
} from '../test/browser-harness.ts';

const SHOTS = path.join(REPOSITORY_ROOT, 'docs', 'screenshots');
const EDITOR = { email: 'editor@lipetsk.test', password: 'редактор-липецк-2026' };
const SECOND = { email: 'second@lipetsk.test', password: 'второй-редактор-2026' };
const ORGANISATION = 'Липецкий завод сельскохозяйственных машин «Агромаш-Тест»';

async function waitForMap(p: Page): Promise<void> {
  await p.waitForFunction(
    () => {
      const map = window.__promatlasMap;
      return (
        !!map &&
        map.loaded() &&
        map.isSourceLoaded('regions') &&
        map.getContainer().dataset.sites !== undefined
      );
    },
    undefined,
    { timeout: 30_000 },
  );
}

async function signIn(h: BrowserHarness, p: Page, who: { email: string; password: string }) {
  await p.goto(`${h.url}/login?next=${encodeURIComponent('/')}`);
  await p.locator('[data-testid=input-email]').fill(who.email);
  await p.locator('[data-testid=input-password]').fill(who.password);
  await p.locator('[data-testid=sign-in-submit]').click();
  await p.locator('[data-testid=user-menu]').waitFor();
}

async function json<T>(h: BrowserHarness, url: string): Promise<T> {
  const response = await fetch(`${h.url}${url}`);
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

async function map(h: BrowserHarness): Promise<void> {
  const p = await h.newPage({ width: 1280, height: 800 });
  await p.goto(`${h.url}/`);
  await waitForMap(p);
  await p.waitForTimeout(500);
  await p.screenshot({ path: path.join(SHOTS, 'map.png') });
  await p.close();
}

async function sezProfile(h: BrowserHarness): Promise<void> {
  const p = await h.newPage({ width: 1280, height: 800 });
  await p.goto(`${h.url}/`);
  await p.locator('[data-testid=search-input]').fill('ОЭЗ Липецк');
  const option = p.locator('[data-testid=search-option]').filter({ hasText: 'ОЭЗ «Липецк»' });
  await option.first().click();
  await p.waitForSelector('[data-testid=rating-place]');
  await p.screenshot({ path: path.join(SHOTS, 'sez-lipetsk.png') });
  await p.close();
}

async function clusterAnalysis(h: BrowserHarness): Promise<void> {
  const year = 2022;
  const category = 'fishing';
  const datasets = await json<{ items: Array<{ id: number }> }>(h, '/api/datasets');
  const dataset = datasets.items[0]!.id;
  const query = `dataset=${dataset}&year=${year}&level=category`;
  const items = (
    await json<{ items: Array<{ region: { code: string }; strong: boolean }> }>(
      h,
      `/api/clusters-analytics/map?${query}&industry=${category}`,
    )
  ).items;
  const p = await h.newPage({ width: 1280, height: 900 });
  await p.goto(`${h.url}/analytics/clusters?${query}&industry=${category}`);
  await p
    .locator('[data-testid=region-map][data-coloured="' + items.length + '"]')
    .waitFor({ timeout: 30_000 });
  await p.waitForFunction(() => window.__promatlasMap?.loaded() === true, undefined, {
    timeout: 30_000,
  });
  await p.waitForTimeout(1000);
  await p.screenshot({ path: path.join(SHOTS, 'cluster-map.png') });

  const strong = items.find((i) => i.strong)!.region.code;
  await p.goto(`${h.url}/analytics/clusters/regions/${strong}?${query}&baseYear=2019`);
  await p.locator('[data-testid=portfolio-chart] canvas').first().waitFor({ timeout: 30_000 });
  await p.locator('[data-testid=candidate-row]').first().waitFor();
  await p.screenshot({ path: path.join(SHOTS, 'cluster-portfolio.png'), fullPage: true });
  await p.close();
}

async function editing(h: BrowserHarness): Promise<void> {
  const db = h.server.connection.db;
  for (const [who, name] of [
    [EDITOR, 'Ирина Редактор (Липецк)'],
    [SECOND, 'Пётр Второй (Липецк)'],
  ] as const)
    await createUser(db, {
      email: who.email,
      displayName: name,
      role: 'regional_editor',
      regions: ['42'],
      password: who.password,
    });
  const p = await h.newPage({ width: 1280, height: 900 });
  await signIn(h, p, EDITOR);

  // A filled-in new organisation, before saving.
  await p.goto(`${h.url}/organisations/new`);
  await p.locator('[data-testid=record-form]').waitFor();
  await p.locator('[data-testid=input-legalForm]').selectOption('ООО');
  await p.locator('[data-testid=input-name]').fill(ORGANISATION);
  await p.locator('[data-testid=input-inn]').fill('7707083893');
  await p.locator('[data-testid=input-ogrn]').fill('1027700132195');
  await p.locator('[data-testid=input-kpp]').fill('482401001');
  const okved = p.locator('[data-testid=okved-search]');
  for (const code of ['28', '25']) {
    await okved.fill(code);
    await okved.press('Enter');
    await p.locator(`[data-testid=okved-chip][data-code="${code}"]`).waitFor();
  }
  await p.locator('[data-testid=input-town]').fill('Липецк');
  await p.screenshot({ path: path.join(SHOTS, 'editing-new-organisation.png'), fullPage: true });
  await p.locator('[data-testid=submit]').click();
  await p.waitForURL(/\/organisations\/\d+$/);
  const id = new URL(p.url()).pathname.split('/').pop()!;

  // Two editors save the same record: the second sees both versions.
  const other = await h.newContext();
  const p2 = await other.newPage();
  await signIn(h, p2, SECOND);
  const editUrl = `${h.url}/organisations/${id}/edit`;
  await p.goto(editUrl);
  await p2.goto(editUrl);
  await p.locator('[data-testid=input-town]').fill('Грязи');
  await p.locator('[data-testid=submit]').click();
  await p.waitForURL(new RegExp(`/organisations/${id}$`));
  await p2.locator('[data-testid=input-town]').fill('Елец');
  await p2
    .locator('[data-testid=input-description]')
    .fill('Производит навесное оборудование для тракторов');
  await p2.locator('[data-testid=submit]').click();
  await p2.locator('[data-testid=conflict-dialog]').waitFor();
  await p2.screenshot({ path: path.join(SHOTS, 'editing-conflict.png') });
  await p2.locator('[data-testid=conflict-reapply]').click();
  await p2.waitForURL(new RegExp(`/organisations/${id}$`));

  // «История» with both editors' changes.
  await p.goto(`${h.url}/organisations/${id}`);
  await p.locator('[data-testid=tab-history]').click();
  await p.locator('[data-testid=history-entry]').nth(2).waitFor();
  await p.screenshot({ path: path.join(SHOTS, 'editing-history.png') });
  await p.close();
  await p2.close();
}

/** The seed 2025 plan at work: owners, deadlines in words, statuses and a report, then its page and timeline. */
async function planWork(h: BrowserHarness): Promise<void> {
  const who = { email: 'editor@magadan.test', password: 'редактор-магадан-2026' };
  await createUser(h.server.connection.db, {
    email: who.email,
    displayName: 'Ольга Редактор (Магадан)',
    role: 'regional_editor',
    regions: ['44'],
    password: who.password,
  });
  const p = await h.newPage({ width: 1280, height: 900 });
  await signIn(h, p, who);
  const call = (method: string, url: string, body?: unknown) =>
    p.evaluate(
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
        if (response.status >= 300) throw new Error(`${method} ${url}: ${response.status}`);
        return response.json();
      },
      { method, url, body },
    );
  const plans = await json<{ items: Array<{ id: number; title: string }> }>(h, '/api/action-plans');
  const plan = plans.items.find((x) => x.title.includes('Магаданской области'))!.id;
  const page = (await call('GET', `/api/action-plans/${plan}/measures`)) as {
    themes: Array<{ measures: Array<{ id: number; version: number }> }>;
  };
  const measures = page.themes.flatMap((g) => g.measures);
  const changes = [
    {
      owner: { type: 'region', id: '44' },
      start: 'I квартал 2025',
      deadline: 'II квартал 2025',
      status: 'done',
    },
    {
      owner: { type: 'region', id: '45' },
      start: 'весной 2025',
      deadline: 'до конца 2025 года',
      status: 'in_progress',
    },
    {
      owner: { type: 'region', id: '44' },
      start: 'II квартал 2025',
      deadline: 'III квартал 2025',
      status: 'in_progress',
    },
    {
      owner: { type: 'region', id: '45' },
      start: 'летом 2025',
      deadline: 'I квартал 2026',
      status: 'planned',
    },
    { deadline: 'до конца 2026 года', status: 'planned' },
  ];
  for (const [k, m] of measures.entries())
    await call('PATCH', `/api/measures/${m.id}`, { version: m.version, ...changes[k] });
  await call('POST', `/api/measures/${measures[1]!.id}/reports`, {
    reportedOn: '2025-06-10',
    note: 'Подготовлена программа стажировок инженеров',
    progress: 35,
  });
  await p.goto(`${h.url}/action-plans/${plan}/work`);
  await p.locator('[data-testid=plan-work]').waitFor();
  await p.locator('[data-testid=timeline-chart] canvas').waitFor();
  await p.waitForTimeout(500);
  await p.screenshot({ path: path.join(SHOTS, 'plan-page.png') });
  await p
    .locator('[data-testid=timeline]')
    .screenshot({ path: path.join(SHOTS, 'plan-timeline.png') });
  await p.close();
}

// `npm run screenshots -- planWork` draws only the pictures named.
const only = process.argv.slice(2);
/** A strategic session of the seed at work: participants, two decisions, one a task with its owner. */
async function session(h: BrowserHarness): Promise<void> {
  const events = await json<{ items: Array<{ id: number; kind: string; title: string }> }>(
    h,
    '/api/events?kind=strategic_session&pageSize=50',
  );
  const seed = events.items[0]!;
  // A browser of its own: the shared one is signed in as the editor by now.
  const p = await (await h.newContext()).newPage();
  await p.setViewportSize({ width: 1280, height: 900 });
  await signIn(h, p, h.server.firstAdministrator!);
  await p.goto(`${h.url}/events/${seed.id}`);
  await p.locator('[data-testid=event-work]').waitFor();
  for (const words of [
    'Сформировать рабочую группу кластера и утвердить её состав',
    'Подготовить программу развития кластера на 3 года',
  ]) {
    await p.locator('[data-testid=decision-text-input]').fill(words);
    await p.locator('[data-testid=decision-add]').click();
    await p.locator('[data-testid=decision-text]', { hasText: words }).waitFor();
  }
  const decision = p.locator('[data-testid=decision]').filter({ hasText: 'программу развития' });
  await decision.locator('[data-testid=decision-to-task]').click();
  await decision.locator('[data-testid=task-owner-type]').selectOption('region');
  const region = decision.locator('[data-testid=task-owner-region]');
  await region.selectOption('42');
  await decision.locator('[data-testid=task-deadline-input]').fill('до конца 2027 года');
  await decision.locator('[data-testid=task-create]').click();
  await decision.locator('[data-testid=decision-task] [data-testid=task-status]').waitFor();
  // The whole page in one viewport: a full-page capture would draw the sticky top bar mid-page.
  const height = await p.evaluate(() => document.documentElement.scrollHeight);
  await p.setViewportSize({ width: 1280, height });
  await p.screenshot({ path: path.join(SHOTS, 'session.png') });
  await p.close();
}

const h = await startBrowserHarness();
try {
  await mkdir(SHOTS, { recursive: true });
  for (const [name, draw] of Object.entries({
    map,
    sezProfile,
    clusterAnalysis,
    editing,
    planWork,
    session,
  })) {
    if (only.length && !only.includes(name)) continue;
    await draw(h);
    console.log(`screenshots: ${name} done`);
  }
  console.log(`screenshots: written to ${path.relative(process.cwd(), SHOTS)}/`);
} finally {
  await h.close();
}
