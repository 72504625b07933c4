import { parse } from 'csv-parse/sync';
import { ImportError } from './import-okved.ts';

/** One record of a classifier file with the line it starts on. */
export interface ClassifierRow {
  line: number;
  cells: string[];
}

/**
 * Reads a classifier file as Rosstat publishes it: `;`-separated (or `,`
 * when the first line has commas and no semicolons), fields optionally in
 * double quotes, a BOM ignored. The text is decoded by the caller
 * (decodeText: UTF-8 or Windows-1251). A file csv-parse cannot read is
 * refused naming the line.
 */
export function readClassifierCsv(text: string, layout: string): ClassifierRow[] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = !firstLine.includes(';') && firstLine.includes(',') ? ',' : ';';
  try {
    const records = parse(body, {
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return records
      .map(({ record, info }) => ({ line: info.lines, cells: record }))
      .filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    throw new ImportError([
      `${typeof lines === 'number' ? `строка ${lines}: ` : ''}файл CSV не читается (${(error as Error).message}). Ожидается ${layout}`,
    ]);
  }
}

/** Whether a row is a header naming the expected columns (any case, either spelling). */
export function isHeaderRow(cells: string[], names: readonly (readonly string[])[]): boolean {
  return names.every((spellings, k) => spellings.includes((cells[k] ?? '').trim().toLowerCase()));
}
