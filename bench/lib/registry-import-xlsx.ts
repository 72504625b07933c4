// The registry benchmark's XLSX mode (BENCH_REGISTRY_FORMAT=xlsx): the same
// organisations as the CSV run, written as Excel writes a workbook (shared
// strings, typed numbers) with excelts' streaming writer, then the peak RSS
// each way of reading it adds, every figure in a fresh process of its own
// (xlsx-import-memory.ts): the workbook loaded whole (how the tabular layer
// read XLSX before it streamed) against the streamed read, and the whole
// import into PostgreSQL. BENCH_XLSX_BASELINE_ROOT, a checkout of earlier
// code, adds that code's import as the baseline.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadExcelJs } from '../../packages/server/src/imports/load-exceljs.ts';

export interface XlsxOrg {
  name: string;
  full: string;
  inn: string;
  ogrn: string;
  kpp: string;
  region: { name: string };
  town: string;
  okved: string;
  lat: number;
  lon: number;
}

const HERE = import.meta.dirname;
const ROOT = path.resolve(HERE, '../..');

export async function writeWorkbook(file: string, orgs: readonly XlsxOrg[]): Promise<void> {
  const ExcelJS = await loadExcelJs();
  const writer = new ExcelJS.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = writer.addWorksheet('Организации');
  sheet
    .addRow([
      'Краткое наименование',
      'Полное наименование',
      'ИНН',
      'ОГРН',
      'КПП',
      'Регион',
      'Город',
      'ОКВЭД',
      'Широта',
      'Долгота',
    ])
    .commit();
  for (const o of orgs)
    sheet
      .addRow([o.name, o.full, o.inn, o.ogrn, o.kpp, o.region.name, o.town, o.okved, o.lat, o.lon])
      .commit();
  sheet.commit();
  await writer.commit();
}

interface Figure {
  mode: string;
  before: number;
  peak: number;
  seconds: number;
  result: unknown;
}

function measure(mode: string, file: string, root: string, databaseUrl: string): Figure | string {
  try {
    const out = execFileSync(
      process.execPath,
      [
        '--expose-gc',
        '--import',
        'tsx',
        path.join(HERE, 'xlsx-import-memory.ts'),
        mode,
        file,
        root,
        databaseUrl,
      ],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 24 },
    );
    return JSON.parse(out.trim().split('\n').pop()!) as Figure;
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? error);
    return `failed: ${stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 300)}`;
  }
}

const show = (label: string, f: Figure | string) =>
  console.log(
    typeof f === 'string'
      ? `${label}: ${f}`
      : `${label}: ${f.seconds.toFixed(1)} s, peak RSS ${f.peak.toFixed(0)} MB, ${(f.peak - f.before).toFixed(0)} MB added (${f.before.toFixed(0)} MB before it); ${JSON.stringify(f.result)}`,
  );

export async function xlsxImportMemory(orgs: readonly XlsxOrg[], databaseUrl: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-bench-xlsx-'));
  const file = path.join(dir, 'organisations.xlsx');
  try {
    const t0 = Date.now();
    await writeWorkbook(file, orgs);
    console.log(
      `XLSX: ${orgs.length} organisations, ${(fs.statSync(file).size / 2 ** 20).toFixed(1)} MB (shared strings), written in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
    );
    const baseline = process.env['BENCH_XLSX_BASELINE_ROOT'];
    show(
      'whole-workbook read (the earlier XLSX path)',
      measure('whole-read', file, ROOT, databaseUrl),
    );
    show('streamed read (two passes)', measure('stream-read', file, ROOT, databaseUrl));
    if (baseline)
      show(
        `import into PostgreSQL, baseline code (${baseline})`,
        measure('import', file, baseline, databaseUrl),
      );
    show(
      'import into PostgreSQL, streamed (target ≤ 500 MB)',
      measure('import', file, ROOT, databaseUrl),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
