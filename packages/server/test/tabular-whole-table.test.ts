import fs from 'node:fs';
import path from 'node:path';
import type * as ExcelJS from '@cj-tech-master/excelts';
import { describe, expect, it } from 'vitest';
import { loadExcelJs } from '../src/imports/load-exceljs.ts';
import {
  cellText,
  readTable,
  type ReadTableOptions,
  type Table,
  type TableRow,
} from '../src/imports/tabular/index.ts';
import { splitHeader } from '../src/imports/tabular/read-table.ts';

/**
 * The reader readTable used for XLSX before it streamed: the workbook loaded
 * whole by excelts, every row's cells as text, the header's depth told by its
 * merged cells. Kept here as the oracle the streamed readTable must match.
 */
async function wholeWorkbookTable(bytes: Buffer, options: ReadTableOptions): Promise<Table> {
  const workbook = new (await loadExcelJs()).Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet =
    options.sheet === undefined
      ? workbook.worksheets[0]!
      : typeof options.sheet === 'number'
        ? workbook.worksheets[options.sheet - 1]!
        : workbook.worksheets.find((s) => s.name === options.sheet)!;
  const trim = options.trim ?? false;
  const records: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const text = cellText(row.getCell(c).value);
      cells.push(trim ? text.trim() : text);
    }
    records.push({ line: rowNumber, cells });
  });
  const depthAt = (first: number) => {
    let depth = 1;
    while (depth < 5 && first + depth <= sheet.rowCount) {
      const row = sheet.getRow(first + depth - 1);
      let spans = false;
      for (let c = 1; c <= row.cellCount && !spans; c++) {
        const cell = row.getCell(c);
        spans = cell.isMerged && cell.master.row === cell.row && cell.master.col !== cell.col;
      }
      if (!spans) break;
      depth++;
    }
    return depth;
  };
  const { headers, headerLine, rows } = splitHeader(records, options, depthAt);
  return {
    format: 'xlsx',
    encoding: null,
    delimiter: null,
    sheet: sheet.name,
    headers,
    headerLine,
    rows,
  };
}

async function employmentWorkbook(): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Пояснения').getCell('A1').value = 'Источник: Росстат';
  const sheet = workbook.addWorksheet('Занятость');
  sheet.getCell('A1').value = 'Среднесписочная численность работников';
  sheet.mergeCells('A1:D1');
  sheet.getCell('A2').value = 'Регион';
  sheet.mergeCells('A2:A3');
  sheet.getCell('B2').value = 'Отрасль';
  sheet.mergeCells('B2:B3');
  sheet.getCell('C2').value = '  Занятость,\nчел. ';
  sheet.mergeCells('C2:D2');
  sheet.getCell('C3').value = 2023;
  sheet.getCell('D3').value = 2024;
  sheet.getRow(4).values = ['Липецкая область', ' Металлургия ', 12345.5, 12400];
  sheet.getRow(5).values = [null, 'Машиностроение', 800, 810];
  sheet.mergeCells('A4:A5');
  sheet.getRow(6).values = ['Тульская область', 'Химия', null, { formula: '100*3', result: 300 }];
  sheet.getRow(8).values = [
    'Калужская область',
    { richText: [{ text: 'Авто' }, { font: { bold: true }, text: 'пром' }] },
    new Date('2024-03-05T00:00:00Z'),
    { formula: 'A1/0', result: { error: '#DIV/0!' } },
  ] as ExcelJS.CellValue[];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function wideWorkbook(): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Широкий');
  sheet.getCell('A1').value = 'Группа';
  sheet.mergeCells('A1:KN1');
  sheet.addRow(Array.from({ length: 300 }, (_, k) => `Столбец ${k + 1}`));
  for (let r = 0; r < 3; r++) sheet.addRow(Array.from({ length: 300 }, (_, k) => k * r));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const FIXTURES = path.join(import.meta.dirname, 'fixtures/registry-import');
const registryFixtures = fs.readdirSync(FIXTURES).filter((name) => name.endsWith('.xlsx'));

describe('readTable reads XLSX exactly as the whole-workbook reader did', () => {
  const variants: ReadTableOptions[] = [
    {},
    { trim: true },
    { header: 'none' },
    { duplicateHeaders: 'allow', trim: true },
  ];

  it('for the merged-header employment workbook, on every sheet and header choice', async () => {
    const bytes = await employmentWorkbook();
    for (const options of [
      ...variants,
      { sheet: 'Занятость' },
      { sheet: 2, header: 2 },
      { sheet: 2, header: 2, trim: true },
      { sheet: 2, header: 'none' as const },
    ]) {
      const expected = await wholeWorkbookTable(bytes, options);
      expect(await readTable({ bytes }, options), JSON.stringify(options)).toEqual(expected);
    }
    const joined = await readTable({ bytes }, { sheet: 2, header: 2 });
    expect(joined.headers).toEqual([
      'Регион',
      'Отрасль',
      'Занятость, чел. 2023',
      'Занятость, чел. 2024',
    ]);
  });

  it.each(registryFixtures)(
    'for the registry fixture %s, in memory and from disk',
    async (name) => {
      const file = path.join(FIXTURES, name);
      const bytes = fs.readFileSync(file);
      for (const options of variants) {
        const expected = await wholeWorkbookTable(bytes, options);
        expect(await readTable({ bytes }, options), JSON.stringify(options)).toEqual(expected);
        expect(await readTable({ path: file }, options)).toEqual(expected);
      }
    },
  );

  it('for a row of 300 columns under a title merged across all of them', async () => {
    const bytes = await wideWorkbook();
    const expected = await wholeWorkbookTable(bytes, {});
    const table = await readTable({ bytes });
    expect(table).toEqual(expected);
    expect(table.headers).toHaveLength(300);
    expect(table.headers![299]).toBe('Группа Столбец 300');
    expect(table.rows.map((r) => r.cells.length)).toEqual([300, 300, 300]);
  });
});
