/**
 * Calls of every state-changing programme route, for the authorisation matrix
 * and the audit coverage: each builds a fresh target in a region (null: a
 * programme with national parties only) through the administrator's API.
 */
export interface ProgrammeCall {
  url: string;
  body?: unknown;
}
export interface ProgrammeRoute {
  ok: number;
  /** The audit entry's entity type. */
  entityType: string;
  call(region: string | null): Promise<ProgrammeCall>;
}
type Create = (url: string, body: unknown) => Promise<number>;
type Remove = (url: string) => Promise<void>;
type Read = (url: string) => Promise<{ version: number }>;

let seq = 0;
const uniq = () => `${Date.now() % 1_000_000}-p${++seq}`;

export function programmeRoutes(
  create: Create,
  remove: Remove,
  read: Read,
  anyUserId: () => Promise<number>,
): Record<string, ProgrammeRoute> {
  const org = (region: string | null) =>
    create('/api/organisations', {
      kind: 'enterprise',
      name: `«Программа ${uniq()}»`,
      regionCode: region,
    });
  const parties = async (region: string | null) =>
    region ? [{ regionCode: region }] : [{ organisationId: await org(null) }];
  const plan = async (region: string | null) =>
    create('/api/action-plans', { title: `План ${uniq()}`, parties: await parties(region) });
  const measure = async (region: string | null) =>
    create('/api/measures', { actionPlanId: await plan(region), title: `Мероприятие ${uniq()}` });
  const report = async (region: string | null) =>
    create(`/api/measures/${await measure(region)}/reports`, {
      reportedOn: '2025-05-01',
      note: 'Ход выполнения',
      progress: 10,
    });
  const event = (region: string | null) =>
    create('/api/events', { kind: 'meeting', title: `Встреча ${uniq()}`, regionCode: region });
  const participant = async (region: string | null) =>
    create(`/api/events/${await event(region)}/participants`, {
      organisationId: await org(region),
      role: 'participant',
    });
  const decision = async (region: string | null) =>
    create(`/api/events/${await event(region)}/decisions`, { text: `Решение ${uniq()}` });
  const agreement = async (region: string | null) =>
    create('/api/agreements', { title: `Соглашение ${uniq()}`, parties: await parties(region) });
  const direction = async (region: string | null) =>
    create(`/api/agreements/${await agreement(region)}/directions`, {
      title: `Направление ${uniq()}`,
    });
  const project = async (region: string | null) =>
    create('/api/projects', {
      kind: 'investment',
      title: `Проект ${uniq()}`,
      regionCode: region,
      participants: [{ organisationId: await org(region), role: 'investor' }],
      milestones: [{ title: 'Запуск производства', date: 'весной 2024' }],
    });
  const deleted = async (path: string, id: number) => {
    await remove(`${path}/${id}?version=1`);
    return id;
  };
  const route = (
    ok: number,
    entityType: string,
    call: (region: string | null) => Promise<ProgrammeCall>,
  ): ProgrammeRoute => ({ ok, entityType, call });

  return {
    'POST /api/action-plans': route(201, 'action_plan', async (r) => ({
      url: '/api/action-plans',
      body: { title: `План ${uniq()}`, period: 'до конца 2025 года', parties: await parties(r) },
    })),
    'PATCH /api/action-plans/:id': route(200, 'action_plan', async (r) => ({
      url: `/api/action-plans/${await plan(r)}`,
      body: { version: 1, themes: ['Кадры'] },
    })),
    'DELETE /api/action-plans/:id': route(200, 'action_plan', async (r) => ({
      url: `/api/action-plans/${await plan(r)}?version=1`,
    })),
    'POST /api/action-plans/:id/restore': route(200, 'action_plan', async (r) => ({
      url: `/api/action-plans/${await deleted('/api/action-plans', await plan(r))}/restore`,
    })),
    'POST /api/measures': route(201, 'programme_measure', async (r) => ({
      url: '/api/measures',
      body: { actionPlanId: await plan(r), title: 'Мероприятие', deadline: 'II квартал 2025' },
    })),
    'PATCH /api/measures/:id': route(200, 'programme_measure', async (r) => ({
      url: `/api/measures/${await measure(r)}`,
      body: { version: 1, status: 'in_progress' },
    })),
    'DELETE /api/measures/:id': route(200, 'programme_measure', async (r) => ({
      url: `/api/measures/${await measure(r)}?version=1`,
    })),
    'POST /api/measures/:id/restore': route(200, 'programme_measure', async (r) => ({
      url: `/api/measures/${await deleted('/api/measures', await measure(r))}/restore`,
    })),
    'POST /api/measures/:id/reports': route(201, 'measure_report', async (r) => ({
      url: `/api/measures/${await measure(r)}/reports`,
      body: { reportedOn: '2025-05-01', note: 'Сделано', progress: 50 },
    })),
    'DELETE /api/measure-reports/:id': route(200, 'measure_report', async (r) => ({
      url: `/api/measure-reports/${await report(r)}?version=1`,
    })),
    'POST /api/events': route(201, 'event', async (r) => ({
      url: '/api/events',
      body: { kind: 'strategic_session', title: `Сессия ${uniq()}`, regionCode: r },
    })),
    'PATCH /api/events/:id': route(200, 'event', async (r) => ({
      url: `/api/events/${await event(r)}`,
      body: { version: 1, agenda: 'Повестка' },
    })),
    'DELETE /api/events/:id': route(200, 'event', async (r) => ({
      url: `/api/events/${await event(r)}?version=1`,
    })),
    'POST /api/events/:id/restore': route(200, 'event', async (r) => ({
      url: `/api/events/${await deleted('/api/events', await event(r))}/restore`,
    })),
    'POST /api/events/:id/participants': route(201, 'event_participant', async (r) => ({
      url: `/api/events/${await event(r)}/participants`,
      body: { organisationId: await org(r), role: 'speaker' },
    })),
    'DELETE /api/event-participants/:id': route(200, 'event_participant', async (r) => ({
      url: `/api/event-participants/${await participant(r)}?version=1`,
    })),
    'POST /api/events/:id/decisions': route(201, 'event_decision', async (r) => ({
      url: `/api/events/${await event(r)}/decisions`,
      body: { text: 'Решение' },
    })),
    'PATCH /api/event-decisions/:id': route(200, 'event_decision', async (r) => ({
      url: `/api/event-decisions/${await decision(r)}`,
      body: { version: 1, text: 'Уточнённое решение' },
    })),
    'DELETE /api/event-decisions/:id': route(200, 'event_decision', async (r) => ({
      url: `/api/event-decisions/${await decision(r)}?version=1`,
    })),
    'POST /api/event-decisions/:id/task': route(201, 'programme_measure', async (r) => ({
      url: `/api/event-decisions/${await decision(r)}/task`,
      body: { deadline: 'до конца 2026 года' },
    })),
    'POST /api/agreements': route(201, 'agreement', async (r) => ({
      url: '/api/agreements',
      body: { title: `Соглашение ${uniq()}`, parties: await parties(r), directions: ['Кадры'] },
    })),
    'PATCH /api/agreements/:id': route(200, 'agreement', async (r) => ({
      url: `/api/agreements/${await agreement(r)}`,
      body: { version: 1, subject: 'Предмет' },
    })),
    'DELETE /api/agreements/:id': route(200, 'agreement', async (r) => ({
      url: `/api/agreements/${await agreement(r)}?version=1`,
    })),
    'POST /api/agreements/:id/restore': route(200, 'agreement', async (r) => ({
      url: `/api/agreements/${await deleted('/api/agreements', await agreement(r))}/restore`,
    })),
    'POST /api/agreements/:id/directions': route(201, 'agreement_direction', async (r) => ({
      url: `/api/agreements/${await agreement(r)}/directions`,
      body: { title: 'Направление' },
    })),
    'PATCH /api/agreement-directions/:id': route(200, 'agreement_direction', async (r) => ({
      url: `/api/agreement-directions/${await direction(r)}`,
      body: { version: 1, title: 'Уточнённое направление' },
    })),
    'DELETE /api/agreement-directions/:id': route(200, 'agreement_direction', async (r) => ({
      url: `/api/agreement-directions/${await direction(r)}?version=1`,
    })),
    'POST /api/agreement-directions/:id/restore': route(200, 'agreement_direction', async (r) => ({
      url: `/api/agreement-directions/${await deleted('/api/agreement-directions', await direction(r))}/restore`,
    })),
    'PUT /api/programme-rules': route(200, 'programme_flag_rule', async () => {
      const { version } = await read('/api/programme-rules');
      return {
        url: '/api/programme-rules',
        body: { atRiskWithinDays: 14, staleReportDays: 30, version },
      };
    }),
    'PUT /api/users/:id/affiliation': route(200, 'app_user_affiliation', async (r) => ({
      url: `/api/users/${await anyUserId()}/affiliation`,
      body: { organisationId: await org(r), personId: null },
    })),
    'POST /api/projects': route(201, 'project', async (r) => ({
      url: '/api/projects',
      body: {
        kind: 'joint_cluster',
        title: `Совместный проект ${uniq()}`,
        regionCode: r,
        period: 'до конца 2026 года',
        participants: [{ organisationId: await org(r), role: 'participant' }],
        milestones: [{ title: 'Проектирование', date: 'II квартал 2024' }],
      },
    })),
    'PATCH /api/projects/:id': route(200, 'project', async (r) => ({
      url: `/api/projects/${await project(r)}`,
      body: { version: 1, status: 'in_progress', jobs: 120 },
    })),
    'DELETE /api/projects/:id': route(200, 'project', async (r) => ({
      url: `/api/projects/${await project(r)}?version=1`,
    })),
    'POST /api/projects/:id/restore': route(200, 'project', async (r) => ({
      url: `/api/projects/${await deleted('/api/projects', await project(r))}/restore`,
    })),
  };
}
