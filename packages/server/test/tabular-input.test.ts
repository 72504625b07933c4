import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import {
  handWorkedMethodology,
  handWorkedValues,
} from '@promatlas/core/ratings/handWorkedExample.fixture.ts';
import { runClusterMap } from '../src/clusters/mapping/cluster-map-command.ts';
import { prepareDatasetImport } from '../src/datasets/import-dataset-file.ts';
import { employmentWorkbook } from './tabular-fixtures.ts';
import { runRatingsCompute } from '../src/ratings/ratings-compute-command.ts';
import { readIndicatorTable } from '../src/ratings/values/read-indicator-table.ts';
import {
  cell,
  countByCode,
  detectDelimiter,
  mapRows,
  Quarantine,
  rawRow,
  readCsvTable,
  readTable,
  TabularReadError,
  type TabularProblem,
} from '../src/imports/tabular/index.ts';

const golden = (name: string): unknown =>
  JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'fixtures/tabular', name), 'utf8'));

/**
 * The known table of excel-ru.golden.json as Excel on Russian Windows writes
 * it: `;` between fields, CRLF line ends, quotes around fields that hold a
 * `;`, a quote or a line break (quotes doubled), a decimal comma.
 */
const EXCEL_RU_TEXT = [
  'Регион;Отрасль (ОКВЭД2);Занятость, чел.;Год',
  'Липецкая область;24.10 Производство чугуна, ферросплавов, стали;12 345,5;2023',
  'Тульская область;"Производство «стали»; прокат";678;2023',
  'Республика Татарстан;"Химия ""Нижнекамск""";;2024',
  '',
  'г. Москва;"Машиностроение\r\nи металлообработка";1,25;2024',
  '',
].join('\r\n');

async function problemsOf(read: () => unknown): Promise<TabularProblem[]> {
  try {
    await read();
  } catch (error) {
    expect(error).toBeInstanceOf(TabularReadError);
    return (error as TabularReadError).problems;
  }
  throw new Error('expected the table to be refused');
}

describe('reading CSV as Russian Excel saves it', () => {
  const variants: [string, Buffer, string][] = [
    ['Windows-1251 without BOM', iconv.encode(EXCEL_RU_TEXT, 'win1251'), 'windows-1251'],
    [
      'UTF-8 with BOM («CSV UTF-8»)',
      iconv.encode(EXCEL_RU_TEXT, 'utf8', { addBOM: true }),
      'utf-8',
    ],
    ['UTF-8 without BOM', Buffer.from(EXCEL_RU_TEXT, 'utf8'), 'utf-8'],
  ];
  for (const [name, bytes, encoding] of variants)
    it(`reads the golden table from ${name}, detecting the encoding and the «;» separator`, async () => {
      const table = await readTable({ bytes });
      expect(table).toMatchObject({ format: 'csv', encoding, delimiter: ';', sheet: null });
      expect({ headers: table.headers, headerLine: table.headerLine, rows: table.rows }).toEqual(
        golden('excel-ru.golden.json'),
      );
    });

  it('reads the same bytes from a file path', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tabular-'));
    const file = path.join(dir, 'занятость.csv');
    fs.writeFileSync(file, iconv.encode(EXCEL_RU_TEXT, 'win1251'));
    const table = await readTable({ path: file });
    expect(table.rows).toEqual((golden('excel-ru.golden.json') as { rows: unknown }).rows);
    fs.rmSync(dir, { recursive: true });
  });

  it('reads Excel’s «Unicode text»: UTF-16LE with BOM, tab-separated', async () => {
    const text = 'Регион\tЗанятость\r\nЛипецкая область\t12\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const table = await readTable({ bytes });
    expect(table).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(table.headers).toEqual(['Регион', 'Занятость']);
    expect(table.rows).toEqual([{ line: 2, cells: ['Липецкая область', '12'] }]);
  });
});

describe('delimiter detection', () => {
  it('prefers the separator used the same number of times on every line over a varying decimal comma', () => {
    expect(detectDelimiter('region;value\nA;1,5\nB;2\nC;3,25\n')).toBe(';');
  });
  it('ignores separators inside quoted fields, also across line breaks', () => {
    expect(detectDelimiter('"a;b;c",d\n"x;\ny;z",w\n')).toBe(',');
  });
  it('falls back to the given separator for a one-column file', () => {
    expect(detectDelimiter('code\n01\n02\n', ';')).toBe(';');
    expect(detectDelimiter('code\n01\n02\n')).toBe(',');
  });
  it('is overridden by an explicit delimiter', () => {
    const table = readCsvTable({ text: 'a;b|c\n1;2|3\n' }, { delimiter: '|' });
    expect(table.headers).toEqual(['a;b', 'c']);
  });
});

describe('inputs that are refused with a clear reason', () => {
  it('refuses KOI8-R text instead of reading it as Windows-1251 garbage', async () => {
    const bytes = iconv.encode(EXCEL_RU_TEXT, 'koi8-r');
    const problems = await problemsOf(() => readTable({ bytes }));
    expect(problems).toEqual([
      {
        line: null,
        column: null,
        code: 'unsupported_encoding',
        message:
          'файл, по-видимому, в кодировке KOI8-R: сохраните его в UTF-8 или Windows-1251 и загрузите снова',
        messageEn: 'the file appears to be KOI8-R: save it as UTF-8 or Windows-1251 and try again',
      },
    ]);
  });

  it('refuses a binary file (a PNG image)', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const problems = await problemsOf(() => readTable({ bytes: png }));
    expect(problems).toMatchObject([{ code: 'binary_file', line: null }]);
    expect(problems[0]!.message).toContain('двоичный файл');
  });

  it('refuses an Excel 97–2003 workbook, asking for XLSX or CSV', async () => {
    const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(64, 0x20)]);
    const problems = await problemsOf(() => readTable({ bytes: xls }));
    expect(problems).toMatchObject([{ code: 'xls_unsupported' }]);
  });

  it('refuses bytes that claim to be UTF-8 but are not', async () => {
    const bytes = iconv.encode('Регион;Год\n', 'win1251');
    const problems = await problemsOf(() => readTable({ bytes }, { encoding: 'utf-8' }));
    expect(problems).toMatchObject([{ code: 'invalid_encoding' }]);
  });

  it('names every repeated header, ignoring case and surrounding spaces', async () => {
    const text = 'Регион;Год;Значение; регион ;ГОД\nA;2023;1;A;2023\n';
    const problems = await problemsOf(() => readTable({ text }));
    expect(problems).toEqual([
      {
        line: 1,
        column: 'Регион',
        code: 'duplicate_header',
        message: 'столбец «Регион» повторяется в заголовке',
        messageEn: 'column "Регион" is repeated in the header',
      },
      {
        line: 1,
        column: 'Год',
        code: 'duplicate_header',
        message: 'столбец «Год» повторяется в заголовке',
        messageEn: 'column "Год" is repeated in the header',
      },
    ]);
  });

  it('names the line where the CSV quoting breaks', async () => {
    const problems = await problemsOf(() => readTable({ text: 'a,b\n1,"2\n3,4\n' }));
    expect(problems).toMatchObject([{ code: 'csv_unreadable' }]);
    expect(problems[0]!.message).toMatch(/^файл CSV не читается/);
  });
});

describe('reading XLSX', () => {
  it('joins a two-row header under merged cells and fills merged cells down', async () => {
    const table = await readTable(
      { bytes: await employmentWorkbook() },
      { sheet: 'Занятость', header: 2 },
    );
    expect({
      format: table.format,
      sheet: table.sheet,
      headers: table.headers,
      headerLine: table.headerLine,
      rows: table.rows,
    }).toEqual(golden('xlsx-merged-header.golden.json'));
  });

  it('reads the first worksheet unless told otherwise, and names the sheets when one is missing', async () => {
    const bytes = await employmentWorkbook();
    expect((await readTable({ bytes })).sheet).toBe('Пояснения');
    expect((await readTable({ bytes }, { sheet: 2, header: 2 })).sheet).toBe('Занятость');
    const problems = await problemsOf(() => readTable({ bytes }, { sheet: 'Выпуск' }));
    expect(problems).toMatchObject([{ code: 'sheet_not_found' }]);
    expect(problems[0]!.message).toContain('«Пояснения», «Занятость»');
  });

  it('refuses a damaged workbook', async () => {
    const bytes = (await employmentWorkbook()).subarray(0, 200);
    const problems = await problemsOf(() => readTable({ bytes }));
    expect(problems).toMatchObject([{ code: 'xlsx_unreadable', line: null }]);
  });
});

describe('typed rows', () => {
  const specs = {
    region: { names: ['region', 'регион'], schema: cell.text() },
    employment: { names: ['employment', 'занятость'], schema: cell.number({ min: 0 }) },
    year: { names: ['year', 'год'], schema: cell.year({ optional: true }), optional: true },
    kind: {
      names: ['kind', 'вид'],
      schema: z.enum(['site', 'cluster']),
      optional: true,
    },
  } as const;

  it('maps cells through zod schemas and reports each bad cell with its line, column and reason', () => {
    const table = readCsvTable({
      text: 'Регион;Занятость;Год;Вид\nА;1 234,5;2023;site\n;-1;20x3;port\nБ;много;;cluster\n',
    });
    const { rows, errors, headerProblems } = mapRows(table, specs);
    expect(headerProblems).toEqual([]);
    expect(rows).toEqual([
      { line: 2, value: { region: 'А', employment: 1234.5, year: 2023, kind: 'site' } },
    ]);
    expect(errors.map((e) => [e.line, e.column, e.code, e.value])).toEqual([
      [3, 'region', 'empty', ''],
      [3, 'employment', 'too_small', '-1'],
      [3, 'year', 'not_a_year', '20x3'],
      [3, 'kind', 'invalid_value', 'port'],
      [4, 'employment', 'not_a_number', 'много'],
    ]);
    expect(errors[1]).toMatchObject({
      message: 'значение «-1» меньше 0',
      messageEn: 'value "-1" is less than 0',
    });
    // A plain zod schema's issue is given in Russian and English by zod's own locales.
    expect(errors[3]!.message).toMatch(/^«port»: Неверн/);
    expect(errors[3]!.messageEn).toMatch(/^"port": Invalid option/);
  });

  it('reports unknown, repeated and missing columns before any row', () => {
    const table = readCsvTable(
      { text: 'region,регион,employees\nA,A,1\n' },
      { duplicateHeaders: 'allow' },
    );
    const { rows, headerProblems } = mapRows(table, specs);
    expect(rows).toEqual([]);
    expect(headerProblems.map((p) => [p.code, p.column])).toEqual([
      ['duplicate_column', 'region'],
      ['unknown_column', 'employees'],
      ['missing_column', 'employment'],
    ]);
  });
});

describe('quarantine', () => {
  it('keeps each set-aside row verbatim with its reason and counts rows by reason', () => {
    const quarantine = new Quarantine<'unknown_region' | 'invalid_value'>();
    const headers = ['Регион', 'Значение'];
    quarantine.addProblem(
      {
        line: 3,
        column: 'Регион',
        code: 'unknown_region',
        message: 'строка 3: регион «Атлантида» не найден',
        messageEn: 'line 3: unknown region "Атлантида"',
      },
      rawRow(headers, ['Атлантида', '5']),
    );
    quarantine.add({
      line: 4,
      raw: rawRow(headers, ['Тула', 'x', 'лишнее']),
      code: 'invalid_value',
      message: 'строка 4: «x» не число',
      messageEn: 'line 4: "x" is not a number',
      column: 'Значение',
    });
    quarantine.add({ ...quarantine.entries[0]!, line: 5 });
    expect(quarantine.entries[1]!.raw).toEqual({
      Регион: 'Тула',
      Значение: 'x',
      'столбец 3': 'лишнее',
    });
    expect(quarantine.byCode()).toEqual([
      { code: 'unknown_region', rows: 2 },
      { code: 'invalid_value', rows: 1 },
    ]);
    expect(countByCode([])).toEqual([]);
  });
});

describe('importers and commands read through the layer', () => {
  it('maps clusters from a Windows-1251 file saved by Russian Excel, as the CLI passes it', () => {
    const text =
      'region;industry;employment\r\nЛипецкая;Металлургия;1,5\r\nТульская;Металлургия;2\r\n';
    const { out } = runClusterMap({ inputCsv: iconv.encode(text, 'win1251') });
    // Region and industry decoded, the decimal comma read: LQ of a one-industry matrix is 1.
    expect(out.split('\n')[1]).toMatch(/^Липецкая,Металлургия,1\.5,1,/);
  });

  it('computes a rating from Windows-1251 bytes exactly as from the same text', () => {
    const methodologyJson = JSON.stringify(handWorkedMethodology);
    const rows = handWorkedValues.map((v) => [`Объект ${v.objectId}`, v.indicator, v.value]);
    const valuesCsv = ['object,indicator,value', ...rows.map((r) => r.join(','))].join('\n');
    const excel = [
      'object;indicator;value',
      ...rows.map((r) => r.join(';').replace('.', ',')),
    ].join('\r\n');
    expect(runRatingsCompute({ methodologyJson, valuesCsv: iconv.encode(excel, 'win1251') })).toBe(
      runRatingsCompute({ methodologyJson, valuesCsv }),
    );
  });

  it('refuses a KOI8-R indicator file with the reason in Russian instead of unknown columns', async () => {
    const table = await readIndicatorTable(
      iconv.encode('объект;показатель;значение\nЗавод;a1;1\n', 'koi8-r'),
    );
    expect(table.problems).toEqual([
      {
        line: null,
        field: 'файл',
        value: null,
        message:
          'файл, по-видимому, в кодировке KOI8-R: сохраните его в UTF-8 или Windows-1251 и загрузите снова',
      },
    ]);
  });

  it('refuses a dataset file with repeated headers, naming them', async () => {
    const bytes = Buffer.from('Регион;Отрасль;Значение;регион\nA;B;1;A\n');
    await expect(
      prepareDatasetImport(
        {
          format: 'csv',
          bytes,
          mapping: {
            regionColumn: 'Регион',
            industryColumn: 'Отрасль',
            valueColumn: 'Значение',
            year: 2023,
          },
        },
        { regionLevel: 'federal_subject', industryClassification: 'okved2' },
        { okved: [], categories: [] },
      ),
    ).rejects.toMatchObject({
      problems: [
        {
          ru: 'строка 1: столбец «Регион» повторяется в заголовке',
          en: 'line 1: column "Регион" is repeated in the header',
        },
      ],
    });
  });
});
