import { strFromU8, unzipSync } from 'fflate';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ProgrammeConflictSchema } from '../src/registry/shared/programme-route-kit.ts';
import type {
  AgreementWorkSchema,
  EventWorkSchema,
  FlagRulesResponseSchema,
  MeasureDetailSchema,
  MeasureDto,
  MyTasks,
  PlanPage,
  RegionDashboard,
  Timeline,
} from '@promatlas/core/api/programmes.schema.ts';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { signIn, type Client } from './sessions.ts';
import type {
  ActionPlanListItem,
  Created,
  ErrorBody,
  Page,
  Viewer as ViewerBody,
} from './api-types.ts';

type MeasureDetail = z.infer<typeof MeasureDetailSchema>;
type EventWork = z.infer<typeof EventWorkSchema>;
type AgreementWork = z.infer<typeof AgreementWorkSchema>;
type FlagRules = z.infer<typeof FlagRulesResponseSchema>;
type ProgrammeConflict = z.infer<typeof ProgrammeConflictSchema>;

let seq = 0;
const uniq = () => `${Date.now() % 1_000_000}-${++seq}`;
const fieldsOf = (body: ErrorBody) => (body.error.fields ?? []).map((f) => f.field);

describe.each(databaseKinds())('programmes at work on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let lipetsk: Client;
  let tambov: Client;
  let magadan: Client;
  let analyst: Client;
  let anonymous: Client;

  const created = async (client: Client, url: string, body: unknown): Promise<Created> => {
    const res = await client.request<Created | ErrorBody>('POST', url, body);
    if (res.status !== 201) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Created;
  };
  const organisation = async (regionCode: string | null, name = `«Программа ${uniq()}»`) =>
    (await created(admin, '/api/organisations', { kind: 'enterprise', name, regionCode })).id;
  const plan = async (client: Client, parties: unknown[], extra: object = {}) =>
    (
      await created(client, '/api/action-plans', {
        title: `План ${uniq()}`,
        period: 'до конца 2025 года',
        themes: ['Кадры', 'Инфраструктура'],
        parties,
        ...extra,
      })
    ).id;
  const measure = async (client: Client, body: object) =>
    (await created(client, '/api/measures', body)).id;
  const page = async (client: Client, planId: number, query = '') =>
    client.request<PlanPage>('GET', `/api/action-plans/${planId}/measures${query}`);
  const auditCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('audit_entry')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await signIn(t.app, 'administrator');
    lipetsk = await signIn(t.app, 'regional_editor', ['42']);
    tambov = await signIn(t.app, 'regional_editor', ['68']);
    magadan = await signIn(t.app, 'regional_editor', ['44']);
    analyst = await signIn(t.app, 'analyst');
    anonymous = await signIn(t.app, 'public');
  }, 180_000);
  afterAll(async () => t?.close());

  it('shows the seed 2025 plan with its five themes as measures whose status is «нет данных»', async () => {
    const list = await anonymous.request<Page<ActionPlanListItem>>('GET', '/api/action-plans');
    const seed = list.body.items.find((p) => p.title.includes('Магаданской области'))!;
    const res = await page(anonymous, seed.id, '?today=2026-12-01');
    expect(res.status).toBe(200);
    expect(res.body.themes.map((g) => g.theme)).toEqual([
      'Поддержка предприятий',
      'Подготовка инженерных кадров',
      'Развитие промышленных зон',
      'Производственный туризм',
      'Внедрение современных технологий',
    ]);
    const measures = res.body.themes.flatMap((g) => g.measures);
    expect(measures).toHaveLength(5);
    for (const m of measures) {
      expect(m.status).toBeNull();
      expect(m.statusLabel).toBe('нет данных');
      expect(m.owner).toBeNull();
      expect(m.deadline).toBeNull();
      expect(m.flags).toEqual([]);
    }
    expect(res.body.counts.byStatus).toEqual({ none: 5 });
  });

  it('lets an editor of either party region run the joint seed plan, and not an editor of a third', async () => {
    const list = await admin.request<Page<ActionPlanListItem>>('GET', '/api/action-plans');
    const seed = list.body.items.find((p) => p.title.includes('Магаданской области'))!;
    const first = (await page(admin, seed.id)).body.themes[0]!.measures[0]!;
    const edit = await magadan.request<Created>('PATCH', `/api/measures/${first.id}`, {
      version: first.version,
      status: 'in_progress',
      owner: { type: 'region', id: '44' },
      deadline: 'II квартал 2025',
    });
    expect(edit.status).toBe(200);
    const refused = await tambov.request<ErrorBody>('PATCH', `/api/measures/${first.id}`, {
      version: edit.body.version,
      status: 'done',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toMatch(/Нет прав/);
    expect(
      (await analyst.request('PATCH', `/api/measures/${first.id}`, { version: 2 })).status,
    ).toBe(403);
    expect(
      (await anonymous.request('PATCH', `/api/measures/${first.id}`, { version: 2 })).status,
    ).toBe(401);
    const after = await admin.request<MeasureDetail>('GET', `/api/measures/${first.id}`);
    expect(after.body).toMatchObject({
      status: 'in_progress',
      owner: { type: 'region', id: '44' },
      deadline: { from: '2025-04-01', to: '2025-06-30', precision: 'quarter' },
    });
  });

  it('resolves «II квартал 2025» to a deadline that is overdue the day after, not on the day', async () => {
    const p = await plan(lipetsk, [{ regionCode: '42' }]);
    const id = await measure(lipetsk, {
      actionPlanId: p,
      title: 'Подготовить программу кадров',
      theme: 'Кадры',
      start: 'I квартал 2025',
      deadline: 'II квартал 2025',
      status: 'in_progress',
    });
    await created(lipetsk, `/api/measures/${id}/reports`, {
      reportedOn: '2025-06-20',
      note: 'Готово',
      progress: 100,
    });
    const onTheDay = await page(lipetsk, p, '?today=2025-06-30');
    const m = onTheDay.body.themes[0]!.measures[0]!;
    expect(m.deadline).toEqual({ from: '2025-04-01', to: '2025-06-30', precision: 'quarter' });
    expect(m.flags).toEqual([]);
    expect(m.daysLeft).toBe(0);
    const dayAfter = await page(lipetsk, p, '?today=2025-07-01');
    expect(dayAfter.body.themes[0]!.measures[0]!.flags).toEqual(['overdue']);
    expect(dayAfter.body.counts.overdue).toBe(1);
  });

  it('flags at risk at exactly N days before the deadline and at exactly M days without a report', async () => {
    const p = await plan(lipetsk, [{ regionCode: '42' }]);
    const late = await measure(lipetsk, {
      actionPlanId: p,
      title: 'Отстающее мероприятие',
      theme: 'Кадры',
      start: { from: '2025-01-01', to: '2025-01-01', precision: 'day' },
      deadline: '31.12.2025',
      status: 'in_progress',
    });
    await created(lipetsk, `/api/measures/${late}/reports`, {
      reportedOn: '2025-12-10',
      note: 'Половина сделана',
      progress: 50,
    });
    const flagsOn = async (today: string, id: number) =>
      (await admin.request<MeasureDetail>('GET', `/api/measures/${id}?today=${today}`)).body;
    expect(await flagsOn('2025-12-17', late)).toMatchObject({ flags: ['at_risk'], daysLeft: 14 });
    expect((await flagsOn('2025-12-16', late)).flags).toEqual([]);

    const quiet = await measure(lipetsk, {
      actionPlanId: p,
      title: 'Мероприятие без отчётов',
      theme: 'Инфраструктура',
      start: '2025-01-01',
      deadline: 'до конца 2025 года',
      status: 'in_progress',
    });
    await created(lipetsk, `/api/measures/${quiet}/reports`, {
      reportedOn: '2025-03-01',
      note: 'Начали',
      progress: 10,
    });
    expect((await flagsOn('2025-03-31', quiet)).flagReasons).toHaveLength(1);
    expect((await flagsOn('2025-03-31', quiet)).flags).toEqual(['at_risk']);
    expect((await flagsOn('2025-03-30', quiet)).flags).toEqual([]);

    // The rules are data: with M = 60 the same day is no longer at risk.
    const rules = await admin.request<FlagRules>('GET', '/api/programme-rules');
    expect(rules.body).toMatchObject({ atRiskWithinDays: 14, staleReportDays: 30 });
    expect(rules.body.documentation).toMatch(/Просрочено/);
    const edited = await admin.request<FlagRules>('PUT', '/api/programme-rules', {
      atRiskWithinDays: 14,
      staleReportDays: 60,
      version: rules.body.version,
    });
    expect(edited.status).toBe(200);
    expect((await flagsOn('2025-03-31', quiet)).flags).toEqual([]);
    const stale = await admin.request<ProgrammeConflict>('PUT', '/api/programme-rules', {
      atRiskWithinDays: 1,
      staleReportDays: 1,
      version: rules.body.version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toMatchObject({ staleReportDays: 60 });
    expect((await lipetsk.request('PUT', '/api/programme-rules', edited.body)).status).toBe(403);
    await admin.request('PUT', '/api/programme-rules', {
      atRiskWithinDays: 14,
      staleReportDays: 30,
      version: edited.body.version,
    });
  });

  it('filters the plan page by status, owner and deadline and groups measures by theme', async () => {
    const org = await organisation('42');
    const p = await plan(lipetsk, [{ regionCode: '42' }, { organisationId: org }]);
    await measure(lipetsk, {
      actionPlanId: p,
      title: 'Первое',
      theme: 'Кадры',
      owner: { type: 'organisation', id: String(org) },
      deadline: 'март 2025',
      status: 'planned',
    });
    await measure(lipetsk, {
      actionPlanId: p,
      title: 'Второе',
      theme: 'Инфраструктура',
      owner: { type: 'region', id: '42' },
      deadline: 'IV квартал 2025',
      status: 'done',
    });
    await measure(lipetsk, { actionPlanId: p, title: 'Без темы' });
    const all = await page(lipetsk, p, '?today=2025-01-10');
    expect(all.body.themes.map((g) => g.theme)).toEqual(['Кадры', 'Инфраструктура', null]);
    expect(all.body.plan.period).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
      precision: 'year',
    });
    const titles = (r: { body: PlanPage }) =>
      r.body.themes.flatMap((g) => g.measures.map((m) => m.title));
    expect(titles(await page(lipetsk, p, '?status=done'))).toEqual(['Второе']);
    expect(titles(await page(lipetsk, p, '?status=none'))).toEqual(['Без темы']);
    expect(titles(await page(lipetsk, p, `?owner=organisation:${org}`))).toEqual(['Первое']);
    expect(titles(await page(lipetsk, p, '?deadlineTo=2025-06-30'))).toEqual(['Первое']);
    expect(titles(await page(lipetsk, p, '?deadlineFrom=2025-06-30'))).toEqual(['Второе']);
    const timeline = await lipetsk.request<Timeline>('GET', `/api/action-plans/${p}/timeline`);
    expect(timeline.body.items.find((i) => i.title === 'Первое')).toMatchObject({
      end: '2025-03-31',
    });
    expect(timeline.body.milestones.map((m) => m.kind)).toContain('plan_end');
  });

  it('answers bad input with field-level bilingual errors and writes nothing', async () => {
    const p = await plan(lipetsk, [{ regionCode: '42' }]);
    const before = await auditCount();
    const bad = async (url: string, body: unknown, field: string, method = 'POST') => {
      const res = await admin.request<ErrorBody>(method, url, body);
      expect(res.status, `${url} ${JSON.stringify(res.body)}`).toBe(400);
      expect(fieldsOf(res.body)).toContain(field);
      const f = res.body.error.fields!.find((x) => x.field === field)!;
      expect(f.message).toMatch(/[а-я]/i);
      expect(f.messageEn).toMatch(/[a-z]/i);
    };
    await bad(
      '/api/measures',
      { actionPlanId: p, title: 'x', start: 'IV квартал 2025', deadline: 'I квартал 2025' },
      'deadline',
    );
    await bad('/api/measures', { title: 'Мероприятие без плана' }, 'actionPlanId');
    await bad(
      '/api/measures',
      { actionPlanId: p, title: 'x', owner: { type: 'organisation', id: '999999' } },
      'owner.id',
    );
    await bad(
      '/api/measures',
      { actionPlanId: p, title: 'x', deadline: 'когда-нибудь' },
      'deadline',
    );
    await bad(
      '/api/action-plans',
      { title: 'План', parties: [{ organisationId: 999_999 }] },
      'parties.0.organisationId',
    );
    await bad(
      '/api/events',
      { kind: 'strategic_session', title: 'Сессия', agenda: 'а'.repeat(5 * 1024 * 1024) }, // 10 MB of UTF-8
      'agenda',
    );
    expect(await auditCount()).toBe(before);

    const cancelled = await measure(lipetsk, {
      actionPlanId: p,
      title: 'Отменённое',
      status: 'cancelled',
    });
    const res = await lipetsk.request<ErrorBody>('PATCH', `/api/measures/${cancelled}`, {
      version: 1,
      status: 'done',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([
      expect.objectContaining({ field: 'status', message: expect.stringMatching(/возобновите/) }),
    ]);
    const reopened = await lipetsk.request<Created>('PATCH', `/api/measures/${cancelled}`, {
      version: 1,
      status: 'in_progress',
    });
    expect(reopened.status).toBe(200);
    expect(
      (
        await lipetsk.request('PATCH', `/api/measures/${cancelled}`, {
          version: reopened.body.version,
          status: 'done',
        })
      ).status,
    ).toBe(200);
  });

  it('refuses a signatory whose position belongs to another organisation', async () => {
    const party = await organisation('68');
    const other = await organisation('68');
    const person = (await created(admin, '/api/people', { lastName: `Подписантов ${uniq()}` })).id;
    const position = (
      await created(admin, `/api/people/${person}/positions`, {
        title: 'Генеральный директор',
        organisationId: other,
      })
    ).id;
    const res = await tambov.request<ErrorBody>('POST', '/api/agreements', {
      title: 'Соглашение о сотрудничестве',
      parties: [
        {
          organisationId: party,
          regionCode: '68',
          signatoryPersonId: person,
          signatoryPositionId: position,
        },
      ],
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['parties.0.signatoryPositionId']);
    expect(res.body.error.message).toMatch(/другой организации/);
  });

  it('answers a concurrent edit with 409 and the current version, and audits every change', async () => {
    const p = await plan(lipetsk, [{ regionCode: '42' }]);
    const id = await measure(lipetsk, { actionPlanId: p, title: 'Общее' });
    const first = await lipetsk.request<Created>('PATCH', `/api/measures/${id}`, {
      version: 1,
      title: 'Первая правка',
    });
    expect(first.status).toBe(200);
    const second = await admin.request<ProgrammeConflict>('PATCH', `/api/measures/${id}`, {
      version: 1,
      title: 'Вторая правка',
    });
    expect(second.status).toBe(409);
    expect(second.body.error.currentVersion).toBe(2);
    expect((second.body.error.current as MeasureDto).title).toBe('Первая правка');
    const trail = await t.database.db
      .selectFrom('audit_entry')
      .select(['action', 'entity_type'])
      .where('entity_type', '=', 'programme_measure')
      .where('entity_id', '=', String(id))
      .orderBy('id')
      .execute();
    expect(trail.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('soft-deletes a measure and a plan, and only an administrator restores them', async () => {
    const p = await plan(lipetsk, [{ regionCode: '42' }]);
    const id = await measure(lipetsk, { actionPlanId: p, title: 'Удаляемое' });
    expect((await lipetsk.request('DELETE', `/api/measures/${id}?version=1`)).status).toBe(200);
    expect((await lipetsk.request('GET', `/api/measures/${id}`)).status).toBe(404);
    expect((await page(lipetsk, p)).body.counts.total).toBe(0);
    expect((await lipetsk.request('POST', `/api/measures/${id}/restore`)).status).toBe(403);
    expect((await admin.request('POST', `/api/measures/${id}/restore`)).status).toBe(200);
    expect((await page(lipetsk, p)).body.counts.total).toBe(1);
    expect((await lipetsk.request('DELETE', `/api/action-plans/${p}?version=1`)).status).toBe(200);
    expect((await page(lipetsk, p)).status).toBe(404);
    expect((await admin.request('POST', `/api/action-plans/${p}/restore`)).status).toBe(200);
    expect((await page(lipetsk, p)).status).toBe(200);
  });

  it('keeps an unpublished plan and its measures from public readers', async () => {
    const p = await plan(lipetsk, [{ regionCode: '42' }], { published: false });
    const id = await measure(lipetsk, { actionPlanId: p, title: 'Черновое', deadline: 'май 2030' });
    expect((await page(anonymous, p)).status).toBe(404);
    expect((await anonymous.request('GET', `/api/measures/${id}`)).status).toBe(404);
    expect((await page(analyst, p)).status).toBe(200);
    const ics = await anonymous.request<string>('GET', '/api/calendar.ics');
    expect(String(ics.body)).not.toContain('Черновое');
  });

  it('turns a session decision into a task without retyping, shows it in «Мои задачи» and lets it be done', async () => {
    const org = await organisation('42');
    const second = (
      await created(lipetsk, '/api/events', {
        kind: 'setup_session',
        status: 'planned',
        title: `Вторая установочная сессия ${uniq()}`,
        regionCode: '42',
        date: { from: '2013-10-28', to: '2013-10-29', precision: 'range' },
        agenda: 'Определение пилотных кластеров',
        participants: [{ organisationId: org, role: 'organiser' }],
        decisions: [
          'Разработать программы развития пилотных кластеров на три года',
          'Провести третью сессию',
        ],
      })
    ).id;
    const session = await created(lipetsk, '/api/events', {
      kind: 'practical_session',
      title: `Практическая сессия ${uniq()}`,
      regionCode: '42',
      followsEventId: second,
    });
    expect(session.id).toBeGreaterThan(second);
    const programme = await plan(lipetsk, [{ regionCode: '42' }], { eventId: second });
    const work = await lipetsk.request<EventWork>('GET', `/api/events/${second}/work`);
    expect(work.body.decisions.map((d) => d.text)).toHaveLength(2);
    expect(work.body.producedPlans.map((p) => Number(p.id))).toEqual([programme]);
    const decision = work.body.decisions[0]!;
    const task = await created(lipetsk, `/api/event-decisions/${decision.id}/task`, {
      owner: { type: 'organisation', id: String(org) },
      deadline: 'до конца 2014 года',
    });
    const detail = await lipetsk.request<MeasureDetail>('GET', `/api/measures/${task.id}`);
    expect(detail.body).toMatchObject({
      title: decision.text,
      status: 'planned',
      plan: { id: String(programme) },
      decision: { id: decision.id, event: { id: String(second) } },
      deadline: { to: '2014-12-31', precision: 'year' },
    });
    expect(
      (await lipetsk.request<EventWork>('GET', `/api/events/${second}/work`)).body.decisions[0]!
        .tasks,
    ).toEqual([{ id: task.id, title: decision.text }]);

    // «Мои задачи» of a user who works for the owner organisation.
    const worker = await signIn(t.app, 'regional_editor', ['42']);
    const me = await worker.request<ViewerBody>('GET', '/api/auth/me');
    const link = await admin.request('PUT', `/api/users/${me.body.user!.id}/affiliation`, {
      organisationId: org,
      personId: null,
    });
    expect(link.status).toBe(200);
    const mine = await worker.request<MyTasks>('GET', '/api/my-tasks?today=2014-06-01');
    expect(mine.body.items.map((m) => m.id)).toEqual([task.id]);
    expect(mine.body.organisation?.id).toBe(String(org));
    expect((await anonymous.request('GET', '/api/my-tasks')).status).toBe(401);
    const done = await worker.request('PATCH', `/api/measures/${task.id}`, {
      version: 1,
      status: 'done',
    });
    expect(done.status).toBe(200);
    const after = await worker.request<MyTasks>('GET', '/api/my-tasks?status=done');
    expect(after.body.items.map((m) => m.status)).toEqual(['done']);
    const csv = await worker.request<string>('GET', '/api/my-tasks/export?format=csv');
    expect(String(csv.body)).toContain('Разработать программы развития');
  });

  it('records agreement directions with obligations and the party responsible, and exports them', async () => {
    const party = await organisation('68');
    const a = (
      await created(tambov, '/api/agreements', {
        title: `Соглашение ${uniq()}`,
        subject: 'Сотрудничество в развитии кластеров',
        date: '2022',
        parties: [{ organisationId: party, regionCode: '68' }],
        directions: ['Развитие промышленной инфраструктуры'],
      })
    ).id;
    const direction = (
      await created(tambov, `/api/agreements/${a}/directions`, {
        title: '=HYPERLINK("x") Привлечение инвесторов',
      })
    ).id;
    const obligation = await measure(tambov, {
      agreementDirectionId: direction,
      title: 'Подготовить инвестиционный паспорт',
      owner: { type: 'organisation', id: String(party) },
      deadline: 'III квартал 2022',
    });
    const work = await tambov.request<AgreementWork>('GET', `/api/agreements/${a}/work`);
    expect(work.body.subject).toBe('Сотрудничество в развитии кластеров');
    expect(work.body.directions.map((d) => d.title)).toHaveLength(2);
    expect(work.body.directions[1]!.obligations.map((o) => o.id)).toEqual([obligation]);
    expect(
      (await lipetsk.request('POST', `/api/agreements/${a}/directions`, { title: 'x' })).status,
    ).toBe(403);
    const csv = await tambov.request<string>('GET', `/api/agreements/${a}/export?format=csv`);
    expect(String(csv.body)).toContain('Подготовить инвестиционный паспорт');
    expect(String(csv.body)).toContain(`"'=HYPERLINK(""x"") Привлечение инвесторов"`);
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/agreements/${a}/export?format=xlsx`,
    });
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    const files = unzipSync(new Uint8Array(xlsx.rawPayload));
    const strings = strFromU8(files['xl/sharedStrings.xml']!);
    expect(strings).toContain('Подготовить инвестиционный паспорт');
    expect(strings).not.toMatch(/<t[^>]*>=HYPERLINK/);
  });

  it('exports a plan as XLSX and CSV with owners, deadlines, statuses and flags', async () => {
    const p = await plan(lipetsk, [{ regionCode: '42' }]);
    await measure(lipetsk, {
      actionPlanId: p,
      title: 'Просроченное мероприятие',
      theme: 'Кадры',
      owner: { type: 'region', id: '42' },
      deadline: 'I квартал 2025',
      status: 'in_progress',
      indicator: { name: 'Обучено инженеров', unit: 'чел.', target: 120, targetOn: '2025-03-31' },
    });
    const csv = await lipetsk.request<string>(
      'GET',
      `/api/action-plans/${p}/export?format=csv&today=2025-04-01`,
    );
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[0]).toMatch(/^№,Тема \/ направление,Мероприятие,Ответственный/);
    expect(lines[1]).toContain('Просроченное мероприятие');
    expect(lines[1]).toContain('Липецкая область');
    expect(lines[1]).toContain('2025-03-31');
    expect(lines[1]).toContain('Просрочено');
    expect(lines[1]).toContain('Обучено инженеров');
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/action-plans/${p}/export?format=xlsx`,
    });
    expect(xlsx.statusCode).toBe(200);
    const strings = strFromU8(unzipSync(new Uint8Array(xlsx.rawPayload))['xl/sharedStrings.xml']!);
    expect(strings).toContain('Просроченное мероприятие');
  });

  it('serves an iCalendar feed of events and deadlines that an iCalendar library parses', async () => {
    const p = await plan(lipetsk, [{ regionCode: '42' }]);
    const id = await measure(lipetsk, {
      actionPlanId: p,
      title: 'Сдать отчёт кластера',
      deadline: 'II квартал 2025',
    });
    const res = await t.app.inject({ method: 'GET', url: '/api/calendar.ics?region=42' });
    expect(res.headers['content-type']).toMatch(/text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(res.body));
    const entries = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const deadline = entries.find((e) => e.uid === `deadline-${id}@promatlas`)!;
    expect(deadline.summary).toBe('Срок: Сдать отчёт кластера');
    expect(deadline.startDate.isDate).toBe(true);
    expect(deadline.startDate.toString()).toBe('2025-06-30');
    const session = entries.find((e) => e.summary.startsWith('Стратегическая сессия'))!;
    expect(session.startDate.toString()).toBe('2017-12-05');
    const planOnly = await t.app.inject({ method: 'GET', url: `/api/calendar.ics?plan=${p}` });
    const planEntries = new ICAL.Component(ICAL.parse(planOnly.body)).getAllSubcomponents('vevent');
    expect(planEntries).toHaveLength(1);
  });

  it('gives a region dashboard of open, overdue and upcoming measures, events to come and agreements in force', async () => {
    const p = await plan(lipetsk, [{ regionCode: '42' }]);
    const overdue = await measure(lipetsk, {
      actionPlanId: p,
      title: 'Просрочено в регионе',
      deadline: '2025-05-01',
      status: 'planned',
    });
    const soon = await measure(lipetsk, {
      actionPlanId: p,
      title: 'Скоро срок',
      deadline: '2025-06-10',
      status: 'planned',
    });
    const event = (
      await created(lipetsk, '/api/events', {
        kind: 'forum',
        title: `Форум ${uniq()}`,
        regionCode: '42',
        date: '2025-06-20',
      })
    ).id;
    const res = await anonymous.request<RegionDashboard>(
      'GET',
      '/api/regions/42/programmes?today=2025-06-01',
    );
    expect(res.status).toBe(200);
    expect(res.body.overdue.map((m) => m.id)).toContain(overdue);
    expect(res.body.overdue.map((m) => m.id)).not.toContain(soon);
    expect(res.body.upcoming.map((m) => m.id)).toContain(soon);
    expect(res.body.open.map((m) => m.id)).toEqual(expect.arrayContaining([overdue, soon]));
    expect(res.body.upcomingEvents.map((e) => Number(e.event.id))).toContain(event);
    const tambovBoard = await anonymous.request<RegionDashboard>(
      'GET',
      '/api/regions/68/programmes',
    );
    expect(tambovBoard.body.agreementsInForce.map((a) => a.agreement.title)).toContain(
      'Соглашение о сотрудничестве между АКИТ РФ и Тамбовской областью',
    );
    expect(tambovBoard.body.open.map((m) => m.id)).not.toContain(overdue);
  });
});
