import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { ImportResult } from '@promatlas/core/api/cluster-analytics.schema.ts';
import type { Database } from '../db/database.ts';
import { decodeText } from '../imports/decode-text.ts';
import { matchSourceRows } from './import/match-source-rows.ts';
import { parseLongTable, type LongTableMapping } from './import/parse-long-table.ts';
import { parseRosstatTable } from './import/parse-rosstat-table.ts';
import { readCsvGrid, readXlsxGrid } from './import/read-table-grid.ts';
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
  const fileSha256 = createHash('sha256').update(file.bytes).digest('hex');
  let rows: SourceRow[];
  let structural: QuarantineEntry[] = [];
  if (file.format === 'rosstat') {
    ({ rows, quarantine: structural } = parseRosstatTable(readCsvGrid(decodeText(file.bytes))));
  } else {
    if (!file.mapping)
      throw new DatasetImportError([
        { ru: 'не указано сопоставление столбцов', en: 'column mapping is missing' },
      ]);
    const grid =
      file.format === 'xlsx' ? await readXlsxGrid(file.bytes) : readCsvGrid(decodeText(file.bytes));
    rows = parseLongTable(grid, file.mapping);
  }
  const [okved, categories] = await Promise.all([loadOkvedReference(trx), loadCategories(trx)]);
  const matched = matchSourceRows(rows, {
    regionLevel: dataset.regionLevel,
    classification: dataset.industryClassification,
    okved,
    categories,
  });
  const quarantine = [...structural, ...matched.quarantine].sort((a, b) => a.line - b.line);
  await upsertValues(trx, dataset.id, matched.values);
  await replaceQuarantine(trx, dataset.id, fileSha256, quarantine);

  const byReason = new Map<string, number>();
  for (const q of quarantine) byReason.set(q.reasonCode, (byReason.get(q.reasonCode) ?? 0) + 1);
  return {
    rowsRead: rows.length + structural.length,
    matchedRows: matched.matchedRows,
    values: matched.values.length,
    emptyCells: matched.emptyCells,
    quarantined: quarantine.length,
    regions: new Set(matched.values.map((v) => v.regionCode)).size,
    industries: new Set(matched.values.map((v) => v.industryCode)).size,
    years: [...new Set(matched.values.map((v) => v.year))].sort((a, b) => a - b),
    quarantineByReason: [...byReason]
      .map(([reasonCode, count]) => ({ reasonCode, rows: count }))
      .sort((a, b) => a.reasonCode.localeCompare(b.reasonCode)),
    quarantineSample: quarantine
      .slice(0, 20)
      .map((q) => ({ line: q.line, reasonCode: q.reasonCode, reason: q.reason })),
  };
}
