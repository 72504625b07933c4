import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateToLatest } from '../src/db/migrate.ts';
import { publishedViewsComplete, unclassifiedTables } from '../src/db/published-views.ts';
import { createUser } from '../src/users/user.service.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { databaseKinds } from './databases.ts';
import { signIn, type Client } from './sessions.ts';
import {
  buildVisibilityFixtures,
  DELETED,
  HIDDEN,
  VISIBLE,
  type EntityKind,
  type VisibilityFixtures,
} from './visibility-fixtures.ts';

/**
 * Visibility by construction, generated from the route table: every GET
 * route and every read-only POST is called as the public reader (and as a
 * signed-in editor) with the ids of draft, deleted and visible records of
 * every entity type, and no response — JSON, CSV or the inside of an XLSX —
 * may carry a hidden record's marker or reference. A route the server has but
 * READS below does not list fails the test, so no read path ships unchecked.
 */
interface Call {
  url: string;
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
}
type Calls = (f: VisibilityFixtures) => Call[];

const COLLECTIONS: Record<EntityKind, string> = {
  organisation: 'organisations',
  person: 'people',
  site: 'sites',
  cluster: 'clusters',
  event: 'events',
  agreement: 'agreements',
  action_plan: 'action-plans',
  project: 'projects',
};
const ids = (f: VisibilityFixtures, kind: EntityKind) => Object.values(f.records[kind]);
const allEditions = (f: VisibilityFixtures) => [...f.editions.visible, ...f.editions.hidden];
const get = (...urls: string[]): Call[] => urls.map((url) => ({ url }));
const QUERIES = [HIDDEN, 'СКРЫТАЯ', 'МЕТКА', `${HIDDEN}-draft-org`, `${DELETED}-org`, VISIBLE];
const enc = encodeURIComponent;

const list =
  (collection: string): Calls =>
  () =>
    get(
      `/api/${collection}`,
      `/api/${collection}?region=42&pageSize=100`,
      ...QUERIES.map((q) => `/api/${collection}?q=${enc(q)}`),
    );
const page =
  (kind: EntityKind): Calls =>
  (f) =>
    get(...ids(f, kind).map((id) => `/api/${COLLECTIONS[kind]}/${id}`));
const dataset = (f: VisibilityFixtures) => `dataset=${f.datasetId}&year=2022`;

/** A list's export in every format it has, unfiltered and with the hidden markers as text filters. */
const exported =
  (collection: string, formats: readonly string[] = ['csv', 'xlsx']): Calls =>
  () =>
    formats.flatMap((format) =>
      get(
        `/api/${collection}/export?format=${format}`,
        `/api/${collection}/export?format=${format}&region=42`,
        ...QUERIES.map((q) => `/api/${collection}/export?format=${format}&q=${enc(q)}`),
      ),
    );

/** Every read route of the server and the calls that exercise it. */
const READS: Record<string, Calls> = {
  'GET /api/docs': () => get('/api/docs'),
  'GET /api/docs/static/index.html': () => get('/api/docs/static/index.html'),
  'GET /api/docs/static/swagger-initializer.js': () =>
    get('/api/docs/static/swagger-initializer.js'),
  'GET /api/docs/json': () => get('/api/docs/json'),
  'GET /api/docs/yaml': () => get('/api/docs/yaml'),
  'GET /api/docs/static/*': () => get('/api/docs/static/swagger-ui.css'),
  'GET /api/health': () => get('/api/health'),
  'GET /api/vocabularies': () => get('/api/vocabularies'),
  'GET /api/auth/me': () => get('/api/auth/me'),
  'GET /api/users': () => get('/api/users'),
  'GET /api/users/:id/sessions': () => get('/api/users/1/sessions'),
  'GET /api/auth/sessions': () => get('/api/auth/sessions'),
  'GET /api/audit': () => get('/api/audit', '/api/audit?entityType=organisation'),
  'GET /api/audit/export.csv': () => get('/api/audit/export.csv'),
  'GET /api/organisations/similar': () =>
    get(
      ...QUERIES.flatMap((q) => [
        `/api/organisations/similar?name=${enc(q)}`,
        `/api/organisations/similar?name=${enc(q)}&region=42`,
      ]),
    ),
  'GET /api/history/:type/:id': (f) =>
    get(
      '/api/history/region/42',
      ...(['organisation', 'person', 'site', 'cluster', 'event', 'project'] as const).flatMap(
        (kind) => ids(f, kind).map((id) => `/api/history/${kind}/${id}`),
      ),
    ),
  'GET /api/search': () =>
    get(
      ...QUERIES.flatMap((q) => [
        `/api/search?q=${enc(q)}`,
        `/api/search?q=${enc(q)}&limit=100`,
        `/api/search?q=${enc(`${q} Липецкая`)}`,
      ]),
      `/api/search?q=${enc('Липецкая область')}&limit=100`,
      `/api/search?q=${enc('СКРЫТАЯ-МЕТКА-draft-rg')}`,
    ),
  'GET /api/organisations': list('organisations'),
  'GET /api/organisations/:id': page('organisation'),
  'GET /api/people': list('people'),
  'GET /api/people/:id': page('person'),
  'GET /api/sites': list('sites'),
  'GET /api/sites/:id': page('site'),
  'GET /api/clusters': list('clusters'),
  'GET /api/clusters/:id': page('cluster'),
  'GET /api/clusters/:id/cooperation': (f) =>
    get(...ids(f, 'cluster').map((id) => `/api/clusters/${id}/cooperation`)),
  'GET /api/clusters/:id/compliance': (f) =>
    get(...ids(f, 'cluster').map((id) => `/api/clusters/${id}/compliance`)),
  'GET /api/clusters/:id/cooperation-contracts/export': (f) =>
    get(
      ...ids(f, 'cluster').flatMap((id) => [
        `/api/clusters/${id}/cooperation-contracts/export?format=csv`,
        `/api/clusters/${id}/cooperation-contracts/export?format=xlsx`,
      ]),
    ),
  'GET /api/clusters/:id/cooperation-purchases/export': (f) =>
    get(
      ...ids(f, 'cluster').flatMap((id) => [
        `/api/clusters/${id}/cooperation-purchases/export?format=csv`,
        `/api/clusters/${id}/cooperation-purchases/export?format=xlsx`,
      ]),
    ),
  'GET /api/cluster-rule-sets': () => get('/api/cluster-rule-sets'),
  'GET /api/cluster-rule-sets/:id': () =>
    get('/api/cluster-rule-sets/1', '/api/cluster-rule-sets/2'),
  'GET /api/support-measures': () => get('/api/support-measures'),
  'GET /api/support-measures/:id': () =>
    get('/api/support-measures/1', '/api/support-measures/2', '/api/support-measures/3'),
  'POST /api/support-measures/:id/calculation': () =>
    [1, 2, 3].map((id) => ({
      method: 'POST' as const,
      url: `/api/support-measures/${id}/calculation`,
      body: { applicant: { name: 'Заявитель', clusterParticipant: true }, lines: [] },
    })),
  'GET /api/territory-flags': () =>
    get('/api/territory-flags', '/api/territory-flags?regionCode=42&flag=monotown'),
  'GET /api/suppliers/search': (f) =>
    get(
      '/api/suppliers/search?okved=25&region=42',
      '/api/suppliers/search?okpd2=25.62.1&lat=52.6&lon=39.57&radiusKm=50&limit=200',
      ...ids(f, 'organisation').map(
        (id) => `/api/suppliers/search?okved=25&organisationId=${id}&radiusKm=10`,
      ),
      ...ids(f, 'cluster').map(
        (id) => `/api/suppliers/search?okpd2=25.62.1&region=42&clusterId=${id}`,
      ),
    ),
  'GET /api/clusters/:id/supplier-gaps': (f) =>
    get(...ids(f, 'cluster').map((id) => `/api/clusters/${id}/supplier-gaps`)),
  'GET /api/clusters/:id/registry-status': (f) =>
    get(...ids(f, 'cluster').map((id) => `/api/clusters/${id}/registry-status`)),
  'GET /api/cooperation-contracts/:id': (f) =>
    get(
      ...[f.contracts.visible, ...f.contracts.hidden].map(
        (id) => `/api/cooperation-contracts/${id}`,
      ),
    ),
  'GET /api/events': list('events'),
  'GET /api/events/:id': page('event'),
  'GET /api/agreements': list('agreements'),
  'GET /api/agreements/:id': page('agreement'),
  'GET /api/action-plans': list('action-plans'),
  'GET /api/action-plans/:id': page('action_plan'),
  'GET /api/projects': list('projects'),
  'GET /api/projects/:id': page('project'),
  'GET /api/regions': () => get('/api/regions', `/api/regions?q=${enc('Липецкая')}`),
  'GET /api/regions/:code': () => get('/api/regions/42'),
  'GET /api/sources': () => get('/api/sources', ...QUERIES.map((q) => `/api/sources?q=${enc(q)}`)),
  'GET /api/sources/:id': (f) => get(`/api/sources/${f.sourceId}`),
  'GET /api/ratings': () => get('/api/ratings'),
  'GET /api/okved': () => get('/api/okved', '/api/okved?q=24'),
  'GET /api/map/regions': () =>
    get(
      ...['organisations', 'sites', 'clusters', 'events', 'projects'].map(
        (m) => `/api/map/regions?measure=${m}`,
      ),
    ),
  'GET /api/map/sites': () => get('/api/map/sites'),
  'GET /api/ratings/methodologies': () => get('/api/ratings/methodologies'),
  'GET /api/ratings/methodologies/:id': (f) => get(`/api/ratings/methodologies/${f.methodologyId}`),
  'GET /api/ratings/editions': () => get('/api/ratings/editions'),
  'GET /api/ratings/editions/compare': (f) =>
    get(
      ...allEditions(f).flatMap((a) =>
        allEditions(f).map((b) => `/api/ratings/editions/compare?before=${a}&after=${b}`),
      ),
    ),
  'GET /api/ratings/editions/:id': (f) =>
    get(...allEditions(f).map((id) => `/api/ratings/editions/${id}`)),
  'GET /api/ratings/editions/:id/objects/:objectId/explanation': (f) =>
    get(
      ...allEditions(f).flatMap((e) =>
        ids(f, 'site').map((s) => `/api/ratings/editions/${e}/objects/${s}/explanation`),
      ),
    ),
  'GET /api/ratings/editions/:id/sensitivity': (f) =>
    get(...allEditions(f).map((id) => `/api/ratings/editions/${id}/sensitivity?runs=20&seed=1`)),
  'POST /api/ratings/editions/:id/what-if': (f) =>
    allEditions(f).flatMap((id) => [
      { method: 'POST' as const, url: `/api/ratings/editions/${id}/what-if`, body: {} },
      {
        method: 'POST' as const,
        url: `/api/ratings/editions/${id}/what-if`,
        body: { groupWeights: { b: 0 } },
      },
    ]),
  'GET /api/ratings/editions/:id/export': (f) =>
    get(
      ...allEditions(f).flatMap((id) => [
        `/api/ratings/editions/${id}/export?format=csv`,
        `/api/ratings/editions/${id}/export?format=xlsx`,
      ]),
    ),
  'GET /api/ratings/indicator-values': (f) =>
    get(
      '/api/ratings/indicator-values',
      ...['visibility-visible', 'visibility-draft', 'visibility-deleted'].map(
        (d) => `/api/ratings/indicator-values?dataset=${d}`,
      ),
      ...ids(f, 'site').map((s) => `/api/ratings/indicator-values?objectType=site&objectId=${s}`),
    ),
  'GET /api/datasets': () => get('/api/datasets'),
  'GET /api/datasets/:id': (f) => get(`/api/datasets/${f.datasetId}`),
  'GET /api/datasets/:id/summary': (f) => get(`/api/datasets/${f.datasetId}/summary`),
  'GET /api/datasets/:id/quarantine': (f) => get(`/api/datasets/${f.datasetId}/quarantine`),
  'GET /api/datasets/export': () =>
    get('/api/datasets/export?format=csv', '/api/datasets/export?format=xlsx'),
  'GET /api/statements/export': () =>
    ['csv', 'xlsx'].flatMap((format) =>
      get(
        `/api/statements/export?format=${format}`,
        `/api/statements/export?format=${format}&region=42`,
        ...['organisation', 'site', 'cluster', 'person', 'project'].map(
          (t) => `/api/statements/export?format=${format}&subjectType=${t}`,
        ),
      ),
    ),
  'GET /api/datasets/:id/values/export': (f) =>
    get(
      `/api/datasets/${f.datasetId}/values/export?format=csv`,
      `/api/datasets/${f.datasetId}/values/export?format=xlsx&region=42`,
    ),
  'GET /api/clusters-analytics/map': (f) =>
    get(`/api/clusters-analytics/map?${dataset(f)}&industry=24`),
  'GET /api/clusters-analytics/map/export': (f) =>
    get(
      `/api/clusters-analytics/map/export?${dataset(f)}&industry=24&format=csv`,
      `/api/clusters-analytics/map/export?${dataset(f)}&industry=24&format=xlsx`,
    ),
  'GET /api/clusters-analytics/portfolio': (f) =>
    get(`/api/clusters-analytics/portfolio?${dataset(f)}&region=42`),
  'GET /api/clusters-analytics/portfolio/export': (f) =>
    get(
      `/api/clusters-analytics/portfolio/export?${dataset(f)}&region=42&format=csv`,
      `/api/clusters-analytics/portfolio/export?${dataset(f)}&region=42&format=xlsx`,
    ),
  'GET /api/clusters-analytics/candidates': (f) =>
    get(`/api/clusters-analytics/candidates?${dataset(f)}&region=42`),
  'GET /api/clusters-analytics/candidates/export': (f) =>
    get(
      `/api/clusters-analytics/candidates/export?${dataset(f)}&region=42&format=csv`,
      `/api/clusters-analytics/candidates/export?${dataset(f)}&region=42&format=xlsx`,
    ),
  'GET /api/ratings/indicator-values/export': () =>
    get(
      '/api/ratings/indicator-values/export?format=csv',
      '/api/ratings/indicator-values/export?format=xlsx',
    ),
  'GET /api/cluster-categories/export': () =>
    get('/api/cluster-categories/export?format=csv', '/api/cluster-categories/export?format=xlsx'),
  'GET /api/cluster-categories': () => get('/api/cluster-categories'),
  'GET /api/action-plans/:id/measures': (f) =>
    get(
      ...ids(f, 'action_plan').flatMap((id) => [
        `/api/action-plans/${id}/measures`,
        `/api/action-plans/${id}/measures?status=none&today=2025-07-01`,
      ]),
    ),
  'GET /api/action-plans/:id/timeline': (f) =>
    get(...ids(f, 'action_plan').map((id) => `/api/action-plans/${id}/timeline`)),
  'GET /api/action-plans/:id/export': (f) =>
    get(
      ...ids(f, 'action_plan').flatMap((id) => [
        `/api/action-plans/${id}/export?format=csv`,
        `/api/action-plans/${id}/export?format=xlsx`,
      ]),
    ),
  'GET /api/measures/:id': (f) =>
    get(...Object.values(f.measures).map((id) => `/api/measures/${id}`)),
  'GET /api/events/:id/work': (f) => get(...ids(f, 'event').map((id) => `/api/events/${id}/work`)),
  'GET /api/agreements/:id/work': (f) =>
    get(...ids(f, 'agreement').map((id) => `/api/agreements/${id}/work`)),
  'GET /api/agreements/:id/export': (f) =>
    get(
      ...ids(f, 'agreement').flatMap((id) => [
        `/api/agreements/${id}/export?format=csv`,
        `/api/agreements/${id}/export?format=xlsx`,
      ]),
    ),
  'GET /api/my-tasks': () => get('/api/my-tasks'),
  'GET /api/my-tasks/export': () => get('/api/my-tasks/export?format=csv'),
  'GET /api/regions/:code/programmes': () =>
    get('/api/regions/42/programmes', '/api/regions/42/programmes?today=2025-06-20'),
  'GET /api/programme-rules': () => get('/api/programme-rules'),
  'GET /api/calendar.ics': (f) =>
    get(
      '/api/calendar.ics',
      '/api/calendar.ics?region=42',
      ...ids(f, 'action_plan').map((id) => `/api/calendar.ics?plan=${id}`),
    ),
  'GET /api/intake/documents': () => get('/api/intake/documents'),
  'GET /api/intake/documents/:id': () => get('/api/intake/documents/1'),
  'GET /api/registry-imports': () => get('/api/registry-imports'),
  'GET /api/registry-imports/:id': () => get('/api/registry-imports/1'),
  'GET /api/registry-imports/:id/quarantine': () => get('/api/registry-imports/1/quarantine'),
  'GET /api/organisations/export': exported('organisations', ['csv', 'xlsx', 'geojson']),
  'GET /api/people/export': exported('people'),
  'GET /api/sites/export': exported('sites', ['csv', 'xlsx', 'geojson']),
  'GET /api/clusters/export': exported('clusters'),
  'GET /api/events/export': exported('events'),
  'GET /api/agreements/export': exported('agreements'),
  'GET /api/action-plans/export': exported('action-plans'),
  'GET /api/projects/export': exported('projects'),
  'GET /api/sources/export': () =>
    ['csv', 'xlsx'].flatMap((format) =>
      get(
        `/api/sources/export?format=${format}`,
        ...QUERIES.map((q) => `/api/sources/export?format=${format}&q=${enc(q)}`),
      ),
    ),
  'GET /api/regions/export': () =>
    get('/api/regions/export?format=csv', '/api/regions/export?format=xlsx'),
  'GET /api/search/export': () =>
    ['csv', 'xlsx'].flatMap((format) =>
      get(
        ...QUERIES.map((q) => `/api/search/export?format=${format}&q=${enc(q)}`),
        `/api/search/export?format=${format}&q=${enc('Липецкая область')}`,
      ),
    ),
  'GET /api/ratings/editions/export': () =>
    get('/api/ratings/editions/export?format=csv', '/api/ratings/editions/export?format=xlsx'),
  'GET /api/map/regions/export': () =>
    ['csv', 'xlsx', 'geojson'].flatMap((format) =>
      Object.keys({ organisations: 1, sites: 1, clusters: 1, events: 1, projects: 1 }).map((m) => ({
        url: `/api/map/regions/export?measure=${m}&format=${format}`,
      })),
    ),
  'GET /api/reports/region/:code': () => get('/api/reports/region/42'),
  'GET /api/reports/region/:code/export': () => get('/api/reports/region/42/export?format=xlsx'),
  'GET /api/reports/site/:id': (f) => get(...ids(f, 'site').map((id) => `/api/reports/site/${id}`)),
  'GET /api/reports/site/:id/export': (f) =>
    get(...ids(f, 'site').map((id) => `/api/reports/site/${id}/export?format=xlsx`)),
  'GET /api/reports/rating-edition/:id': (f) =>
    get(...allEditions(f).map((id) => `/api/reports/rating-edition/${id}`)),
  'GET /api/reports/rating-edition/:id/export': (f) =>
    get(...allEditions(f).map((id) => `/api/reports/rating-edition/${id}/export?format=xlsx`)),
  'GET /api/reports/cluster/:id': (f) =>
    get(...ids(f, 'cluster').map((id) => `/api/reports/cluster/${id}`)),
  'GET /api/reports/cluster/:id/export': (f) =>
    get(...ids(f, 'cluster').map((id) => `/api/reports/cluster/${id}/export?format=xlsx`)),
  'GET /api/reports/plan-status/:id': (f) =>
    get(...ids(f, 'action_plan').map((id) => `/api/reports/plan-status/${id}`)),
  'GET /api/reports/plan-status/:id/export': (f) =>
    get(...ids(f, 'action_plan').map((id) => `/api/reports/plan-status/${id}/export?format=xlsx`)),
};

/** POST routes anyone may call that are not reads (they change the caller's own session). */
const PUBLIC_WRITES = new Set(['POST /api/auth/login', 'POST /api/auth/logout']);

/** Reads a route may answer without a 2xx to every caller, and why. */
const NEVER_OK_FOR_PUBLIC = new Set([
  'GET /api/users', // administrators only
  'GET /api/users/:id/sessions', // administrators only
  'GET /api/auth/sessions', // the signed-in user's own sessions
  'GET /api/audit', // administrators only
  'GET /api/audit/export.csv', // administrators only
  'GET /api/history/:type/:id', // signed-in users only
  'GET /api/my-tasks', // the signed-in user's own tasks
  'GET /api/my-tasks/export', // the signed-in user's own tasks
  'GET /api/intake/documents', // documents under review: signed-in users only
  'GET /api/intake/documents/:id', // signed-in users only
  'GET /api/registry-imports', // editors' and administrators' own imports
  'GET /api/registry-imports/:id', // editors' and administrators' own imports
  'GET /api/registry-imports/:id/quarantine', // editors' and administrators' own imports
]);

interface Answer {
  status: number;
  text: string;
  json: unknown;
}
type Reader = (call: Call) => Promise<Answer>;

/** The body as text: JSON and CSV as sent; XLSX unzipped, every part of the workbook (shared strings, sheets). */
function bodyText(contentType: string, raw: Buffer): string {
  if (contentType.includes('spreadsheetml')) {
    const parts = unzipSync(new Uint8Array(raw));
    return Object.values(parts)
      .map((p) => strFromU8(p))
      .join('\n');
  }
  return raw.toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Every {type, id} reference anywhere in a JSON value. */
function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsIn(v, out);
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (
      typeof o['type'] === 'string' &&
      (typeof o['id'] === 'string' || typeof o['id'] === 'number')
    )
      out.push(`${o['type']}:${o['id']}`);
    for (const v of Object.values(o)) refsIn(v, out);
  }
  return out;
}

const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

describe.each(databaseKinds())('public visibility on %s', (kind) => {
  let t: TestApp;
  let f: VisibilityFixtures;
  let anonymous: Reader;
  let editor: Reader;
  let administrator: Reader;

  const reader = (headers: Record<string, string>): Reader => {
    return async (call) => {
      const res = await t.app.inject({
        method: call.method ?? 'GET',
        url: call.url,
        headers,
        ...(call.body !== undefined ? { payload: call.body as object } : {}),
      });
      const text = bodyText(String(res.headers['content-type'] ?? ''), res.rawPayload);
      return { status: res.statusCode, text, json: parseJson(text) };
    };
  };
  const signedIn = async (role: 'regional_editor' | 'administrator'): Promise<Reader> => {
    const email = `visibility.${role}.${Date.now()}@test.promatlas`;
    const password = 'correct horse battery staple';
    await createUser(t.app.deps.db, {
      email,
      displayName: `Редактор видимости ${role}`,
      role,
      regions: role === 'regional_editor' ? ['42'] : [],
      password,
    });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
    });
    if (login.statusCode !== 200) throw new Error(`login: ${login.body}`);
    return reader({
      cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
      'x-csrf-token': login.json().csrfToken,
    });
  };

  /** Calls every read route; returns the answers by route. */
  const sweep = async (read: Reader) => {
    const answers = new Map<string, Array<{ call: Call; answer: Answer }>>();
    for (const [route, calls] of Object.entries(READS)) {
      const out: Array<{ call: Call; answer: Answer }> = [];
      for (const call of calls(f)) out.push({ call, answer: await read(call) });
      answers.set(route, out);
    }
    return answers;
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    const admin: Client = await signIn(t.app, 'administrator');
    f = await buildVisibilityFixtures(t.app.deps.db, admin);
    anonymous = reader({});
    editor = await signedIn('regional_editor');
    administrator = await signedIn('administrator');
  }, 120_000);
  afterAll(async () => t?.close());

  it('lists every GET route and every public POST of the route table, so a new route cannot ship unchecked', () => {
    const registered = t.app.routeList.filter((r) => r.method === 'GET').map(routeKey);
    const publicPosts = t.app.routeAccess
      .filter((r) => r.access?.scope === 'public')
      .map(routeKey)
      .filter((k) => !PUBLIC_WRITES.has(k));
    expect([...registered, ...publicPosts].sort()).toEqual(Object.keys(READS).sort());
  });

  it('classifies every table of the schema for the visibility rule', async () => {
    expect(await unclassifiedTables(t.app.deps.db)).toEqual([]);
  });

  it('shows the public reader no draft or deleted record, nor anything naming one, on any read route', async () => {
    const answers = await sweep(anonymous);
    const leaks: string[] = [];
    const unanswered: string[] = [];
    const reached = new Set<string>();
    for (const [route, calls] of answers) {
      if (!NEVER_OK_FOR_PUBLIC.has(route) && !calls.some((c) => c.answer.status < 400))
        unanswered.push(route);
      for (const { call, answer } of calls) {
        if (answer.status >= 500) leaks.push(`${call.url} → ${answer.status}`);
        const marker = answer.text.match(/СКРЫТАЯ-МЕТКА[-\w]*/u);
        if (marker) leaks.push(`${call.method ?? 'GET'} ${call.url} → ${marker[0]}`);
        for (const ref of refsIn(answer.json))
          if (f.hiddenRefs.public.has(ref)) leaks.push(`${call.url} → reference ${ref}`);
        for (const m of answer.text.matchAll(/ВИДИМАЯ-ЗАПИСЬ-[-\w]+/gu)) reached.add(m[0]);
      }
    }
    expect(leaks).toEqual([]);
    expect(unanswered, 'routes that answered every call with an error').toEqual([]);
    // Not vacuous: the visible fixtures were read, on their pages and on the pages that link them.
    for (const what of ['org', 'person', 'site', 'cluster', 'event', 'agreement', 'action-plan'])
      expect(reached).toContain(`${VISIBLE}-${what}`);
    for (const what of ['project', 'position', 'statement', 'source', 'edition', 'rating'])
      expect(reached).toContain(`${VISIBLE}-${what}`);
  }, 300_000);

  it('refuses every other state-changing route to the public reader without showing a hidden record', async () => {
    const hiddenIds = Object.values(f.records).flatMap((r) => [r.draft, r.deleted]);
    const leaks: string[] = [];
    for (const route of t.app.routeAccess) {
      const key = routeKey(route);
      if (PUBLIC_WRITES.has(key) || key in READS) continue;
      for (const id of hiddenIds.slice(0, 4)) {
        const url = route.url.replace(':id', String(id)).replace(':code', '42');
        for (const body of [{}, { version: 1 }]) {
          const res = await anonymous({ method: route.method as Call['method'], url, body });
          if (![400, 401, 403, 404].includes(res.status)) leaks.push(`${key} → ${res.status}`);
          if (res.text.includes(HIDDEN)) leaks.push(`${key} → ${res.text.slice(0, 200)}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });

  it('answers 404 to the public reader on the page of every draft and deleted record, and on every history', async () => {
    for (const [kind, collection] of Object.entries(COLLECTIONS) as [EntityKind, string][]) {
      const r = f.records[kind];
      expect((await anonymous({ url: `/api/${collection}/${r.visible}` })).status).toBe(200);
      expect((await anonymous({ url: `/api/${collection}/${r.draft}` })).status).toBe(404);
      expect((await anonymous({ url: `/api/${collection}/${r.deleted}` })).status).toBe(404);
    }
    for (const id of f.editions.visible)
      expect((await anonymous({ url: `/api/ratings/editions/${id}` })).status).toBe(200);
    for (const id of f.editions.hidden)
      expect((await anonymous({ url: `/api/ratings/editions/${id}` })).status).toBe(404);
    for (const kind of ['organisation', 'site', 'cluster', 'person'] as const)
      for (const id of Object.values(f.records[kind])) {
        const history = await anonymous({ url: `/api/history/${kind}/${id}` });
        expect(history.status).toBe(404);
        expect(history.text).not.toMatch(/regional_editor|administrator|Редактор/);
      }
  });

  it('keeps the history of a draft or deleted record, with its editors’ names, from the public reader', async () => {
    const { organisation } = f.records;
    for (const id of [organisation.draft, organisation.deleted]) {
      const res = await anonymous({ url: `/api/history/organisation/${id}` });
      expect(res.status).toBe(404);
      expect(res.text).not.toContain(HIDDEN);
    }
    // An administrator still reads it, names and all.
    const full = await administrator({ url: `/api/history/organisation/${organisation.deleted}` });
    expect(full.status).toBe(200);
    expect(full.text).toContain(`${DELETED}-org`);
    expect(full.text).toContain('administrator');
  });

  it('suggests no draft or deleted organisation as a similar name to the public reader', async () => {
    for (const name of [`${HIDDEN}-draft-org`, `${DELETED}-org`]) {
      const res = await anonymous({
        url: `/api/organisations/similar?name=${enc(name)}&region=42`,
      });
      expect(res.status).toBe(200);
      expect(res.text).not.toContain(HIDDEN);
    }
    const visible = await anonymous({
      url: `/api/organisations/similar?name=${enc(`${VISIBLE}-org`)}&region=42`,
    });
    expect(visible.text).toContain(`${VISIBLE}-org`);
  });

  it('exports (CSV and XLSX) and re-ranks (what-if) an edition for the public reader only when every object it ranks is visible', async () => {
    for (const id of f.editions.hidden) {
      for (const format of ['csv', 'xlsx']) {
        const res = await anonymous({ url: `/api/ratings/editions/${id}/export?format=${format}` });
        expect(res.status).toBe(404);
        expect(res.text).not.toContain(HIDDEN);
      }
      const whatIf = await anonymous({
        method: 'POST',
        url: `/api/ratings/editions/${id}/what-if`,
        body: {},
      });
      expect([404, 422]).toContain(whatIf.status);
      expect(whatIf.text).not.toContain(HIDDEN);
    }
    const [computed] = f.editions.visible;
    const xlsx = await anonymous({ url: `/api/ratings/editions/${computed}/export?format=xlsx` });
    expect(xlsx.status).toBe(200);
    expect(xlsx.text).toContain(`${VISIBLE}-site`);
    const whatIf = await anonymous({
      method: 'POST',
      url: `/api/ratings/editions/${computed}/what-if`,
      body: {},
    });
    expect(whatIf.status).toBe(200);
    expect(whatIf.text).toContain(`${VISIBLE}-site`);
  });

  it('shows signed-in editors drafts but no deleted record on any read route except the history, and agrees between pages and lists', async () => {
    const answers = await sweep(editor);
    const leaks: string[] = [];
    let drafts = 0;
    for (const [route, calls] of answers) {
      // The history of a visible record lists its children's deletions by design; it is checked below.
      if (route === 'GET /api/history/:type/:id') continue;
      for (const { call, answer } of calls) {
        if (answer.status >= 500) leaks.push(`${call.url} → ${answer.status}`);
        const marker = answer.text.match(/СКРЫТАЯ-МЕТКА-deleted[-\w]*/u);
        if (marker) leaks.push(`${call.method ?? 'GET'} ${call.url} → ${marker[0]}`);
        for (const ref of refsIn(answer.json))
          if (f.hiddenRefs.everyone.has(ref)) leaks.push(`${call.url} → reference ${ref}`);
        if (answer.text.includes(`${HIDDEN}-draft`)) drafts++;
      }
    }
    expect(leaks).toEqual([]);
    expect(drafts).toBeGreaterThan(0);
    for (const [kind, collection] of Object.entries(COLLECTIONS) as [EntityKind, string][]) {
      const r = f.records[kind];
      expect((await editor({ url: `/api/${collection}/${r.draft}` })).status).toBe(200);
      expect((await editor({ url: `/api/${collection}/${r.deleted}` })).status).toBe(404);
    }
    // The history of a deleted record: only for the administrator, whose page of it offers the restore.
    const { organisation } = f.records;
    expect(
      (await editor({ url: `/api/history/organisation/${organisation.deleted}` })).status,
    ).toBe(404);
    expect((await editor({ url: `/api/history/organisation/${organisation.draft}` })).status).toBe(
      200,
    );
  }, 300_000);
  it('rebuilds the views of a database whose views follow an older rule (published only, deleted shown) on the next start', async () => {
    const db = t.app.deps.db;
    // The views as the first release made them: a filter on `published`, nothing else.
    await sql`DROP SCHEMA internal CASCADE`.execute(db);
    await sql`DROP VIEW published.cluster_member`.execute(db);
    await sql`CREATE VIEW published.cluster_member AS SELECT * FROM public.cluster_member WHERE published`.execute(
      db,
    );
    expect(await publishedViewsComplete(db)).toBe(false);
    await migrateToLatest(db);
    expect(await publishedViewsComplete(db)).toBe(true);
    const cluster = await anonymous({ url: `/api/clusters/${f.records.cluster.visible}` });
    expect(cluster.status).toBe(200);
    expect(cluster.text).toContain(`${VISIBLE}-org`);
    expect(cluster.text).not.toContain(HIDDEN);
    expect(
      (await editor({ url: `/api/clusters/${f.records.cluster.visible}` })).text,
    ).not.toContain(DELETED);
  });
});
