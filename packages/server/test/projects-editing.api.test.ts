import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ProjectConflictSchema } from '@promatlas/core/api/projects.schema.ts';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { signIn, type Client } from './sessions.ts';
import type { Created, ErrorBody, Page, Project } from './api-types.ts';

type ProjectConflict = z.infer<typeof ProjectConflictSchema>;
interface ProjectListItem {
  id: number;
  title: string;
}

let seq = 0;
const uniq = () => `${Date.now() % 1_000_000}-${++seq}`;
const fieldsOf = (body: ErrorBody) => (body.error.fields ?? []).map((f) => f.field);

describe.each(databaseKinds())('editing projects on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let lipetsk: Client;
  let tambov: Client;
  let analyst: Client;
  let anonymous: Client;

  const created = async (client: Client, url: string, body: unknown): Promise<Created> => {
    const res = await client.request<Created | ErrorBody>('POST', url, body);
    if (res.status !== 201) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Created;
  };
  const organisation = async (regionCode: string | null) =>
    (
      await created(admin, '/api/organisations', {
        kind: 'enterprise',
        name: `«Проектная ${uniq()}»`,
        regionCode,
      })
    ).id;
  const site = async (regionCode: string) =>
    (await created(admin, '/api/sites', { kind: 'technopark', name: `Парк ${uniq()}`, regionCode }))
      .id;
  const project = async (client: Client, extra: object = {}) =>
    (
      await created(client, '/api/projects', {
        kind: 'investment',
        title: `Проект ${uniq()}`,
        regionCode: '42',
        ...extra,
      })
    ).id;
  const read = (client: Client, id: number) =>
    client.request<Project>('GET', `/api/projects/${id}`);
  const counts = async () => {
    const n = async (table: 'audit_entry' | 'project' | 'project_milestone') =>
      Number(
        (
          await t.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      audit: await n('audit_entry'),
      projects: await n('project'),
      milestones: await n('project_milestone'),
    };
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await signIn(t.app, 'administrator');
    lipetsk = await signIn(t.app, 'regional_editor', ['42']);
    tambov = await signIn(t.app, 'regional_editor', ['68']);
    analyst = await signIn(t.app, 'analyst');
    anonymous = await signIn(t.app, 'public');
  }, 180_000);
  afterAll(async () => t?.close());

  it('creates an investment project with participants and roles, site, milestones in words, investment, jobs and status', async () => {
    const investor = await organisation(null);
    const plant = await organisation('42');
    const park = await site('42');
    const { id, version } = await created(lipetsk, '/api/projects', {
      kind: 'investment',
      status: 'in_progress',
      title: `Восстановление завода ${uniq()}`,
      description: 'Запуск производства тракторов',
      regionCode: '42',
      siteId: park,
      period: 'до конца 2025 года',
      investmentRub: 2_500_000_000,
      jobs: 600,
      participants: [
        { organisationId: investor, role: 'investor' },
        { organisationId: plant, role: 'object' },
      ],
      milestones: [
        { title: 'Запуск производства', date: 'весной 2024', done: true },
        { title: 'Выход на проектную мощность', date: 'IV квартал 2025' },
      ],
    });
    expect(version).toBe(1);
    const res = await read(anonymous, id);
    expect(res.status).toBe(200);
    const p = res.body;
    expect(p.status).toBe('in_progress');
    expect(p.site?.id).toBe(String(park));
    expect(p.investmentRub).toBe(2_500_000_000);
    expect(p.jobs).toBe(600);
    expect(p.date).toEqual({ from: '2025-01-01', to: '2025-12-31', precision: 'year' });
    expect(p.participants.map((x) => [x.role, x.target.id])).toEqual([
      ['investor', String(investor)],
      ['object', String(plant)],
    ]);
    expect(p.milestones.map((m) => [m.title, m.date, m.done])).toEqual([
      ['Запуск производства', { from: '2024-03-01', to: '2024-05-31', precision: 'season' }, true],
      [
        'Выход на проектную мощность',
        { from: '2025-10-01', to: '2025-12-31', precision: 'quarter' },
        false,
      ],
    ]);
  });

  it('changes a project with the version it was read at, replacing its milestones, in one audited change', async () => {
    const id = await project(lipetsk, { milestones: [{ title: 'Проект', date: '2024' }] });
    const before = await counts();
    const res = await lipetsk.request<Created>('PATCH', `/api/projects/${id}`, {
      version: 1,
      status: 'completed',
      jobs: 45,
      milestones: [
        { title: 'Проектирование', date: 'I квартал 2024', done: true },
        { title: 'Строительство', date: 'до конца 2024 года' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(2);
    const p = (await read(admin, id)).body;
    expect(p.version).toBe(2);
    expect(p.status).toBe('completed');
    expect(p.jobs).toBe(45);
    expect(p.milestones.map((m) => m.title)).toEqual(['Проектирование', 'Строительство']);
    const after = await counts();
    expect(after.audit - before.audit).toBe(1);
    const entry = await t.database.db
      .selectFrom('audit_entry')
      .select(['action', 'entity_type', 'before', 'after'])
      .where('entity_type', '=', 'project')
      .where('entity_id', '=', String(id))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.action).toBe('update');
    expect(JSON.stringify(entry.after)).toContain('Строительство');
    expect(JSON.stringify(entry.before)).toContain('"title":"Проект"');
  });

  it('refuses a stale version with 409 carrying the project as it is now, and changes nothing', async () => {
    const id = await project(lipetsk, { milestones: [{ title: 'Первый этап' }] });
    expect(
      (await lipetsk.request('PATCH', `/api/projects/${id}`, { version: 1, jobs: 10 })).status,
    ).toBe(200);
    const before = await counts();
    const stale = await tambov.request('PATCH', `/api/projects/${id}`, { version: 1, jobs: 99 });
    expect(stale.status).toBe(403);
    const res = await lipetsk.request<ProjectConflict>('PATCH', `/api/projects/${id}`, {
      version: 1,
      jobs: 99,
      milestones: [{ title: 'Чужой этап' }],
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    expect(res.body.error.currentVersion).toBe(2);
    expect(res.body.error.current.jobs).toBe(10);
    expect(res.body.error.current.milestones.map((m) => m.title)).toEqual(['Первый этап']);
    expect(await counts()).toEqual(before);
    expect((await read(admin, id)).body.milestones.map((m) => m.title)).toEqual(['Первый этап']);
  });

  it('answers bad input field by field in Russian and English and writes nothing', async () => {
    const before = await counts();
    const res = await lipetsk.request<ErrorBody>('POST', '/api/projects', {
      kind: 'investment',
      title: `Проект ${uniq()}`,
      regionCode: '42',
      siteId: 2_000_000_000,
      participants: [{ organisationId: 2_000_000_000, role: 'investor' }],
      milestones: [{ title: 'Запуск', date: 'когда-нибудь потом' }],
    });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body).sort()).toEqual(
      ['milestones.0.date', 'participants.0.organisationId', 'siteId'].sort(),
    );
    for (const f of res.body.error.fields ?? []) {
      expect(f.message).toMatch(/[а-я]/);
      expect(f.messageEn).toMatch(/[a-z]/);
    }
    const negative = await lipetsk.request<ErrorBody>('POST', '/api/projects', {
      kind: 'investment',
      title: 'Проект',
      regionCode: '42',
      jobs: -3,
      investmentRub: -1,
    });
    expect(negative.status).toBe(400);
    expect(fieldsOf(negative.body).sort()).toEqual(['investmentRub', 'jobs']);
    const wrongKind = await lipetsk.request<ErrorBody>('POST', '/api/projects', {
      kind: 'dream',
      title: 'Проект',
      regionCode: '42',
    });
    expect(wrongKind.status).toBe(400);
    expect(fieldsOf(wrongKind.body)).toEqual(['kind']);
    expect(await counts()).toEqual(before);
  });

  it('lets a regional editor change projects of their region only, and never move one out of it', async () => {
    expect(
      (
        await tambov.request('POST', '/api/projects', {
          kind: 'investment',
          title: 'Чужой проект',
          regionCode: '42',
        })
      ).status,
    ).toBe(403);
    const id = await project(lipetsk);
    expect(
      (await tambov.request('PATCH', `/api/projects/${id}`, { version: 1, jobs: 1 })).status,
    ).toBe(403);
    expect(
      (await lipetsk.request('PATCH', `/api/projects/${id}`, { version: 1, regionCode: '68' }))
        .status,
    ).toBe(403);
    expect(
      (await analyst.request('PATCH', `/api/projects/${id}`, { version: 1, jobs: 1 })).status,
    ).toBe(403);
    expect(
      (await anonymous.request('POST', '/api/projects', { kind: 'social', title: 'x' })).status,
    ).toBe(401);
    expect((await read(admin, id)).body.version).toBe(1);
  });

  it('soft-deletes a project out of every reader’s sight until an administrator restores it', async () => {
    const title = `Удаляемый проект ${uniq()}`;
    const id = await project(lipetsk, { title });
    expect((await lipetsk.request('DELETE', `/api/projects/${id}`)).status).toBe(400);
    expect((await lipetsk.request('DELETE', `/api/projects/${id}?version=1`)).status).toBe(200);
    expect((await read(anonymous, id)).status).toBe(404);
    expect((await read(admin, id)).status).toBe(404);
    const list = await admin.request<Page<ProjectListItem>>(
      'GET',
      `/api/projects?q=${encodeURIComponent(title)}`,
    );
    expect(list.body.items.map((p) => p.id)).not.toContain(id);
    expect((await lipetsk.request('POST', `/api/projects/${id}/restore`)).status).toBe(403);
    const restored = await admin.request<Created>('POST', `/api/projects/${id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.version).toBe(3);
    expect((await read(anonymous, id)).body.title).toBe(title);
  });

  it('keeps an unpublished project from the public reader while editors see it', async () => {
    const id = await project(lipetsk, { published: false });
    expect((await read(anonymous, id)).status).toBe(404);
    expect((await read(analyst, id)).status).toBe(200);
  });
});
