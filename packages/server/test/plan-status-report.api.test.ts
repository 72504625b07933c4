import * as ExcelJS from '@cj-tech-master/excelts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '@promatlas/core/api/reports.schema.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { databaseKinds } from './databases.ts';
import { signIn, type Client } from './sessions.ts';
import type { Created, ErrorBody } from './api-types.ts';

// The plan status report: measures grouped by theme with owners, deadlines,
// statuses, indicators and flags; the plan's, measures' and reports' documents
// numbered at the end; the same content as XLSX.

describe.each(databaseKinds())('plan status report on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let planId: number;
  let sources: { id: number; title: string }[];

  const created = async (url: string, body: unknown): Promise<number> => {
    const res = await admin.request<Created | ErrorBody>('POST', url, body);
    if (res.status !== 201) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as Created).id;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await signIn(t.app, 'administrator');
    sources = await t.database.db
      .selectFrom('source_document')
      .select(['id', 'title'])
      .orderBy('id')
      .limit(3)
      .execute();
    planId = await created('/api/action-plans', {
      title: 'План развития станкостроения',
      period: '2025',
      themes: ['Кадры', 'Инфраструктура'],
      parties: [{ regionCode: '42' }],
      sourceId: sources[0]!.id,
    });
    // Overdue on any day after 31.03.2025: in progress, deadline passed.
    await created('/api/measures', {
      actionPlanId: planId,
      title: 'Набор инженеров',
      theme: 'Кадры',
      owner: { type: 'region', id: '42' },
      deadline: 'I квартал 2025',
      status: 'in_progress',
    });
    const done = await created('/api/measures', {
      actionPlanId: planId,
      title: 'Подвод электроснабжения',
      theme: 'Инфраструктура',
      deadline: '2025-06-30',
      status: 'done',
      indicator: { name: 'Мощность', unit: 'МВт', target: 10, actual: 7.5 },
      sourceId: sources[1]!.id,
    });
    await created(`/api/measures/${done}/reports`, {
      reportedOn: '2025-06-20',
      note: 'Подстанция принята',
      progress: 100,
      sourceId: sources[2]!.id,
    });
    await created('/api/measures', { actionPlanId: planId, title: 'Сайт плана' });
  }, 180_000);
  afterAll(async () => t?.close());

  it('groups the measures by theme with owner, deadline, status, indicator and the overdue flag with its reason', async () => {
    const { status, body } = await t.getJson<Report>(`/api/reports/plan-status/${planId}`);
    expect(status).toBe(200);
    expect(body.kind).toBe('plan-status');
    expect(body.title).toBe('Статус плана: План развития станкостроения');
    expect(body.sections.map((s) => [s.id, s.title])).toEqual([
      ['summary', 'Сводка'],
      ['theme-1', 'Кадры'],
      ['theme-2', 'Инфраструктура'],
      ['theme-3', 'Без темы'],
    ]);
    const summary = new Map(body.sections[0]!.rows.map((r) => [r[0], r[1]]));
    expect(summary.get('Мероприятий')).toBe('3');
    expect(summary.get('Просрочено')).toBe('1');
    expect(summary.get('Выполнено')).toBe('1');
    const [late] = body.sections[1]!.rows;
    expect(late).toEqual([
      1,
      'Набор инженеров',
      'Липецкая область',
      '1-й квартал 2025',
      'Выполняется',
      null,
      'Просрочено: срок прошёл, мероприятие не выполнено',
      null,
    ]);
    const [power] = body.sections[2]!.rows;
    expect(power![4]).toBe('Выполнено');
    expect(power![5]).toBe('Мощность, МВт: цель 10, факт 7,5');
    expect(power![6]).toBeNull();
    expect(body.sections[3]!.rows[0]![1]).toBe('Сайт плана');
  });

  it('numbers the plan’s, measures’ and reports’ documents in the order of citation and lists them at the end', async () => {
    const { body } = await t.getJson<Report>(`/api/reports/plan-status/${planId}`);
    expect(body.sources.map((s) => [s.number, s.id])).toEqual([
      [1, sources[0]!.id],
      [2, sources[1]!.id],
      [3, sources[2]!.id],
    ]);
    expect(body.sources[0]!.title).toBe(sources[0]!.title);
    const summary = new Map(body.sections[0]!.rows.map((r) => [r[0], r[1]]));
    expect(summary.get('Источник плана')).toBe('[1]');
    // The measure cites its own document and its progress report's.
    expect(body.sections[2]!.rows[0]!.at(-1)).toBe('[2] [3]');
  });

  it('writes the same report as XLSX: a sheet per theme and the sources last', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/reports/plan-status/${planId}/export?format=xlsx`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="report-plan-status-${planId}.xlsx"`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Отчёт',
      'Сводка',
      'Кадры',
      'Инфраструктура',
      'Без темы',
      'Источники',
    ]);
    const staff = workbook.getWorksheet('Кадры')!;
    expect(staff.getRow(1).getCell(2).value).toBe('Мероприятие');
    expect(staff.getRow(2).getCell(2).value).toBe('Набор инженеров');
    expect(staff.getRow(2).getCell(7).value).toBe(
      'Просрочено: срок прошёл, мероприятие не выполнено',
    );
  });

  it('writes the report in English when asked: headings, table heads, statuses, flags, numbers and dates', async () => {
    const { status, body } = await t.getJson<Report>(`/api/reports/plan-status/${planId}?lang=en`);
    expect(status).toBe(200);
    expect(body.title).toBe('Plan status: План развития станкостроения');
    // The plan's own themes are data and stay as stored; the report's words are English.
    expect(body.sections.map((s) => s.title)).toEqual([
      'Summary',
      'Кадры',
      'Инфраструктура',
      'No theme',
    ]);
    expect(body.sections[1]!.columns.map((c) => c.title)).toEqual([
      'No.',
      'Measure',
      'Owner',
      'Deadline',
      'Status',
      'Indicator: target / actual',
      'Flag and reason',
      'Source',
    ]);
    const summary = new Map(body.sections[0]!.rows.map((r) => [r[0], r[1]]));
    expect(summary.get('Measures')).toBe('3');
    expect(summary.get('Overdue')).toBe('1');
    expect(summary.get('Plan source')).toBe('[1]');
    const [late] = body.sections[1]!.rows;
    expect(late![3]).toBe('Q1 2025');
    expect(late![4]).toBe('In progress');
    expect(late![6]).toBe('Overdue: deadline passed, not done');
    // 7.5 with an English decimal point, not «7,5».
    expect(body.sections[2]!.rows[0]![5]).toBe('Мощность, МВт: target 10, actual 7.5');
    expect(body.sourcesNote).toMatch(/^Measures, deadlines and statuses/);
  });

  it('writes the English XLSX with English sheet names and table heads', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/reports/plan-status/${planId}/export?format=xlsx&lang=en`,
    });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Report',
      'Summary',
      'Кадры',
      'Инфраструктура',
      'No theme',
      'Sources',
    ]);
    expect(workbook.getWorksheet('Кадры')!.getRow(1).getCell(2).value).toBe('Measure');
    expect(workbook.getWorksheet('Sources')!.getRow(1).getCell(2).value).toBe('Source');
  });

  it('answers 404 in Russian and English for a plan that does not exist', async () => {
    const res = await t.getJson<ErrorBody>('/api/reports/plan-status/2147483647');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/[а-я]/i);
    expect(res.body.error.messageEn).toMatch(/Action plan/);
  });
});
