import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeasureDetailSchema, PlanPage } from '@promatlas/core/api/programmes.schema.ts';
import type { z } from 'zod';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { signIn, type Client } from './sessions.ts';
import type { Created, ErrorBody } from './api-types.ts';

type MeasureDetail = z.infer<typeof MeasureDetailSchema>;

let seq = 0;
const uniq = () => `${Date.now() % 1_000_000}-${++seq}`;

// The figures a measure shows of its progress reports: the day of the latest
// report, and the progress of the latest report that carries one (a later
// note without a figure does not erase it).
describe.each(databaseKinds())('progress report figures of a measure on %s', (kind) => {
  let t: TestApp;
  let editor: Client;

  const created = async (url: string, body: unknown): Promise<number> => {
    const res = await editor.request<Created | ErrorBody>('POST', url, body);
    if (res.status !== 201) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as Created).id;
  };
  const measureOnPage = async (planId: number, measureId: number) => {
    const res = await editor.request<PlanPage>(
      'GET',
      `/api/action-plans/${planId}/measures?today=2025-06-01`,
    );
    expect(res.status).toBe(200);
    return res.body.themes.flatMap((g) => g.measures).find((m) => m.id === measureId)!;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    editor = await signIn(t.app, 'regional_editor', ['42']);
  }, 180_000);
  afterAll(async () => t?.close());

  it('shows the latest report day and the progress of the latest report that has one, on the plan page and the measure page', async () => {
    const planId = await created('/api/action-plans', {
      title: `План ${uniq()}`,
      period: 'до конца 2025 года',
      themes: ['Кадры'],
      parties: [{ regionCode: '42' }],
    });
    const measureId = await created('/api/measures', {
      actionPlanId: planId,
      title: 'Мероприятие с отчётами',
      theme: 'Кадры',
      deadline: 'до конца 2025 года',
      status: 'in_progress',
    });
    const other = await created('/api/measures', {
      actionPlanId: planId,
      title: 'Мероприятие без отчётов',
      theme: 'Кадры',
      status: 'planned',
    });
    await created(`/api/measures/${measureId}/reports`, {
      reportedOn: '2025-03-01',
      note: 'Начали',
      progress: 30,
    });
    await created(`/api/measures/${measureId}/reports`, {
      reportedOn: '2025-05-01',
      note: 'Встреча с подрядчиком, без оценки',
    });
    let m = await measureOnPage(planId, measureId);
    expect(m.lastReportOn).toBe('2025-05-01');
    expect(m.progress).toBe(30);

    // An earlier day entered later still counts by its day, not by when it was written.
    await created(`/api/measures/${measureId}/reports`, {
      reportedOn: '2025-04-01',
      note: 'Половина',
      progress: 60,
    });
    m = await measureOnPage(planId, measureId);
    expect(m.lastReportOn).toBe('2025-05-01');
    expect(m.progress).toBe(60);

    const detail = await editor.request<MeasureDetail>(
      'GET',
      `/api/measures/${measureId}?today=2025-06-01`,
    );
    expect(detail.body).toMatchObject({ lastReportOn: '2025-05-01', progress: 60 });

    const quiet = await measureOnPage(planId, other);
    expect(quiet.lastReportOn).toBeNull();
    expect(quiet.progress).toBeNull();
  });
});
