import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEDERAL_SUBJECTS } from '@promatlas/core/regions/federal-subjects.ts';
import { ImportError } from '../src/reference/import-okved.ts';
import { importOkpd2File, parseOkpd2Csv } from '../src/reference/import-okpd2.ts';
import {
  importOktmoFile,
  oktmoControlNumber,
  parseOktmoCsv,
  regionOfOktmo,
} from '../src/reference/import-oktmo.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './databases.ts';
import { cliEntry, preparedDataDir } from './cli-process.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const OKTMO = fs.readFileSync(path.join(HERE, 'fixtures/oktmo-rosstat.csv'));
const OKPD2 = fs.readFileSync(path.join(HERE, 'fixtures/okpd2-rosstat.csv'));
const win1251 = (bytes: Buffer) => iconv.encode(bytes.toString('utf8'), 'win1251');
const REGIONS = FEDERAL_SUBJECTS.map((s) => ({ code: s.code, oktmo: s.oktmo }));

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ImportError) return error.problems;
    throw error;
  }
  throw new Error('no ImportError');
}

describe('ОКТМО in the layout of Rosstat’s open data', () => {
  it('computes the control numbers Rosstat gives, including the second pass that ends in 0', () => {
    expect(oktmoControlNumber('71701000')).toBe(2);
    expect(oktmoControlNumber('71530000161')).toBe(7);
    expect(oktmoControlNumber('80651101')).toBe(0);
  });

  it('maps codes to federal subjects, autonomous okrugs inside an oblast included', () => {
    expect(regionOfOktmo('71701000', REGIONS)).toBe('71');
    expect(regionOfOktmo('71871000', REGIONS)).toBe('71100');
    expect(regionOfOktmo('71951000', REGIONS)).toBe('71140');
    expect(regionOfOktmo('11851000', REGIONS)).toBe('11100');
    expect(regionOfOktmo('80651101', REGIONS)).toBe('80');
  });

  it('reads municipalities, settlements and localities with region, level, kind and parent; section-2 headings are skipped', () => {
    for (const bytes of [OKTMO, win1251(OKTMO)]) {
      const { records, headingsSkipped } = parseOktmoCsv(
        bytes === OKTMO ? bytes.toString('utf8') : iconv.decode(bytes, 'win1251'),
        REGIONS,
      );
      expect(headingsSkipped).toBe(2);
      expect(records).toEqual([
        {
          code: '71530000',
          name: 'Казанский муниципальный округ',
          region_code: '71',
          parent_code: null,
          level: 1,
          kind: 'municipality',
          centre: 'с Казанское',
        },
        {
          code: '71530000161',
          name: 'д Дальнетравное',
          region_code: '71',
          parent_code: '71530000',
          level: 3,
          kind: 'locality',
          centre: null,
        },
        {
          code: '71701000',
          name: 'город Тюмень',
          region_code: '71',
          parent_code: null,
          level: 1,
          kind: 'municipality',
          centre: 'г Тюмень',
        },
        {
          code: '71701000001',
          name: 'г Тюмень',
          region_code: '71',
          parent_code: '71701000',
          level: 3,
          kind: 'locality',
          centre: null,
        },
        {
          code: '80000000',
          name: 'Муниципальные образования Республики Башкортостан',
          region_code: '80',
          parent_code: null,
          level: 0,
          kind: 'subject',
          centre: null,
        },
        {
          code: '80651000',
          name: 'Туймазинский муниципальный район',
          region_code: '80',
          parent_code: '80000000',
          level: 1,
          kind: 'municipality',
          centre: 'г Туймазы',
        },
        {
          code: '80651101',
          name: 'город Туймазы',
          region_code: '80',
          parent_code: '80651000',
          level: 2,
          kind: 'settlement',
          centre: 'г Туймазы',
        },
      ]);
    }
  });

  it('leaves out and counts the rows of a territory that is no federal subject', () => {
    const withoutBashkortostan = REGIONS.filter((r) => r.code !== '80');
    const { records, outsideSubjects } = parseOktmoCsv(
      OKTMO.toString('utf8'),
      withoutBashkortostan,
    );
    expect(records.map((r) => r.region_code)).toEqual(['71', '71', '71', '71']);
    expect(outsideSubjects).toEqual(new Map([['80', 3]]));
  });

  it('accepts the header row naming the columns', () => {
    const header =
      'Kod1;Kod2;Kod3;Kod4;KCH;Razdel;Name;Centrum;NomDescr;NomAkt;Status;DateUtv;DateVved\n';
    expect(parseOktmoCsv(header + OKTMO.toString('utf8'), REGIONS).records).toHaveLength(7);
  });

  it('refuses another layout naming the expected columns', () => {
    const [problem] = problemsOf(() =>
      parseOktmoCsv('code,name\n71701000,город Тюмень\n', REGIONS),
    );
    expect(problem).toMatch(/^строка 1: /);
    expect(problem).toContain(
      'Kod1;Kod2;Kod3;Kod4;KCH;Razdel;Name;Centrum;NomDescr;NomAkt;Status;DateUtv;DateVved',
    );
    // The ОКВЭД2 layout is not ОКТМО either.
    expect(problemsOf(() => parseOktmoCsv(OKPD2.toString('utf8'), REGIONS))[0]).toContain(
      '7708234640-oktmo',
    );
  });

  it('refuses the whole file for a wrong control number or a bad row, naming line and field', () => {
    const lines = OKTMO.toString('utf8').split('\n');
    lines[3] = lines[3]!.replace('"2";"1";"город Тюмень"', '"5";"1";"город Тюмень"');
    lines[6] = '"8";"000";"000";"000";"8";"1";"Муниципальные образования"';
    const problems = problemsOf(() => parseOktmoCsv(lines.join('\n'), REGIONS));
    expect(problems).toEqual([
      'строка 4: поле KCH: контрольное число кода 71701000000 — 2, а в файле 5',
      expect.stringMatching(/^строка 7: ожидаются столбцы Kod1;Kod2;Kod3;Kod4;KCH;Razdel;Name…/),
    ]);
  });
});

describe('ОКПД2 in the Razdel;Code;Name layout of Rosstat’s classifier files', () => {
  it('reads sections and codes with level and the nearest parent present, UTF-8 or Windows-1251', () => {
    for (const text of [OKPD2.toString('utf8'), iconv.decode(win1251(OKPD2), 'win1251')]) {
      const records = parseOkpd2Csv(text);
      expect(records.map((r) => [r.code, r.level, r.parent_code, r.section])).toEqual([
        ['A', 'section', null, 'A'],
        ['01', 'class', 'A', 'A'],
        ['01.1', 'subclass', '01', 'A'],
        ['01.11', 'group', '01.1', 'A'],
        ['01.11.11.111', 'subcategory', '01.11', 'A'],
        ['01.2', 'subclass', '01', 'A'],
        ['02', 'class', 'A', 'A'],
        ['03', 'class', 'A', 'A'],
        ['B', 'section', null, 'B'],
      ]);
      // A semicolon inside a quoted name stays in the name.
      expect(records.find((r) => r.code === '03')!.name).toBe(
        'Рыба и прочая продукция рыболовства и рыбоводства; услуги, связанные с рыболовством и рыбоводством',
      );
    }
  });

  it('accepts the group,code,name header and commas of the ОКВЭД2 extract', () => {
    const text =
      'group,code,name\nA, ,"ПРОДУКЦИЯ СЕЛЬСКОГО, ЛЕСНОГО И РЫБНОГО ХОЗЯЙСТВА"\nA,01,Продукция и услуги сельского хозяйства и охоты\n';
    expect(parseOkpd2Csv(text).map((r) => r.code)).toEqual(['A', '01']);
  });

  it('refuses another layout naming the expected columns, and bad rows with line and field', () => {
    const [layout] = problemsOf(() => parseOkpd2Csv('Код;Наименование\n01;Продукция\n'));
    expect(layout).toMatch(/^строка 1: «Код;Наименование» — не ОКПД2 в макете Росстата/);
    expect(layout).toContain('Razdel;Code;Name');
    expect(problemsOf(() => parseBadOkpd2Rows())).toEqual([
      'строка 2: поле Code: «1.2.3» не является кодом ОКПД2',
      'строка 3: поле Razdel: класс 05 относится к разделу B, а не A',
      'строка 4: поле Code: код 01 повторяется',
    ]);
  });
});

function parseBadOkpd2Rows() {
  return parseOkpd2Csv(
    [
      '"A";"01";"Продукция и услуги сельского хозяйства и охоты"',
      '"A";"1.2.3";"Нет такого кода"',
      '"A";"05";"Уголь и лигнит"',
      '"A";"01";"Повтор"',
    ].join('\n'),
  );
}

describe.each(databaseKinds())('classifier import on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind, { demo: false });
  });
  afterAll(async () => database?.dispose());

  it('imports ОКТМО from a Windows-1251 file, idempotently', async () => {
    const first = await importOktmoFile(database.db, win1251(OKTMO));
    expect(first).toEqual({
      total: 7,
      municipalities: 4,
      localities: 2,
      upserted: 7,
      outsideSubjects: {},
    });
    await importOktmoFile(database.db, OKTMO);
    const rows = await database.db.selectFrom('oktmo').selectAll().orderBy('code').execute();
    expect(rows).toHaveLength(7);
    expect(rows.find((r) => r.code === '71701000001')).toEqual({
      code: '71701000001',
      name: 'г Тюмень',
      region_code: '71',
      parent_code: '71701000',
      level: 3,
      kind: 'locality',
      centre: null,
    });
  });

  it('imports ОКПД2 with its hierarchy, idempotently', async () => {
    expect(await importOkpd2File(database.db, win1251(OKPD2))).toEqual({
      total: 9,
      sections: 2,
      upserted: 9,
    });
    await importOkpd2File(database.db, OKPD2);
    const rows = await database.db.selectFrom('okpd2').selectAll().orderBy('code').execute();
    expect(rows).toHaveLength(9);
    expect(rows.find((r) => r.code === '01.11.11.111')).toEqual({
      code: '01.11.11.111',
      section: 'A',
      parent_code: '01.11',
      level: 'subcategory',
      name: 'Зерно озимой твердой пшеницы',
    });
  });

  it('writes nothing from a refused file', async () => {
    const before = await database.db.selectFrom('okpd2').select('code').execute();
    await expect(
      importOkpd2File(database.db, Buffer.from('"A";"99";"Новая строка"\n"A";"x";"плохо"\n')),
    ).rejects.toBeInstanceOf(ImportError);
    expect(await database.db.selectFrom('okpd2').select('code').execute()).toEqual(before);
  });
});

// The CLI on embedded PGlite in a temporary directory (tsx start-up and migration: slow).
describe('promatlas import okpd2 / oktmo', { timeout: 180_000 }, () => {
  const run = promisify(execFile);
  const BIN = cliEntry();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-classifiers-'));
  // Already migrated: the imports are what is tested here, not the first start.
  preparedDataDir(path.join(dir, 'data'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const promatlas = async (args: string[]) => {
    const { DATABASE_URL: _ignored, ...env } = process.env;
    try {
      const { stdout, stderr } = await run('node', [BIN, ...args], {
        cwd: dir,
        env: { ...env, PROMATLAS_DATA_DIR: path.join(dir, 'data') },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it('imports both files and refuses another layout with the expected columns', async () => {
    const oktmo = path.join(dir, 'data-oktmo.csv');
    fs.writeFileSync(oktmo, win1251(OKTMO));
    expect(await promatlas(['import', 'oktmo', oktmo])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('ОКТМО: 7 кодов'),
    });
    const okpd2 = path.join(dir, 'okpd2.csv');
    fs.writeFileSync(okpd2, OKPD2);
    expect(await promatlas(['import', 'okpd2', okpd2])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining('ОКПД2: 9 кодов'),
    });
    const refused = await promatlas(['import', 'oktmo', okpd2]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('Kod1;Kod2;Kod3;Kod4;KCH;Razdel;Name');
  });
});
