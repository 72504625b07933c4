// Where the embedded database's time goes when organisations are written:
// each variant COPYs the same N organisations (from one blob, in batches)
// into the organisation table of a fresh embedded database (PGlite, on disk,
// durable as the application opens it), with one part of the table's upkeep
// taken away — the statement-level trigger collecting typo-search words, the
// two GIN search indexes, both — and then the other rows an import writes
// per record (ОКВЭД2 code, audit entry with the record as JSON, import
// version), each on its own. Each variant's time is given against the full
// COPY of the same run.
//
// Run: npx tsx bench/registry-import-profile.ts  (BENCH_PROFILE_ROWS, default
// 20000; BENCH_PROFILE_BATCH, rows per COPY, default 500)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { FEDERAL_SUBJECTS } from '../packages/core/src/regions/federal-subjects.ts';
import { connectPglite, type Connection } from '../packages/server/src/db/connection.ts';
import { migrateToLatest } from '../packages/server/src/db/migrate.ts';
import { syncReferenceData } from '../packages/server/src/reference/sync-reference-data.ts';
import { legalEntityIds } from './lib/identifiers.ts';
import { enterpriseName, mulberry32 } from './lib/names.ts';

const ROWS = Number(process.env['BENCH_PROFILE_ROWS'] ?? 20_000);
const BATCH = Number(process.env['BENCH_PROFILE_BATCH'] ?? 500);

const rng = mulberry32(20261201);
const subjects = FEDERAL_SUBJECTS.filter((s) => s.code.length === 2);
const esc = (v: string) => v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
const lines = Array.from({ length: ROWS }, (_, i) => {
  const s = subjects[i % subjects.length]!;
  const ids = legalEntityIds(s.code, Math.floor(i / subjects.length) + 1, 2000 + (i % 24));
  const name = enterpriseName(rng, 'Региональный', s.shortName);
  return [
    String(i + 1),
    'enterprise',
    esc(name),
    esc(`Общество с ограниченной ответственностью ${name}`),
    'ООО',
    ids.inn,
    ids.ogrn,
    ids.kpp,
    s.code,
    esc(s.shortName),
    (45 + rng() * 20).toFixed(4),
    (30 + rng() * 100).toFixed(4),
  ].join('\t');
});
const ORG =
  'organisation (id, kind, name, full_name, legal_form, inn, ogrn, kpp, region_code, town, latitude, longitude)';

async function fresh<T>(fn: (c: Connection) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-import-profile-'));
  const c = await connectPglite(dir, { inThread: true });
  try {
    await migrateToLatest(c.db);
    await syncReferenceData(c.db);
    return await fn(c);
  } finally {
    await c.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Seconds to COPY every row in batches, one transaction per batch. */
async function copyBatches(c: Connection, table: string, text: (i: number) => string) {
  const t0 = performance.now();
  for (let i = 0; i < ROWS; i += BATCH) {
    const blob = new Blob([
      Array.from({ length: Math.min(BATCH, ROWS - i) }, (_, k) => text(i + k) + '\n').join(''),
    ]);
    await c.pglite!.transaction(async (tx) => {
      await tx.query(`COPY ${table} FROM '/dev/blob'`, [], { blob });
    });
  }
  return (performance.now() - t0) / 1000;
}

const results: Array<[string, number]> = [];
const run = async (label: string, prepare: string[], after?: (c: Connection) => Promise<number>) =>
  fresh(async (c) => {
    for (const s of prepare) await c.pglite!.exec(s);
    let seconds = await copyBatches(c, ORG, (i) => lines[i]!);
    if (after) seconds += await after(c);
    results.push([label, seconds]);
    console.log(
      `${label}: ${seconds.toFixed(2)} s, ${(ROWS / seconds).toFixed(0)} rows/s (load ${os.loadavg()[0]!.toFixed(1)})`,
    );
  });

console.log(
  `Embedded write profile — ${new Date().toISOString()}, ${ROWS} organisations in COPYs of ${BATCH}; ${os.cpus().length} × ${os.cpus()[0]?.model}, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
await run('organisation, everything (the raw COPY baseline)', []);
await run('without the search-word trigger', [
  'ALTER TABLE organisation DISABLE TRIGGER organisation_search_words_insert',
]);
await run('without the two GIN search indexes', [
  'DROP INDEX organisation_search_vector_idx',
  'DROP INDEX organisation_search_text_idx',
]);
const WORDS = `INSERT INTO search_word (word)
  SELECT DISTINCT w FROM (SELECT regexp_split_to_table(replace(search_text, 'ё', 'е'), '[^[:alnum:]]+') AS w
                            FROM organisation WHERE published AND deleted_at IS NULL) x
   WHERE length(w) >= 3 ON CONFLICT DO NOTHING`;
const timed = (statement: string) => async (c: Connection) => {
  const t0 = performance.now();
  await c.pglite!.exec(statement);
  return (performance.now() - t0) / 1000;
};
await run(
  'without the search-word trigger, the words collected once at the end',
  ['ALTER TABLE organisation DISABLE TRIGGER organisation_search_words_insert'],
  timed(WORDS),
);
await run(
  'without trigger and GIN indexes, both rebuilt at the end',
  [
    'ALTER TABLE organisation DISABLE TRIGGER organisation_search_words_insert',
    'DROP INDEX organisation_search_vector_idx',
    'DROP INDEX organisation_search_text_idx',
  ],
  timed(`
      CREATE INDEX organisation_search_vector_idx ON organisation USING gin (search_vector);
      CREATE INDEX organisation_search_text_idx ON organisation USING gin (search_text gin_trgm_ops);
      ${WORDS};`),
);
// The other rows an import writes per record, each alone, into a table that already holds the organisations.
await fresh(async (c) => {
  await copyBatches(c, ORG, (i) => lines[i]!);
  const okved = await copyBatches(c, 'organisation_okved', (i) => `${i + 1}\t25\tt`);
  const audit = await copyBatches(
    c,
    'audit_entry (action, entity_type, entity_id, after)',
    (i) =>
      `create\torganisation\t${i + 1}\t${JSON.stringify({ id: i + 1, name: lines[i]!.split('\t')[2], inn: lines[i]!.split('\t')[5], kind: 'enterprise', version: 1, published: true, import: { job: 1, line: i + 2 } }).replace(/\\/g, '\\\\')}`,
  );
  await c.pglite!.exec(
    `INSERT INTO registry_import_job (entity, dry_run, file_name, status, columns) VALUES ('organisations', false, 'profile', 'running', '{}')`,
  );
  const versions = await copyBatches(
    c,
    'registry_import_record (entity_type, record_id, version, job_id)',
    (i) => `organisation\t${i + 1}\t1\t1`,
  );
  for (const [label, s] of [
    ['ОКВЭД2 rows alone', okved],
    ['audit entries alone', audit],
    ['import versions alone', versions],
  ] as const) {
    results.push([label, s]);
    console.log(`${label}: ${s.toFixed(2)} s, ${(ROWS / s).toFixed(0)} rows/s`);
  }
});
const base = results[0]![1];
console.log('\nagainst the full COPY of this run:');
for (const [label, s] of results) console.log(`  ${label}: ${((100 * s) / base).toFixed(0)} %`);
