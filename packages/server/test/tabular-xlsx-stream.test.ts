import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as ExcelJS from '@cj-tech-master/excelts';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExcelJs } from '../src/imports/load-exceljs.ts';
import { employmentWorkbook, problemsOf } from './tabular-fixtures.ts';
import {
  readTable,
  streamTable,
  type StreamTableOptions,
  type TableRow,
} from '../src/imports/tabular/index.ts';
import { readRegistryFile } from '../src/registry-import/index.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-stream-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const golden = (name: string): unknown =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures/tabular', name), 'utf8'));
const REGISTRY_MERGED = path.join(
  import.meta.dirname,
  'fixtures/registry-import/organisations-merged-header.xlsx',
);

async function streamed(
  source: { path: string } | { bytes: Uint8Array },
  options: Partial<StreamTableOptions> = {},
) {
  const table = await streamTable(source, { batchSize: 1000, ...options });
  const rows: TableRow[] = [];
  for await (const batch of table.batches) rows.push(...batch.rows);
  return { ...table.head, rows };
}

/** Every kind of cell a registry holds, written the way Excel stores them. */
async function everyKindOfCell(): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Реестр');
  sheet.getCell('A1').value = 'Реестр организаций';
  sheet.addRow([]);
  sheet.getRow(3).values = ['Наименование', 'ИНН', 'Дата', 'Сумма', 'Флаг', 'Ссылка', 'Текст'];
  const dated = sheet.getRow(4);
  dated.values = [
    'ООО «Дата»',
    { formula: 'A1', result: '4825001234' },
    new Date('2024-03-05T00:00:00Z'),
    1234.5,
    { formula: 'TRUE()', result: true },
    { formula: 'A1/0', result: { error: '#DIV/0!' } },
    { richText: [{ text: 'жирный ' }, { font: { bold: true }, text: 'текст' }] },
  ] as ExcelJS.CellValue[];
  dated.getCell(3).numFmt = 'dd.mm.yyyy';
  const formulaDate = sheet.getRow(5);
  formulaDate.values = [
    'ООО «Формула даты»',
    { error: '#REF!' },
    { formula: 'DATE(2020,1,2)', result: new Date('2020-01-02T00:00:00Z') },
    { formula: '1+1', result: 2 },
    false,
    { formula: 'B5', result: { error: '#REF!' } },
    'обычный',
  ] as ExcelJS.CellValue[];
  formulaDate.getCell(3).numFmt = 'yyyy-mm-dd';
  // A name merged down over two rows, the second row otherwise empty in the file.
  sheet.getCell('A7').value = 'ООО «Две строки»';
  sheet.mergeCells('A7:A8');
  sheet.getCell('B7').value = '4825009999';
  sheet.getCell('C9').value = 'далеко справа';
  sheet.getCell('J9').value = 'J';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('reading XLSX as a stream', () => {
  it('joins a two-row header under merged cells and fills merged cells down, as the golden file says', async () => {
    const table = await streamed(
      { bytes: await employmentWorkbook() },
      {
        sheet: 'Занятость',
        header: 2,
      },
    );
    expect({
      format: table.format,
      sheet: table.sheet,
      headers: table.headers,
      headerLine: table.headerLine,
      rows: table.rows,
    }).toEqual(golden('xlsx-merged-header.golden.json'));
  });

  it('detects the header below merged group titles and a title row in the registry fixture, from disk', async () => {
    const table = await streamed({ path: REGISTRY_MERGED }, { skipTitleRows: true, trim: true });
    expect(table.headerLine).toBe(2);
    expect(table.headers).toEqual([
      'Организация Наименование',
      'Организация Полное наименование',
      'Реквизиты ИНН',
      'Реквизиты ОГРН',
      'Размещение Регион',
      'Размещение Город',
      'Деятельность ОКВЭД',
    ]);
    expect(table.rows.map((r) => r.line)).toEqual([4, 5, 6, 7]);
    expect(table.rows[3]!.cells[2]).toBe('#REF!');
  });

  it('reads every kind of cell exactly as the whole-workbook reader does', async () => {
    const bytes = await everyKindOfCell();
    for (const header of [undefined, 3]) {
      const whole = await readTable({ bytes }, { header: header ?? 'detect' });
      const stream = await streamed({ bytes }, header === undefined ? {} : { header });
      expect(stream).toEqual({ ...whole, rows: whole.rows });
    }
    const table = await streamed({ bytes }, { header: 3 });
    expect(table.rows.map((r) => r.cells)).toEqual([
      ['ООО «Дата»', '4825001234', '2024-03-05', '1234.5', 'true', '#DIV/0!', 'жирный текст'],
      ['ООО «Формула даты»', '#REF!', '2020-01-02', '2', 'false', '#REF!', 'обычный'],
      ['ООО «Две строки»', '4825009999'],
      ['ООО «Две строки»'],
      ['', '', 'далеко справа', '', '', '', '', '', '', 'J'],
    ]);
    expect(table.rows.map((r) => r.line)).toEqual([4, 5, 7, 8, 9]);
  });

  it('skips a title row above the header when asked, as the whole-workbook path did', async () => {
    const table = await streamed({ bytes: await everyKindOfCell() }, { skipTitleRows: true });
    expect(table.headerLine).toBe(3);
    expect(table.headers![0]).toBe('Наименование');
    expect(table.rows[0]!.line).toBe(4);
  });

  it('keeps a row of 300 columns whole', async () => {
    const ExcelJS = await loadExcelJs();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Широкий');
    sheet.addRow(Array.from({ length: 300 }, (_, k) => `Столбец ${k + 1}`));
    sheet.addRow(Array.from({ length: 300 }, (_, k) => k + 1));
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const table = await streamed({ bytes });
    expect(table.headers).toHaveLength(300);
    expect(table.headers![299]).toBe('Столбец 300');
    expect(table.rows).toEqual([
      { line: 2, cells: Array.from({ length: 300 }, (_, k) => String(k + 1)) },
    ]);
  });

  it('reads the first worksheet unless told otherwise, by name or by position', async () => {
    const bytes = await employmentWorkbook();
    expect((await streamed({ bytes })).sheet).toBe('Пояснения');
    expect((await streamed({ bytes }, { sheet: 2, header: 2 })).sheet).toBe('Занятость');
    const byName = await streamed({ bytes }, { sheet: 'Занятость', header: 2 });
    expect(byName.rows[0]!.cells[0]).toBe('Липецкая область');
  });
});

describe('XLSX refused while streaming, with the reason in Russian and English', () => {
  it('names the sheets when the chosen one does not exist', async () => {
    const bytes = await employmentWorkbook();
    const problems = await problemsOf(() =>
      streamTable({ bytes }, { sheet: 'Выпуск', batchSize: 10 }),
    );
    expect(problems).toEqual([
      {
        line: null,
        column: null,
        code: 'sheet_not_found',
        message: 'в файле XLSX нет листа «Выпуск»; листы: «Пояснения», «Занятость»',
        messageEn: 'the XLSX file has no worksheet "Выпуск"; worksheets: Пояснения, Занятость',
      },
    ]);
    const third = await problemsOf(() => streamTable({ bytes }, { sheet: 3, batchSize: 10 }));
    expect(third).toMatchObject([{ code: 'sheet_not_found' }]);
  });

  it('refuses a workbook cut short at any point, without waiting for bytes that never come', async () => {
    const bytes = await employmentWorkbook();
    for (const length of [200, 1500, Math.floor(bytes.length / 2), bytes.length - 30]) {
      const problems = await problemsOf(() =>
        streamTable({ bytes: bytes.subarray(0, length) }, { batchSize: 10 }),
      );
      expect(problems).toMatchObject([{ code: 'xlsx_unreadable', line: null }]);
      expect(problems[0]!.message).toMatch(/^файл XLSX не читается \(файл обрезан/);
      expect(problems[0]!.messageEn).toMatch(/^XLSX cannot be read/);
    }
  });

  it('refuses a password-protected workbook (an encrypted package, not a ZIP)', async () => {
    const ole = Buffer.concat([
      Buffer.from('d0cf11e0a1b11ae1', 'hex'),
      Buffer.alloc(504, 0),
      Buffer.from('EncryptedPackage', 'utf16le'),
      Buffer.alloc(64, 0),
    ]);
    const file = path.join(dir, 'с паролем.xlsx');
    fs.writeFileSync(file, ole);
    const problems = await problemsOf(() => streamTable({ path: file }, { batchSize: 10 }));
    expect(problems).toMatchObject([{ code: 'xlsx_encrypted', line: null }]);
    expect(problems[0]!.message).toMatch(/защищена паролем/);
    expect(problems[0]!.messageEn).toMatch(/password-protected/);
  });

  it('names repeated headers with their line', async () => {
    const ExcelJS = await loadExcelJs();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Реестр');
    sheet.addRow(['Реестр']);
    sheet.addRow(['ИНН', 'Регион', ' инн ']);
    sheet.addRow(['1', '2', '3']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const problems = await problemsOf(() =>
      streamTable({ bytes }, { skipTitleRows: true, batchSize: 10 }),
    );
    expect(problems).toEqual([
      {
        line: 2,
        column: 'ИНН',
        code: 'duplicate_header',
        message: 'столбец «ИНН» повторяется в заголовке',
        messageEn: 'column "ИНН" is repeated in the header',
      },
    ]);
  });

  it('names the row and column of a #REF! formula in a registry import', async () => {
    const ExcelJS = await loadExcelJs();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Реестр');
    sheet.addRow(['Наименование', 'ИНН', 'Регион']);
    sheet.addRow([
      'ООО «Битая»',
      { formula: 'Лист2!A1', result: { error: '#REF!' } },
      'Липецкая область',
    ] as ExcelJS.CellValue[]);
    const file = path.join(dir, 'ref.xlsx');
    await workbook.xlsx.writeFile(file);
    const answer = await readRegistryFile({ path: file }, { entity: 'organisations', okved: [] });
    if (!answer.ok) throw new Error(JSON.stringify(answer.problems));
    expect(answer.result.rows[0]!.issues).toEqual([
      {
        field: 'inn',
        column: 'ИНН',
        code: 'formula_error',
        message: 'в ячейке ошибка формулы Excel #REF!: исправьте формулу или вставьте значения',
        messageEn: 'the cell holds the Excel formula error #REF!: fix the formula or paste values',
      },
    ]);
    expect(answer.result.rows[0]!.line).toBe(2);
  });
});

describe('a large XLSX', () => {
  it('arrives in batches while the file is still being read, never more than a batch at a time', async () => {
    const ExcelJS = await loadExcelJs();
    const file = path.join(dir, 'большой.xlsx');
    const writer = new ExcelJS.WorkbookWriter({ filename: file, useSharedStrings: true });
    const sheet = writer.addWorksheet('Организации');
    sheet.addRow(['Наименование', 'ИНН', 'Регион', 'Численность']).commit();
    const ROWS = 50_000;
    for (let i = 1; i <= ROWS; i++)
      sheet.addRow([`ООО «Завод ${i}»`, String(4800000000 + i), 'Липецкая область', i]).commit();
    sheet.commit();
    await writer.commit();
    const size = fs.statSync(file).size;
    const table = await streamTable({ path: file }, { batchSize: 1000 });
    expect(table.head.headers).toEqual(['Наименование', 'ИНН', 'Регион', 'Численность']);
    const reads: number[] = [];
    let rows = 0;
    let lastLine = 1;
    for await (const batch of table.batches) {
      expect(batch.rows.length).toBeLessThanOrEqual(1000);
      expect(batch.rows[0]!.line).toBe(lastLine + 1);
      lastLine = batch.rows[batch.rows.length - 1]!.line;
      rows += batch.rows.length;
      reads.push(batch.bytesRead);
    }
    expect(rows).toBe(ROWS);
    expect(reads).toHaveLength(ROWS / 1000);
    // The first batches come while most of the file is unread, and the reading goes on
    // as batches are taken: the rows are not all read first.
    expect(reads[0]!).toBeLessThan(size / 2);
    expect(reads.filter((r) => r < size).length).toBeGreaterThanOrEqual(10);
    for (let k = 1; k < reads.length; k++) expect(reads[k]!).toBeGreaterThanOrEqual(reads[k - 1]!);
    expect(reads[reads.length - 1]).toBe(size);
  });
});
