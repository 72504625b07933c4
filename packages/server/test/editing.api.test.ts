import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { signIn, type Client } from './sessions.ts';
import type {
  Cluster,
  ClusterListItem,
  ConflictBody,
  Created,
  ErrorBody,
  History,
  Organisation,
  OrganisationList,
  Page,
  Person,
  PersonListItem,
  RegionMapValues,
  SearchResponse,
  Site,
  SiteListItem,
  SourceListItem,
} from './api-types.ts';

// Real, published identifiers (ПАО Сбербанк, ООО «Яндекс») so the checksums are real.
const SBER = { inn: '7707083893', ogrn: '1027700132195' };
const YANDEX = { inn: '7736207543', ogrn: '1027700229193' };

describe.each(databaseKinds())('editing the registry on %s', (kind) => {
  let t: TestApp;
  let editor: Client;
  let otherEditor: Client;
  let admin: Client;
  let reader: Client;

  beforeAll(async () => {
    t = await createTestApp(kind, { okved: true });
    editor = await signIn(t.app, 'regional_editor', ['42']);
    otherEditor = await signIn(t.app, 'regional_editor', ['42']);
    admin = await signIn(t.app, 'administrator');
    reader = await signIn(t.app, 'public');
  });
  afterAll(async () => t?.close());

  const auditCount = async () =>
    Number(
      (
        await t.app.deps.db
          .selectFrom('audit_entry')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('creates an organisation with ИНН, ОГРН, legal form, ОКВЭД2 codes and region, visible in its profile', async () => {
    const res = await editor.request<Created>('POST', '/api/organisations', {
      kind: 'enterprise',
      name: '«Тестовый завод»',
      legalForm: 'ПАО',
      ...SBER,
      kpp: '773601001',
      regionCode: '42',
      town: 'Липецк',
      okved: [
        { code: '28.30', isMain: true },
        { code: '25.11', isMain: false },
      ],
    });
    expect(res.status).toBe(201);
    const profile = await editor.request<Organisation>('GET', `/api/organisations/${res.body.id}`);
    expect(profile.body).toMatchObject({
      displayName: 'ПАО «Тестовый завод»',
      inn: SBER.inn,
      version: 1,
      region: { code: '42' },
    });
    expect(profile.body.okved.map((o) => o.code)).toEqual(['28.30', '25.11']);
  });

  it('explains a wrong ИНН checksum, an ОГРНИП for an ООО and an unknown ОКВЭД2 code, field by field, in Russian', async () => {
    const bad = await editor.request<ErrorBody>('POST', '/api/organisations', {
      kind: 'enterprise',
      name: 'X',
      legalForm: 'ООО',
      inn: '7707083894',
      ogrn: '304500116000157',
      regionCode: '42',
    });
    expect(bad.status).toBe(400);
    const fields = Object.fromEntries(bad.body.error.fields!.map((f) => [f.field, f.message]));
    expect(fields['inn']).toMatch(/контрольного числа/);
    expect(fields['ogrn']).toMatch(/13-значный ОГРН/);
    const unknownOkved = await editor.request<ErrorBody>('POST', '/api/organisations', {
      kind: 'enterprise',
      name: 'Y',
      regionCode: '42',
      okved: [{ code: '99.99.99', isMain: true }],
    });
    expect(unknownOkved.status).toBe(400);
    expect(unknownOkved.body.error.fields![0]!.field).toMatch(/^okved\.0\.code$/);
  });

  it('refuses a second organisation with the same ИНН, linking to the existing one', async () => {
    const first = await editor.request<Created>('POST', '/api/organisations', {
      kind: 'enterprise',
      name: '«Первая»',
      ...YANDEX,
      regionCode: '42',
    });
    expect(first.status).toBe(201);
    const second = await editor.request<ErrorBody>('POST', '/api/organisations', {
      kind: 'enterprise',
      name: '«Вторая»',
      inn: YANDEX.inn,
      regionCode: '42',
    });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({
      code: 'duplicate',
      field: 'inn',
      existing: { type: 'organisation', id: String(first.body.id) },
    });
  });

  it('offers organisations of the region with similar names as possible duplicates', async () => {
    const res = await editor.request<{ items: Array<{ title: string }> }>(
      'GET',
      `/api/organisations/similar?name=${encodeURIComponent('Гидравлика')}&region=42`,
    );
    expect(res.body.items[0]!.title).toBe('ОАО «Гидравлик»');
  });

  it('names a nested record by its id and version when deleting a stale version of it', async () => {
    const person = await editor.request<Created>('POST', '/api/people', {
      lastName: 'Конфликтов',
      firstName: 'Пётр',
    });
    const position = await editor.request<Created>(
      'POST',
      `/api/people/${person.body.id}/positions`,
      { title: 'директор', regionCode: '42' },
    );
    expect(position.status).toBe(201);
    const stale = await editor.request<ConflictBody>(
      'DELETE',
      `/api/positions/${position.body.id}?version=${position.body.version + 1}`,
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.current).toEqual({
      id: position.body.id,
      version: position.body.version,
    });
  });

  it('lets only one of two concurrent updates of the same version win; the other gets 409 with the current record', async () => {
    const created = await editor.request<Created>('POST', '/api/organisations', {
      kind: 'enterprise',
      name: '«Конкурент»',
      regionCode: '42',
    });
    const id = created.body.id;
    const before = await auditCount();
    const [a, b] = await Promise.all([
      editor.request<ConflictBody>('PATCH', `/api/organisations/${id}`, {
        version: 1,
        town: 'Елец',
      }),
      otherEditor.request<ConflictBody>('PATCH', `/api/organisations/${id}`, {
        version: 1,
        town: 'Грязи',
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    const winnerTown = a.status === 200 ? 'Елец' : 'Грязи';
    expect(loser.body.error.code).toBe('conflict');
    expect(loser.body.error.currentVersion).toBe(2);
    const profile = await editor.request('GET', `/api/organisations/${id}`);
    expect(profile.body).toMatchObject({ town: winnerTown, version: 2 });
    // The conflict carries the record as its profile presents it: the response type, not a table row.
    expect(loser.body.error.current).toEqual(profile.body);
    expect(loser.body.error.current).not.toHaveProperty('region_code');
    expect(await auditCount()).toBe(before + 1);
  });

  it('writes exactly one audit entry per mutation, with before and after, shown in the history', async () => {
    const created = await editor.request<Created>('POST', '/api/organisations', {
      kind: 'enterprise',
      name: '«Журнал»',
      regionCode: '42',
    });
    const id = created.body.id;
    const n0 = await auditCount();
    await editor.request('PATCH', `/api/organisations/${id}`, { version: 1, town: 'Лебедянь' });
    expect(await auditCount()).toBe(n0 + 1);
    await editor.request('DELETE', `/api/organisations/${id}?version=2`);
    expect(await auditCount()).toBe(n0 + 2);
    await admin.request('POST', `/api/organisations/${id}/restore`);
    expect(await auditCount()).toBe(n0 + 3);
    const history = await editor.request<History>('GET', `/api/history/organisation/${id}`);
    expect(history.body.items.map((e) => e.action)).toEqual([
      'restore',
      'delete',
      'update',
      'create',
    ]);
    const update = history.body.items[2];
    expect(update!.changes).toEqual([{ field: 'town', before: null, after: 'Лебедянь' }]);
    expect(update!.user!.displayName).toMatch(/regional_editor/);
  });

  it('soft-deletes: the record disappears from lists and search but stays in the database, and an administrator restores it', async () => {
    const created = await editor.request<Created>('POST', '/api/organisations', {
      kind: 'enterprise',
      name: '«Удаляемое предприятие»',
      regionCode: '42',
    });
    const id = created.body.id;
    expect((await editor.request('DELETE', `/api/organisations/${id}?version=1`)).status).toBe(200);
    expect((await editor.request('GET', `/api/organisations/${id}`)).status).toBe(404);
    expect(
      (
        await editor.request<SearchResponse>(
          'GET',
          `/api/search?q=${encodeURIComponent('Удаляемое')}`,
        )
      ).body.total,
    ).toBe(0);
    const row = await t.app.deps.db
      .selectFrom('organisation')
      .select(['deleted_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();
    expect((await editor.request('POST', `/api/organisations/${id}/restore`)).status).toBe(403);
    expect((await admin.request('POST', `/api/organisations/${id}/restore`)).status).toBe(200);
    expect((await editor.request('GET', `/api/organisations/${id}`)).status).toBe(200);
  });

  it('refuses every change to Тамбовская область for the Lipetsk editor, with a clear message', async () => {
    const tambov = (await editor.request<OrganisationList>('GET', '/api/organisations?region=68'))
      .body.items[0];
    const res = await editor.request<ErrorBody>('PATCH', `/api/organisations/${tambov!.id}`, {
      version: 1,
      town: 'Тамбов',
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toBe(
      'Нет прав на изменение записей региона: Тамбовская область. Вам доступны: Липецкая область',
    );
    const create = await editor.request('POST', '/api/organisations', {
      kind: 'enterprise',
      name: '«Тамбовское»',
      regionCode: '68',
    });
    expect(create.status).toBe(403);
    const move = await editor.request<Created>('POST', '/api/organisations', {
      kind: 'enterprise',
      name: '«Переезд»',
      regionCode: '42',
    });
    expect(
      (
        await editor.request('PATCH', `/api/organisations/${move.body.id}`, {
          version: 1,
          regionCode: '68',
        })
      ).status,
    ).toBe(403);
  });

  it('records an SEZ resident count as of a new date; the old value stays with its own date', async () => {
    const sez = (
      await editor.request<Page<SiteListItem>>(
        'GET',
        `/api/sites?q=${encodeURIComponent('Липецк')}`,
      )
    ).body.items[0];
    const source = await editor.request<Created>('POST', '/api/sources', {
      kind: 'news',
      title: 'Итоги года ОЭЗ «Липецк»',
      text: 'На 1 октября 2024 года в ОЭЗ «Липецк» работают 65 резидентов.',
    });
    expect(source.status).toBe(201);
    const fact = await editor.request('POST', '/api/statements', {
      subject: { type: 'site', id: String(sez!.id) },
      property: 'residents',
      valueNumber: 65,
      unit: 'резидентов',
      asOf: { from: '2024-10-01', to: '2024-10-01', precision: 'day' },
      sourceId: source.body.id,
      sourceQuote: 'работают 65  резидентов',
    });
    expect(fact.status).toBe(201);
    const profile = await editor.request<Site>('GET', `/api/sites/${sez!.id}`);
    const residents = profile.body.facts.filter((f) => f.property === 'residents');
    expect(residents.map((f) => [f.valueNumber, f.asOf!.from])).toEqual([
      [65, '2024-10-01'],
      [60, '2024-03-14'],
    ]);
    expect(residents[0]!.source!.quote).toBe('работают 65 резидентов');
    const history = await editor.request<History>('GET', `/api/history/site/${sez!.id}`);
    expect(history.body.items[0]!.action).toBe('create');
    expect(history.body.items[0]!.source!.title).toBe('Итоги года ОЭЗ «Липецк»');
  });

  it('refuses a fact quoting a sentence that is not in its source, and a future as-of date', async () => {
    const sez = (
      await editor.request<Page<SiteListItem>>(
        'GET',
        `/api/sites?q=${encodeURIComponent('Липецк')}`,
      )
    ).body.items[0];
    const sources = (await editor.request<Page<SourceListItem>>('GET', '/api/sources')).body.items;
    const res = await editor.request<ErrorBody>('POST', '/api/statements', {
      subject: { type: 'site', id: String(sez!.id) },
      property: 'residents',
      valueNumber: 70,
      sourceId: sources[0]!.id,
      sourceQuote: 'этого предложения нет',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields![0]!.field).toBe('sourceQuote');
    const future = await editor.request<ErrorBody>('POST', '/api/statements', {
      subject: { type: 'site', id: String(sez!.id) },
      property: 'residents',
      valueNumber: 70,
      asOf: { from: '2999-01-01', to: '2999-01-01', precision: 'day' },
    });
    expect(future.status).toBe(400);
    expect(future.body.error.fields![0]!.field).toBe('asOf');
  });

  it('adds an organisation to a cluster and records a person’s new position, both in the history', async () => {
    const cluster = (
      await editor.request<Page<ClusterListItem>>(
        'GET',
        `/api/clusters?q=${encodeURIComponent('ЛИПЕЦКМАШ')}`,
      )
    ).body.items[0];
    const org = (
      await editor.request<OrganisationList>(
        'GET',
        `/api/organisations?q=${encodeURIComponent('Возрождение')}`,
      )
    ).body.items[0];
    const member = await editor.request('POST', `/api/clusters/${cluster!.id}/members`, {
      organisationId: org!.id,
      role: 'anchor',
    });
    expect(member.status).toBe(201);
    const profile = await editor.request<Cluster>('GET', `/api/clusters/${cluster!.id}`);
    expect(profile.body.members.map((m) => [m.role, m.target.title])).toEqual([
      ['anchor', 'ЗАО «Липецкий станкозавод «Возрождение»'],
    ]);
    const history = await editor.request<History>('GET', `/api/history/cluster/${cluster!.id}`);
    expect(history.body.items[0]!.entity.type).toBe('cluster_member');

    const person = (
      await editor.request<Page<PersonListItem>>(
        'GET',
        `/api/people?q=${encodeURIComponent('Щедров')}`,
      )
    ).body.items[0];
    const uipp = (
      await editor.request<OrganisationList>(
        'GET',
        `/api/organisations?q=${encodeURIComponent('инновационной и промышленной политики')}`,
      )
    ).body.items[0];
    const pos = await editor.request('POST', `/api/people/${person!.id}/positions`, {
      title: 'Заместитель главы администрации',
      organisationId: uipp!.id,
      asOf: { from: '2020-01-01', to: '2020-12-31', precision: 'year' },
    });
    expect(pos.status).toBe(201);
    const p = await editor.request<Person>('GET', `/api/people/${person!.id}`);
    expect(p.body.positions.map((x) => x.title)).toEqual([
      'Заместитель главы администрации',
      'Начальник управления инновационной и промышленной политики Липецкой области',
    ]);
  });

  it('shows unpublished records to signed-in users only', async () => {
    const created = await editor.request<Created>('POST', '/api/organisations', {
      kind: 'enterprise',
      name: '«Черновик Липецк»',
      regionCode: '42',
      published: false,
    });
    const id = created.body.id;
    expect((await editor.request('GET', `/api/organisations/${id}`)).status).toBe(200);
    expect((await reader.request('GET', `/api/organisations/${id}`)).status).toBe(404);
    expect(
      (
        await reader.request<SearchResponse>(
          'GET',
          `/api/search?q=${encodeURIComponent('Черновик')}`,
        )
      ).body.total,
    ).toBe(0);
    expect(
      (
        await editor.request<SearchResponse>(
          'GET',
          `/api/search?q=${encodeURIComponent('Черновик')}`,
        )
      ).body.total,
    ).toBe(1);
    const readerList = (
      await reader.request<OrganisationList>('GET', '/api/organisations?region=42&pageSize=200')
    ).body.items.map((i) => i.id);
    expect(readerList).not.toContain(id);
    const readerMap = (
      await reader.request<RegionMapValues>('GET', '/api/map/regions?measure=organisations')
    ).body.items.find((r) => r.code === '42')!.value;
    const editorMap = (
      await editor.request<RegionMapValues>('GET', '/api/map/regions?measure=organisations')
    ).body.items.find((r) => r.code === '42')!.value;
    expect(editorMap - readerMap).toBe(1);
  });

  it('stores hostile names as text and refuses oversized or malformed bodies without harm', async () => {
    const names = [
      '<script>alert(1)</script>',
      "' OR 1=1 --",
      'Robert"); DROP TABLE organisation;--',
    ];
    for (const name of names) {
      const res = await editor.request<Created>('POST', '/api/organisations', {
        kind: 'enterprise',
        name,
        regionCode: '42',
      });
      expect(res.status).toBe(201);
      expect(
        (await editor.request<Organisation>('GET', `/api/organisations/${res.body.id}`)).body.name,
      ).toBe(name);
    }
    const huge = await editor.request('POST', '/api/organisations', {
      kind: 'enterprise',
      name: 'x'.repeat(10 * 1024 * 1024),
      regionCode: '42',
    });
    expect(huge.status).toBe(413);
    const nested = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const deep = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      payload: nested,
      headers: { 'content-type': 'application/json' },
    });
    expect(deep.statusCode).toBeGreaterThanOrEqual(400);
    expect(deep.statusCode).toBeLessThan(500);
    const invalidUtf8 = await t.app.inject({
      method: 'POST',
      url: '/api/organisations',
      payload: Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
      headers: { 'content-type': 'application/json' },
    });
    expect(invalidUtf8.statusCode).toBeGreaterThanOrEqual(400);
    expect(invalidUtf8.statusCode).toBeLessThan(500);
    expect((await reader.request('GET', '/api/health')).status).toBe(200);
    const count = await t.app.deps.db
      .selectFrom('organisation')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeGreaterThan(30);
  });
});
