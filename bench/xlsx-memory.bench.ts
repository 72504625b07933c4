// Import memory of XLSX files (`npm run bench:xlsx-memory`): for each size
// (BENCH_XLSX_ROWS, default "300000,1000000") the registry benchmark's
// generated organisations are written as Excel writes a workbook (shared
// strings), then each step runs in a fresh process of its own
// (lib/xlsx-import-memory.ts, peak RSS sampled every 20 ms) for the baseline
// code and for this checkout, in the same run:
//   - `readTable` (the whole table at once, as datasets, ratings and
//     territory flags read a file);
//   - the streamed read in batches (as the registry import reads), with the
//     shared strings packed in memory only and packed with a temporary file;
//   - the whole registry import into PostgreSQL (worker thread included).
// The baseline is a `git archive` of BENCH_XLSX_BASELINE_REF (default: the
// merge base with main) unless BENCH_XLSX_BASELINE_ROOT names a checkout.
// The baseline's whole-workbook read runs under a 4 GB heap, and not at all
// past BENCH_XLSX_WHOLE_MAX_ROWS (300000): it takes about 10 KB a row.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateOrganisations } from './lib/organisation-rows.ts';
import { writeWorkbook } from './lib/registry-import-xlsx.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
// The code measured as "this checkout": BENCH_XLSX_ROOT (a frozen copy, so that editing the
// sources during a long run does not change what is measured), else this checkout.
const CURRENT = process.env['BENCH_XLSX_ROOT'] ?? ROOT;
const SIZES = (process.env['BENCH_XLSX_ROWS'] ?? '300000,1000000').split(',').map(Number);
const WHOLE_MAX = Number(process.env['BENCH_XLSX_WHOLE_MAX_ROWS'] ?? 300_000);
const DATABASE = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
const SKIP_IMPORT = process.env['BENCH_XLSX_SKIP_IMPORT'] === '1';
if (!DATABASE && !SKIP_IMPORT) throw new Error('set TEST_DATABASE_URL or BENCH_DATABASE_URL');

interface Figure {
  mode: string;
  before: number;
  peak: number;
  seconds: number;
  result: unknown;
}

function baselineRoot(work: string): string {
  const given = process.env['BENCH_XLSX_BASELINE_ROOT'];
  if (given) return given;
  const ref =
    process.env['BENCH_XLSX_BASELINE_REF'] ??
    execFileSync('git', ['merge-base', 'HEAD', 'main'], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = path.join(work, 'baseline');
  fs.mkdirSync(dir);
  execFileSync('bash', ['-c', `git archive ${ref} | tar -x -C ${dir}`], { cwd: ROOT });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  console.log(`baseline: ${ref} in ${dir}`);
  return dir;
}

function measure(mode: string, file: string, root: string, heapMb?: number): Figure | string {
  try {
    const out = execFileSync(
      process.execPath,
      [
        '--expose-gc',
        ...(heapMb ? [`--max-old-space-size=${heapMb}`] : []),
        '--import',
        'tsx',
        path.join(ROOT, 'bench/lib/xlsx-import-memory.ts'),
        mode,
        file,
        root,
        DATABASE ?? '',
      ],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 24 },
    );
    return JSON.parse(out.trim().split('\n').pop()!) as Figure;
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? error);
    const heap = /heap out of memory|Allocation failed/.test(stderr);
    return heap
      ? `failed: out of its ${heapMb ?? '?'} MB heap`
      : `failed: ${stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 300)}`;
  }
}

const show = (label: string, f: Figure | string) =>
  console.log(
    typeof f === 'string'
      ? `  ${label}: ${f}`
      : `  ${label}: ${f.seconds.toFixed(1)} s, peak RSS ${f.peak.toFixed(0)} MB, **+${(f.peak - f.before).toFixed(0)} MB** (${f.before.toFixed(0)} MB before); ${JSON.stringify(f.result)}`,
  );

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-bench-xlsx-memory-'));
try {
  const baseline = baselineRoot(work);
  console.log(`${new Date().toISOString()} load ${os.loadavg().map((l) => l.toFixed(1))}`);
  const all = generateOrganisations(Math.max(...SIZES));
  for (const rows of SIZES) {
    const file = path.join(work, `organisations-${rows}.xlsx`);
    const t0 = Date.now();
    await writeWorkbook(file, all.slice(0, rows));
    console.log(
      `\n${rows} rows: ${(fs.statSync(file).size / 2 ** 20).toFixed(1)} MB XLSX, written in ${((Date.now() - t0) / 1000).toFixed(0)} s; ${new Date().toISOString()} load ${os.loadavg().map((l) => l.toFixed(1))}`,
    );
    if (rows <= WHOLE_MAX)
      show(
        'readTable, baseline (workbook loaded whole)',
        measure('whole-read', file, baseline, 4096),
      );
    show('readTable, this checkout (streamed, rows kept)', measure('whole-read', file, CURRENT));
    show(
      'streamed batches, baseline (strings as a JS array)',
      measure('stream-read', file, baseline),
    );
    show(
      'streamed batches, strings packed in memory only',
      measure('stream-read-compact', file, CURRENT),
    );
    show(
      'streamed batches, strings packed, spilled past 32 MB',
      measure('stream-read', file, CURRENT),
    );
    if (!SKIP_IMPORT) {
      show('registry import into PostgreSQL, baseline', measure('import', file, baseline));
      show('registry import into PostgreSQL, this checkout', measure('import', file, CURRENT));
    }
    fs.rmSync(file);
    console.log(`  ${new Date().toISOString()} load ${os.loadavg().map((l) => l.toFixed(1))}`);
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
