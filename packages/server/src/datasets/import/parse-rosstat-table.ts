import type { TableRow } from '../../imports/index.ts';
import { DatasetImportError, type QuarantineEntry, type SourceRow } from './source-rows.ts';

const LEVEL_BY_INDENT = ['section', 'division', 'group', 'subgroup', 'type'] as const;

/**
 * Rosstat's table export («Количество организаций по данным государственной
 * регистрации…» and the like, as saved from the ЕМИСС/Росстат showcase):
 *
 *   title row
 *   blank row
 *   , , , 2017, 2018, …            years (the first row with 4-digit years)
 *   , , , на 1 октября, …          what the date is (ignored)
 *   form of ownership, region, activity, , , values…
 *
 * Regions and activities are indented with spaces to show the hierarchy;
 * sections are in capitals at no indent, divisions at 4 spaces, groups at 8,
 * subgroups at 12 (the indent gives the ОКВЭД2 level to match the name at).
 * Only the «ВСЕГО (по всем формам собственности)» rows are taken: rows for
 * single forms of ownership are parts of those totals and go to quarantine.
 */
export function parseRosstatTable(grid: TableRow[]): {
  rows: SourceRow[];
  quarantine: QuarantineEntry[];
} {
  const yearRowIndex = grid.findIndex((row) =>
    row.cells.slice(1).some((cell) => /^\s*\d{4}\s*$/.test(cell)),
  );
  if (yearRowIndex < 0)
    throw new DatasetImportError([
      {
        ru: 'не найдена строка заголовка с годами (ожидается макет выгрузки Росстата: название, пустая строка, строка годов, строка дат)',
        en: 'no header row with years (expected the Rosstat export layout)',
      },
    ]);
  const yearRow = grid[yearRowIndex]!;
  const yearColumns: { column: number; year: number; field: string }[] = [];
  yearRow.cells.forEach((cell, column) => {
    if (column >= 3 && /^\s*\d{4}\s*$/.test(cell))
      yearColumns.push({ column, year: Number(cell.trim()), field: cell.trim() });
  });
  if (yearColumns.length === 0)
    throw new DatasetImportError([
      {
        ru: `строка ${yearRow.line}: годы должны стоять с четвёртого столбца`,
        en: `line ${yearRow.line}: years must start in the fourth column`,
      },
    ]);

  const rows: SourceRow[] = [];
  const quarantine: QuarantineEntry[] = [];
  let section: string | undefined;
  let sectionRegion: string | undefined;
  for (const { line, cells } of grid.slice(yearRowIndex + 1)) {
    if (cells.every((cell) => cell.trim() === '')) continue;
    const [form = '', region = '', activity = ''] = cells;
    const raw: Record<string, string> = {
      форма_собственности: form,
      регион: region,
      вид_деятельности: activity,
    };
    for (const { column, field } of yearColumns) raw[field] = cells[column] ?? '';
    if (form.trim() === '' && region.trim() === '') {
      // The date row under the years («на 1 октября»), or notes: no region, no values to keep.
      if (yearColumns.every(({ column }) => /^\s*(на .*)?$/i.test(cells[column] ?? ''))) continue;
      quarantine.push({
        line,
        raw,
        reasonCode: 'unrecognised_row',
        reason: `строка ${line}: нет формы собственности и региона — строка не распознана`,
      });
      continue;
    }
    if (!/^всего/i.test(form.trim())) {
      quarantine.push({
        line,
        raw,
        reasonCode: 'other_ownership_form',
        reason: `строка ${line}, поле «форма собственности»: «${form.trim()}» — берутся только строки «ВСЕГО (по всем формам собственности)», иначе организации считались бы дважды`,
      });
      continue;
    }
    const indent = activity.length - activity.trimStart().length;
    const level = indent % 4 === 0 ? LEVEL_BY_INDENT[indent / 4] : undefined;
    const name = activity.trim();
    if (region !== sectionRegion) {
      section = undefined;
      sectionRegion = region;
    }
    if (level === 'section') section = name;
    rows.push({
      line,
      raw,
      region,
      industry: name,
      industryLevel: level,
      sectionHint: level === 'section' ? undefined : section,
      cells: yearColumns.map(({ column, year, field }) => ({
        year,
        field,
        text: cells[column] ?? '',
      })),
    });
  }
  return { rows, quarantine };
}
