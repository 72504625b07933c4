import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInstance } from '../src/http/app-instance.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { databaseKinds, type DatabaseKind } from './databases.ts';
import {
  asText,
  brokenJson,
  nastyString,
  operationsOf,
  valueFor,
  type Operation,
} from './openapi-arbitraries.ts';
import { createUser } from '../src/users/user.service.ts';

/**
 * Property-based fuzzing of every operation in the OpenAPI document, as an
 * anonymous reader and as a signed-in administrator (with the CSRF header),
 * on a disposable database. Every answer must be below 500, every error a
 * JSON error object with a Russian and an English message, and the server
 * healthy afterwards. The seed is fixed (printed, and settable with
 * FUZZ_SEED) so a failure reproduces; FUZZ_RUNS scales the request count.
 */
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261201);
const SCALE = Number(process.env['FUZZ_RUNS'] ?? 1);
/** Requests per viewer and database: PGlite gets the full run, PostgreSQL a smaller one. */
const RUNS: Record<DatabaseKind, number> = {
  pglite: Math.round(1200 * SCALE),
  postgres: Math.round(300 * SCALE),
};

/** Operations that would end the administrator's own session mid-run. */
const SKIPPED = new Set(['POST /api/auth/logout']);

/** Path prefix → table whose ids are real values for that path's `{id}`. */
const ID_TABLES: [RegExp, string][] = [
  [/^\/api\/organisations/, 'organisation'],
  [/^\/api\/people/, 'person'],
  [/^\/api\/positions/, 'position'],
  [/^\/api\/sites/, 'site'],
  [/^\/api\/clusters\//, 'cluster'],
  [/^\/api\/cluster-members/, 'cluster_member'],
  [/^\/api\/statements/, 'statement'],
  [/^\/api\/sources/, 'source_document'],
  [/^\/api\/events/, 'event'],
  [/^\/api\/agreements/, 'agreement'],
  [/^\/api\/action-plans/, 'action_plan'],
  [/^\/api\/projects/, 'project'],
  [/^\/api\/users/, 'app_user'],
  [/^\/api\/datasets/, 'statistical_dataset'],
  [/^\/api\/ratings\/methodologies/, 'rating_methodology'],
  [/^\/api\/ratings\/editions/, 'rating_edition'],
  [/^\/api\/history/, 'organisation'],
];

interface Pools {
  ids: Map<string, string[]>;
  any: string[];
  regions: string[];
  categories: string[];
  objects: string[];
}

async function loadPools(t: TestApp, exclude: { userIds: string[] }): Promise<Pools> {
  const db = t.database.db;
  const ids = new Map<string, string[]>();
  for (const [, table] of ID_TABLES) {
    if (ids.has(table)) continue;
    const { rows } = await sql<{
      id: string;
    }>`SELECT id::text AS id FROM ${sql.table(table)} ORDER BY id LIMIT 8`.execute(db);
    ids.set(
      table,
      rows.map((r) => r.id).filter((id) => table !== 'app_user' || !exclude.userIds.includes(id)),
    );
  }
  const regions = (
    await sql<{ code: string }>`SELECT code FROM region ORDER BY code LIMIT 12`.execute(db)
  ).rows.map((r) => r.code);
  const categories = (
    await sql<{ code: string }>`SELECT code FROM cluster_category LIMIT 8`.execute(db)
  ).rows.map((r) => r.code);
  const objects = (
    await sql<{ id: string }>`SELECT object_id::text AS id FROM rating_edition_result LIMIT 8`
      .execute(db)
      .catch(() => ({ rows: [] as { id: string }[] }))
  ).rows.map((r) => r.id);
  return { ids, any: [...ids.values()].flat(), regions, categories, objects };
}

interface FuzzRequest {
  method: string;
  url: string;
  payload?: string;
  contentType?: string;
}

const JUNK_PATH = fc.oneof(
  nastyString.filter((s) => s.length > 0 && s.length < 2000),
  fc.constantFrom('0', '-1', '1.5', '99999999999', '9223372036854775808', 'abc', '%', '..'),
);

/** Percent-encoding that also copes with lone surrogates, sent as the invalid UTF-8 they would be. */
function pathSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value
      .split(/([\uD800-\uDFFF])/)
      .map((part, k) => (k % 2 ? '%ED%A0%80' : encodeURIComponent(part)))
      .join('');
  }
}

function requestFor(op: Operation, pools: Pools): fc.Arbitrary<FuzzRequest> {
  const tableFor = ID_TABLES.find(([re]) => re.test(op.path))?.[1];
  const real = (name: string): string[] => {
    if (name === 'code') return [...pools.regions, ...pools.categories];
    if (name === 'objectId') return pools.objects;
    if (name === 'type')
      return ['organisation', 'person', 'site', 'cluster', 'region', 'event', 'project'];
    return (tableFor && pools.ids.get(tableFor)) || pools.any;
  };
  const path = fc.tuple(
    ...op.pathParams.map((p) => {
      const values = real(p.name);
      const arbs: fc.Arbitrary<string>[] = [valueFor(p.schema, 0).map(asText), JUNK_PATH];
      if (values.length) arbs.unshift(fc.constantFrom(...values), fc.constantFrom(...values));
      return fc.oneof(...arbs);
    }),
  );
  const query = fc.tuple(
    ...op.queryParams.map((p) =>
      fc.option(
        fc.oneof(
          { arbitrary: valueFor(p.schema, 0.15).map(asText), weight: 4 },
          { arbitrary: nastyString, weight: 1 },
        ),
        { freq: p.required ? 10 : 2, nil: undefined },
      ),
    ),
  );
  const body: fc.Arbitrary<{ payload?: string; contentType?: string }> = op.body
    ? fc.oneof(
        // Bodies that follow the schema reach the services; bodies with junk test the checks.
        {
          arbitrary: valueFor(op.body, 0).map((v) => ({ payload: JSON.stringify(v) })),
          weight: 6,
        },
        {
          arbitrary: valueFor(op.body, 0.1).map((v) => ({ payload: JSON.stringify(v) })),
          weight: 6,
        },
        { arbitrary: brokenJson.map((payload) => ({ payload })), weight: 1 },
        { arbitrary: fc.constant({ payload: 'a=1', contentType: 'text/plain' }), weight: 1 },
        { arbitrary: fc.constant({}), weight: 1 },
      )
    : fc.oneof(
        { arbitrary: fc.constant({}), weight: 9 },
        { arbitrary: fc.constant({ payload: '{"x":1}' }), weight: 1 },
      );
  return fc.tuple(path, query, body).map(([pathValues, queryValues, b]) => {
    let url = op.path;
    op.pathParams.forEach((p, k) => {
      url = url.replace(`{${p.name}}`, pathSegment(pathValues[k]!));
    });
    const search = new URLSearchParams();
    op.queryParams.forEach((p, k) => {
      const v = queryValues[k];
      if (v !== undefined) search.append(p.name, v);
    });
    const qs = search.toString();
    return {
      method: op.method,
      url: qs ? `${url}?${qs}` : url,
      ...(b.payload !== undefined
        ? { payload: b.payload, contentType: b.contentType ?? 'application/json' }
        : {}),
    };
  });
}

interface Failure {
  request: string;
  status: number;
  problem: string;
}

async function send(app: AppInstance, headers: Record<string, string>, r: FuzzRequest) {
  return app.inject({
    method: r.method as 'GET',
    url: r.url,
    headers: { ...headers, ...(r.contentType ? { 'content-type': r.contentType } : {}) },
    ...(r.payload !== undefined ? { payload: r.payload } : {}),
  });
}

function problemOf(status: number, body: string): string | null {
  if (status >= 500) return `server error: ${body.slice(0, 300)}`;
  if (status < 400) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return `error body is not JSON: ${body.slice(0, 200)}`;
  }
  const error = (parsed as { error?: { code?: unknown; message?: unknown; messageEn?: unknown } })
    .error;
  if (!error || typeof error.code !== 'string') return `no error.code: ${body.slice(0, 200)}`;
  if (typeof error.message !== 'string' || !/[А-Яа-яЁё]/.test(error.message))
    return `error.message is not Russian: ${body.slice(0, 200)}`;
  if (typeof error.messageEn !== 'string' || !/[A-Za-z]/.test(error.messageEn))
    return `error.messageEn is missing: ${body.slice(0, 200)}`;
  return null;
}

describe.each(databaseKinds())('OpenAPI fuzzing on %s', (kind) => {
  let t: TestApp;
  let adminId: string;
  let adminHeaders: Record<string, string>;
  let ops: Operation[];
  let pools: Pools;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const email = `fuzz.admin.${Date.now()}@test.promatlas`;
    const password = 'correct horse battery staple';
    const user = await createUser(t.app.deps.db, {
      email,
      displayName: 'Администратор фаззинга',
      role: 'administrator',
      regions: [],
      password,
    });
    adminId = String(user.id);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password },
    });
    expect(login.statusCode).toBe(200);
    adminHeaders = {
      cookie: login.cookies.map((c) => `${c.name}=${c.value}`).join('; '),
      'x-csrf-token': login.json().csrfToken as string,
    };
    ops = operationsOf(t.app.swagger()).filter((op) => !SKIPPED.has(`${op.method} ${op.path}`));
    pools = await loadPools(t, { userIds: [adminId] });
    console.log(
      `OpenAPI fuzz on ${kind}: seed ${SEED}, ${ops.length} operations, ${RUNS[kind]} requests per viewer`,
    );
  }, 60_000);
  afterAll(async () => t?.close());

  const arbitrary = () => fc.constantFrom(...ops).chain((op) => requestFor(op, pools));

  async function fuzz(headers: Record<string, string>, seed: number): Promise<Failure[]> {
    const failures: Failure[] = [];
    const statuses = new Map<number, number>();
    const succeeded = new Set<string>();
    const slow: string[] = [];
    const requests = fc.sample(arbitrary(), { seed, numRuns: RUNS[kind] });
    for (const r of requests) {
      // Changing or disabling the fuzzing administrator itself would end the signed-in run.
      if (r.url.split('?')[0] === `/api/users/${adminId}`) continue;
      const started = performance.now();
      const res = await send(t.app, headers, r);
      const ms = performance.now() - started;
      if (ms > 1000) slow.push(`${Math.round(ms)} ms ${r.method} ${r.url.slice(0, 120)}`);
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode < 300)
        succeeded.add(`${r.method} ${r.url.split('?')[0]}`.replace(/\/[^/]*\d[^/]*/g, '/:x'));
      const problem = problemOf(res.statusCode, res.body);
      if (problem) {
        failures.push({
          request: `${r.method} ${r.url.slice(0, 300)}${r.payload ? ` ${r.payload.slice(0, 300)}` : ''}`,
          status: res.statusCode,
          problem,
        });
      }
    }
    console.log(
      `seed ${seed}: statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}; ${succeeded.size} routes answered 2xx${slow.length ? `; slower than 1 s: ${slow.slice(0, 5).join(' | ')}` : ''}`,
    );
    return failures;
  }

  function report(failures: Failure[]): string {
    return failures
      .slice(0, 20)
      .map((f) => `${f.status} ${f.request}\n    → ${f.problem}`)
      .join('\n');
  }

  it('answers every generated anonymous request below 500, with bilingual errors', async () => {
    const failures = await fuzz({}, SEED);
    expect(failures, `seed ${SEED}\n${report(failures)}`).toEqual([]);
  }, 300_000);

  it('answers every generated administrator request below 500, with bilingual errors', async () => {
    const failures = await fuzz(adminHeaders, SEED + 1);
    expect(failures, `seed ${SEED + 1}\n${report(failures)}`).toEqual([]);
  }, 300_000);

  it('is healthy afterwards: health and a known read answer 200', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    const region = await t.app.inject({ method: 'GET', url: '/api/regions/42' });
    expect(region.statusCode).toBe(200);
    expect(region.json().name).toMatch(/Липецкая/);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: adminHeaders });
    expect(me.statusCode).toBe(200);
  });
});
