import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { signIn, type Client, type Role } from './sessions.ts';
import { programmeRoutes } from './programme-fixtures.ts';
import { supportRoutes } from './support-fixtures.ts';
import { normaliseAccess } from '../src/auth/auth.plugin.ts';
import { handWorkedMethodology } from '@promatlas/core/ratings/handWorkedExample.fixture.ts';
import { CreateDatasetSchema } from '@promatlas/core/api/cluster-analytics.schema.ts';
import { createDataset } from '../src/datasets/index.ts';
import type { Created, ErrorBody, RatingEditionList, RatingMethodologyList } from './api-types.ts';

/**
 * Authorisation matrix, generated from the server's route table: every
 * state-changing route × every role × a record of the editor's own region
 * (Липецкая, 42), of another (Тамбовская, 68) and a national one (no region,
 * like АКИТ РФ: the administrator's). A route the table has but this file
 * does not know fails the test, so no route ships without a rule.
 */
type Side = 'own' | 'other' | 'national';
interface Call {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}
interface Fixture {
  /** Builds a fresh target for one call (records are created by an administrator). */
  prepare(side: Side): Promise<Call>;
  /** The status a permitted call answers. */
  ok: number;
  /** The change touches no region at all (a new person, a source): any editor may make it. */
  regionless?: boolean;
}

const REGION: Record<Side, string | null> = { own: '42', other: '68', national: null };
let seq = 0;
const uniq = () => `${Date.now() % 1_000_000}-${++seq}`;

describe.each(databaseKinds())('authorisation matrix on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  const clients: Partial<Record<Role, Client>> = {};

  const create = async (url: string, body: unknown): Promise<number> => {
    const res = await admin.request<Created>('POST', url, body);
    if (res.status !== 201)
      throw new Error(`fixture ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  };
  const organisation = (side: Side) =>
    create('/api/organisations', {
      kind: 'enterprise',
      name: `«Матрица ${uniq()}»`,
      regionCode: REGION[side],
    });
  const site = (side: Side) =>
    create('/api/sites', {
      kind: 'industrial_park',
      name: `Парк ${uniq()}`,
      regionCode: REGION[side],
    });
  const cluster = (side: Side) =>
    create('/api/clusters', {
      kind: 'industrial',
      name: `Кластер ${uniq()}`,
      regionCode: REGION[side],
    });
  const person = async (side: Side) => {
    const id = await create('/api/people', { lastName: `Матрицын ${uniq()}` });
    await create(`/api/people/${id}/positions`, {
      title: 'Директор',
      organisationId: await organisation(side),
    });
    return id;
  };
  const deleted = async (path: string, make: (side: Side) => Promise<number>, side: Side) => {
    const id = await make(side);
    const res = await admin.request('DELETE', `${path}/${id}?version=1`);
    if (res.status !== 200) throw new Error(`fixture delete ${path}: ${res.status}`);
    return id;
  };

  const datasetBody = () => ({
    name: `Набор ${uniq()}`,
    measure: 'employment',
    file: {
      format: 'csv',
      content: 'region,industry,value\nЛипецкая область,24,10\n',
      mapping: {
        regionColumn: 'region',
        industryColumn: 'industry',
        valueColumn: 'value',
        year: 2022,
      },
    },
  });
  // A dataset to import into or delete: made by the service in this thread, since the
  // route's worker-thread parse is what POST /api/datasets itself is called for.
  const dataset = async (): Promise<number> =>
    (await createDataset(t.database.db, CreateDatasetSchema.parse(datasetBody()))).dataset.id;

  const defaultMethodologyId = async (): Promise<number> =>
    (
      await admin.request<RatingMethodologyList>('GET', '/api/ratings/methodologies')
    ).body.items.find((m) => m.code === 'sez_investment_attractiveness' && m.isDefault)!.id;
  const computedEditionId = async (): Promise<number> => {
    const { body } = await admin.request<RatingEditionList>('GET', '/api/ratings/editions');
    return [...body.ratings.flatMap((r) => r.editions), ...body.otherEditions].find(
      (e) => e.kind === 'computed',
    )!.id;
  };

  const analystAccount = async (): Promise<number> =>
    create('/api/users', {
      email: `s${uniq()}@example.org`,
      displayName: 'Тест',
      role: 'analyst',
      password: 'достаточно-длинный',
    });

  const programmes = programmeRoutes(
    create,
    async (url) => {
      const res = await admin.request('DELETE', url);
      if (res.status !== 200) throw new Error(`fixture delete ${url}: ${res.status}`);
    },
    async (url) => (await admin.request<{ version: number }>('GET', url)).body,
    analystAccount,
  );
  const support = supportRoutes(
    create,
    async <T>(url: string) => (await admin.request<T>('GET', url)).body,
    () => t.database.db,
  );
  const FIXTURES: Record<string, Fixture> = {
    ...Object.fromEntries(
      Object.entries(programmes).map(([key, route]): [string, Fixture] => [
        key,
        { ok: route.ok, prepare: (side) => route.call(REGION[side]) },
      ]),
    ),
    ...Object.fromEntries(
      Object.entries(support).map(([key, route]): [string, Fixture] => [
        key,
        { ok: route.ok, prepare: (side) => route.call(REGION[side]) },
      ]),
    ),
    'POST /api/auth/login': {
      ok: 401,
      prepare: async () => ({
        url: '/api/auth/login',
        body: { email: `nobody${uniq()}@example.org`, password: 'x' },
      }),
    },
    'POST /api/auth/logout': { ok: 200, prepare: async () => ({ url: '/api/auth/logout' }) },
    'POST /api/users': {
      ok: 201,
      prepare: async () => ({
        url: '/api/users',
        body: {
          email: `u${uniq()}@example.org`,
          displayName: 'Тест',
          role: 'analyst',
          password: 'достаточно-длинный',
        },
      }),
    },
    'PATCH /api/users/:id': {
      ok: 200,
      prepare: async () => ({
        url: `/api/users/${(await admin.request<Created>('POST', '/api/users', { email: `p${uniq()}@example.org`, displayName: 'Тест', role: 'analyst', password: 'достаточно-длинный' })).body.id}`,
        body: { displayName: 'Изменён' },
      }),
    },
    'POST /api/users/:id/unlock': {
      ok: 200,
      prepare: async () => ({ url: `/api/users/${await analystAccount()}/unlock` }),
    },
    'DELETE /api/users/:id/sessions': {
      ok: 200,
      prepare: async () => ({ url: `/api/users/${await analystAccount()}/sessions` }),
    },
    'DELETE /api/users/:id/sessions/:sessionId': {
      // No such session: a permitted caller learns so, the others are refused first.
      ok: 404,
      prepare: async () => ({ url: `/api/users/${await analystAccount()}/sessions/2147483647` }),
    },
    'POST /api/auth/password': {
      // A wrong current password: the call is allowed and answered field by field.
      ok: 400,
      prepare: async () => ({
        url: '/api/auth/password',
        body: { currentPassword: 'не тот пароль', newPassword: 'новый пароль для матрицы' },
      }),
    },
    'POST /api/auth/totp/enrol': {
      ok: 200,
      prepare: async () => ({ url: '/api/auth/totp/enrol' }),
    },
    'POST /api/auth/totp/confirm': {
      // The secret was just issued by the enrol route; a made-up code is refused.
      ok: 400,
      prepare: async () => ({ url: '/api/auth/totp/confirm', body: { code: '000000' } }),
    },
    'POST /api/auth/totp/disable': {
      ok: 400,
      // A wrong password counts against the account's sign-in limit; the matrix checks access,
      // so each call starts without earlier failures (three sides per role would reach it).
      prepare: async () => {
        await t.app.deps.db.deleteFrom('login_throttle').execute();
        return { url: '/api/auth/totp/disable', body: { password: 'не тот пароль' } };
      },
    },
    'DELETE /api/auth/sessions/:id': {
      ok: 404,
      prepare: async () => ({ url: '/api/auth/sessions/2147483647' }),
    },
    'POST /api/auth/sessions/revoke-others': {
      ok: 200,
      prepare: async () => ({ url: '/api/auth/sessions/revoke-others' }),
    },
    'POST /api/organisations': {
      ok: 201,
      prepare: async (side) => ({
        url: '/api/organisations',
        body: { kind: 'enterprise', name: `«Новая ${uniq()}»`, regionCode: REGION[side] },
      }),
    },
    'PATCH /api/organisations/:id': {
      ok: 200,
      prepare: async (side) => ({
        url: `/api/organisations/${await organisation(side)}`,
        body: { version: 1, town: 'Липецк' },
      }),
    },
    'DELETE /api/organisations/:id': {
      ok: 200,
      prepare: async (side) => ({
        url: `/api/organisations/${await organisation(side)}?version=1`,
      }),
    },
    'POST /api/organisations/:id/restore': {
      ok: 200,
      prepare: async (side) => ({
        url: `/api/organisations/${await deleted('/api/organisations', organisation, side)}/restore`,
      }),
    },
    'POST /api/people': {
      ok: 201,
      regionless: true,
      prepare: async () => ({ url: '/api/people', body: { lastName: `Новиков ${uniq()}` } }),
    },
    'PATCH /api/people/:id': {
      ok: 200,
      prepare: async (side) => ({
        url: `/api/people/${await person(side)}`,
        body: { version: 1, firstName: 'Пётр' },
      }),
    },
    'DELETE /api/people/:id': {
      ok: 200,
      prepare: async (side) => ({ url: `/api/people/${await person(side)}?version=1` }),
    },
    'POST /api/people/:id/restore': {
      ok: 200,
      prepare: async (side) => ({
        url: `/api/people/${await deleted('/api/people', person, side)}/restore`,
      }),
    },
    'POST /api/people/:id/positions': {
      ok: 201,
      prepare: async (side) => ({
        url: `/api/people/${await create('/api/people', { lastName: `Б ${uniq()}` })}/positions`,
        body: { title: 'Инженер', organisationId: await organisation(side) },
      }),
    },
    'DELETE /api/positions/:id': {
      ok: 200,
      prepare: async (side) => {
        const p = await create('/api/people', { lastName: `В ${uniq()}` });
        return {
          url: `/api/positions/${await create(`/api/people/${p}/positions`, side === 'national' ? { title: 'Инженер', organisationId: await organisation(side) } : { title: 'Инженер', regionCode: REGION[side] })}?version=1`,
        };
      },
    },
    'POST /api/sites': {
      ok: 201,
      prepare: async (side) => ({
        url: '/api/sites',
        body: { kind: 'technopark', name: `Технопарк ${uniq()}`, regionCode: REGION[side] },
      }),
    },
    'PATCH /api/sites/:id': {
      ok: 200,
      prepare: async (side) => ({
        url: `/api/sites/${await site(side)}`,
        body: { version: 1, town: 'Елец' },
      }),
    },
    'DELETE /api/sites/:id': {
      ok: 200,
      prepare: async (side) => ({ url: `/api/sites/${await site(side)}?version=1` }),
    },
    'POST /api/sites/:id/restore': {
      ok: 200,
      prepare: async (side) => ({
        url: `/api/sites/${await deleted('/api/sites', site, side)}/restore`,
      }),
    },
    'POST /api/clusters': {
      ok: 201,
      prepare: async (side) => ({
        url: '/api/clusters',
        body: { kind: 'industrial', name: `Кластер ${uniq()}`, regionCode: REGION[side] },
      }),
    },
    'PATCH /api/clusters/:id': {
      ok: 200,
      prepare: async (side) => ({
        url: `/api/clusters/${await cluster(side)}`,
        body: { version: 1, specialisation: 'Станки' },
      }),
    },
    'DELETE /api/clusters/:id': {
      ok: 200,
      prepare: async (side) => ({ url: `/api/clusters/${await cluster(side)}?version=1` }),
    },
    'POST /api/clusters/:id/restore': {
      ok: 200,
      prepare: async (side) => ({
        url: `/api/clusters/${await deleted('/api/clusters', cluster, side)}/restore`,
      }),
    },
    'POST /api/clusters/:id/members': {
      ok: 201,
      prepare: async (side) => ({
        url: `/api/clusters/${await cluster(side)}/members`,
        body: { organisationId: await organisation(side) },
      }),
    },
    'DELETE /api/cluster-members/:id': {
      ok: 200,
      prepare: async (side) => ({
        url: `/api/cluster-members/${await create(`/api/clusters/${await cluster(side)}/members`, { organisationId: await organisation(side) })}?version=1`,
      }),
    },
    'POST /api/cooperation-contracts': {
      ok: 201,
      prepare: async (side) => ({
        url: '/api/cooperation-contracts',
        body: {
          buyerId: await organisation(side),
          supplierId: await organisation(side),
          contractType: 'supply',
          signedOn: '2024-03-01',
        },
      }),
    },
    'PATCH /api/cooperation-contracts/:id': {
      ok: 200,
      prepare: async (side) => ({
        url: `/api/cooperation-contracts/${await create('/api/cooperation-contracts', { buyerId: await organisation(side), supplierId: await organisation(side), contractType: 'supply', signedOn: '2024-03-01' })}`,
        body: { version: 1, product: 'Подшипники' },
      }),
    },
    'DELETE /api/cooperation-contracts/:id': {
      ok: 200,
      prepare: async (side) => ({
        url: `/api/cooperation-contracts/${await create('/api/cooperation-contracts', { buyerId: await organisation(side), supplierId: await organisation(side), contractType: 'supply', signedOn: '2024-03-01' })}?version=1`,
      }),
    },
    'POST /api/cooperation-purchases': {
      ok: 201,
      prepare: async (side) => ({
        url: '/api/cooperation-purchases',
        body: {
          organisationId: await organisation(side),
          year: 2024,
          totalRub: 100,
          fromParticipantsRub: 20,
        },
      }),
    },
    'PATCH /api/cooperation-purchases/:id': {
      ok: 200,
      prepare: async (side) => ({
        url: `/api/cooperation-purchases/${await create('/api/cooperation-purchases', { organisationId: await organisation(side), year: 2024, totalRub: 100, fromParticipantsRub: 20 })}`,
        body: { version: 1, fromParticipantsRub: 30 },
      }),
    },
    'PATCH /api/clusters/:id/registry-status': {
      ok: 200,
      prepare: async (side) => ({
        url: `/api/clusters/${await cluster(side)}/registry-status`,
        body: { version: 1, status: 'candidate' },
      }),
    },
    'DELETE /api/cooperation-purchases/:id': {
      ok: 200,
      prepare: async (side) => ({
        url: `/api/cooperation-purchases/${await create('/api/cooperation-purchases', { organisationId: await organisation(side), year: 2024, totalRub: 100, fromParticipantsRub: 20 })}?version=1`,
      }),
    },
    'POST /api/statements': {
      ok: 201,
      prepare: async (side) => ({
        url: '/api/statements',
        body: {
          subject: { type: 'site', id: String(await site(side)) },
          property: 'residents',
          valueNumber: 7,
        },
      }),
    },
    'DELETE /api/statements/:id': {
      ok: 200,
      prepare: async (side) => ({
        url: `/api/statements/${await create('/api/statements', { subject: side === 'national' ? { type: 'site', id: String(await site(side)) } : { type: 'region', id: REGION[side] }, property: 'note', valueText: 'x' })}?version=1`,
      }),
    },
    'POST /api/sources': {
      ok: 201,
      regionless: true,
      prepare: async () => ({
        url: '/api/sources',
        body: { kind: 'news', title: `Новость ${uniq()}`, text: 'Текст новости.' },
      }),
    },
    'PATCH /api/cluster-categories/:code': {
      ok: 200,
      prepare: async () => ({
        url: '/api/cluster-categories/fishing',
        body: { description: `Правка ${uniq()}` },
      }),
    },
    'POST /api/datasets': {
      ok: 201,
      prepare: async () => ({ url: '/api/datasets', body: datasetBody() }),
    },
    'POST /api/datasets/:id/import': {
      ok: 200,
      prepare: async () => ({
        url: `/api/datasets/${await dataset()}/import`,
        body: datasetBody().file,
      }),
    },
    'DELETE /api/datasets/:id': {
      ok: 204,
      prepare: async () => ({ url: `/api/datasets/${await dataset()}` }),
    },
    'POST /api/ratings/methodologies': {
      ok: 201,
      prepare: async () => ({
        url: '/api/ratings/methodologies',
        body: { ...handWorkedMethodology, id: 'matrix', version: uniq() },
      }),
    },
    'POST /api/ratings/editions': {
      ok: 201,
      prepare: async () => ({
        url: '/api/ratings/editions',
        body: {
          methodologyId: await defaultMethodologyId(),
          year: 2024,
          dataset: 'illustrative',
          label: `Матрица ${uniq()}`,
        },
      }),
    },
    'POST /api/ratings/editions/:id/what-if': {
      ok: 200,
      prepare: async () => ({
        url: `/api/ratings/editions/${await computedEditionId()}/what-if`,
        body: { groupWeights: { performance: 1 } },
      }),
    },
    'POST /api/uploads': {
      ok: 201,
      prepare: async () => ({
        url: '/api/uploads',
        body: Buffer.from('регион,отрасль,значение\nЛипецкая область,24,1\n'),
        headers: { 'content-type': 'application/octet-stream' },
      }),
    },
    'POST /api/intake/documents': {
      ok: 201,
      prepare: async () => ({
        url: '/api/intake/documents',
        body: { text: `ООО «Матрица ${uniq()}» открыло цех.` },
      }),
    },
    'POST /api/intake/documents/:id/decisions': {
      ok: 200,
      prepare: async (side) => {
        const where = { own: ' в Липецкой области', other: ' в Тамбовской области', national: '' };
        const res = await admin.request<{ document: { id: number } }>(
          'POST',
          '/api/intake/documents',
          { text: `ООО «Матрица ${uniq()}»${where[side]} открыло цех.` },
        );
        if (res.status !== 201) throw new Error(`intake fixture: ${res.status}`);
        return {
          url: `/api/intake/documents/${res.body.document.id}/decisions`,
          body: { action: 'accept', kind: 'organisation' },
        };
      },
    },
    // The import routes check the access rule before the upload or job they name: an
    // unknown upload (400) or job (404) is what a permitted caller gets here; the
    // imports themselves, and the regions of their rows, are tested in registry-import.api.test.ts.
    'POST /api/registry-imports/files': {
      ok: 201,
      regionless: true,
      prepare: async () => ({
        url: '/api/registry-imports/files',
        body: Buffer.from('Наименование;Регион\nООО «Матрица»;Липецкая область\n'),
        headers: { 'content-type': 'application/octet-stream' },
      }),
    },
    'POST /api/registry-imports/preview': {
      ok: 400,
      regionless: true,
      prepare: async () => ({
        url: '/api/registry-imports/preview',
        body: { uploadId: '0'.repeat(32) },
      }),
    },
    'POST /api/registry-imports': {
      ok: 400,
      regionless: true,
      prepare: async () => ({ url: '/api/registry-imports', body: { uploadId: '0'.repeat(32) } }),
    },
    'POST /api/registry-imports/:id/cancel': {
      ok: 404,
      regionless: true,
      prepare: async () => ({ url: '/api/registry-imports/2147483647/cancel' }),
    },
    'POST /api/registry-imports/:id/retry': {
      ok: 404,
      regionless: true,
      prepare: async () => ({ url: '/api/registry-imports/2147483647/retry', body: {} }),
    },
    'PATCH /api/registry-imports/:id/quarantine/:rowId': {
      ok: 404,
      regionless: true,
      prepare: async () => ({
        url: '/api/registry-imports/2147483647/quarantine/1',
        body: { overwrite: true },
      }),
    },
    'POST /api/ratings/indicator-values/import': {
      ok: 200,
      prepare: async () => ({
        url: '/api/ratings/indicator-values/import',
        body: {
          contentBase64: Buffer.from(
            'object,indicator,value,year\nОЭЗ «Липецк»,jobs_created,1,2024\n',
          ).toString('base64'),
          dataset: 'matrix',
        },
      }),
    },
  };

  /** What each role may do under each rule: true → the fixture's ok status; a number → that status. */
  function expected(scope: string, role: Role, side: Side, fixture: Fixture): number {
    if (scope === 'public') return fixture.ok;
    if (role === 'public') return 401;
    if (scope === 'signed_in') return fixture.ok;
    if (role === 'administrator') return fixture.ok;
    if (scope === 'administrator') return 403;
    if (scope === 'analytics') return role === 'analyst' ? fixture.ok : 403;
    // registry
    if (role === 'analyst') return 403;
    return side === 'own' || fixture.regionless ? fixture.ok : 403;
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    // The administrator who builds fixtures is not the one under test, so signing out in the matrix cannot end it.
    admin = await signIn(t.app, 'administrator');
    clients.administrator = await signIn(t.app, 'administrator');
    clients.regional_editor = await signIn(t.app, 'regional_editor', ['42']);
    clients.analyst = await signIn(t.app, 'analyst');
    clients.public = await signIn(t.app, 'public');
  }, 180_000);
  afterAll(async () => t?.close());

  it('knows every state-changing route of the server, and every such route declares an access rule', () => {
    const routes = t.app.routeAccess.map((r) => `${r.method} ${r.url}`);
    const unknown = routes.filter((r) => !(r in FIXTURES));
    expect(unknown, 'routes without a matrix fixture').toEqual([]);
    const undeclared = t.app.routeAccess
      .filter((r) => !r.access)
      .map((r) => `${r.method} ${r.url}`);
    expect(undeclared, 'routes without an access rule').toEqual([]);
  });

  it('answers every route × role × region as the rules say', async () => {
    const failures: string[] = [];
    for (const route of t.app.routeAccess) {
      const key = `${route.method} ${route.url}`;
      const fixture = FIXTURES[key];
      const rule = normaliseAccess(route.access as never);
      if (!fixture || !rule) continue;
      if (fixture.regionless && !(rule.scope === 'registry' && rule.anyEditorWhenNoRegion))
        failures.push(`${key}: fixture says regionless but the rule does not allow it`);
      for (const role of ['administrator', 'regional_editor', 'analyst', 'public'] as Role[]) {
        for (const side of ['own', 'other', 'national'] as Side[]) {
          const call = await fixture.prepare(side);
          const res = await clients[role]!.request<ErrorBody>(
            route.method,
            call.url,
            call.body,
            call.headers,
          );
          const want = expected(rule.scope, role, side, fixture);
          if (res.status !== want)
            failures.push(
              `${key} as ${role} (${side} region): ${res.status}, expected ${want} ${JSON.stringify(res.body).slice(0, 200)}`,
            );
          if (res.status === 403) expect(res.body.error.message).toMatch(/[а-я]/i);
          // Signing out ends the session under test: sign that role in again.
          if (key === 'POST /api/auth/logout' && role !== 'public') {
            clients[role] = await signIn(t.app, role, role === 'regional_editor' ? ['42'] : []);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // Every route × 4 roles × 3 regions, each with fresh fixtures: minutes on a loaded machine.
  }, 900_000);
});
