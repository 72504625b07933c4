import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementWork, EventWork } from '@promatlas/core/api/programmes.schema.ts';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { signIn, type Client } from './sessions.ts';
import type { Created, ErrorBody } from './api-types.ts';

let seq = 0;
const uniq = () => `${Date.now() % 1_000_000}-w${++seq}`;

/**
 * The work pages of an event and an agreement carry what their editors in the
 * browser send back: participant rows (to remove one) with the position a
 * person held then, parties with their signatories' positions, the planned
 * number of participants and the published flag.
 */
describe.each(databaseKinds())('event and agreement work pages for editors on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let lipetsk: Client;

  const created = async (client: Client, url: string, body: unknown): Promise<number> => {
    const res = await client.request<Created | ErrorBody>('POST', url, body);
    if (res.status !== 201) throw new Error(`${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return (res.body as Created).id;
  };
  const organisation = (regionCode: string | null) =>
    created(admin, '/api/organisations', {
      kind: 'enterprise',
      name: `«Сессия ${uniq()}»`,
      regionCode,
    });
  const personWithPosition = async (organisationId: number, title: string) => {
    const person = await created(admin, '/api/people', {
      lastName: `Участников ${uniq()}`,
      firstName: 'Иван',
    });
    const position = await created(admin, `/api/people/${person}/positions`, {
      title,
      organisationId,
    });
    return { person, position };
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await signIn(t.app, 'administrator');
    lipetsk = await signIn(t.app, 'regional_editor', ['42']);
  }, 180_000);
  afterAll(async () => t?.close());

  it('lists each participant with its row id, version and the position the person held then', async () => {
    const org = await organisation('42');
    const { person, position } = await personWithPosition(org, 'Министр промышленности');
    const event = await created(lipetsk, '/api/events', {
      kind: 'strategic_session',
      title: `Стратегическая сессия ${uniq()}`,
      regionCode: '42',
      plannedParticipants: 30,
      participants: [
        { organisationId: org, role: 'organiser' },
        { personId: person, positionId: position, organisationId: org, role: 'speaker' },
      ],
    });
    const work = await lipetsk.request<EventWork>('GET', `/api/events/${event}/work`);
    expect(work.status).toBe(200);
    expect(work.body.plannedParticipants).toBe(30);
    expect(work.body.published).toBe(true);
    expect(work.body.participants.map((p) => p.role)).toEqual(['organiser', 'speaker']);
    const speaker = work.body.participants[1]!;
    expect(speaker.person?.id).toBe(String(person));
    expect(speaker.person?.title).toMatch(/^Участников .* Иван$/);
    expect(speaker.position).toEqual({ id: position, title: 'Министр промышленности' });
    expect(speaker.organisation?.id).toBe(String(org));
    expect(work.body.participants[0]!.position).toBeNull();

    const removed = await lipetsk.request<Created>(
      'DELETE',
      `/api/event-participants/${speaker.id}?version=${speaker.version}`,
    );
    expect(removed.status).toBe(200);
    const after = await lipetsk.request<EventWork>('GET', `/api/events/${event}/work`);
    expect(after.body.participants.map((p) => p.role)).toEqual(['organiser']);
  });

  it('lists each agreement party with its region, signatory and the signatory’s position', async () => {
    const org = await organisation('42');
    const { person, position } = await personWithPosition(org, 'Генеральный директор');
    const agreement = await created(lipetsk, '/api/agreements', {
      title: `Соглашение ${uniq()}`,
      published: false,
      parties: [
        { regionCode: '42' },
        { organisationId: org, signatoryPersonId: person, signatoryPositionId: position },
      ],
      directions: ['Кадры'],
    });
    const work = await lipetsk.request<AgreementWork>('GET', `/api/agreements/${agreement}/work`);
    expect(work.status).toBe(200);
    expect(work.body.published).toBe(false);
    expect(work.body.parties).toHaveLength(2);
    expect(work.body.parties[0]!.region?.code).toBe('42');
    expect(work.body.parties[0]!.region?.name).toMatch(/Липецк/);
    expect(work.body.parties[0]!.signatory).toBeNull();
    const second = work.body.parties[1]!;
    expect(second.organisation?.id).toBe(String(org));
    expect(second.signatory?.id).toBe(String(person));
    expect(second.signatoryPosition).toEqual({ id: position, title: 'Генеральный директор' });
  });

  it('restores a deleted direction into the agreement’s list and its directions text', async () => {
    const agreement = await created(lipetsk, '/api/agreements', {
      title: `Соглашение ${uniq()}`,
      parties: [{ regionCode: '42' }],
      directions: ['Кадры', 'Экспорт'],
    });
    const work = await lipetsk.request<AgreementWork>('GET', `/api/agreements/${agreement}/work`);
    const exportDirection = work.body.directions[1]!;
    const removed = await lipetsk.request<Created>(
      'DELETE',
      `/api/agreement-directions/${exportDirection.id}?version=${exportDirection.version}`,
    );
    expect(removed.status).toBe(200);
    const titles = async () =>
      (
        await lipetsk.request<AgreementWork>('GET', `/api/agreements/${agreement}/work`)
      ).body.directions.map((d) => d.title);
    expect(await titles()).toEqual(['Кадры']);

    const restored = await lipetsk.request<Created>(
      'POST',
      `/api/agreement-directions/${exportDirection.id}/restore`,
    );
    expect(restored.status).toBe(200);
    expect(restored.body.version).toBe(removed.body.version + 1);
    expect(await titles()).toEqual(['Кадры', 'Экспорт']);
    const profile = await lipetsk.request<{ directions: string[] }>(
      'GET',
      `/api/agreements/${agreement}`,
    );
    expect(profile.body.directions).toEqual(['Кадры', 'Экспорт']);

    const again = await lipetsk.request<ErrorBody>(
      'POST',
      `/api/agreement-directions/${exportDirection.id}/restore`,
    );
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('not_deleted');
  });
});
