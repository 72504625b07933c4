import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { createUser } from '../src/users/user.service.ts';
import { programmeRoutes } from './programme-fixtures.ts';
import { supportRoutes } from './support-fixtures.ts';
import { handWorkedMethodology } from '@promatlas/core/ratings/handWorkedExample.fixture.ts';
import {
  insertJob,
  insertQuarantine,
  updateJob,
} from '../src/registry-import/registry-import.repository.ts';
import { settleRegistryImports } from '../src/registry-import/index.ts';

/**
 * Audit coverage, generated from the server's route table: every
 * state-changing route is called once, successfully, by a permitted user, and
 * must leave exactly the journal entries its fixture names — one record change
 * (audit_entry) written by that user, or one security event, or both where an
 * account change is also a security matter. A route with neither is in the
 * short list of exceptions below, each with its reason, and is checked to
 * leave nothing. A route the table has but this file does not know fails.
 */
interface Trail {
  /** New audit_entry rows (record changes) the call leaves. */
  changes: 0 | 1;
  /** New security_event rows the call leaves. */
  security: 0 | 1;
  /** The entity type of the record change. */
  entityType?: string;
  /** Why a state-changing route leaves no entry (the exceptions). */
  because?: string;
}
interface Call {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The caller, when it is not the administrator under test. */
  as?: Session;
}
interface Fixture {
  ok: number;
  trail: Trail;
  prepare(): Promise<Call>;
}
interface Account {
  id: number;
  email: string;
  password: string;
}
interface Response<T> {
  status: number;
  body: T;
}
interface Session {
  account: Account;
  /** T is the shape the test expects of a successful answer; the test checks the status. */
  request<T = unknown>(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response<T>>;
}
interface Editions {
  ratings: Array<{ editions: Array<{ id: number; kind: string }> }>;
  otherEditions: Array<{ id: number; kind: string }>;
}

function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const PASSWORD = 'журнал-видит-каждое-изменение';
let seq = 0;
const uniq = () => `${Date.now() % 1_000_000}-${++seq}`;

const record = (entityType: string): Trail => ({ changes: 1, security: 0, entityType });
const security: Trail = { changes: 0, security: 1 };
const exception = (because: string): Trail => ({ changes: 0, security: 0, because });

describe.each(databaseKinds())('audit coverage on %s', (kind) => {
  let t: TestApp;
  let admin: Session;

  const account = async (role: 'administrator' | 'analyst' = 'analyst'): Promise<Account> => {
    const email = `audit.${uniq()}@example.org`;
    const user = await createUser(t.app.deps.db, {
      email,
      displayName: `Журнал ${seq}`,
      role,
      regions: [],
      password: PASSWORD,
    });
    return { id: user.id, email, password: PASSWORD };
  };
  const session = async (a: Account): Promise<Session> => {
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: a.email, password: a.password },
    });
    if (login.statusCode !== 200) throw new Error(`login failed: ${login.body}`);
    const cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = login.json().csrfToken as string;
    return {
      account: a,
      async request<T>(method: string, url: string, body?: unknown, headers = {}) {
        const res = await t.app.inject({
          method: method as 'GET',
          url,
          ...(body !== undefined ? { payload: body as object } : {}),
          headers: { cookie, 'x-csrf-token': csrf, ...headers },
        });
        return { status: res.statusCode, body: parseBody(res.body) as T };
      },
    };
  };
  const freshSession = async () => session(await account());

  const create = async (url: string, body: unknown): Promise<number> => {
    const res = await admin.request<{ id: number }>('POST', url, body);
    if (res.status !== 201)
      throw new Error(`fixture ${url}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.id;
  };
  const organisation = () =>
    create('/api/organisations', {
      kind: 'enterprise',
      name: `«Журнал ${uniq()}»`,
      regionCode: '42',
    });
  const site = () =>
    create('/api/sites', { kind: 'industrial_park', name: `Парк ${uniq()}`, regionCode: '42' });
  const cluster = () =>
    create('/api/clusters', { kind: 'industrial', name: `Кластер ${uniq()}`, regionCode: '42' });
  const person = () => create('/api/people', { lastName: `Журналов ${uniq()}` });
  const deleted = async (path: string, make: () => Promise<number>) => {
    const id = await make();
    const res = await admin.request('DELETE', `${path}/${id}?version=1`);
    if (res.status !== 200) throw new Error(`fixture delete ${path}: ${res.status}`);
    return id;
  };
  const datasetBody = () => ({
    name: `Набор ${uniq()}`,
    measure: 'employment',
    file: {
      format: 'csv',
      fileName: 'занятость.csv',
      content: 'region,industry,value\nЛипецкая область,24,10\n',
      mapping: {
        regionColumn: 'region',
        industryColumn: 'industry',
        valueColumn: 'value',
        year: 2022,
      },
    },
  });
  const dataset = async (): Promise<number> => {
    const res = await admin.request<{ dataset: { id: number } }>(
      'POST',
      '/api/datasets',
      datasetBody(),
    );
    if (res.status !== 201) throw new Error(`fixture dataset: ${res.status}`);
    return res.body.dataset.id;
  };
  const defaultMethodologyId = async (): Promise<number> =>
    (
      await admin.request<{ items: Array<{ id: number; code: string; isDefault: boolean }> }>(
        'GET',
        '/api/ratings/methodologies',
      )
    ).body.items.find((m) => m.code === 'sez_investment_attractiveness' && m.isDefault)!.id;
  const computedEditionId = async (): Promise<number> => {
    const { body } = await admin.request<Editions>('GET', '/api/ratings/editions');
    const editions = [...body.ratings.flatMap((r) => r.editions), ...body.otherEditions];
    return editions.find((e) => e.kind === 'computed')!.id;
  };
  const sessionIdOf = async (s: Session, current: boolean): Promise<number> => {
    const list = await s.request<{ items: Array<{ id: number; current: boolean }> }>(
      'GET',
      '/api/auth/sessions',
    );
    return list.body.items.find((i) => i.current === current)!.id;
  };
  /** A signed-in user with a confirmed second factor. */
  const withTotp = async (): Promise<Session> => {
    const s = await freshSession();
    const enrol = await s.request<{ secret: string }>('POST', '/api/auth/totp/enrol');
    const totp = new TOTP({ secret: Secret.fromBase32(enrol.body.secret), digits: 6, period: 30 });
    const confirmed = await s.request('POST', '/api/auth/totp/confirm', { code: totp.generate() });
    if (confirmed.status !== 200) throw new Error(`fixture totp: ${confirmed.status}`);
    return s;
  };

  const programmes = programmeRoutes(
    create,
    async (url) => {
      const res = await admin.request('DELETE', url);
      if (res.status !== 200) throw new Error(`fixture delete ${url}: ${res.status}`);
    },
    async (url) => (await admin.request<{ version: number }>('GET', url)).body,
    async () => (await account()).id,
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
        { ok: route.ok, trail: record(route.entityType), prepare: () => route.call('42') },
      ]),
    ),
    ...Object.fromEntries(
      Object.entries(support).map(([key, route]): [string, Fixture] => [
        key,
        {
          ok: route.ok,
          trail:
            route.entityType === null
              ? exception('a subsidy calculation is a question: it stores nothing')
              : record(route.entityType),
          prepare: () => route.call('42'),
        },
      ]),
    ),
    'POST /api/auth/login': {
      ok: 200,
      trail: security,
      prepare: async () => {
        const a = await account();
        return { url: '/api/auth/login', body: { email: a.email, password: a.password } };
      },
    },
    'POST /api/auth/logout': {
      ok: 200,
      trail: security,
      prepare: async () => ({ url: '/api/auth/logout', as: await freshSession() }),
    },
    'POST /api/auth/password': {
      ok: 200,
      trail: security,
      prepare: async () => ({
        url: '/api/auth/password',
        body: { currentPassword: PASSWORD, newPassword: 'новый пароль для журнала' },
        as: await freshSession(),
      }),
    },
    'POST /api/auth/totp/enrol': {
      ok: 200,
      trail: exception(
        'stores a pending secret that does nothing until it is confirmed; the confirmation is the security event',
      ),
      prepare: async () => ({ url: '/api/auth/totp/enrol', as: await freshSession() }),
    },
    'POST /api/auth/totp/confirm': {
      ok: 200,
      trail: security,
      prepare: async () => {
        const s = await freshSession();
        const enrol = await s.request<{ secret: string }>('POST', '/api/auth/totp/enrol');
        const totp = new TOTP({
          secret: Secret.fromBase32(enrol.body.secret),
          digits: 6,
          period: 30,
        });
        return { url: '/api/auth/totp/confirm', body: { code: totp.generate() }, as: s };
      },
    },
    'POST /api/auth/totp/disable': {
      ok: 200,
      trail: security,
      prepare: async () => ({
        url: '/api/auth/totp/disable',
        body: { password: PASSWORD },
        as: await withTotp(),
      }),
    },
    'DELETE /api/auth/sessions/:id': {
      ok: 200,
      trail: security,
      prepare: async () => {
        const a = await account();
        const other = await session(a);
        const s = await session(a);
        return { url: `/api/auth/sessions/${await sessionIdOf(other, true)}`, as: s };
      },
    },
    'POST /api/auth/sessions/revoke-others': {
      ok: 200,
      trail: security,
      prepare: async () => ({ url: '/api/auth/sessions/revoke-others', as: await freshSession() }),
    },
    'POST /api/users': {
      ok: 201,
      // The account is a record (before/after) and its creation a security event.
      trail: { changes: 1, security: 1, entityType: 'user' },
      prepare: async () => ({
        url: '/api/users',
        body: {
          email: `u${uniq()}@example.org`,
          displayName: 'Новый',
          role: 'analyst',
          password: 'достаточно-длинный',
        },
      }),
    },
    'PATCH /api/users/:id': {
      ok: 200,
      // A new display name is no security matter, but it is an account change.
      trail: record('user'),
      prepare: async () => ({
        url: `/api/users/${(await account()).id}`,
        body: { displayName: 'Переименован' },
      }),
    },
    'POST /api/users/:id/unlock': {
      ok: 200,
      trail: security,
      prepare: async () => ({ url: `/api/users/${(await account()).id}/unlock` }),
    },
    'DELETE /api/users/:id/sessions': {
      ok: 200,
      trail: security,
      prepare: async () => ({ url: `/api/users/${(await account()).id}/sessions` }),
    },
    'DELETE /api/users/:id/sessions/:sessionId': {
      ok: 200,
      trail: security,
      prepare: async () => {
        const s = await freshSession();
        return {
          url: `/api/users/${s.account.id}/sessions/${await sessionIdOf(s, true)}`,
        };
      },
    },
    'POST /api/organisations': {
      ok: 201,
      trail: record('organisation'),
      prepare: async () => ({
        url: '/api/organisations',
        body: { kind: 'enterprise', name: `«Новая ${uniq()}»`, regionCode: '42' },
      }),
    },
    'PATCH /api/organisations/:id': {
      ok: 200,
      trail: record('organisation'),
      prepare: async () => ({
        url: `/api/organisations/${await organisation()}`,
        body: { version: 1, town: 'Липецк' },
      }),
    },
    'DELETE /api/organisations/:id': {
      ok: 200,
      trail: record('organisation'),
      prepare: async () => ({ url: `/api/organisations/${await organisation()}?version=1` }),
    },
    'POST /api/organisations/:id/restore': {
      ok: 200,
      trail: record('organisation'),
      prepare: async () => ({
        url: `/api/organisations/${await deleted('/api/organisations', organisation)}/restore`,
      }),
    },
    'POST /api/people': {
      ok: 201,
      trail: record('person'),
      prepare: async () => ({ url: '/api/people', body: { lastName: `Новиков ${uniq()}` } }),
    },
    'PATCH /api/people/:id': {
      ok: 200,
      trail: record('person'),
      prepare: async () => ({
        url: `/api/people/${await person()}`,
        body: { version: 1, firstName: 'Пётр' },
      }),
    },
    'DELETE /api/people/:id': {
      ok: 200,
      trail: record('person'),
      prepare: async () => ({ url: `/api/people/${await person()}?version=1` }),
    },
    'POST /api/people/:id/restore': {
      ok: 200,
      trail: record('person'),
      prepare: async () => ({
        url: `/api/people/${await deleted('/api/people', person)}/restore`,
      }),
    },
    'POST /api/people/:id/positions': {
      ok: 201,
      trail: record('position'),
      prepare: async () => ({
        url: `/api/people/${await person()}/positions`,
        body: { title: 'Инженер', organisationId: await organisation() },
      }),
    },
    'DELETE /api/positions/:id': {
      ok: 200,
      trail: record('position'),
      prepare: async () => ({
        url: `/api/positions/${await create(`/api/people/${await person()}/positions`, { title: 'Инженер', regionCode: '42' })}?version=1`,
      }),
    },
    'POST /api/sites': {
      ok: 201,
      trail: record('site'),
      prepare: async () => ({
        url: '/api/sites',
        body: { kind: 'technopark', name: `Технопарк ${uniq()}`, regionCode: '42' },
      }),
    },
    'PATCH /api/sites/:id': {
      ok: 200,
      trail: record('site'),
      prepare: async () => ({
        url: `/api/sites/${await site()}`,
        body: { version: 1, town: 'Елец' },
      }),
    },
    'DELETE /api/sites/:id': {
      ok: 200,
      trail: record('site'),
      prepare: async () => ({ url: `/api/sites/${await site()}?version=1` }),
    },
    'POST /api/sites/:id/restore': {
      ok: 200,
      trail: record('site'),
      prepare: async () => ({ url: `/api/sites/${await deleted('/api/sites', site)}/restore` }),
    },
    'POST /api/clusters': {
      ok: 201,
      trail: record('cluster'),
      prepare: async () => ({
        url: '/api/clusters',
        body: { kind: 'industrial', name: `Кластер ${uniq()}`, regionCode: '42' },
      }),
    },
    'PATCH /api/clusters/:id': {
      ok: 200,
      trail: record('cluster'),
      prepare: async () => ({
        url: `/api/clusters/${await cluster()}`,
        body: { version: 1, specialisation: 'Станки' },
      }),
    },
    'DELETE /api/clusters/:id': {
      ok: 200,
      trail: record('cluster'),
      prepare: async () => ({ url: `/api/clusters/${await cluster()}?version=1` }),
    },
    'POST /api/clusters/:id/restore': {
      ok: 200,
      trail: record('cluster'),
      prepare: async () => ({
        url: `/api/clusters/${await deleted('/api/clusters', cluster)}/restore`,
      }),
    },
    'POST /api/clusters/:id/members': {
      ok: 201,
      trail: record('cluster_member'),
      prepare: async () => ({
        url: `/api/clusters/${await cluster()}/members`,
        body: { organisationId: await organisation() },
      }),
    },
    'DELETE /api/cluster-members/:id': {
      ok: 200,
      trail: record('cluster_member'),
      prepare: async () => ({
        url: `/api/cluster-members/${await create(`/api/clusters/${await cluster()}/members`, { organisationId: await organisation() })}?version=1`,
      }),
    },
    'POST /api/cooperation-contracts': {
      ok: 201,
      trail: record('cooperation_contract'),
      prepare: async () => ({
        url: '/api/cooperation-contracts',
        body: {
          buyerId: await organisation(),
          supplierId: await organisation(),
          contractType: 'supply',
          signedOn: '2024-03-01',
        },
      }),
    },
    'PATCH /api/cooperation-contracts/:id': {
      ok: 200,
      trail: record('cooperation_contract'),
      prepare: async () => ({
        url: `/api/cooperation-contracts/${await create('/api/cooperation-contracts', { buyerId: await organisation(), supplierId: await organisation(), contractType: 'supply', signedOn: '2024-03-01' })}`,
        body: { version: 1, product: 'Подшипники' },
      }),
    },
    'DELETE /api/cooperation-contracts/:id': {
      ok: 200,
      trail: record('cooperation_contract'),
      prepare: async () => ({
        url: `/api/cooperation-contracts/${await create('/api/cooperation-contracts', { buyerId: await organisation(), supplierId: await organisation(), contractType: 'supply', signedOn: '2024-03-01' })}?version=1`,
      }),
    },
    'POST /api/cooperation-purchases': {
      ok: 201,
      trail: record('cooperation_purchase'),
      prepare: async () => ({
        url: '/api/cooperation-purchases',
        body: {
          organisationId: await organisation(),
          year: 2024,
          totalRub: 100,
          fromParticipantsRub: 20,
        },
      }),
    },
    'PATCH /api/cooperation-purchases/:id': {
      ok: 200,
      trail: record('cooperation_purchase'),
      prepare: async () => ({
        url: `/api/cooperation-purchases/${await create('/api/cooperation-purchases', { organisationId: await organisation(), year: 2024, totalRub: 100, fromParticipantsRub: 20 })}`,
        body: { version: 1, fromParticipantsRub: 30 },
      }),
    },
    'PATCH /api/clusters/:id/registry-status': {
      ok: 200,
      trail: record('cluster'),
      prepare: async () => ({
        url: `/api/clusters/${await cluster()}/registry-status`,
        body: { version: 1, status: 'candidate' },
      }),
    },
    'DELETE /api/cooperation-purchases/:id': {
      ok: 200,
      trail: record('cooperation_purchase'),
      prepare: async () => ({
        url: `/api/cooperation-purchases/${await create('/api/cooperation-purchases', { organisationId: await organisation(), year: 2024, totalRub: 100, fromParticipantsRub: 20 })}?version=1`,
      }),
    },
    'POST /api/statements': {
      ok: 201,
      trail: record('statement'),
      prepare: async () => ({
        url: '/api/statements',
        body: {
          subject: { type: 'site', id: String(await site()) },
          property: 'residents',
          valueNumber: 7,
        },
      }),
    },
    'DELETE /api/statements/:id': {
      ok: 200,
      trail: record('statement'),
      prepare: async () => ({
        url: `/api/statements/${await create('/api/statements', { subject: { type: 'region', id: '42' }, property: 'note', valueText: 'x' })}?version=1`,
      }),
    },
    'POST /api/intake/documents': {
      ok: 201,
      trail: record('intake_document'),
      prepare: async () => ({
        url: '/api/intake/documents',
        body: { text: `ООО «Журнал ${uniq()}» в Липецкой области открыло цех.` },
      }),
    },
    'POST /api/intake/documents/:id/decisions': {
      ok: 200,
      trail: record('intake_decision'),
      prepare: async () => {
        const res = await admin.request<{ document: { id: number } }>(
          'POST',
          '/api/intake/documents',
          { text: `ООО «Журнал ${uniq()}» открыло цех.` },
        );
        // Rejecting writes the decision alone; accepting is journalled per record (intake.api.test.ts).
        return {
          url: `/api/intake/documents/${res.body.document.id}/decisions`,
          body: { action: 'reject', kind: 'organisation' },
        };
      },
    },
    'POST /api/sources': {
      ok: 201,
      trail: record('source_document'),
      prepare: async () => ({
        url: '/api/sources',
        body: { kind: 'news', title: `Новость ${uniq()}`, text: 'Текст новости.' },
      }),
    },
    'PATCH /api/cluster-categories/:code': {
      ok: 200,
      trail: record('cluster_category'),
      prepare: async () => ({
        url: '/api/cluster-categories/fishing',
        body: { description: `Правка ${uniq()}` },
      }),
    },
    'POST /api/datasets': {
      ok: 201,
      trail: record('dataset'),
      prepare: async () => ({ url: '/api/datasets', body: datasetBody() }),
    },
    'POST /api/datasets/:id/import': {
      ok: 200,
      trail: record('dataset'),
      prepare: async () => ({
        url: `/api/datasets/${await dataset()}/import`,
        body: { ...datasetBody().file, content: 'region,industry,value\nЛипецкая область,25,3\n' },
      }),
    },
    'DELETE /api/datasets/:id': {
      ok: 204,
      trail: record('dataset'),
      prepare: async () => ({ url: `/api/datasets/${await dataset()}` }),
    },
    'POST /api/ratings/methodologies': {
      ok: 201,
      trail: record('rating_methodology'),
      prepare: async () => ({
        url: '/api/ratings/methodologies',
        body: { ...handWorkedMethodology, id: 'audit', version: uniq() },
      }),
    },
    'POST /api/ratings/editions': {
      ok: 201,
      trail: record('rating_edition'),
      prepare: async () => ({
        url: '/api/ratings/editions',
        body: {
          methodologyId: await defaultMethodologyId(),
          year: 2024,
          dataset: 'illustrative',
          label: `Журнал ${uniq()}`,
        },
      }),
    },
    'POST /api/ratings/editions/:id/what-if': {
      ok: 200,
      trail: exception('a computation carried by POST for its weights; nothing is stored'),
      prepare: async () => ({
        url: `/api/ratings/editions/${await computedEditionId()}/what-if`,
        body: { groupWeights: { performance: 1 } },
      }),
    },
    'POST /api/uploads': {
      ok: 201,
      trail: exception(
        'a temporary file, kept an hour and used once; the import that uses it is journalled with its SHA-256',
      ),
      prepare: async () => ({
        url: '/api/uploads',
        body: Buffer.from('регион,отрасль,значение\nЛипецкая область,24,1\n'),
        headers: { 'content-type': 'application/octet-stream' },
      }),
    },
    'POST /api/registry-imports/files': {
      ok: 201,
      trail: exception(
        'a temporary file, as POST /api/uploads; the import that uses it is journalled',
      ),
      prepare: async () => ({
        url: '/api/registry-imports/files',
        body: Buffer.from('Наименование;Регион\nООО «Журнал»;Липецкая область\n'),
        headers: { 'content-type': 'application/octet-stream' },
      }),
    },
    'POST /api/registry-imports/preview': {
      ok: 200,
      trail: exception('a read carried by POST for its mapping; nothing is stored'),
      prepare: async () => ({
        url: '/api/registry-imports/preview',
        body: { uploadId: await registryUpload() },
      }),
    },
    'POST /api/registry-imports': {
      ok: 202,
      // A dry run: the job is the one change (a real run adds one entry per record it writes).
      trail: record('registry_import'),
      prepare: async () => ({
        url: '/api/registry-imports',
        body: { uploadId: await registryUpload(), dryRun: true },
      }),
    },
    'POST /api/registry-imports/:id/cancel': {
      ok: 200,
      trail: record('registry_import'),
      prepare: async () => ({ url: `/api/registry-imports/${await registryJob('queued')}/cancel` }),
    },
    'PATCH /api/registry-imports/:id/quarantine/:rowId': {
      ok: 200,
      trail: record('registry_import_quarantine'),
      prepare: async () => {
        const job = await registryJob('done');
        const row = await quarantineRow(job);
        return {
          url: `/api/registry-imports/${job}/quarantine/${row}`,
          body: { values: { region: 'Липецкая область' } },
        };
      },
    },
    'POST /api/registry-imports/:id/retry': {
      ok: 202,
      trail: record('registry_import'),
      prepare: async () => {
        const job = await registryJob('done');
        await quarantineRow(job);
        return { url: `/api/registry-imports/${job}/retry`, body: { dryRun: true } };
      },
    },
    'POST /api/ratings/indicator-values/import': {
      ok: 200,
      trail: record('indicator_values'),
      prepare: async () => ({
        url: '/api/ratings/indicator-values/import',
        body: {
          fileName: 'показатели.csv',
          contentBase64: Buffer.from(
            'object,indicator,value,year\nОЭЗ «Липецк»,jobs_created,1,2024\n',
          ).toString('base64'),
          dataset: `audit-${uniq()}`,
        },
      }),
    },
  };

  const registryUpload = async (): Promise<string> => {
    const res = await admin.request<{ uploadId: string }>(
      'POST',
      '/api/registry-imports/files',
      Buffer.from('Наименование;Регион\nООО «Журнал»;Липецкая область\n'),
      { 'content-type': 'application/octet-stream' },
    );
    if (res.status !== 201) throw new Error(`fixture upload: ${res.status}`);
    return res.body.uploadId;
  };
  /** A job row of the administrator under test, written directly: its state is the fixture. */
  const registryJob = async (status: 'queued' | 'done'): Promise<number> => {
    const job = await insertJob(t.app.deps.db, {
      entity: 'organisations',
      dryRun: false,
      fileName: 'журнал.csv',
      fileBytes: 10,
      fileSha256: null,
      userId: admin.account.id,
      retryOf: null,
      columns: { Наименование: 'name', Регион: 'region' },
      options: {},
    });
    if (status === 'done')
      await updateJob(t.app.deps.db, job.id, { status: 'done', finished: true });
    return job.id;
  };
  const quarantineRow = async (jobId: number): Promise<number> => {
    await insertQuarantine(t.app.deps.db, [
      {
        jobId,
        line: 2,
        raw: { Наименование: 'ООО «Журнал»', Регион: 'Марс' },
        values: { name: 'ООО «Журнал»', region: 'Марс' },
        problems: [],
        reasonCode: 'invalid_value',
        recordId: null,
      },
    ]);
    const row = await t.app.deps.db
      .selectFrom('registry_import_quarantine')
      .select('id')
      .where('job_id', '=', jobId)
      .executeTakeFirstOrThrow();
    return row.id;
  };

  const lastId = async (table: 'audit_entry' | 'security_event') =>
    Number(
      (
        await t.app.deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.max('id').as('id'))
          .executeTakeFirstOrThrow()
      ).id ?? 0,
    );
  const changesAfter = (id: number) =>
    t.app.deps.db
      .selectFrom('audit_entry')
      .select(['id', 'user_id', 'entity_type', 'entity_id', 'action', 'before', 'after'])
      .where('id', '>', id)
      .execute();
  const eventsAfter = (id: number) =>
    t.app.deps.db
      .selectFrom('security_event')
      .select(['id', 'action', 'actor_id'])
      .where('id', '>', id)
      .execute();

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await session(await account('administrator'));
  }, 180_000);
  afterAll(async () => {
    await settleRegistryImports();
    await t?.close();
  });

  it('knows every state-changing route of the server', () => {
    const routes = t.app.routeAccess.map((r) => `${r.method} ${r.url}`);
    expect(
      routes.filter((r) => !(r in FIXTURES)),
      'routes without an audit fixture',
    ).toEqual([]);
    expect(
      Object.keys(FIXTURES).filter((k) => !routes.includes(k)),
      'fixtures for routes the server no longer has',
    ).toEqual([]);
  });

  it('journals every successful state change once, naming who made it, or lists the route as an exception with its reason', async () => {
    const failures: string[] = [];
    for (const route of t.app.routeAccess) {
      const key = `${route.method} ${route.url}`;
      const fixture = FIXTURES[key];
      if (!fixture) continue;
      const call = await fixture.prepare();
      const caller = call.as ?? admin;
      const [changesFrom, eventsFrom] = [
        await lastId('audit_entry'),
        await lastId('security_event'),
      ];
      const res =
        key === 'POST /api/auth/login'
          ? await t.app
              .inject({ method: 'POST', url: call.url, payload: call.body as object })
              .then((r) => ({ status: r.statusCode, body: parseBody(r.body) }))
          : await caller.request(route.method, call.url, call.body, call.headers);
      if (res.status !== fixture.ok) {
        failures.push(
          `${key}: ${res.status}, expected ${fixture.ok} ${JSON.stringify(res.body).slice(0, 200)}`,
        );
        continue;
      }
      const changes = await changesAfter(changesFrom);
      const events = await eventsAfter(eventsFrom);
      const { trail } = fixture;
      if (changes.length !== trail.changes)
        failures.push(`${key}: ${changes.length} audit entries, expected ${trail.changes}`);
      if (events.length !== trail.security)
        failures.push(
          `${key}: ${events.length} security events (${events.map((e) => e.action).join(', ')}), expected ${trail.security}`,
        );
      const change = changes[0];
      if (trail.changes === 1 && change) {
        if (change.entity_type !== trail.entityType)
          failures.push(`${key}: entity type ${change.entity_type}, expected ${trail.entityType}`);
        if (change.user_id !== caller.account.id)
          failures.push(
            `${key}: entry names user ${change.user_id}, not the caller ${caller.account.id}`,
          );
        if (change.before === null && change.after === null)
          failures.push(`${key}: entry has neither a before nor an after`);
        // The administrators' journal shows it.
        const journal = await admin.request<{ items: Array<{ id: number }> }>(
          'GET',
          `/api/audit?trail=changes&entityType=${change.entity_type}&entityId=${encodeURIComponent(change.entity_id)}`,
        );
        if (!journal.body.items.some((i) => i.id === change.id))
          failures.push(`${key}: entry ${change.id} is not in GET /api/audit`);
      }
      if (key !== 'POST /api/auth/login' && events[0] && events[0].actor_id !== caller.account.id)
        failures.push(`${key}: security event names ${events[0].actor_id}, not the caller`);
      if (trail.changes + trail.security === 0 && !trail.because)
        failures.push(`${key}: leaves no entry and gives no reason`);
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('keeps a bulk import compact: the file name, size, SHA-256 and counts, not the values', async () => {
    const from = await lastId('audit_entry');
    const body = datasetBody();
    const res = await admin.request('POST', '/api/datasets', body);
    expect(res.status).toBe(201);
    const [entry] = await changesAfter(from);
    const after = (typeof entry!.after === 'string' ? JSON.parse(entry!.after) : entry!.after) as {
      name: string;
      import: { file: { fileName: string; bytes: number; sha256: string }; values: number };
    };
    expect(after.name).toBe(body.name);
    expect(after.import.file.fileName).toBe('занятость.csv');
    expect(after.import.file.bytes).toBe(Buffer.byteLength(body.file.content));
    expect(after.import.file.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(after.import.values).toBe(1);
    expect(JSON.stringify(after)).not.toContain('Липецкая область');
  });

  it('keeps no password hash or second-factor secret in an account’s entries', async () => {
    const from = await lastId('audit_entry');
    const a = await account();
    const res = await admin.request('PATCH', `/api/users/${a.id}`, {
      password: 'другой-достаточно-длинный',
    });
    expect(res.status).toBe(200);
    const entries = await changesAfter(from);
    expect(entries.map((e) => e.action)).toEqual(['create', 'update']);
    const text = JSON.stringify(entries);
    expect(text).not.toMatch(/password_hash|totp_secret|\$argon2|\$scrypt/);
    expect(text).toContain('password_reset');
  });
});
