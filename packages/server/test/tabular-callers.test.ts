import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExcelJs } from '../src/imports/load-exceljs.ts';
import { prepareDatasetImport, type PreparedImport } from '../src/datasets/index.ts';
import { readIndicatorTable } from '../src/ratings/index.ts';
import { databaseKinds } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { signIn, type Client } from './sessions.ts';
import type { TerritoryFlagList } from './api-types.ts';

// Each importer that reads a whole table (datasets, indicator values, territory
// flags) reads an XLSX with merged header cells and a Windows-1251 CSV saved by
// Russian Excel to the same result it gave when readTable loaded workbooks whole.

/** Excel's CSV: Windows-1251, «;», CRLF line ends. */
const excelCsv = (lines: string[]) => iconv.encode(lines.join('\r\n') + '\r\n', 'win1251');

async function workbook(build: (sheet: import('@cj-tech-master/excelts').Worksheet) => void) {
  const ExcelJS = await loadExcelJs();
  const book = new ExcelJS.Workbook();
  build(book.addWorksheet('Данные'));
  return Buffer.from(await book.xlsx.writeBuffer());
}

const values = (prepared: PreparedImport) =>
  Array.from({ length: prepared.values.length }, (_, k) => ({
    region: prepared.values.regionCodes[prepared.values.region[k]!],
    industry: prepared.values.industryCodes[prepared.values.industry[k]!],
    year: prepared.values.year[k],
    value: prepared.values.value[k],
    line: prepared.values.line[k],
  }));

describe('a dataset file', () => {
  const dataset = {
    regionLevel: 'federal_subject',
    industryClassification: 'okved2',
  } as const;
  const reference = {
    okved: [
      { code: '24', name: 'Производство металлургическое', level: 'division', section: 'C' },
      {
        code: '29',
        name: 'Производство автотранспортных средств',
        level: 'division',
        section: 'C',
      },
    ],
    categories: [],
  };
  const mapping = {
    regionColumn: 'Регион',
    industryColumn: 'ОКВЭД',
    valueColumn: 'Занятость, чел. значение',
    yearColumn: 'Занятость, чел. год',
  };

  it('in XLSX under a merged two-row header, a region merged down over two rows', async () => {
    const bytes = await workbook((sheet) => {
      sheet.getCell('A1').value = 'Регион';
      sheet.mergeCells('A1:A2');
      sheet.getCell('B1').value = 'ОКВЭД';
      sheet.mergeCells('B1:B2');
      sheet.getCell('C1').value = 'Занятость, чел.';
      sheet.mergeCells('C1:D1');
      sheet.getCell('C2').value = 'значение';
      sheet.getCell('D2').value = 'год';
      sheet.getRow(3).values = ['Липецкая область', '24', 12345.5, 2023];
      sheet.getRow(4).values = [null, '29', 800, 2023];
      sheet.mergeCells('A3:A4');
      sheet.getRow(5).values = ['Тульская область', '24', 'много', 2023];
      sheet.getRow(6).values = ['Нигдейская область', '24', 1, 2023];
    });
    const prepared = await prepareDatasetImport(
      { format: 'xlsx', bytes, mapping },
      dataset,
      reference,
    );
    expect(values(prepared)).toEqual([
      { region: '42', industry: '24', year: 2023, value: 12345.5, line: 3 },
      { region: '42', industry: '29', year: 2023, value: 800, line: 4 },
    ]);
    expect(prepared.quarantine.map((q) => [q.line, q.reasonCode])).toEqual([
      [5, 'invalid_value'],
      [6, 'unknown_region'],
    ]);
    expect(prepared.quarantine[0]!.raw).toEqual({
      Регион: 'Тульская область',
      ОКВЭД: '24',
      'Занятость, чел. значение': 'много',
      'Занятость, чел. год': '2023',
    });
    expect(prepared.rowsRead).toBe(4);
  });

  it('in Windows-1251 CSV with «;» and decimal commas', async () => {
    const bytes = excelCsv([
      'Регион;ОКВЭД;Занятость, чел. значение;Занятость, чел. год',
      'Липецкая область;24;12345,5;2023',
      'Липецкая область;29;800;2023',
      'Тульская область;24;много;2023',
      'Нигдейская область;24;1;2023',
    ]);
    const prepared = await prepareDatasetImport(
      { format: 'csv', bytes, mapping },
      dataset,
      reference,
    );
    expect(values(prepared)).toEqual([
      { region: '42', industry: '24', year: 2023, value: 12345.5, line: 2 },
      { region: '42', industry: '29', year: 2023, value: 800, line: 3 },
    ]);
    expect(prepared.quarantine.map((q) => [q.line, q.reasonCode])).toEqual([
      [4, 'invalid_value'],
      [5, 'unknown_region'],
    ]);
    expect(prepared.quarantine[1]!.reason).toContain('«Нигдейская область»');
  });
});

describe('an indicator-values file', () => {
  it('in XLSX with the object merged down over two indicators', async () => {
    const bytes = await workbook((sheet) => {
      sheet.getRow(1).values = ['объект', 'показатель', 'значение', 'год'];
      sheet.getRow(2).values = ['ОЭЗ «Липецк»', 'residents', 87, 2024];
      sheet.getRow(3).values = [null, 'investment', 1234.5, 2024];
      sheet.mergeCells('A2:A3');
      sheet.getRow(5).values = ['  ОЭЗ «Алабуга» ', 'residents', '', 2024];
    });
    const table = await readIndicatorTable(bytes);
    expect(table.problems).toEqual([]);
    expect([...table.columns]).toEqual([
      ['object', 0],
      ['indicator', 1],
      ['value', 2],
      ['year', 3],
    ]);
    expect(table.rows).toEqual([
      { line: 2, cells: ['ОЭЗ «Липецк»', 'residents', '87', '2024'] },
      { line: 3, cells: ['ОЭЗ «Липецк»', 'investment', '1234.5', '2024'] },
      { line: 5, cells: ['ОЭЗ «Алабуга»', 'residents', '', '2024'] },
    ]);
  });

  it('in Windows-1251 CSV, naming an unknown column', async () => {
    const table = await readIndicatorTable(
      excelCsv([
        'объект;показатель;значение;год;примечание',
        'ОЭЗ «Липецк»;residents;87;2024;',
        'ОЭЗ «Липецк»;investment;1234,5;2024;оценка',
      ]),
    );
    expect(table.rows).toEqual([
      { line: 2, cells: ['ОЭЗ «Липецк»', 'residents', '87', '2024', ''] },
      { line: 3, cells: ['ОЭЗ «Липецк»', 'investment', '1234,5', '2024', 'оценка'] },
    ]);
    expect(table.problems).toMatchObject([{ line: 1, field: 'примечание', value: 'примечание' }]);
  });
});

describe.each(databaseKinds())('a territory-flags file on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await signIn(t.app, 'administrator');
  });
  afterAll(async () => t?.close());

  const load = (fileName: string, bytes: Buffer) =>
    admin.request<{ created: number; unchanged: number }>('POST', '/api/territory-flags/import', {
      fileName,
      listSource: 'Перечень моногородов',
      contentBase64: bytes.toString('base64'),
    });
  const towns = async () =>
    (await admin.request<TerritoryFlagList>('GET', '/api/territory-flags?regionCode=68')).body.items
      .filter((f) => f.flag === 'monotown')
      .map((f) => f.municipality)
      .sort();

  it('in XLSX with a merged title over the header and the kind merged down', async () => {
    const bytes = await workbook((sheet) => {
      sheet.getCell('A1').value = 'Моногорода';
      sheet.mergeCells('A1:C1');
      sheet.getRow(2).values = ['вид', 'код региона', 'муниципальное образование'];
      sheet.getRow(3).values = ['Моногород', '68', 'Котовск'];
      sheet.getRow(4).values = [null, '68', 'Уварово'];
      sheet.mergeCells('A3:A4');
    });
    const res = await load('monotowns.xlsx', bytes);
    // The merged title heads the header: «Моногорода вид» is no known column.
    expect(res.status).toBe(400);
    const plain = await workbook((sheet) => {
      sheet.getRow(1).values = ['вид', 'код региона', 'муниципальное образование'];
      sheet.getRow(2).values = ['Моногород', '68', 'Котовск'];
      sheet.getRow(3).values = [null, '68', 'Уварово'];
      sheet.mergeCells('A2:A3');
    });
    const ok = await load('monotowns.xlsx', plain);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toEqual({ created: 2, unchanged: 0 });
    expect(await towns()).toEqual(['Котовск', 'Уварово']);
  });

  it('in Windows-1251 CSV saved by Russian Excel', async () => {
    const res = await load(
      'monotowns.csv',
      excelCsv([
        'вид;код региона;муниципальное образование',
        'Моногород;68;Котовск',
        'monotown;68;Мичуринск',
      ]),
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.created + res.body.unchanged).toBe(2);
    expect(await towns()).toContain('Мичуринск');
  });
});
