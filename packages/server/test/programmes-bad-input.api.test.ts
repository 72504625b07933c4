import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeasureDetailSchema } from '@promatlas/core/api/programmes.schema.ts';
import type { z } from 'zod';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { signIn, type Client } from './sessions.ts';
import type { Created, ErrorBody } from './api-types.ts';

// The programmes' bad input beyond the first submission: edits that break a
// rule an earlier value set, and refusals checked for both languages and for
// writing nothing at all (no audit entry, the record as it was).

type MeasureDetail = z.infer<typeof MeasureDetailSchema>;

let seq = 0;
const uniq = () => `${Date.now() % 1_000_000}-b${++seq}`;

describe.each(databaseKinds())('programmes bad input on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let lipetsk: Client;

  const created = async (client: Client, url: string, body: unknown): Promise<number> => {
    const res = await client.request<Created | ErrorBody>('POST', url, body);
    if (res.status !== 201) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as Created).id;
  };
  const auditCount = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('audit_entry')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** A refusal: 400, the field named, a Russian and an English message for it. */
  const refused = (res: { status: number; body: ErrorBody }, field: string) => {
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    const f = (res.body.error.fields ?? []).find((x) => x.field === field);
    expect(f, JSON.stringify(res.body.error.fields)).toBeDefined();
    expect(f!.message).toMatch(/[а-яё]/i);
    // English words (names quoted from the records stay as they are written).
    expect(f!.messageEn).toMatch(/\b(not|is|be|to|before|found|belongs|must|the)\b/i);
    expect(f!.messageEn).not.toBe(f!.message);
  };
  const plan = () =>
    created(lipetsk, '/api/action-plans', {
      title: `План ${uniq()}`,
      parties: [{ regionCode: '42' }],
    });
  const measureOf = (id: number) =>
    lipetsk.request<MeasureDetail>('GET', `/api/measures/${id}?today=2025-06-01`);

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await signIn(t.app, 'administrator');
    lipetsk = await signIn(t.app, 'regional_editor', ['42']);
  }, 180_000);
  afterAll(async () => t?.close());

  it('refuses an edit that moves the deadline before the stored start, and keeps the measure as it was', async () => {
    const id = await created(lipetsk, '/api/measures', {
      actionPlanId: await plan(),
      title: 'Запуск линии',
      start: 'III квартал 2025',
      deadline: 'IV квартал 2025',
    });
    const before = await auditCount();
    refused(
      await lipetsk.request<ErrorBody>('PATCH', `/api/measures/${id}`, {
        version: 1,
        deadline: '2025-03-31',
      }),
      'deadline',
    );
    // A new start after the stored deadline is the same mistake from the other side.
    refused(
      await lipetsk.request<ErrorBody>('PATCH', `/api/measures/${id}`, {
        version: 1,
        start: '2026-01-15',
      }),
      'deadline',
    );
    expect(await auditCount()).toBe(before);
    const after = await measureOf(id);
    expect(after.body.version).toBe(1);
    expect(after.body.deadline?.to).toBe('2025-12-31');
    expect(after.body.start?.from).toBe('2025-07-01');
  });

  it('refuses done straight after cancelled in both languages and leaves the measure cancelled', async () => {
    const id = await created(lipetsk, '/api/measures', {
      actionPlanId: await plan(),
      title: 'Отменённое мероприятие',
      status: 'cancelled',
    });
    const before = await auditCount();
    refused(
      await lipetsk.request<ErrorBody>('PATCH', `/api/measures/${id}`, {
        version: 1,
        status: 'done',
        title: 'Переименованное',
      }),
      'status',
    );
    expect(await auditCount()).toBe(before);
    const after = await measureOf(id);
    expect(after.body.status).toBe('cancelled');
    expect(after.body.title).toBe('Отменённое мероприятие');
    expect(after.body.version).toBe(1);
  });

  it('refuses an unknown party, owner or co-executor of every programme record and writes nothing', async () => {
    const p = await plan();
    const before = await auditCount();
    refused(
      await lipetsk.request<ErrorBody>('POST', '/api/measures', {
        actionPlanId: p,
        title: 'С неизвестным соисполнителем',
        coExecutors: [{ type: 'organisation', id: '999999' }],
      }),
      'coExecutors.0.id',
    );
    refused(
      await lipetsk.request<ErrorBody>('POST', '/api/measures', {
        actionPlanId: p,
        title: 'С неизвестным ответственным',
        owner: { type: 'person', id: '999999' },
      }),
      'owner.id',
    );
    refused(
      await admin.request<ErrorBody>('POST', '/api/agreements', {
        title: `Соглашение ${uniq()}`,
        parties: [{ organisationId: 999_999 }],
      }),
      'parties.0.organisationId',
    );
    refused(
      await admin.request<ErrorBody>('POST', '/api/measures', {
        actionPlanId: 999_999,
        title: 'В неизвестном плане',
      }),
      'actionPlanId',
    );
    expect(await auditCount()).toBe(before);
    const count = await t.database.db
      .selectFrom('programme_measure')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('action_plan_id', '=', p)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('refuses a signatory of another organisation in both languages and creates no agreement', async () => {
    const org = async () =>
      created(admin, '/api/organisations', {
        kind: 'enterprise',
        name: `«Сторона ${uniq()}»`,
        regionCode: '68',
      });
    const party = await org();
    const other = await org();
    const person = await created(admin, '/api/people', { lastName: `Подписантов ${uniq()}` });
    const position = await created(admin, `/api/people/${person}/positions`, {
      title: 'Генеральный директор',
      organisationId: other,
    });
    const before = await auditCount();
    const title = `Соглашение ${uniq()}`;
    refused(
      await admin.request<ErrorBody>('POST', '/api/agreements', {
        title,
        directions: ['Кадры'],
        parties: [
          {
            organisationId: party,
            signatoryPersonId: person,
            signatoryPositionId: position,
          },
        ],
      }),
      'parties.0.signatoryPositionId',
    );
    expect(await auditCount()).toBe(before);
    const agreements = await t.database.db
      .selectFrom('agreement')
      .select('id')
      .where('title', '=', title)
      .execute();
    expect(agreements).toEqual([]);
  });

  it('refuses a 10 MB agenda on an event edit with a field error and keeps the old agenda', async () => {
    const id = await created(lipetsk, '/api/events', {
      kind: 'strategic_session',
      title: `Сессия ${uniq()}`,
      regionCode: '42',
      agenda: 'Открытие; доклады; решения',
    });
    const before = await auditCount();
    refused(
      await lipetsk.request<ErrorBody>('PATCH', `/api/events/${id}`, {
        version: 1,
        agenda: 'а'.repeat(5 * 1024 * 1024), // 10 MB of UTF-8
      }),
      'agenda',
    );
    expect(await auditCount()).toBe(before);
    const row = await t.database.db
      .selectFrom('event')
      .select(['agenda', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ agenda: 'Открытие; доклады; решения', version: 1 });
  });
});
