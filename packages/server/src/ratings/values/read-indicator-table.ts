import { readTable, TabularReadError, type Table } from '../../imports/index.ts';

/** A file of indicator values as rows of text cells, before validation. */
export interface IndicatorTable {
  /** Column name (canonical, see COLUMN_NAMES) → index in each row. */
  columns: Map<IndicatorColumn, number>;
  /** Data rows with their 1-based line in the file (the header is line 1 of CSV, its row of XLSX). */
  rows: { line: number; cells: string[] }[];
  /** Header problems (unknown, repeated or missing columns). */
  problems: { line: number | null; field: string; value: string | null; message: string }[];
}

export type IndicatorColumn = 'object' | 'indicator' | 'value' | 'year' | 'source' | 'peer_group';

/** Accepted header spellings (case-insensitive), English and Russian. */
const COLUMN_NAMES: Record<string, IndicatorColumn> = {
  object: 'object',
  объект: 'object',
  indicator: 'indicator',
  показатель: 'indicator',
  value: 'value',
  значение: 'value',
  year: 'year',
  год: 'year',
  source: 'source',
  источник: 'source',
  // Accepted so a `ratings compute` values file can be imported as is; the
  // peer group is taken from the registry (SEZ type), not from the file.
  peer_group: 'peer_group',
};
const REQUIRED: IndicatorColumn[] = ['object', 'indicator', 'value'];

/**
 * Reads CSV (any separator, UTF-8 or Windows-1251: see imports/tabular) or
 * the first worksheet of an XLSX workbook. Cells are trimmed text; numbers
 * from XLSX keep full precision. A file the tabular layer cannot read gives
 * its reason as the one problem.
 */
export async function readIndicatorTable(content: Buffer): Promise<IndicatorTable> {
  const problems: IndicatorTable['problems'] = [];
  const columns = new Map<IndicatorColumn, number>();
  let table: Table;
  try {
    // Repeated headers are reported below, with the column they name.
    table = await readTable({ bytes: content }, { trim: true, duplicateHeaders: 'allow' });
  } catch (error) {
    if (!(error instanceof TabularReadError)) throw error;
    for (const p of error.problems)
      problems.push({ line: p.line, field: p.column ?? 'файл', value: null, message: p.message });
    return { columns, rows: [], problems };
  }
  if (!table.headers || table.headerLine === null) {
    problems.push({ line: null, field: 'файл', value: null, message: 'файл пуст' });
    return { columns, rows: [], problems };
  }
  const head = { line: table.headerLine, cells: table.headers };
  const body = table.rows;
  head.cells.forEach((name, k) => {
    const column = COLUMN_NAMES[name.trim().toLowerCase()];
    if (!column) {
      if (name.trim() !== '')
        problems.push({
          line: head.line,
          field: name,
          value: name,
          message: `неизвестный столбец «${name}»; допустимы object, indicator, value, year, source (или объект, показатель, значение, год, источник)`,
        });
      return;
    }
    if (columns.has(column))
      problems.push({
        line: head.line,
        field: column,
        value: name,
        message: `столбец «${column}» повторяется`,
      });
    columns.set(column, k);
  });
  for (const column of REQUIRED)
    if (!columns.has(column))
      problems.push({
        line: head.line,
        field: column,
        value: null,
        message: `нет обязательного столбца «${column}»`,
      });
  return { columns, rows: body.filter((r) => r.cells.some((c) => c !== '')), problems };
}
