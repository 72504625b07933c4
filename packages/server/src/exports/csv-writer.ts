import iconv from 'iconv-lite';
import { spreadsheetCell } from '@promatlas/core/format/spreadsheet-cell.ts';
import type { CellValue, ExportColumn, ExportOptions } from './export-format.ts';

/** How numbers print: up to 12 significant digits, a decimal comma when «;» separates the fields. */
function numberText(value: number, decimalComma: boolean): string {
  const text = String(Number(value.toPrecision(12)));
  return decimalComma ? text.replace('.', ',') : text;
}

/**
 * RFC 4180 CSV, one batch of rows at a time: the chunks are encoded as they
 * are produced, so the whole file never exists in memory. UTF-8 starts with a
 * byte-order mark (Excel then reads Cyrillic correctly); Windows-1251 has none
 * and replaces characters the code page lacks with «?».
 */
export async function* csvChunks<Row>(
  columns: readonly ExportColumn<Row>[],
  batches: AsyncIterable<readonly Row[]>,
  options: Pick<ExportOptions, 'encoding' | 'delimiter' | 'lang'>,
): AsyncGenerator<Buffer> {
  const delimiter = options.delimiter === 'semicolon' ? ';' : ',';
  const decimalComma = delimiter === ';';
  const yes = options.lang === 'en' ? 'yes' : 'да';
  const no = options.lang === 'en' ? 'no' : 'нет';
  const field = (cell: CellValue): string => {
    if (cell === null) return '';
    // A number carries no delimiter of its own kind (a decimal comma only with «;»).
    if (typeof cell === 'number') return numberText(cell, decimalComma);
    const text = typeof cell === 'boolean' ? (cell ? yes : no) : spreadsheetCell(cell);
    // Both separators are quoted in text: Excel guesses the separator from the locale.
    return /[",;\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const encode = (text: string): Buffer =>
    options.encoding === 'windows-1251' ? iconv.encode(text, 'win1251') : Buffer.from(text, 'utf8');
  const header = columns.map((c) => field(c[options.lang])).join(delimiter) + '\r\n';
  yield encode((options.encoding === 'utf-8' ? '\uFEFF' : '') + header);
  for await (const batch of batches) {
    let text = '';
    for (const row of batch) {
      text += columns.map((c) => field(c.value(row))).join(delimiter) + '\r\n';
    }
    if (text) yield encode(text);
  }
}
