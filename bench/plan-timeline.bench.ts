// The plan page in the browser with a plan of 2,000 measures and 10,000
// progress reports: time from opening /action-plans/:id/work until the
// measures are listed and the timeline is drawn, and the time one filter
// change takes to re-render the list and the timeline (no request: the page
// filters what it loaded). Baseline of the same run: the seed plan of five
// measures opened the same way. Targets: timeline ready ≤ 1 s, re-filtering
// ≤ 100 ms. Needs the built web app: npm run build:web && npm run bench:plan-timeline
//
// `-- --before <dir>` also serves an earlier build of the web app (a copy of
// its packages/web/dist) from a second server and browser, and measures both
// in alternating rounds of the same run: the figure to compare is then the
// ratio of the two builds, each also stated against its own seed-plan baseline.
import { cpus, loadavg } from 'node:os';
import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { startBrowserHarness } from '../packages/web/test/browser-harness.ts';

const MEASURES = 2000;
const REPORTS_PER_MEASURE = 5;
const ROUNDS = 7;

/** One server and browser with the big plan, signed in as the administrator. */
async function prepare(webDist?: string) {
  const h = await startBrowserHarness(webDist ? { webDist } : {});
  const db = h.server.connection.db;
  const plan = await sql<{ id: number }>`
    INSERT INTO action_plan (title, valid_from, valid_to, valid_precision, themes)
    VALUES ('План-бенчмарк', '2025-01-01', '2025-12-31', 'year',
      ARRAY(SELECT 'Тема ' || g FROM generate_series(1, 10) g)) RETURNING id`.execute(db);
  const planId = plan.rows[0]!.id;
  await sql`INSERT INTO action_plan_party (action_plan_id, region_code) VALUES (${planId}, '42')`.execute(
    db,
  );
  await sql`
    INSERT INTO programme_measure (action_plan_id, position, title, theme, owner_region_code,
      start_from, start_to, start_precision, deadline_from, deadline_to, deadline_precision, status)
    SELECT ${planId}, g, 'Мероприятие ' || g, 'Тема ' || (g % 10 + 1),
      (ARRAY['42', '68', '45'])[g % 3 + 1],
      DATE '2025-01-01' + (g % 200), DATE '2025-01-01' + (g % 200), 'day',
      DATE '2025-01-31' + (g % 200) + (g % 150), DATE '2025-01-31' + (g % 200) + (g % 150), 'day',
      (ARRAY['planned', 'in_progress', 'done', 'cancelled'])[g % 4 + 1]
    FROM generate_series(1, ${MEASURES}) g`.execute(db);
  await sql`
    INSERT INTO measure_report (measure_id, reported_on, note, progress)
    SELECT m.id, DATE '2025-01-15' + (r * 20), 'Отчёт ' || r, r * 15
    FROM programme_measure m CROSS JOIN generate_series(1, ${REPORTS_PER_MEASURE}) r
    WHERE m.action_plan_id = ${planId}`.execute(db);
  const seed = await sql<{ id: number }>`
    SELECT id FROM action_plan WHERE title LIKE '%Магаданской области%'`.execute(db);
  const seedId = seed.rows[0]!.id;

  const page = await h.newPage({ width: 1280, height: 900 });
  const admin = h.server.firstAdministrator!;
  await page.goto(`${h.url}/login?next=%2F`);
  await page.locator('[data-testid=input-email]').fill(admin.email);
  await page.locator('[data-testid=input-password]').fill(admin.password);
  await page.locator('[data-testid=sign-in-submit]').click();
  await page.locator('[data-testid=user-menu]').waitFor();
  return {
    h,
    page,
    planId,
    seedId,
    big: [] as number[],
    small: [] as number[],
    filters: [] as number[],
  };
}
type Setup = Awaited<ReturnType<typeof prepare>>;

/** Opening the plan page until its rows are listed and the timeline's canvas is drawn. */
const open = async (s: Setup, id: number, rows: number, chart: boolean) => {
  const p = s.page;
  const start = Date.now();
  await p.goto(`${s.h.url}/action-plans/${id}/work`);
  await p.waitForFunction(
    (n) =>
      document.querySelectorAll('[data-testid=plan-work] tr[data-measure]:not([hidden])').length ===
      n,
    rows,
    { timeout: 60_000, polling: 'raf' },
  );
  if (chart) await p.locator('[data-testid=timeline-chart] canvas').waitFor({ timeout: 60_000 });
  else await p.locator('[data-testid=timeline-empty]').waitFor();
  return Date.now() - start;
};
/** One filter change until the list shows the new count (measured in the page). */
const refilter = async (p: Page, status: string, rows: number) =>
  p.evaluate(
    async ({ status, rows }) => {
      const select = document.querySelector<HTMLSelectElement>('[data-testid=filter-status]')!;
      const start = performance.now();
      select.value = status;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      // A loop, not a named callback: tsx would wrap a named function in a helper the page lacks.
      while (
        document.querySelectorAll('[data-testid=plan-work] tr[data-measure]:not([hidden])')
          .length !== rows
      )
        await new Promise((resolve) => requestAnimationFrame(resolve));
      // The timeline draws in the next frame (lazy update): wait for the frame after it too.
      await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
      await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
      return performance.now() - start;
    },
    { status, rows },
  );

const beforeAt = process.argv.indexOf('--before');
const beforeDist = beforeAt > 0 ? process.argv[beforeAt + 1] : undefined;
const setups: Array<{ name: string; setup: Setup }> = [];
try {
  if (beforeDist) setups.push({ name: 'before', setup: await prepare(beforeDist) });
  setups.push({ name: 'current', setup: await prepare() });
  for (let round = 0; round < ROUNDS; round++) {
    for (const { setup: s } of setups) {
      s.small.push(await open(s, s.seedId, 5, false));
      s.big.push(await open(s, s.planId, MEASURES, true));
      for (const [status, rows] of [
        ['done', MEASURES / 4],
        ['', MEASURES],
      ] as const)
        s.filters.push(await refilter(s.page, status, rows));
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const max = (xs: number[]) => Math.max(...xs);
  const builds = Object.fromEntries(
    setups.map(({ name, setup: s }) => [
      name,
      {
        seedPlanOpenMs: { median: median(s.small), max: max(s.small) },
        bigPlanOpenMs: { median: median(s.big), max: max(s.big) },
        ratioToSeed: +(median(s.big) / median(s.small)).toFixed(2),
        refilterMs: {
          median: +median(s.filters).toFixed(1),
          max: +max(s.filters).toFixed(1),
          n: s.filters.length,
        },
      },
    ]),
  );
  const [before, current] = setups.length === 2 ? setups.map((x) => x.setup) : [];
  console.log(
    JSON.stringify(
      {
        date: new Date().toISOString(),
        machine: `${cpus().length} CPUs (${cpus()[0]?.model}), Node ${process.version}`,
        load: loadavg().map((l) => l.toFixed(2)),
        measures: MEASURES,
        reports: MEASURES * REPORTS_PER_MEASURE,
        rounds: ROUNDS,
        builds,
        ...(before && current
          ? {
              currentToBefore: {
                bigPlanOpen: +(median(current.big) / median(before.big)).toFixed(2),
                refilter: +(median(current.filters) / median(before.filters)).toFixed(2),
              },
            }
          : {}),
        targets: { timelineReadyMs: 1000, refilterMs: 100 },
      },
      null,
      2,
    ),
  );
} finally {
  for (const { setup } of setups) await setup.h.close();
}
