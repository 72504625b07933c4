// One measurement of the registry benchmark's XLSX mode, in a process of its
// own so that each starts from a fresh heap and its peak RSS is its own:
//   tsx bench/lib/xlsx-import-memory.ts <mode> <file.xlsx> <source root> [database url]
// mode: `whole-read` (`readTable`: the whole table at once — the workbook
// loaded whole before readTable streamed XLSX), `stream-read` (the tabular
// layer's batches), `stream-read-compact` (the batches with the shared strings
// packed but never spilled to a temporary file),
// `import` (the whole registry import into a fresh PostgreSQL database, its
// worker thread included). The source root is the checkout whose code runs
// (a baseline checkout measures the code before a change). Prints one JSON line.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

const [mode, file, root, databaseUrl] = process.argv.slice(2) as [
  string,
  string,
  string,
  string | undefined,
];
const src = (p: string) => import(path.join(root, 'packages/server/src', p));

let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));

async function measure(run: () => Promise<unknown>) {
  global.gc?.();
  const before = process.memoryUsage().rss;
  peak = before;
  const timer = setInterval(sample, 20);
  const t0 = performance.now();
  const result = await run();
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  sample();
  return { before: before / 2 ** 20, peak: peak / 2 ** 20, seconds, result };
}

if (mode === 'whole-read') {
  const { readTable } = await src('imports/tabular/index.ts');
  const m = await measure(
    async () => (await readTable({ path: file }, { trim: true })).rows.length,
  );
  console.log(JSON.stringify({ mode, ...m }));
} else if (mode === 'stream-read' || mode === 'stream-read-compact') {
  const { streamTable } = await src('imports/tabular/index.ts');
  const m = await measure(async () => {
    const table = await streamTable(
      { path: file },
      {
        batchSize: 1000,
        trim: true,
        skipTitleRows: true,
        ...(mode === 'stream-read-compact' ? { stringsMemoryLimit: Infinity } : {}),
      },
    );
    let rows = 0;
    for await (const batch of table.batches) rows += batch.rows.length;
    return rows;
  });
  console.log(JSON.stringify({ mode, ...m }));
} else if (mode === 'import') {
  const { connectPostgres } = await src('db/connection.ts');
  const { migrateToLatest } = await src('db/migrate.ts');
  const { syncReferenceData } = await src('reference/sync-reference-data.ts');
  const { importRegistryFile } = await src('registry-import/index.ts');
  const base = new URL(databaseUrl!);
  const name = `promatlas_bench_xlsx_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  const c = connectPostgres(url.toString(), 5);
  try {
    await migrateToLatest(c.db);
    await syncReferenceData(c.db);
    const bytes = fs.readFileSync(file);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const size = bytes.length;
    const m = await measure(async () => {
      const job = await importRegistryFile(
        c.db,
        c.kind,
        { path: file, fileName: 'bench.xlsx', size, sha256 },
        { entity: 'organisations', dryRun: false },
        {
          userId: null,
          regions: null,
          name: 'benchmark',
          administrator: true,
          viewer: { user: null, sessionHash: null, csrfToken: null },
        },
      );
      return { status: job.status, counts: job.counts, problems: job.problems?.slice?.(0, 2) };
    });
    console.log(JSON.stringify({ mode, ...m }));
  } finally {
    await c.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
} else {
  throw new Error(`unknown mode ${mode}`);
}
