/**
 * Export benchmark: 300,000 organisations as CSV and XLSX through the export
 * use case (the same code as `GET /api/organisations/export`), read as the
 * public reader through the published views, written to a sink that only
 * counts bytes. Baseline measured in the same run: one raw SELECT of the same
 * rows and columns in the same order (the database's share of the work).
 * Peak memory is sampled every 20 ms during each phase (heap used and RSS).
 *
 * The registry is built once with bench/generate-registry.ts into the
 * database BENCH_EXPORTS_DATABASE_URL (default: promatlas_bench_exports on
 * the server of TEST_DATABASE_URL / DATABASE_URL, created if missing) and
 * reused by later runs.
 *
 * Run: npm run bench:exports
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { connectPostgres } from '../packages/server/src/db/connection.ts';
import { readDbFor } from '../packages/server/src/db/read-db.ts';
import { exportList } from '../packages/server/src/exports/exports.service.ts';
import { organisationsExport } from '../packages/server/src/exports/list-exports.ts';
import type { ExportOptions } from '../packages/server/src/exports/export-format.ts';

const ORGANISATIONS = 300_000;
const server = process.env['TEST_DATABASE_URL'] ?? process.env['DATABASE_URL'];
const url =
  process.env['BENCH_EXPORTS_DATABASE_URL'] ??
  (server
    ? Object.assign(new URL(server), { pathname: '/promatlas_bench_exports' }).toString()
    : undefined);
if (!url) {
  console.error(
    'Set BENCH_EXPORTS_DATABASE_URL, TEST_DATABASE_URL or DATABASE_URL (PostgreSQL 15).',
  );
  process.exit(2);
}

async function ensureRegistry(): Promise<number> {
  const admin = new pg.Client({
    connectionString: Object.assign(new URL(url!), { pathname: '/postgres' }).toString(),
  });
  await admin.connect();
  const name = new URL(url!).pathname.slice(1);
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const count = async () =>
    (
      await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_tables WHERE tablename = 'organisation'",
      )
    ).rows[0]!.n
      ? (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM organisation')).rows[0]!
          .n
      : 0;
  let n = await count();
  if (n < ORGANISATIONS) {
    console.log(
      `building the registry (${ORGANISATIONS} organisations) with generate-registry.ts…`,
    );
    execFileSync('npx', ['tsx', 'bench/generate-registry.ts', '--reset'], {
      stdio: 'inherit',
      env: { ...process.env, DATABASE_URL: url },
    });
    n = await count();
  }
  await client.end();
  return n;
}

/** Peak heap and RSS while `run` runs, sampled every 20 ms. */
async function measured<T>(run: () => Promise<T>) {
  globalThis.gc?.();
  const before = process.memoryUsage();
  let heap = before.heapUsed;
  let rss = before.rss;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    heap = Math.max(heap, m.heapUsed);
    rss = Math.max(rss, m.rss);
  }, 20);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = await run();
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpuStart);
  clearInterval(timer);
  const m = process.memoryUsage();
  heap = Math.max(heap, m.heapUsed);
  rss = Math.max(rss, m.rss);
  const mb = (b: number) => Math.round(b / 1e6);
  return {
    result,
    seconds,
    // This process's CPU time (all its threads); the database server's is not in it.
    cpuSeconds: (used.user + used.system) / 1e6,
    peakHeapMb: mb(heap),
    heapGrowthMb: mb(heap - before.heapUsed),
    peakRssMb: mb(rss),
  };
}

function sink() {
  let bytes = 0;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  return { stream, bytes: () => bytes };
}

const total = await ensureRegistry();
const connection = connectPostgres(url, 4);
const db = readDbFor(connection.db, 'published');
const options = (
  format: ExportOptions['format'],
  extra: Partial<ExportOptions> = {},
): ExportOptions => ({
  format,
  encoding: 'utf-8',
  delimiter: 'comma',
  lang: 'ru',
  ...extra,
});

async function exportPhase(label: string, opts: ExportOptions) {
  const out = sink();
  const m = await measured(async () => {
    const file = await exportList(db, organisationsExport, { sort: 'name' }, opts, {
      schema: 'published',
      kind: 'postgres',
    });
    await pipeline(file.body, out.stream);
    return out.bytes();
  });
  console.log(
    `${label}: ${m.seconds.toFixed(2)} s (CPU ${m.cpuSeconds.toFixed(2)} s), ${(m.result / 1e6).toFixed(1)} MB, peak heap ${m.peakHeapMb} MB (+${m.heapGrowthMb}), peak RSS ${m.peakRssMb} MB`,
  );
  return { label, ...m, bytes: m.result };
}

// Warm-up: plans and caches, so that neither the baseline nor the export pays the first query alone.
await exportPhase('warm-up (CSV)', options('csv'));

const phases = [
  await exportPhase('CSV UTF-8', options('csv')),
  await exportPhase(
    'CSV Windows-1251 «;»',
    options('csv', { encoding: 'windows-1251', delimiter: 'semicolon' }),
  ),
  await exportPhase('XLSX', options('xlsx')),
];

const raw = new pg.Client({ connectionString: url });
await raw.connect();
const baseline = await measured(async () => {
  const { rows } = await raw.query(`
    SELECT o.id, o.name, o.full_name, o.legal_form, o.kind, o.inn, o.kpp, o.ogrn,
           (SELECT oo.okved_code FROM published.organisation_okved oo
             WHERE oo.organisation_id = o.id AND oo.is_main LIMIT 1) AS main_okved,
           o.region_code, r.name AS region_name, o.town, o.latitude, o.longitude
    FROM published.organisation o LEFT JOIN published.region r ON r.code = o.region_code
    WHERE o.deleted_at IS NULL
    ORDER BY o.name COLLATE ru, o.id`);
  return rows.length;
});
await raw.end();
console.log(
  `baseline raw SELECT: ${baseline.seconds.toFixed(2)} s, ${baseline.result} rows, peak heap ${baseline.peakHeapMb} MB (+${baseline.heapGrowthMb}), peak RSS ${baseline.peakRssMb} MB`,
);
await connection.close();

const load = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
console.log(
  `\n### Exports, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC — ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load ${load}`,
);
console.log(
  `${total} organisations in PostgreSQL 15, public reader (published views), sort by name.\n`,
);
console.log(
  '| phase | time, s | × baseline | CPU of this process, s | size, MB | peak heap, MB (growth) | peak RSS, MB |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- |');
console.log(
  `| baseline: raw SELECT of the same rows | ${baseline.seconds.toFixed(2)} | 1.0 | ${baseline.cpuSeconds.toFixed(2)} | — | ${baseline.peakHeapMb} (+${baseline.heapGrowthMb}) | ${baseline.peakRssMb} |`,
);
for (const p of phases)
  console.log(
    `| ${p.label} | ${p.seconds.toFixed(2)} | ${(p.seconds / baseline.seconds).toFixed(1)} | ${p.cpuSeconds.toFixed(2)} | ${(p.bytes / 1e6).toFixed(1)} | ${p.peakHeapMb} (+${p.heapGrowthMb}) | ${p.peakRssMb} |`,
  );
const csv = phases[0]!;
const xlsx = phases[2]!;
console.log(
  `\nTargets: CSV ≤ 5 s — ${csv.seconds <= 5 ? 'met' : 'NOT met'} (${csv.seconds.toFixed(2)} s); XLSX ≤ 30 s — ${xlsx.seconds <= 30 ? 'met' : 'NOT met'} (${xlsx.seconds.toFixed(2)} s).`,
);
