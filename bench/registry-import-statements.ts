// Time per statement of one organisations' import on PostgreSQL: every
// query of the pg clients is timed by its first 70 characters (a COPY
// stream until the server has taken all of it), summed over the import.
// Run: TEST_DATABASE_URL=postgres://… npx tsx bench/registry-import-statements.ts
// (N rows, default 20000; BATCHSIZE overrides the PostgreSQL batch size).
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import iconv from 'iconv-lite';
import { FEDERAL_SUBJECTS } from '../packages/core/src/regions/federal-subjects.ts';
import { connectPglite, connectPostgres } from '../packages/server/src/db/connection.ts';
import { PGlite } from '@electric-sql/pglite';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrateToLatest } from '../packages/server/src/db/migrate.ts';
import { syncReferenceData } from '../packages/server/src/reference/sync-reference-data.ts';
import { importRegistryFile } from '../packages/server/src/registry-import/index.ts';
import { BATCH } from '../packages/server/src/registry-import/process-rows.ts';
import { legalEntityIds } from './lib/identifiers.ts';
import { enterpriseName, mulberry32 } from './lib/names.ts';
const N = Number(process.env['N'] ?? 20000);
if (process.env['BATCHSIZE']) BATCH['postgres'] = Number(process.env['BATCHSIZE']);
const times = new Map<string, [number, number]>();
const orig = pg.Client.prototype.query as (...a: unknown[]) => unknown;
(pg.Client.prototype as unknown as { query: unknown }).query = function (
  this: pg.Client,
  ...args: unknown[]
) {
  const text =
    typeof args[0] === 'string'
      ? args[0]
      : ((args[0] as { text?: string })?.text ?? (args[0] as object)?.constructor?.name ?? '?');
  const key = String(text).replace(/\s+/g, ' ').slice(0, 70);
  const t0 = performance.now();
  const r = orig.apply(this, args);
  const done = () => {
    const e = times.get(key) ?? [0, 0];
    e[0] += performance.now() - t0;
    e[1]++;
    times.set(key, e);
  };
  // A COPY stream (pg-copy-streams) is done when the server has taken all of it ('finish').
  if (r && typeof (r as { once?: unknown }).once === 'function' && /^COPY/.test(key))
    (r as NodeJS.EventEmitter).once('finish', done);
  else if (r && typeof (r as Promise<unknown>).then === 'function')
    (r as Promise<unknown>).then(done, () => {});
  return r;
};
const rng = mulberry32(1);
const subjects = FEDERAL_SUBJECTS.filter((s) => s.code.length === 2);
const lines = ['Краткое наименование;ИНН;ОГРН;КПП;Регион;Город;ОКВЭД;Широта;Долгота'];
for (let i = 0; i < N; i++) {
  const s = subjects[i % subjects.length]!;
  const ids = legalEntityIds(s.code, Math.floor(i / subjects.length) + 1, 2000 + (i % 24));
  lines.push(
    [
      'ООО ' + enterpriseName(rng, 'Региональный', s.shortName),
      ids.inn,
      ids.ogrn,
      ids.kpp,
      s.name,
      s.shortName,
      '25',
      '55,1',
      '37,2',
    ].join(';'),
  );
}
const bytes = iconv.encode(lines.join('\r\n'), 'win1251');
const base = process.env['TEST_DATABASE_URL']!;
const name = `promatlas_bench_stmt_${process.pid}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`CREATE DATABASE ${name} TEMPLATE template0`);
const url = new URL(base);
url.pathname = '/' + name;
// EMBEDDED=1: the same import into a fresh embedded database (PGlite, on disk), each of its
// queries timed the same way (the COPY blobs included: they are queries there).
const embedded = process.env['EMBEDDED'] === '1';
if (embedded) {
  const proto = PGlite.prototype as unknown as Record<
    'query' | 'exec',
    (...a: unknown[]) => Promise<unknown>
  >;
  for (const method of ['query', 'exec'] as const) {
    const original = proto[method];
    proto[method] = async function (this: PGlite, ...args: unknown[]) {
      const key = String(args[0]).replace(/\s+/g, ' ').slice(0, 70);
      const t0 = performance.now();
      try {
        return await original.apply(this, args);
      } finally {
        const e = times.get(key) ?? [0, 0];
        e[0] += performance.now() - t0;
        e[1]++;
        times.set(key, e);
      }
    };
  }
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-bench-stmt-'));
// The in-thread engine, so that the patched PGlite.prototype sees every query.
const c = embedded
  ? await connectPglite(dir, { inThread: true })
  : connectPostgres(url.toString(), 5);
await migrateToLatest(c.db);
await syncReferenceData(c.db);
times.clear();
const t0 = performance.now();
const job = await importRegistryFile(
  c.db,
  c.kind,
  {
    bytes,
    fileName: 'x.csv',
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  },
  { entity: 'organisations', dryRun: false },
  {
    userId: null,
    regions: null,
    name: 'b',
    administrator: true,
    viewer: { user: null, sessionHash: null, csrfToken: null },
  },
);
const total = (performance.now() - t0) / 1000;
console.log(
  `${embedded ? 'embedded' : 'PostgreSQL'} import ${N} rows, batch ${BATCH[embedded ? 'pglite' : 'postgres']}: ${total.toFixed(1)} s; ${JSON.stringify(job.counts)}`,
);
for (const [k, [ms, n]] of [...times].sort((a, b) => b[1][0] - a[1][0]).slice(0, 14))
  console.log(`${(ms / 1000).toFixed(2)} s ×${n}  ${k}`);
await c.close();
fs.rmSync(dir, { recursive: true, force: true });
await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
await admin.end();
