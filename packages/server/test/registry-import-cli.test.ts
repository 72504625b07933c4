import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparedDataDir, promatlas } from './cli-process.ts';
import { baseTemplateClause, databaseKinds, type DatabaseKind } from './databases.ts';

const FIXTURES = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'fixtures/registry-import',
);
const GOLDEN = path.join(FIXTURES, 'organisations-excel-1251.csv');
const fixture = (name: string) => path.join(FIXTURES, name);
// The shipped classifier has ОКВЭД2 sections and divisions only: the golden file's
// detailed codes are left out by mapping only these columns.
const MAPPING = JSON.stringify({
  'Краткое наименование': 'name',
  ИНН: 'inn',
  Регион: 'region',
  Город: 'town',
});

function inn(nine: string): string {
  const w = [2, 4, 10, 3, 5, 9, 4, 6, 8];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * w[i]!;
  return nine + ((sum % 11) % 10);
}

// Each case spawns the CLI (tsx start-up, a worker thread, the database): slow on a loaded machine.
describe.each(databaseKinds())(
  'promatlas import registry on %s',
  { timeout: 300_000 },
  (kind: DatabaseKind) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-registry-cli-'));
    let env: { dataDir?: string; databaseUrl?: string } = {};
    let dropDatabase = async () => {};
    const cli = (...args: string[]) => promatlas(['import', 'registry', ...args], env);

    beforeAll(async () => {
      if (kind === 'pglite') {
        // Already migrated: the imports are what is tested here, not the first start.
        env = { dataDir: preparedDataDir(path.join(dir, 'data')) };
        return;
      }
      const url = new URL(process.env['TEST_DATABASE_URL']!);
      const name = `promatlas_cli_${process.pid}_${Date.now()}`;
      const admin = new pg.Client({ connectionString: url.toString() });
      await admin.connect();
      // Already migrated, like the embedded directory.
      await admin.query(`CREATE DATABASE ${name} ${baseTemplateClause()}`);
      await admin.end();
      const db = new URL(url.toString());
      db.pathname = `/${name}`;
      env = { databaseUrl: db.toString() };
      dropDatabase = async () => {
        const a = new pg.Client({ connectionString: url.toString() });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      };
    });
    afterAll(async () => {
      fs.rmSync(dir, { recursive: true, force: true });
      await dropDatabase();
    });

    it('imports the golden Windows-1251 file with a mapping, lists every refused row by line and column, and exits 1', async () => {
      const dry = await cli(GOLDEN, '--entity', 'organisations', '--mapping', MAPPING, '--dry-run');
      expect(dry.stdout).toContain('Пробный прогон: ничего не записано / Dry run: nothing written');
      expect(dry.stdout).toContain(
        'Организации: строк 8; создано 5; обновлено 0; без изменений 0; отклонено 3; конфликтов 0',
      );
      expect(dry.code).toBe(1);
      const run = await cli(GOLDEN, '--entity', 'organisations', '--mapping', MAPPING);
      expect(run.stdout, run.stderr).toContain(
        'Organisations: rows 8; created 5; updated 0; unchanged 0; refused 3; conflicts 0',
      );
      expect(run.stderr).toContain(
        'строка 5, столбец «ИНН»: ИНН «105003217» на одну цифру короче: по-видимому, Excel отбросил ведущий ноль (должно быть «0105003217»)',
      );
      expect(run.stderr).toContain(
        'line 6, column "ИНН": ИНН "4825001236": the check digit does not match',
      );
      expect(run.stderr).toContain(
        'строка 9, столбец «Регион»: регион «Марс» не найден среди субъектов РФ',
      );
      expect(run.code).toBe(1);
      // The same file again: nothing to write.
      const again = await cli(GOLDEN, '--entity', 'organisations', '--mapping', MAPPING);
      expect(again.stdout).toContain('создано 0; обновлено 0; без изменений 5; отклонено 3');
    });

    it('exits 0 when every row is written, and a mapping file may be given by its path', async () => {
      const file = path.join(dir, 'valid.csv');
      fs.writeFileSync(
        file,
        iconv.encode(
          `Организация;ИНН;Субъект\r\nООО «Все верно»;${inn('482500444')};Липецкая обл.\r\n`,
          'win1251',
        ),
      );
      const mapping = path.join(dir, 'mapping.json');
      fs.writeFileSync(
        mapping,
        JSON.stringify({ Организация: 'name', ИНН: 'inn', Субъект: 'region' }),
      );
      const run = await cli(file, '--entity', 'organisations', '--mapping', mapping);
      expect(run.stdout, run.stderr).toContain(
        'создано 1; обновлено 0; без изменений 0; отклонено 0; конфликтов 0',
      );
      // Nothing set aside: no row is named on stderr (a library's deprecation notice may be).
      expect(run.stderr).not.toMatch(/строка \d+/);
      expect(run.code).toBe(0);
    });

    it('exits 1 with the reason when the file cannot be read, writing nothing', async () => {
      const file = path.join(dir, 'koi8.csv');
      fs.writeFileSync(
        file,
        iconv.encode(
          'Наименование;Регион\nООО «Кодировка КОИ»;Липецкая область\nАО «Ещё строка»;Тамбовская область\n',
          'koi8-r',
        ),
      );
      const run = await cli(file, '--entity', 'organisations');
      expect(run.stderr).toContain(
        'Файл не принят, ничего не записано / File refused, nothing written:',
      );
      expect(run.stderr).toMatch(/KOI8-R/);
      expect(run.code).toBe(1);
    });

    it('imports people, sites, clusters, contracts and statements from their golden files, naming each refused row, and a second run writes nothing', async () => {
      const orgs = await cli(fixture('entity-organisations.csv'), '--entity', 'organisations');
      // Some of these organisations may be there already: all five end up in the registry.
      expect(orgs.stdout, orgs.stderr).toMatch(
        /Организации: строк 5; создано \d; обновлено 0; без изменений \d; отклонено 0/,
      );
      const people = await cli(fixture('people-excel-1251.csv'), '--entity', 'people');
      expect(people.stdout, people.stderr).toContain(
        'Персоны: строк 5; создано 2; обновлено 0; без изменений 0; отклонено 3; конфликтов 0',
      );
      expect(people.stdout).toContain('People: rows 5; created 2;');
      expect(people.stderr).toContain(
        'строка 4, столбец «ИНН организации»: ИНН «105003217» на одну цифру короче',
      );
      expect(people.stderr).toMatch(
        /строка 6, столбец «В должности с»: в ячейке ошибка формулы Excel #REF!/,
      );
      expect(people.code).toBe(1);
      const sites = await cli(fixture('sites-merged-header.xlsx'), '--entity', 'sites');
      expect(sites.stdout, sites.stderr).toContain('Площадки: строк 2; создано 2; обновлено 0');
      expect(sites.code).toBe(0);
      const clusters = await cli(fixture('clusters-merged-header.xlsx'), '--entity', 'clusters');
      expect(clusters.stdout, clusters.stderr).toContain('Кластеры: строк 2; создано 2;');
      const dry = await cli(
        fixture('contracts-excel-1251.csv'),
        '--entity',
        'contracts',
        '--dry-run',
      );
      expect(dry.stdout, dry.stderr).toContain('Пробный прогон: ничего не записано');
      expect(dry.stdout).toContain(
        'Договоры кооперации: строк 4; создано 2; обновлено 0; без изменений 0; отклонено 2',
      );
      expect(dry.stderr).toContain(
        'строка 5, столбец «Дата подписания»: даты «31.02.2024» не существует',
      );
      const facts = await cli(fixture('statements-excel-1251.csv'), '--entity', 'statements');
      expect(facts.stdout, facts.stderr).toContain('Факты: строк 4; создано 3;');
      const again = await cli(fixture('sites-merged-header.xlsx'), '--entity', 'sites');
      expect(again.stdout).toContain('создано 0; обновлено 0; без изменений 2; отклонено 0');
      expect(again.code).toBe(0);
    });

    it('exits 2 on a usage error: no --entity, an unsupported entity, a missing file, a mapping that is not JSON or names an unknown field', async () => {
      const cases: Array<[string[], RegExp]> = [
        [[GOLDEN], /--entity/],
        [[GOLDEN, '--entity', 'planets'], /Импорт «planets» не поддерживается/],
        [
          [GOLDEN, '--entity', 'people', '--mapping', '{"ИНН":"inn"}'],
          /неизвестное поле "inn"; поля: fullName, lastName/,
        ],
        [[path.join(dir, 'nothing.csv'), '--entity', 'organisations'], /файл не найден/],
        [
          [GOLDEN, '--entity', 'organisations', '--mapping', '{not json'],
          /--mapping: (JSON не читается|ни JSON)/,
        ],
        [
          [GOLDEN, '--entity', 'organisations', '--mapping', '{"ИНН":"taxNumber"}'],
          /неизвестное поле "taxNumber"/,
        ],
        [[GOLDEN, '--entity', 'organisations', '--colour'], /unknown option/],
      ];
      for (const [args, message] of cases) {
        const run = await cli(...args);
        expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(2);
        expect(run.stderr).toMatch(message);
      }
    });
  },
);
