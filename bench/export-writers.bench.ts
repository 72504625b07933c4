/**
 * The export writers alone, without a database: 300,000 organisation-shaped
 * rows (generated in batches of 5,000, as the export reads them) through the
 * organisations export's columns into the CSV and XLSX writers, written to a
 * sink that counts bytes. Baseline in the same run: the same rows with every
 * cell value computed and nothing written — what is left is the writers'
 * per-row cost (cell formatting, string building, XML, compression).
 *
 * Run: npm run bench:export-writers  (ROWS=… to change the count; profile with
 * node --cpu-prof --import tsx bench/export-writers.bench.ts)
 */
import os from 'node:os';
import { Writable, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { performance } from 'node:perf_hooks';
import { csvChunks } from '../packages/server/src/exports/csv-writer.ts';
import { xlsxStream } from '../packages/server/src/exports/xlsx-writer.ts';
import { organisationsExport } from '../packages/server/src/exports/list-exports.ts';
import type { ExportColumn } from '../packages/server/src/exports/export-format.ts';

const ROWS = Number(process.env['ROWS'] ?? 300_000);
const BATCH = 5000;
type Row = Parameters<(typeof organisationsExport.columns)[number]['value']>[0];

const KINDS = ['enterprise', 'university', 'research', 'management_company', 'other'] as const;
function row(k: number): Row {
  return {
    id: k + 1,
    name: `Предприятие ${k} «Металл-${k % 997}»`,
    legal_form: k % 3 ? 'ООО' : 'АО',
    kind: KINDS[k % KINDS.length],
    inn: String(4800000000 + k),
    ogrn: k % 4 ? String(1024800000000 + k) : null,
    region_code: String(10 + (k % 80)),
    region_name: 'Липецкая область',
    town: k % 5 ? 'Липецк' : null,
    full_name: k % 2 ? `Общество с ограниченной ответственностью «Металл-${k}», филиал` : null,
    kpp: k % 2 ? '482401001' : null,
    latitude: k % 3 ? 52.6 + (k % 100) / 1000 : null,
    longitude: k % 3 ? 39.5 + (k % 100) / 1000 : null,
    main_okved: k % 7 ? `25.${k % 99}` : null,
  } as unknown as Row;
}
async function* batches(): AsyncGenerator<Row[]> {
  for (let start = 0; start < ROWS; start += BATCH) {
    const out: Row[] = [];
    for (let k = start; k < Math.min(ROWS, start + BATCH); k++) out.push(row(k));
    yield out;
  }
}
const columns: ExportColumn<Row>[] = organisationsExport.columns.map((c) => ({
  ...c,
  value: (r: Row) => c.value(r, 'ru'),
}));

function sink() {
  let bytes = 0;
  const stream = new Writable({
    write(chunk: Buffer, _e, done) {
      bytes += chunk.length;
      done();
    },
  });
  return { stream, bytes: () => bytes };
}

async function timed(label: string, run: () => Promise<number>) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const bytes = await run();
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpuStart);
  // CPU time of every thread of the process (the main one and zlib's pool): the per-row
  // cost, much less swayed than the wall time by other processes on a shared machine.
  const cpu = (used.user + used.system) / 1e6;
  console.log(
    `${label}: ${seconds.toFixed(2)} s, CPU ${cpu.toFixed(2)} s, ${(bytes / 1e6).toFixed(1)} MB`,
  );
  return { label, seconds, cpu, bytes };
}

const baseline = await timed('baseline: rows and cell values only', async () => {
  let n = 0;
  for await (const batch of batches())
    for (const r of batch) for (const c of columns) if (c.value(r) !== null) n++;
  return n;
});
const csv = await timed('CSV UTF-8', async () => {
  const out = sink();
  await pipeline(
    Readable.from(
      csvChunks(columns, batches(), { encoding: 'utf-8', delimiter: 'comma', lang: 'ru' }),
      {
        objectMode: false,
      },
    ),
    out.stream,
  );
  return out.bytes();
});
const csv1251 = await timed('CSV Windows-1251 «;»', async () => {
  const out = sink();
  await pipeline(
    Readable.from(
      csvChunks(columns, batches(), {
        encoding: 'windows-1251',
        delimiter: 'semicolon',
        lang: 'ru',
      }),
      { objectMode: false },
    ),
    out.stream,
  );
  return out.bytes();
});
const xlsx = await timed('XLSX', async () => {
  const out = sink();
  await pipeline(
    xlsxStream(columns, batches(), { lang: 'ru', sheetName: 'Организации' }),
    out.stream,
  );
  return out.bytes();
});

const load = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' ');
console.log(
  `\n${ROWS} rows; ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load ${load}; Node ${process.version}`,
);
console.log(
  `| phase | wall, s | CPU, s | CPU µs/row | × baseline CPU |\n| --- | --- | --- | --- | --- |\n| baseline: rows and cell values only | ${baseline.seconds.toFixed(2)} | ${baseline.cpu.toFixed(2)} | ${((baseline.cpu * 1e6) / ROWS).toFixed(2)} | 1.0 |`,
);
for (const p of [csv, csv1251, xlsx])
  console.log(
    `| ${p.label} | ${p.seconds.toFixed(2)} | ${p.cpu.toFixed(2)} | ${((p.cpu * 1e6) / ROWS).toFixed(2)} | ${(p.cpu / baseline.cpu).toFixed(1)} |`,
  );
