import type { Table } from '../../imports/index.ts';
import { DatasetImportError, type SourceRow } from './source-rows.ts';

/** Which columns of a long table hold what: any names, chosen in the UI or by CLI flags. */
export interface LongTableMapping {
  regionColumn: string;
  industryColumn: string;
  valueColumn: string;
  /** Column with the year of each row; or give `year` for a one-year file. */
  yearColumn?: string | undefined;
  year?: number | undefined;
}

/**
 * A long table (read by imports/tabular with its header detected): a header row, then one row per region × industry (× year):
 * `region,industry,value[,year]` under any column names. Column names are
 * matched ignoring case and surrounding or repeated spaces. Missing columns, or neither a
 * year column nor a year, refuse the file; row-level problems are left to
 * matching (they go to quarantine).
 */
export function parseLongTable(
  table: Pick<Table, 'headers' | 'headerLine' | 'rows'>,
  mapping: LongTableMapping,
): SourceRow[] {
  const { headers: header, headerLine, rows: body } = table;
  if (!header || headerLine === null)
    throw new DatasetImportError([{ ru: 'файл пуст', en: 'the file is empty' }]);
  const head = { line: headerLine };
  // Header names come with inner white space collapsed (imports/tabular); so is the name asked for.
  const indexOf = (name: string) =>
    header.findIndex((h) => h.toLowerCase() === name.replace(/\s+/g, ' ').trim().toLowerCase());

  const problems: { ru: string; en: string }[] = [];
  const column = (role: string, name: string | undefined): number => {
    if (name === undefined) return -1;
    const k = indexOf(name);
    if (k < 0)
      problems.push({
        ru: `строка ${head.line}: нет столбца «${name}» (${role}); в заголовке: ${header.map((h) => `«${h}»`).join(', ')}`,
        en: `line ${head.line}: no column "${name}" (${role})`,
      });
    return k;
  };
  const regionAt = column('регион', mapping.regionColumn);
  const industryAt = column('отрасль', mapping.industryColumn);
  const valueAt = column('значение', mapping.valueColumn);
  const yearAt = column('год', mapping.yearColumn);
  if (mapping.yearColumn === undefined && mapping.year === undefined)
    problems.push({
      ru: 'не указан ни столбец года, ни год для всего файла',
      en: 'neither a year column nor a year for the whole file is given',
    });
  if (problems.length > 0) throw new DatasetImportError(problems);

  return body.map(({ line, cells }) => {
    const raw: Record<string, string> = {};
    header.forEach((name, k) => (raw[name || `столбец ${k + 1}`] = cells[k] ?? ''));
    const yearText = yearAt >= 0 ? (cells[yearAt] ?? '').trim() : String(mapping.year);
    return {
      line,
      raw,
      region: cells[regionAt] ?? '',
      industry: cells[industryAt] ?? '',
      cells: [
        {
          year: /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN,
          field: header[valueAt]!,
          text: cells[valueAt] ?? '',
          yearText,
          yearField: yearAt >= 0 ? header[yearAt]! : undefined,
        },
      ],
    };
  });
}
