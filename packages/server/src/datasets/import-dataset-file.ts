import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Transaction } from 'kysely';
import type { ImportResult } from '@promatlas/core/api/cluster-analytics.schema.ts';
import type { Database } from '../db/database.ts';
import type { Db } from '../db/connection.ts';
import type { QuarantineReason } from '@promatlas/core/domain/vocabulary.ts';
import { readTable, TabularReadError, type TabularProblem } from '../imports/index.ts';
import {
  matchSourceRows,
  type MatchedValue,
  type MatchingReference,
} from './import/match-source-rows.ts';
import { parseLongTable, type LongTableMapping } from './import/parse-long-table.ts';
import { parseRosstatTable } from './import/parse-rosstat-table.ts';
import { DatasetImportError, type QuarantineEntry, type SourceRow } from './import/source-rows.ts';
import {
  loadCategories,
  loadOkvedReference,
  replaceQuarantine,
  upsertValues,
} from './dataset.repository.ts';

export interface DatasetFile {
  format: 'csv' | 'rosstat' | 'xlsx';
  /** The file's bytes: UTF-8 or Windows-1251 text for CSV, the workbook for XLSX. */
  bytes: Buffer;
  mapping?: LongTableMapping | undefined;
}

/** What a file yields once parsed and matched, before anything is written. */
export interface PreparedImport {
  fileSha256: string;
  rowsRead: number;
  values: PackedValues;
  quarantine: QuarantineEntry[];
  matchedRows: number;
  emptyCells: number;
}

/**
 * Matched values as columns of typed arrays over two small dictionaries: a
 * million values cross from the import worker to the main thread as a few
 * transferred buffers instead of a million cloned objects (whose
 * deserialisation alone would block the event loop).
 */
export interface PackedValues {
  length: number;
  regionCodes: string[];
  industryCodes: string[];
  region: Uint32Array;
  industry: Uint32Array;
  year: Int32Array;
  value: Float64Array;
  /** The file's line, or -1 for none. */
  line: Int32Array;
}

export function packValues(values: readonly MatchedValue[]): PackedValues {
  const dictionary = () => {
    const codes: string[] = [];
    const index = new Map<string, number>();
    return {
      codes,
      of(code: string) {
        let k = index.get(code);
        if (k === undefined) index.set(code, (k = codes.push(code) - 1));
        return k;
      },
    };
  };
  const regions = dictionary();
  const industries = dictionary();
  const n = values.length;
  const packed: PackedValues = {
    length: n,
    regionCodes: regions.codes,
    industryCodes: industries.codes,
    region: new Uint32Array(n),
    industry: new Uint32Array(n),
    year: new Int32Array(n),
    value: new Float64Array(n),
    line: new Int32Array(n),
  };
  values.forEach((v, k) => {
    packed.region[k] = regions.of(v.regionCode);
    packed.industry[k] = industries.of(v.industryCode);
    packed.year[k] = v.year;
    packed.value[k] = v.value;
    packed.line[k] = v.line ?? -1;
  });
  return packed;
}

function unpack(packed: PackedValues, from: number, to: number): MatchedValue[] {
  const out: MatchedValue[] = [];
  for (let k = from; k < Math.min(to, packed.length); k++) {
    const line = packed.line[k]!;
    out.push({
      regionCode: packed.regionCodes[packed.region[k]!]!,
      industryCode: packed.industryCodes[packed.industry[k]!]!,
      year: packed.year[k]!,
      value: packed.value[k]!,
      line: line < 0 ? null : line,
    });
  }
  return out;
}

export type ImportReference = Pick<MatchingReference, 'okved' | 'categories'>;

export async function loadImportReference(
  db: Db | Transaction<Database>,
): Promise<ImportReference> {
  const [okved, categories] = await Promise.all([loadOkvedReference(db), loadCategories(db)]);
  return { okved, categories };
}

/**
 * Parses and matches a file: CPU work only, no database. Runs in the import
 * worker for uploads (see imports/import-worker.ts) and in-line for the CLI.
 * A file that cannot be read at all throws DatasetImportError.
 */
export async function prepareDatasetImport(
  file: DatasetFile,
  dataset: {
    regionLevel: 'federal_subject' | 'municipality';
    industryClassification: 'okved2' | 'cluster_category';
  },
  reference: ImportReference,
): Promise<PreparedImport> {
  const fileSha256 = createHash('sha256').update(file.bytes).digest('hex');
  let rows: SourceRow[];
  let structural: QuarantineEntry[] = [];
  if (file.format === 'rosstat') {
    // The layout has no header row of its own, and its blank lines are kept so
    // that line numbers and the rows read match the file.
    const table = await readDatasetTable(file.bytes, {
      format: 'csv',
      header: 'none',
      skipEmptyRows: false,
    });
    ({ rows, quarantine: structural } = parseRosstatTable(table.rows));
  } else {
    if (!file.mapping)
      throw new DatasetImportError([
        { ru: 'не указано сопоставление столбцов', en: 'column mapping is missing' },
      ]);
    const table = await readDatasetTable(file.bytes, { format: file.format });
    rows = parseLongTable(table, file.mapping);
  }
  const matched = matchSourceRows(rows, {
    regionLevel: dataset.regionLevel,
    classification: dataset.industryClassification,
    ...reference,
  });
  const quarantine = [...structural, ...matched.quarantine].sort((a, b) => a.line - b.line);
  return {
    fileSha256,
    rowsRead: rows.length + structural.length,
    values: packValues(matched.values),
    quarantine,
    matchedRows: matched.matchedRows,
    emptyCells: matched.emptyCells,
  };
}

/** Reads a dataset file through the tabular layer; a file it cannot read is refused naming why. */
async function readDatasetTable(bytes: Buffer, options: Parameters<typeof readTable>[1]) {
  try {
    return await readTable({ bytes }, options);
  } catch (error) {
    if (error instanceof TabularReadError)
      throw new DatasetImportError(error.problems.map(importProblem));
    throw error;
  }
}

function importProblem(p: TabularProblem): { ru: string; en: string } {
  return {
    ru: p.line === null ? p.message : `строка ${p.line}: ${p.message}`,
    en: p.line === null ? p.messageEn : `line ${p.line}: ${p.messageEn}`,
  };
}

/**
 * Writes a prepared import: values upserted on the dataset × region ×
 * industry × year key and this file's quarantine replaced, `batch` rows a
 * statement, giving the event loop a turn between statements so other
 * requests are served meanwhile.
 */
export async function writePreparedImport(
  db: Db | Transaction<Database>,
  datasetId: number,
  prepared: PreparedImport,
  batch = 1000,
): Promise<void> {
  for (let k = 0; k < prepared.values.length; k += batch) {
    await upsertValues(db, datasetId, unpack(prepared.values, k, k + batch));
    await nextTurn();
  }
  await replaceQuarantine(db, datasetId, prepared.fileSha256, prepared.quarantine, batch);
}

export function summariseImport(prepared: PreparedImport): ImportResult {
  const { values, quarantine } = prepared;
  const byReason = new Map<QuarantineReason, number>();
  for (const q of quarantine) byReason.set(q.reasonCode, (byReason.get(q.reasonCode) ?? 0) + 1);
  const years = new Set<number>();
  for (let k = 0; k < values.length; k++) years.add(values.year[k]!);
  return {
    rowsRead: prepared.rowsRead,
    matchedRows: prepared.matchedRows,
    values: values.length,
    emptyCells: prepared.emptyCells,
    quarantined: quarantine.length,
    regions: new Set(values.region).size,
    industries: new Set(values.industry).size,
    years: [...years].sort((a, b) => a - b),
    quarantineByReason: [...byReason]
      .map(([reasonCode, count]) => ({ reasonCode, rows: count }))
      .sort((a, b) => a.reasonCode.localeCompare(b.reasonCode)),
    quarantineSample: quarantine
      .slice(0, 20)
      .map((q) => ({ line: q.line, reasonCode: q.reasonCode, reason: q.reason })),
  };
}

/**
 * Imports one file into a dataset inside the caller's transaction: parse,
 * match regions and industries, upsert values on the dataset × region ×
 * industry × year key, and replace this file's quarantine rows. Importing the
 * same file again changes nothing (values are upserted, the file's quarantine
 * is replaced, keyed by the file's SHA-256).
 */
export async function importDatasetFile(
  trx: Transaction<Database>,
  dataset: {
    id: number;
    regionLevel: 'federal_subject' | 'municipality';
    industryClassification: 'okved2' | 'cluster_category';
  },
  file: DatasetFile,
): Promise<ImportResult> {
  const prepared = await prepareDatasetImport(file, dataset, await loadImportReference(trx));
  await writePreparedImport(trx, dataset.id, prepared);
  return summariseImport(prepared);
}
