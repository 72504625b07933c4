import fs from 'node:fs';
import * as ExcelJS from '@cj-tech-master/excelts';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { FEDERAL_SUBJECTS } from '@promatlas/core/regions/federal-subjects.ts';
import { matchFederalSubject } from '@promatlas/core/regions/match-federal-subject.ts';
import type { CreateDatasetInput } from '@promatlas/core/api/cluster-analytics.schema.ts';
import { importOkvedFile } from '../src/reference/import-okved.ts';
import {
  createDataset,
  getDatasetSummary,
  importIntoDataset,
  listQuarantine,
} from '../src/datasets/dataset.service.ts';
import { DatasetImportError } from '../src/datasets/import/source-rows.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './databases.ts';
import { sharedFile } from './shared-data.ts';

const ROSSTAT = 'data/rosstat-org-counts-by-region-okved-2017-2022.csv';
const rosstatBytes = () => fs.readFileSync(sharedFile(ROSSTAT));

/** The file read independently of the importer: [form, region, activity, '', '', 2017…2022]. */
function rosstatRows(): string[][] {
  return (parse(rosstatBytes(), { relax_column_count: true }) as string[][]).slice(4);
}

function rosstatInput(name: string): CreateDatasetInput {
  return {
    name,
    measure: 'establishments',
    regionLevel: 'federal_subject',
    industryClassification: 'okved2',
    illustrative: false,
    sourceText: 'Росстат: количество организаций по данным государственной регистрации',
    file: {
      format: 'rosstat',
      contentBase64: rosstatBytes().toString('base64'),
      fileName: 'rosstat.csv',
    },
  };
}

async function valuesOf(database: TestDatabase, datasetId: number) {
  return database.db
    .selectFrom('dataset_value')
    .select(['region_code', 'industry_code', 'year', 'value'])
    .where('dataset_id', '=', datasetId)
    .execute();
}

describe('the Rosstat file itself', () => {
  it('spells every region so that matchFederalSubject finds it', () => {
    const spellings = [...new Set(rosstatRows().map((r) => r[1]!.trim()))];
    expect(spellings).toHaveLength(85);
    const unmatched = spellings.filter((s) => !matchFederalSubject(s));
    expect(unmatched).toEqual([]);
  });
});

describe.each(databaseKinds())('dataset import on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind, { demo: false });
  });
  afterAll(async () => database?.dispose());

  it('imports the real Rosstat file with sections and divisions only in the classifier, quarantining the groups it cannot match', async () => {
    const { dataset, import: result } = await createDataset(
      database.db,
      rosstatInput('Росстат, без полного ОКВЭД2'),
    );
    // Groups and subgroups (Рыболовство 03.1, Лесозаготовки 02.20 …) are unknown until the full classifier is imported.
    const unknown = await database.db
      .selectFrom('dataset_quarantine_row')
      .select(['reason', 'raw'])
      .where('dataset_id', '=', dataset.id)
      .where('reason_code', '=', 'unknown_industry')
      .execute();
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown[0]!.reason).toMatch(
      /^строка \d+, поле «отрасль»: «.+» не найден\(а\) в справочнике ОКВЭД2/,
    );
    expect(
      result.quarantineByReason.find((q) => q.reasonCode === 'unknown_region'),
    ).toBeUndefined();
  });

  describe('with the full ОКВЭД2 classifier', () => {
    let datasetId: number;
    let first: Awaited<ReturnType<typeof createDataset>>['import'];
    beforeAll(async () => {
      await importOkvedFile(database.db, fs.readFileSync(sharedFile('data/okved2.csv')));
      const created = await createDataset(
        database.db,
        rosstatInput('Росстат: организации по регионам и ОКВЭД2'),
      );
      datasetId = created.dataset.id;
      first = created.import;
    });

    it('matches every region spelling and every activity; only totals and whole oblasts go to quarantine', () => {
      expect(first.quarantineByReason).toEqual([
        // Архангельская and Тюменская whole-oblast rows: 2 × 39 rows (their total rows included).
        { reasonCode: 'region_includes_parts', rows: 78 },
        // «Всего по обследуемым видам экономической деятельности» of the other 83 region spellings.
        { reasonCode: 'total_row', rows: 83 },
      ]);
      expect(first.rowsRead).toBe(3315);
      expect(first.matchedRows + first.quarantined).toBe(3315);
      expect(first.years).toEqual([2019, 2020, 2021, 2022]);
      expect(first.industries).toBe(38);
    });

    it('stores 83 federal subjects: the 89 without Crimea, Sevastopol and the four admitted in 2022', async () => {
      const codes = new Set((await valuesOf(database, datasetId)).map((v) => v.region_code));
      expect(codes.size).toBe(83);
      const missing = FEDERAL_SUBJECTS.filter((s) => !codes.has(s.code)).map((s) => s.shortName);
      expect(missing.sort()).toEqual(
        ['Крым', 'Севастополь', 'ДНР', 'ЛНР', 'Запорожская обл.', 'Херсонская обл.'].sort(),
      );
    });

    it('stores Липецкая область manufacturing exactly as the file gives it, year by year', async () => {
      const row = rosstatRows().find(
        (r) => r[1]!.trim() === 'Липецкая область' && r[2] === 'ОБРАБАТЫВАЮЩИЕ ПРОИЗВОДСТВА',
      )!;
      const expected = [2017, 2018, 2019, 2020, 2021, 2022]
        .map((year, k) => ({ year, text: row[3 + k]! }))
        .filter((c) => c.text !== '')
        .map((c) => ({ year: c.year, value: Number(c.text) }));
      expect(expected).toEqual([
        { year: 2019, value: 1737 },
        { year: 2020, value: 1690 },
        { year: 2021, value: 1583 },
        { year: 2022, value: 1580 },
      ]);
      const stored = (await valuesOf(database, datasetId))
        .filter((v) => v.region_code === '42' && v.industry_code === 'C')
        .map((v) => ({ year: v.year, value: v.value }))
        .sort((a, b) => a.year - b.year);
      expect(stored).toEqual(expected);
    });

    it('never double counts: regional sums equal the sums over the file’s top-level region rows', async () => {
      const top = rosstatRows().filter(
        (r) => /^ {8}\S/.test(r[1]!) && r[2] === 'ОБРАБАТЫВАЮЩИЕ ПРОИЗВОДСТВА',
      );
      expect(top).toHaveLength(80);
      const fileSum = top.reduce((sum, r) => sum + Number(r[8]), 0);
      const stored = (await valuesOf(database, datasetId)).filter(
        (v) => v.industry_code === 'C' && v.year === 2022,
      );
      expect(stored.reduce((sum, v) => sum + v.value, 0)).toBe(fileSum);
    });

    it('matches indented activity names to the right ОКВЭД2 level', async () => {
      const codes = new Set((await valuesOf(database, datasetId)).map((v) => v.industry_code));
      for (const code of [
        'A',
        '01',
        '02',
        '02.20',
        '03',
        '03.1',
        '03.2',
        'C',
        '10.2',
        '18.1',
        '56',
        '56.2',
        '63.91',
        'U',
      ])
        expect(codes.has(code), code).toBe(true);
    });

    it('re-imports the same file without changing anything', async () => {
      const before = await valuesOf(database, datasetId);
      const again = await importIntoDataset(
        database.db,
        datasetId,
        { format: 'rosstat', bytes: rosstatBytes() },
        'rosstat.csv',
      );
      expect(again.import.values).toBe(first.values);
      const after = await valuesOf(database, datasetId);
      expect(after.length).toBe(before.length);
      const summary = await getDatasetSummary(database.db, datasetId);
      expect(summary.quarantine).toEqual(first.quarantineByReason);
      expect(summary.regionCount).toBe(83);
    });
  });

  it('quarantines unknown regions, unknown activities, bad numbers and duplicates with line and field', async () => {
    const csv = [
      'Субъект;Вид деятельности;Численность;Год',
      'Липецкая обл.;28;1 200;2022',
      'Нарния;28;5;2022',
      'Тамбовская область;Производство волшебных палочек;7;2022',
      'Тамбовская область;29;много;2022',
      'Липецкая область;28;1300;2022',
      'Тамбовская область;C;10;22',
      'Центральный федеральный округ;28;99;2022',
    ].join('\n');
    const { dataset, import: result } = await createDataset(database.db, {
      name: 'Проверка карантина',
      measure: 'employment',
      regionLevel: 'federal_subject',
      industryClassification: 'okved2',
      illustrative: false,
      file: {
        format: 'csv',
        content: csv,
        mapping: {
          regionColumn: 'субъект',
          industryColumn: 'Вид деятельности',
          valueColumn: 'Численность',
          yearColumn: 'Год',
        },
      },
    });
    expect(result.values).toBe(1);
    const page = await listQuarantine(database.db, dataset.id, 1, 50);
    expect(page.items.map((q) => [q.line, q.reasonCode, q.reason])).toEqual([
      [3, 'unknown_region', 'строка 3, поле «регион»: «Нарния» не найден среди субъектов РФ'],
      [
        4,
        'unknown_industry',
        expect.stringMatching(
          /^строка 4, поле «отрасль»: «Производство волшебных палочек» не найден\(а\) в справочнике ОКВЭД2/,
        ),
      ],
      [5, 'invalid_value', 'строка 5, поле «Численность»: «много» — не неотрицательное число'],
      [
        6,
        'duplicate_key',
        'строка 6, поле «Численность»: значение для региона «Липецкая область», отрасли «28» и 2022 года уже указано в строке 2',
      ],
      [7, 'invalid_year', 'строка 7, поле «Год»: «22» — не год (ожидается четыре цифры)'],
      [
        8,
        'total_row',
        'строка 8, поле «регион»: «Центральный федеральный округ» — итог по стране или округу, не субъект РФ',
      ],
    ]);
    expect(page.items[0]!.raw).toEqual({
      Субъект: 'Нарния',
      'Вид деятельности': '28',
      Численность: '5',
      Год: '2022',
    });
  });

  it('refuses a file whose mapped columns are missing, creating no dataset', async () => {
    const attempt = createDataset(database.db, {
      name: 'Без столбцов',
      measure: 'employment',
      regionLevel: 'federal_subject',
      industryClassification: 'okved2',
      illustrative: false,
      file: {
        format: 'csv',
        content: 'a,b\n1,2\n',
        mapping: { regionColumn: 'регион', industryColumn: 'b', valueColumn: 'a', year: 2022 },
      },
    });
    await expect(attempt).rejects.toThrow(DatasetImportError);
    await expect(attempt).rejects.toMatchObject({
      messageRu: expect.stringContaining('строка 1: нет столбца «регион» (регион)'),
    });
    const left = await database.db
      .selectFrom('statistical_dataset')
      .select('id')
      .where('name', '=', 'Без столбцов')
      .execute();
    expect(left).toEqual([]);
  });

  it('reads a long CSV saved in Windows-1251 with custom column names and one year for the file', async () => {
    const text =
      'Регион;Отрасль;Занято\nЛипецкая область;Производство металлургическое;31 500\nг. Москва;24;2 000\n';
    const { import: result, dataset } = await createDataset(database.db, {
      name: 'Windows-1251',
      measure: 'employment',
      regionLevel: 'federal_subject',
      industryClassification: 'okved2',
      illustrative: false,
      file: {
        format: 'csv',
        contentBase64: iconv.encode(text, 'win1251').toString('base64'),
        mapping: {
          regionColumn: 'Регион',
          industryColumn: 'Отрасль',
          valueColumn: 'Занято',
          year: 2023,
        },
      },
    });
    expect(result.quarantined).toBe(0);
    const values = await valuesOf(database, dataset.id);
    expect(values.sort((a, b) => a.region_code.localeCompare(b.region_code))).toEqual([
      { region_code: '42', industry_code: '24', year: 2023, value: 31500 },
      { region_code: '45', industry_code: '24', year: 2023, value: 2000 },
    ]);
  });

  it('reads a long XLSX table', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Данные');
    sheet.addRow(['Год', 'Территория', 'Категория', 'Работники']);
    sheet.addRow([2021, 'Липецкая область', 'metallurgy', 30000]);
    sheet.addRow([2021, 'Тамбовская область', 'Пищевая промышленность', 12000.5]);
    sheet.addRow([2021, 'Тамбовская область', 'Неизвестная категория', 1]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const { import: result, dataset } = await createDataset(database.db, {
      name: 'XLSX',
      measure: 'employment',
      regionLevel: 'federal_subject',
      industryClassification: 'cluster_category',
      illustrative: false,
      file: {
        format: 'xlsx',
        contentBase64: bytes.toString('base64'),
        mapping: {
          regionColumn: 'Территория',
          industryColumn: 'Категория',
          valueColumn: 'Работники',
          yearColumn: 'Год',
        },
      },
    });
    expect(result.values).toBe(2);
    expect(result.quarantineSample).toEqual([
      {
        line: 4,
        reasonCode: 'unknown_industry',
        reason:
          'строка 4, поле «отрасль»: «Неизвестная категория» не найден(а) среди кластерных категорий',
      },
    ]);
    const values = await valuesOf(database, dataset.id);
    expect(values.map((v) => [v.region_code, v.industry_code, v.value]).sort()).toEqual([
      ['42', 'metallurgy', 30000],
      ['68', 'food', 12000.5],
    ]);
  });
});
