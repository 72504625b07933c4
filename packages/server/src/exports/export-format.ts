import { z } from 'zod';
import type { PartialDate } from '@promatlas/core/dates/partial-date.ts';

/**
 * The output options every list export accepts beside the list's own filters
 * and sort (which come from the list's query schema).
 */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const ExportOptionsSchema = z.object({
  format: z
    .enum(EXPORT_FORMATS)
    .default('csv')
    .describe('csv, xlsx или geojson (только для списков с координатами)'),
  encoding: z
    .enum(['utf-8', 'windows-1251'])
    .default('utf-8')
    .describe('Кодировка CSV: utf-8 (с BOM) или windows-1251 для старых версий Excel'),
  delimiter: z
    .enum(['comma', 'semicolon'])
    .default('comma')
    .describe(
      'Разделитель CSV: comma (,) или semicolon (; — с десятичной запятой, как в русском Excel)',
    ),
  lang: z.enum(['ru', 'en']).default('ru').describe('Язык заголовков столбцов'),
});
export type ExportOptions = z.output<typeof ExportOptionsSchema>;

/**
 * How a column is written: numbers and dates as typed cells in XLSX (numbers
 * as numbers in CSV), everything else as text through the spreadsheet-cell
 * guard. A date value is an ISO calendar date, YYYY-MM-DD.
 */
export type ColumnType = 'text' | 'integer' | 'number' | 'date' | 'boolean';
export type CellValue = string | number | boolean | null;

export interface ExportColumn<Row> {
  /** The property name in GeoJSON and the stable key of the column. */
  key: string;
  ru: string;
  en: string;
  type: ColumnType;
  /** Width in characters in XLSX; defaults from the header and the type. */
  width?: number;
  value: (row: Row) => CellValue;
}

export interface Bilingual {
  ru: string;
  en: string;
}

/** A partial date as a sortable text: 2024-03-14, 2024-03, 2024, or «from/to» for other precisions. */
export function partialDateCell(date: PartialDate | null): string | null {
  if (!date) return null;
  switch (date.precision) {
    case 'day':
      return date.from;
    case 'month':
      return date.from.slice(0, 7);
    case 'year':
      return date.from.slice(0, 4) === date.to.slice(0, 4)
        ? date.from.slice(0, 4)
        : `${date.from.slice(0, 4)}/${date.to.slice(0, 4)}`;
    default:
      return `${date.from}/${date.to}`;
  }
}
