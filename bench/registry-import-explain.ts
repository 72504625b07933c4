// Where PostgreSQL's time goes in one batch of an organisations' import: the
// import runs as usual (bench/lib/organisation-rows.ts rows, full validation)
// until the batch BENCH_EXPLAIN_BATCH (default the 20th, so the table holds
// that many batches already); on that batch's merging statement the same
// staging rows are written several ways, each inside a savepoint that is
// rolled back, before the real statement runs: the whole statement under
// EXPLAIN (ANALYZE, BUFFERS) — its per-part times, the triggers and the
// foreign-key checks — and each part alone (the organisations only; with
// their ОКВЭД2 rows; with the audit entries; with the versions), and the
// ОКВЭД2 rows without the supplier-candidate trigger. Every variant runs
// BENCH_EXPLAIN_REPEAT times (default 3), the best time kept.
//
// Run: TEST_DATABASE_URL=postgres://… npx tsx bench/registry-import-explain.ts
// (BENCH_EXPLAIN_ROWS, default 30000)
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { connectPostgres } from '../packages/server/src/db/connection.ts';
import { migrateToLatest } from '../packages/server/src/db/migrate.ts';
import { syncReferenceData } from '../packages/server/src/reference/sync-reference-data.ts';
import { importRegistryFile } from '../packages/server/src/registry-import/index.ts';
import { BATCH } from '../packages/server/src/registry-import/process-rows.ts';
import { copyLine, generateOrganisations, organisationsCsv } from './lib/organisation-rows.ts';
import postgres from 'postgres';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const ROWS = Number(process.env['BENCH_EXPLAIN_ROWS'] ?? 30_000);
// Rows per batch on PostgreSQL (BENCH_REGISTRY_BATCH overrides the import's own).
if (process.env['BENCH_REGISTRY_BATCH'])
  BATCH['postgres'] = Number(process.env['BENCH_REGISTRY_BATCH']);
const AT = Number(process.env['BENCH_EXPLAIN_BATCH'] ?? 20);
const REPEAT = Number(process.env['BENCH_EXPLAIN_REPEAT'] ?? 3);
const base = process.env['TEST_DATABASE_URL']!;
const MERGE = /^\s*WITH s AS MATERIALIZED/;

let seen = 0;
const report: string[] = [];
const orig = pg.Client.prototype.query as (...a: unknown[]) => unknown;
async function experiments(client: pg.Client, text: string, values: unknown[]) {
  const q = async (s: string, v: unknown[] = []) =>
    (orig.call(client, s, v) as Promise<pg.QueryResult>).then((r) => r);
  const time = async (label: string, s: string, v: unknown[] = [], pre: string[] = []) => {
    let best = Infinity;
    for (let i = 0; i < REPEAT; i++) {
      await q('SAVEPOINT bench_explain');
      for (const p of pre) await q(p);
      const t0 = performance.now();
      await q(s, v);
      best = Math.min(best, performance.now() - t0);
      await q('ROLLBACK TO SAVEPOINT bench_explain');
    }
    report.push(`${best.toFixed(1).padStart(8)} ms  ${label}`);
    return best;
  };
  const stage = 'registry_import_organisation_stage';
  const n = Number((await q(`SELECT count(*) AS n FROM ${stage}`)).rows[0].n);
  report.push(`batch ${AT}: ${n} staged rows`);
  const cols =
    'kind, name, full_name, legal_form, inn, ogrn, kpp, region_code, town, description, latitude, longitude, source_id, source_quote';
  const ids = `CREATE TEMP TABLE bench_ids ON COMMIT DROP AS SELECT nextval(pg_get_serial_sequence('organisation', 'id'))::int4 AS id, st.* FROM ${stage} st ORDER BY st.ord`;
  await time('whole merging statement', text, values);
  await time(
    'organisations only (INSERT … SELECT from the staging table)',
    `INSERT INTO organisation (id, ${cols}) SELECT id, ${cols} FROM bench_ids`,
    [],
    [ids],
  );
  const orgs = `INSERT INTO organisation (id, ${cols}) SELECT id, ${cols} FROM bench_ids`;
  const okved = `INSERT INTO organisation_okved (organisation_id, okved_code, is_main) SELECT s.id, k.code, k.main FROM bench_ids s CROSS JOIN LATERAL unnest(s.okved_codes, s.okved_main) AS k(code, main)`;
  await time('ОКВЭД2 rows alone (organisations written before, untimed)', okved, [], [ids, orgs]);
  await time(
    'ОКВЭД2 rows alone, supplier-candidate trigger disabled',
    okved,
    [],
    [
      ids,
      orgs,
      'ALTER TABLE organisation_okved DISABLE TRIGGER organisation_okved_supplier_candidate',
    ],
  );
  await time(
    'ОКВЭД2 rows alone, all triggers disabled (supplier candidate and foreign keys)',
    okved,
    [],
    [ids, orgs, 'SET LOCAL session_replication_role = replica'],
  );
  await time(
    'supplier candidates written by one statement instead (what the trigger writes)',
    `INSERT INTO supplier_candidate (organisation_id, okved_code, latitude, longitude, region_code, published, deleted_at)
     SELECT s.id, k.code, o.latitude, o.longitude, o.region_code, o.published, o.deleted_at
       FROM bench_ids s CROSS JOIN LATERAL unnest(s.okved_codes) AS k(code) JOIN organisation o ON o.id = s.id`,
    [],
    [ids, orgs],
  );
  await time(
    'audit entries alone (jsonb of the record)',
    `INSERT INTO audit_entry (user_id, action, entity_type, entity_id, before, after, source_id)
     SELECT NULL, 'create', 'organisation', o.id::text, NULL, to_jsonb(o) - 'search_vector' - 'search_text', o.source_id
       FROM organisation o JOIN bench_ids s ON s.id = o.id`,
    [],
    [ids, orgs],
  );
  await time(
    'import versions alone',
    `INSERT INTO registry_import_record (entity_type, record_id, version, job_id)
     SELECT 'organisation', s.id, 1, (SELECT max(id) FROM registry_import_job) FROM bench_ids s
     ON CONFLICT (entity_type, record_id) DO UPDATE SET version = excluded.version, job_id = excluded.job_id`,
    [],
    [ids, orgs],
  );
  await q('SAVEPOINT bench_explain');
  const plan = await q(`EXPLAIN (ANALYZE, BUFFERS, TIMING) ${text}`, values);
  await q('ROLLBACK TO SAVEPOINT bench_explain');
  report.push('EXPLAIN (ANALYZE, BUFFERS) of the whole merging statement:');
  for (const r of plan.rows as Array<Record<string, string>>) report.push('  ' + r['QUERY PLAN']);
}
(pg.Client.prototype as unknown as { query: unknown }).query = function (
  this: pg.Client,
  ...args: unknown[]
) {
  // db/prepared-statements.ts sends Kysely's queries as { name, text, values }.
  const config = args[0] as string | { text?: string; values?: unknown[] } | undefined;
  const text = typeof config === 'string' ? config : (config?.text ?? null);
  const values = typeof config === 'string' ? (args[1] as unknown[]) : config?.values;
  if (text && MERGE.test(text) && ++seen === AT)
    return experiments(this, text, values ?? []).then(() => orig.apply(this, args));
  return orig.apply(this, args);
};

/** CPU seconds the server's backends of one database have used (the server runs on this machine). */
function backendSeconds(database: string): number {
  let ticks = 0;
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(database)) continue;
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]);
    } catch {
      // A process that ended meanwhile.
    }
  }
  return ticks / 100;
}

const name = `promatlas_bench_explain_${process.pid}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
const url = new URL(base);
url.pathname = '/' + name;
const c = connectPostgres(url.toString(), 5);
try {
  await migrateToLatest(c.db);
  await syncReferenceData(c.db);
  const orgs = generateOrganisations(ROWS);
  const bytes = organisationsCsv(orgs);
  console.log(
    `Registry import, one batch profiled — ${new Date().toISOString()}; load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  let rss = 0;
  let heap = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 50);
  const rss0 = process.memoryUsage().rss;
  const cpu0 = process.cpuUsage();
  const pg0 = backendSeconds(name);
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
  console.log(
    `import ${ROWS}, batches of ${BATCH['postgres']}: ${((performance.now() - t0) / 1000).toFixed(1)} s; ${JSON.stringify(job.counts)}`,
  );
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  // With --expose-gc: what the import left live (a leak would show here, lazy collection would not).
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) {
    gc();
    console.log(
      `heap after the import and a full collection: ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB`,
    );
  }
  console.log(
    `memory: peak RSS ${(rss / 2 ** 20).toFixed(0)} MB (${(rss0 / 2 ** 20).toFixed(0)} MB before the import), peak main-thread heap ${(heap / 2 ** 20).toFixed(0)} MB`,
  );
  console.log(
    `CPU: this process (main thread and the reading worker) ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; the database's backends ${(backendSeconds(name) - pg0).toFixed(1)} s (the profiled batch's variants included)`,
  );
  console.log(report.join('\n'));
  // The raw COPY of the same rows into the same (fresh, migrated) table, for its wall and CPU time.
  const copyName = `${name}_copy`;
  await admin.query(`CREATE DATABASE ${copyName} TEMPLATE template0 ENCODING 'UTF8'`);
  const copyUrl = new URL(base);
  copyUrl.pathname = '/' + copyName;
  const cc = connectPostgres(copyUrl.toString(), 1);
  await migrateToLatest(cc.db);
  await syncReferenceData(cc.db);
  await cc.close();
  const sqlc = postgres(copyUrl.toString(), { max: 1, onnotice: () => {} });
  await sqlc`SELECT 1`;
  const c0 = backendSeconds(copyName);
  const t1 = performance.now();
  const stream =
    await sqlc`COPY organisation (kind, name, full_name, legal_form, inn, ogrn, kpp, region_code, town, latitude, longitude) FROM STDIN`.writable();
  await pipeline(Readable.from([orgs.map(copyLine).join('')]), stream);
  console.log(
    `raw COPY of the same ${ROWS} rows: ${((performance.now() - t1) / 1000).toFixed(1)} s; the database's backend ${(backendSeconds(copyName) - c0).toFixed(1)} s CPU`,
  );
  await sqlc.end();
  await admin.query(`DROP DATABASE ${copyName} WITH (FORCE)`);
  console.log(
    `load after: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
} finally {
  await c.close();
  await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
  await admin.end();
}
