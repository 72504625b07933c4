/**
 * 200 simulated users through HAProxy on the multi-node rig (scripts/rig/rig.sh:
 * PostgreSQL primary + streaming replica, two API nodes): anonymous readers
 * mixing searches, profile pages (organisation, region, cluster) and list
 * pages, and signed-in editors changing organisations and reading their own
 * changes back. Bounded: LOAD_USERS users (200) for LOAD_SECONDS (300), each
 * waiting LOAD_THINK_MS (1000 ms on average, uniform 0.5–1.5×) between
 * requests, loopback only.
 *
 * Reports p50/p95/p99 per request type, every status ≥ 500, and checks that
 * no acknowledged edit is lost: each editor owns its organisations, so the
 * database must hold the value of each organisation's last acknowledged edit;
 * and that every editor read its own last edit back (read-your-writes).
 *
 * Run by bench/load.sh (`npm run bench:load`), which starts the rig and fills it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { RigClient, rigEnv, sqlOn } from '../packages/server/test/rig/rig.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USERS = Number(process.env.LOAD_USERS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 300);
const THINK_MS = Number(process.env.LOAD_THINK_MS ?? 1000);
const EDITORS = Number(process.env.LOAD_EDITORS ?? 20);
const ORGS_PER_EDITOR = 5;

const env = await rigEnv();
const proxy = env.proxyUrl;

const SEARCHES = [
  'Липецкой',
  'Тамбовская',
  'в Самарской',
  'станкозавод',
  'Липецкий станкозавод',
  'Гранит',
  'машзавод Челябинск',
  'технологии',
  'кондитерская фабрика',
  'Новосибирская область',
  'Уральские машины',
  'Энергопласт',
  'Липецкй',
];
const LISTS = [
  'region=42&kind=enterprise&page=1&pageSize=50',
  'region=68&kind=enterprise&page=2&pageSize=50',
  'region=45&kind=enterprise&okved=25&page=1&pageSize=50',
  'region=42&kind=enterprise&sort=-name&page=1&pageSize=50',
  'region=45&kind=enterprise&sort=inn&page=3&pageSize=50',
  'kind=enterprise&page=1&pageSize=50',
];

type Kind =
  | 'search'
  | 'list'
  | 'profile: organisation'
  | 'profile: region'
  | 'profile: cluster'
  | 'edit'
  | 'read own edit';

const samples = new Map<Kind, number[]>();
const statuses = new Map<string, number>();
const serverErrors: { kind: Kind; status: number | string; url: string }[] = [];
let staleOwnReads = 0;

const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;
const think = () => new Promise((resolve) => setTimeout(resolve, THINK_MS * (0.5 + Math.random())));

async function timed<T>(
  kind: Kind,
  client: RigClient,
  method: string,
  url: string,
  body?: unknown,
): Promise<{ status: number; body: T } | null> {
  const started = performance.now();
  try {
    const res = await client.request<T>(proxy, method, url, body);
    const ms = performance.now() - started;
    (samples.get(kind) ?? samples.set(kind, []).get(kind)!).push(ms);
    const key = `${kind} ${res.status}`;
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
    if (res.status >= 500) serverErrors.push({ kind, status: res.status, url });
    return res;
  } catch (error) {
    serverErrors.push({ kind, status: String(error), url });
    return null;
  }
}

// ---- the data the users look at ----
const [orgCount] = await sqlOn<{ n: number }>(
  env.primaryUrl,
  'SELECT count(*)::int AS n FROM organisation',
);
const sampleIds = async (table: string, n: number) =>
  (
    await sqlOn<{ id: number }>(
      env.primaryUrl,
      `SELECT id FROM ${table} WHERE deleted_at IS NULL AND published ORDER BY random() LIMIT ${n}`,
    )
  ).map((r) => r.id);
const organisationIds = await sampleIds('organisation', 2000);
const clusterIds = await sampleIds('cluster', 200);
const regionCodes = (
  await sqlOn<{ code: string }>(env.primaryUrl, 'SELECT code FROM region ORDER BY code')
).map((r) => r.code);

// ---- editors: their accounts and their own organisations ----
const admin = new RigClient();
await admin.signIn(proxy, env.email, env.password);
const owned = (
  await sqlOn<{ id: number; version: number }>(
    env.primaryUrl,
    `SELECT id, version FROM organisation WHERE deleted_at IS NULL ORDER BY id DESC LIMIT ${EDITORS * ORGS_PER_EDITOR}`,
  )
).map((r) => ({ ...r }));
const run = Date.now().toString(36);
const editors: { client: RigClient; orgs: { id: number; version: number }[] }[] = [];
for (let e = 0; e < EDITORS; e++) {
  const email = `load.${run}.${e}@test.promatlas`;
  const password = `load password ${run} ${e}`;
  const made = await admin.request(proxy, 'POST', '/api/users', {
    email,
    displayName: `Нагрузка ${e}`,
    role: 'administrator',
    regions: [],
    password,
  });
  if (made.status !== 201) throw new Error(`could not create ${email}: ${made.status}`);
  const client = new RigClient();
  await client.signIn(proxy, email, password);
  editors.push({ client, orgs: owned.slice(e * ORGS_PER_EDITOR, (e + 1) * ORGS_PER_EDITOR) });
}
/** The description of each organisation's last acknowledged edit; unknown after an unanswered one. */
const acknowledged = new Map<number, string>();
const uncertain = new Set<number>();
let edits = 0;

const deadline = performance.now() + SECONDS * 1000;

async function reader(): Promise<void> {
  const client = new RigClient();
  while (performance.now() < deadline) {
    await think();
    const roll = Math.random();
    if (roll < 0.4)
      await timed(
        'search',
        client,
        'GET',
        `/api/search?q=${encodeURIComponent(pick(SEARCHES))}&limit=20`,
      );
    else if (roll < 0.6) await timed('list', client, 'GET', `/api/organisations?${pick(LISTS)}`);
    else if (roll < 0.85)
      await timed(
        'profile: organisation',
        client,
        'GET',
        `/api/organisations/${pick(organisationIds)}`,
      );
    else if (roll < 0.95)
      await timed('profile: region', client, 'GET', `/api/regions/${pick(regionCodes)}`);
    else if (clusterIds.length)
      await timed('profile: cluster', client, 'GET', `/api/clusters/${pick(clusterIds)}`);
  }
}

async function editor(me: (typeof editors)[number], index: number): Promise<void> {
  let n = 0;
  while (performance.now() < deadline) {
    await think();
    const org = pick(me.orgs);
    const description = `Правка нагрузочного теста ${run}: редактор ${index}, №${++n}`;
    const res = await timed<{ id: number; version: number }>(
      'edit',
      me.client,
      'PATCH',
      `/api/organisations/${org.id}`,
      { description, version: org.version },
    );
    edits++;
    if (res?.status === 200) {
      org.version = res.body.version;
      acknowledged.set(org.id, description);
      uncertain.delete(org.id);
      // Read it back at once, through whichever node the proxy picks.
      const back = await timed<{ description: string | null; version: number }>(
        'read own edit',
        me.client,
        'GET',
        `/api/organisations/${org.id}`,
      );
      if (back?.status === 200 && back.body.description !== description) staleOwnReads++;
    } else {
      // Unanswered or refused: its outcome is unknown until the next acknowledged edit.
      uncertain.add(org.id);
      const fresh = await me.client.request<{ version: number }>(
        proxy,
        'GET',
        `/api/organisations/${org.id}`,
      );
      if (fresh.status === 200) org.version = fresh.body.version;
    }
  }
}

const loadBefore = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
console.log(
  `load: ${USERS} users (${EDITORS} editors) for ${SECONDS} s through ${proxy}, think ${THINK_MS} ms; ` +
    `${orgCount!.n} organisations; load average ${loadBefore}`,
);
const started = performance.now();
await Promise.all([
  ...editors.map((e, i) => editor(e, i)),
  ...Array.from({ length: USERS - EDITORS }, reader),
]);
const elapsed = (performance.now() - started) / 1000;
const loadAfter = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

// ---- lost edits: the database against the last acknowledged edit of each organisation ----
const rows = await sqlOn<{ id: number; description: string | null }>(
  env.primaryUrl,
  'SELECT id, description FROM organisation WHERE id = ANY($1::int[])',
  [[...acknowledged.keys()]],
);
const lost = rows.filter(
  (r) => !uncertain.has(r.id) && r.description !== acknowledged.get(r.id),
).length;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
const table = [...samples].map(([kind, ms]) => {
  const sorted = ms.sort((a, b) => a - b);
  return {
    kind,
    requests: sorted.length,
    perSecond: sorted.length / elapsed,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
  };
});
for (const r of table)
  console.log(
    `${r.kind.padEnd(24)} ${String(r.requests).padStart(7)} req ${r.perSecond.toFixed(1).padStart(7)}/s  p50 ${r.p50.toFixed(0).padStart(5)} ms  p95 ${r.p95.toFixed(0).padStart(5)} ms  p99 ${r.p99.toFixed(0).padStart(5)} ms`,
  );
const result = {
  date: new Date().toISOString(),
  users: USERS,
  editors: EDITORS,
  seconds: elapsed,
  thinkMs: THINK_MS,
  organisations: orgCount!.n,
  loadAverage: { before: loadBefore, after: loadAfter },
  table,
  statuses: Object.fromEntries(statuses),
  serverErrors: serverErrors.length,
  serverErrorSamples: serverErrors.slice(0, 10),
  edits,
  acknowledgedOrganisations: acknowledged.size,
  uncertainOrganisations: uncertain.size,
  lostEdits: lost,
  staleOwnReads,
};
console.log(
  `5xx or unanswered: ${serverErrors.length}; edits ${edits} (organisations ${acknowledged.size}, ` +
    `uncertain ${uncertain.size}); lost edits: ${lost}; own edit not read back: ${staleOwnReads}; load average after ${loadAfter}`,
);
fs.mkdirSync(path.join(ROOT, 'bench/out'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'bench/out/load.json'), JSON.stringify(result, null, 2));
if (serverErrors.length || lost || staleOwnReads) process.exitCode = 1;
