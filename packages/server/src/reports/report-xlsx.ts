import type { Report, ReportLang } from '@promatlas/core/api/reports.schema.ts';
import { spreadsheetCell } from '@promatlas/core/format/spreadsheet-cell.ts';
import { loadExcelJs } from '../imports/index.ts';
import { localeOf, wordsOf } from './report-lang.ts';

/** A sheet name Excel accepts: ≤ 31 characters, none of []:*?/\, unique in the workbook. */
function sheetName(title: string, taken: Set<string>, fallback: string): string {
  const base =
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .slice(0, 28)
      .trim() || fallback;
  let name = base;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base} ${k}`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * The report as a workbook: a title sheet, one sheet per section (typed
 * cells, a bold frozen header, an autofilter) and the sources last — the same
 * content as the printed page.
 */
export async function reportXlsx(report: Report, lang: ReportLang = 'ru'): Promise<Buffer> {
  const w = wordsOf(lang);
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'PromAtlas';
  const taken = new Set<string>();
  const cover = workbook.addWorksheet(sheetName(w('Отчёт', 'Report'), taken, w('Лист', 'Sheet')));
  cover.addRow([spreadsheetCell(report.title)]).font = { bold: true, size: 14 };
  if (report.subtitle) cover.addRow([spreadsheetCell(report.subtitle)]);
  const generated = new Date(report.generatedAt).toLocaleString(localeOf(lang), {
    timeZone: 'UTC',
    dateStyle: 'short',
    timeStyle: 'short',
  });
  cover.addRow([`${w('Сформировано', 'Generated')}: ${generated} UTC`]);
  cover.addRow([]);
  cover.addRow([w('Разделы', 'Sections')]).font = { bold: true };
  for (const section of report.sections) cover.addRow([spreadsheetCell(section.title)]);
  cover.getColumn(1).width = 80;
  for (const section of report.sections) {
    const sheet = workbook.addWorksheet(sheetName(section.title, taken, w('Лист', 'Sheet')), {
      views: [{ state: 'frozen', ySplit: 1 }],
    });
    const header = sheet.addRow(section.columns.map((c) => spreadsheetCell(c.title)));
    header.font = { bold: true };
    for (const row of section.rows) sheet.addRow(row.map((cell) => spreadsheetCell(cell)));
    section.columns.forEach((c, k) => {
      const column = sheet.getColumn(k + 1);
      const longest = Math.max(
        c.title.length,
        ...section.rows.map((r) => String(r[k] ?? '').length),
      );
      column.width = Math.min(60, Math.max(c.type === 'text' ? 14 : 8, longest + 2));
      if (c.type === 'integer') column.numFmt = '0';
    });
    if (section.columns.length && section.rows.length)
      sheet.autoFilter = {
        from: { row: 1, column: 1 },
        to: { row: 1, column: section.columns.length },
      };
    if (section.note) sheet.addRow([spreadsheetCell(section.note)]);
  }
  const sources = workbook.addWorksheet(
    sheetName(w('Источники', 'Sources'), taken, w('Лист', 'Sheet')),
    {
      views: [{ state: 'frozen', ySplit: 1 }],
    },
  );
  sources.addRow([
    w('№', 'No.'),
    w('Источник', 'Source'),
    w('Дата публикации', 'Published'),
    w('Идентификатор', 'Identifier'),
  ]).font = { bold: true };
  for (const s of report.sources)
    sources.addRow([s.number, spreadsheetCell(s.title), s.published, s.id]);
  sources.addRow([]);
  sources.addRow([spreadsheetCell(report.sourcesNote)]);
  sources.getColumn(2).width = 70;
  sources.getColumn(3).width = 18;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
