// Registry import benchmark: N organisations from a CSV (Windows-1251, «;»,
// decimal commas, as Russian Excel saves it) through the whole import — the
// worker reads and checks every row (ИНН/ОГРН checksums, region spellings,
// ОКВЭД2 codes, numbers), the upsert matches by ИНН and writes each record
// with its ОКВЭД2 code, one audit entry and its provenance — against a raw
// COPY of the same rows into the same table, on PostgreSQL 15 in the same run;
// then the same import on the embedded database (PGlite, on disk), against a
// raw COPY of the same rows into the same table of another embedded database
// (PGlite's COPY from a blob), in the same run. Peak RSS of this process (the
// worker thread included) is sampled throughout.
//
// The import writes a batch's new organisations by COPY straight into their
// four tables (organisation, ОКВЭД2 rows, audit entries, import versions);
// BENCH_REGISTRY_UNNEST=1 also runs it, on a fresh
// database of each kind, through the other write path (one INSERT … SELECT
// FROM unnest(…) per table, what a Db without a COPY driver gets), so the two
// are compared in the same run.
//
// Run: BENCH_DATABASE_URL=postgres://… npm run bench:registry-import
// (defaults to TEST_DATABASE_URL). BENCH_REGISTRY_ROWS (300000),
// BENCH_REGISTRY_EMBEDDED_ROWS (rows for the embedded run, default the same).
// BENCH_REGISTRY_FORMAT=xlsx (npm run bench:registry-import-xlsx): the import
// memory of the same rows as an XLSX workbook instead (lib/registry-import-xlsx.ts).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import postgres from 'postgres';
import {
  connectPglite,
  connectPostgres,
  type Connection,
} from '../packages/server/src/db/connection.ts';
import { migrateToLatest } from '../packages/server/src/db/migrate.ts';
import { syncReferenceData } from '../packages/server/src/reference/sync-reference-data.ts';
import { importRegistryFile } from '../packages/server/src/registry-import/index.ts';
import { BATCH } from '../packages/server/src/registry-import/process-rows.ts';
import { xlsxImportMemory } from './lib/registry-import-xlsx.ts';
import {
  copyLine,
  generateOrganisations,
  organisationsCsv,
  type GeneratedOrganisation,
} from './lib/organisation-rows.ts';

const BASE = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
if (!BASE) {
  console.error('Set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL 15 server');
  process.exit(1);
}
const ROWS = Number(process.env['BENCH_REGISTRY_ROWS'] ?? 300_000);
const EMBEDDED_ROWS = Number(process.env['BENCH_REGISTRY_EMBEDDED_ROWS'] ?? ROWS);
const UNNEST_TOO = process.env['BENCH_REGISTRY_UNNEST'] === '1';
// Rows per batch on PostgreSQL (BENCH_REGISTRY_BATCH overrides the import's own).
if (process.env['BENCH_REGISTRY_BATCH'])
  BATCH['postgres'] = Number(process.env['BENCH_REGISTRY_BATCH']);
type Org = GeneratedOrganisation;
const generate = generateOrganisations;
const csvOf = organisationsCsv;

async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = new URL(BASE!);
  const name = `promatlas_bench_registry_${process.pid}_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: base.toString() });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

async function prepare(c: Connection) {
  await migrateToLatest(c.db);
  await syncReferenceData(c.db);
}

/** Peak RSS while `fn` runs, sampled every 50 ms. */
async function withPeak<T>(
  fn: () => Promise<T>,
): Promise<{ value: T; peakMb: number; startMb: number; seconds: number }> {
  let peak = process.memoryUsage().rss;
  const start = peak;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  try {
    const value = await fn();
    return {
      value,
      peakMb: peak / 2 ** 20,
      startMb: start / 2 ** 20,
      seconds: (performance.now() - t0) / 1000,
    };
  } finally {
    clearInterval(timer);
  }
}

// The import reads the file from disk, as an upload or the command line gives it.
async function runImport(c: Connection, bytes: Buffer, write: 'copy' | 'unnest' = 'copy') {
  const onDisk = path.join(os.tmpdir(), `promatlas-registry-bench-${process.pid}.csv`);
  fs.writeFileSync(onDisk, bytes);
  return importRegistryFile(
    // A Db derived from the connection's has no COPY driver: the import writes through unnest.
    write === 'copy' ? c.db : c.db.withoutPlugins(),
    c.kind,
    {
      path: onDisk,
      fileName: 'bench.csv',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    },
    { entity: 'organisations', dryRun: false },
    {
      userId: null,
      regions: null,
      name: 'benchmark',
      administrator: true,
      viewer: { user: null, sessionHash: null, csrfToken: null },
    },
  );
}

/**
 * The embedded ceiling: the same rows COPYed into the same table from one blob
 * (PGlite has no COPY FROM STDIN); `bare`: into the table without its two GIN
 * search indexes and its triggers (the typo-search words), the floor of what
 * writing these rows costs the embedded database at all.
 */
async function rawEmbeddedCopy(orgs: Org[], bare = false): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-bench-registry-copy-'));
  const c = await connectPglite(dir);
  try {
    await prepare(c);
    if (bare)
      await c.pglite!.exec(
        'DROP INDEX organisation_search_vector_idx; DROP INDEX organisation_search_text_idx; ALTER TABLE organisation DISABLE TRIGGER USER',
      );
    const blob = new Blob([orgs.map(copyLine).join('')]);
    const t0 = performance.now();
    await c.pglite!.query(
      "COPY organisation (kind, name, full_name, legal_form, inn, ogrn, kpp, region_code, town, latitude, longitude) FROM '/dev/blob'",
      [],
      { blob },
    );
    return (performance.now() - t0) / 1000;
  } finally {
    await c.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function rawCopy(url: string, orgs: Org[]): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const t0 = performance.now();
    const stream =
      await sql`COPY organisation (kind, name, full_name, legal_form, inn, ogrn, kpp, region_code, town, latitude, longitude) FROM STDIN`.writable();
    await new Promise<void>((resolve, reject) => {
      stream.on('error', reject);
      stream.on('finish', resolve);
      let i = 0;
      const write = () => {
        let ok = true;
        while (i < orgs.length && ok) {
          const o = orgs[i++]!;
          ok = stream.write(copyLine(o));
        }
        if (i < orgs.length) stream.once('drain', write);
        else stream.end();
      };
      write();
    });
    return (performance.now() - t0) / 1000;
  } finally {
    await sql.end();
  }
}

/** Each figure with the time and the 1-minute load it was measured at. */
const log = (message: string) =>
  console.log(
    `[${new Date().toISOString().slice(11, 19)} load ${os.loadavg()[0]!.toFixed(1)}] ${message}`,
  );
log(`Registry import benchmark — ${new Date().toISOString()}`);
log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}, node ${process.version}`,
);
const orgs = generate(Math.max(ROWS, EMBEDDED_ROWS));
// XLSX mode: the import memory of the same rows as a workbook (bench/lib/registry-import-xlsx.ts).
if (process.env['BENCH_REGISTRY_FORMAT'] === 'xlsx') {
  await xlsxImportMemory(orgs.slice(0, ROWS), BASE);
  process.exit(0);
}
const file = csvOf(orgs.slice(0, ROWS));
log(`file: ${ROWS} organisations, ${(file.length / 2 ** 20).toFixed(1)} MB (Windows-1251, «;»)`);

// Raw COPY into a fresh database of the same schema, then the import into another.
const copyDb = await freshPostgres();
const copyConn = connectPostgres(copyDb.url, 2);
await prepare(copyConn);
await copyConn.close();
const copySeconds = await rawCopy(copyDb.url, orgs.slice(0, ROWS));
await copyDb.drop();
log(`PostgreSQL raw COPY: ${copySeconds.toFixed(1)} s, ${(ROWS / copySeconds).toFixed(0)} rows/s`);

// BENCH_REGISTRY_BATCHES=1000,5000: the import once per PostgreSQL batch size, each into a fresh
// database, against the one raw COPY of this run.
const sizes = (process.env['BENCH_REGISTRY_BATCHES'] ?? String(BATCH['postgres']))
  .split(',')
  .map(Number);
for (const size of sizes) {
  BATCH['postgres'] = size;
  const importDb = await freshPostgres();
  const importConn = connectPostgres(importDb.url, 5);
  await prepare(importConn);
  if (typeof global.gc === 'function') global.gc();
  const pgRun = await withPeak(() => runImport(importConn, file));
  const pgRate = ROWS / pgRun.seconds;
  log(
    `PostgreSQL import, batches of ${size}: ${pgRun.seconds.toFixed(1)} s, ${pgRate.toFixed(0)} rows/s = ${((100 * pgRate) / (ROWS / copySeconds)).toFixed(0)} % of COPY (target ≥ 50 %); peak RSS ${pgRun.peakMb.toFixed(0)} MB (${pgRun.startMb.toFixed(0)} MB before it: the benchmark's own generated rows and file); counts ${JSON.stringify(pgRun.value.counts)}`,
  );
  const again = await withPeak(() => runImport(importConn, file));
  log(
    `PostgreSQL second import of the same file, batches of ${size}: ${again.seconds.toFixed(1)} s; counts ${JSON.stringify(again.value.counts)}`,
  );
  await importConn.close();
  await importDb.drop();
}
if (UNNEST_TOO) {
  const unnestDb = await freshPostgres();
  const unnestConn = connectPostgres(unnestDb.url, 5);
  await prepare(unnestConn);
  const run = await withPeak(() => runImport(unnestConn, file, 'unnest'));
  log(
    `PostgreSQL import through unnest (the other write path, same run): ${run.seconds.toFixed(1)} s, ${(ROWS / run.seconds).toFixed(0)} rows/s = ${((100 * ROWS) / run.seconds / (ROWS / copySeconds)).toFixed(0)} % of COPY; counts ${JSON.stringify(run.value.counts)}`,
  );
  await unnestConn.close();
  await unnestDb.drop();
}

const embeddedCopy = await rawEmbeddedCopy(orgs.slice(0, EMBEDDED_ROWS));
log(
  `Embedded (PGlite) raw COPY: ${EMBEDDED_ROWS} rows in ${embeddedCopy.toFixed(1)} s, ${(EMBEDDED_ROWS / embeddedCopy).toFixed(0)} rows/s`,
);
const bareCopy = await rawEmbeddedCopy(orgs.slice(0, EMBEDDED_ROWS), true);
log(
  `Embedded (PGlite) raw COPY into the table without its GIN search indexes and triggers: ${EMBEDDED_ROWS} rows in ${bareCopy.toFixed(1)} s, ${(EMBEDDED_ROWS / bareCopy).toFixed(0)} rows/s`,
);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-bench-registry-'));
const embedded = await connectPglite(dir);
await prepare(embedded);
const embeddedFile = EMBEDDED_ROWS === ROWS ? file : csvOf(orgs.slice(0, EMBEDDED_ROWS));
const pgliteRun = await withPeak(() => runImport(embedded, embeddedFile));
log(
  `Embedded (PGlite) import: ${EMBEDDED_ROWS} rows in ${pgliteRun.seconds.toFixed(1)} s, ${(EMBEDDED_ROWS / pgliteRun.seconds).toFixed(0)} rows/s = ${((100 * embeddedCopy) / pgliteRun.seconds).toFixed(0)} % of its raw COPY (target ≥ 20,000 rows/s); peak RSS ${pgliteRun.peakMb.toFixed(0)} MB (${pgliteRun.startMb.toFixed(0)} MB before it); counts ${JSON.stringify(pgliteRun.value.counts)}`,
);
await embedded.close();
fs.rmSync(dir, { recursive: true, force: true });
if (UNNEST_TOO) {
  const unnestDir = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-bench-registry-'));
  const c = await connectPglite(unnestDir);
  await prepare(c);
  const run = await withPeak(() => runImport(c, embeddedFile, 'unnest'));
  log(
    `Embedded (PGlite) import through unnest (same run): ${EMBEDDED_ROWS} rows in ${run.seconds.toFixed(1)} s, ${(EMBEDDED_ROWS / run.seconds).toFixed(0)} rows/s = ${((100 * embeddedCopy) / run.seconds).toFixed(0)} % of its raw COPY; counts ${JSON.stringify(run.value.counts)}`,
  );
  await c.close();
  fs.rmSync(unnestDir, { recursive: true, force: true });
}
