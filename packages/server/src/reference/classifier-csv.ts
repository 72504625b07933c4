import { readCsvTable, TabularReadError, type TableRow } from '../imports/index.ts';
import { ImportError } from './import-okved.ts';

/** One record of a classifier file with the line it starts on. */
export type ClassifierRow = TableRow;

/**
 * Reads a classifier file as Rosstat publishes it through the tabular layer:
 * `;`-separated unless the lines say otherwise, fields optionally in double
 * quotes (a stray quote inside a field allowed), UTF-8 or Windows-1251, a BOM
 * ignored; blank rows are left out and any header is left to the caller. A
 * file that cannot be read is refused naming the line and the expected layout.
 */
export function readClassifierCsv(source: string | Uint8Array, layout: string): ClassifierRow[] {
  try {
    return readCsvTable(typeof source === 'string' ? { text: source } : { bytes: source }, {
      header: 'none',
      defaultDelimiter: ';',
      relaxQuotes: true,
    }).rows;
  } catch (error) {
    if (!(error instanceof TabularReadError)) throw error;
    throw new ImportError(
      error.problems.map(
        (p) =>
          `${p.line === null ? '' : `строка ${p.line}: `}${p.message}${p.code === 'csv_unreadable' ? `. Ожидается ${layout}` : ''}`,
      ),
    );
  }
}

/** Whether a row is a header naming the expected columns (any case, either spelling). */
export function isHeaderRow(cells: string[], names: readonly (readonly string[])[]): boolean {
  return names.every((spellings, k) => spellings.includes((cells[k] ?? '').trim().toLowerCase()));
}
