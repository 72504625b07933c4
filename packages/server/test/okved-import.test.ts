import fs from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOkvedFile, ImportError, parseOkvedCsv } from '../src/reference/import-okved.ts';
import { createTestDatabase, databaseKinds, type TestDatabase } from './databases.ts';
import { sharedFile } from './shared-data.ts';

const file = () => fs.readFileSync(sharedFile('data/okved2.csv'));

describe('ОКВЭД2 parsing', () => {
  it('reads the Rosstat layout: 21 sections and every code with its level and parent', () => {
    const records = parseOkvedCsv(file().toString('utf8'));
    expect(records).toHaveLength(2881);
    expect(records.filter((r) => r.level === 'section')).toHaveLength(21);
    expect(records.filter((r) => r.level === 'division')).toHaveLength(88);
    expect(records.find((r) => r.code === '28.11.1')).toMatchObject({
      level: 'type',
      parent_code: '28.11',
      section: 'C',
    });
  });
  it('reads the same file saved by Excel in Windows-1251', () => {
    const cp1251 = iconv.encode(file().toString('utf8'), 'win1251');
    expect(parseOkvedCsv(iconv.decode(cp1251, 'win1251'))).toHaveLength(2881);
  });
  it('refuses a file with a malformed code, naming line and field', () => {
    const text =
      'group,code,name\nC, ,ОБРАБАТЫВАЮЩИЕ ПРОИЗВОДСТВА\nC,25,Производство готовых металлических изделий\nC,25.x,Плохой код\n';
    expect(() => parseOkvedCsv(text)).toThrow(ImportError);
    expect(() => parseOkvedCsv(text)).toThrow(/строка 4: поле code: «25\.x»/);
  });
});

describe.each(databaseKinds())('ОКВЭД2 import into %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind, { demo: false });
  });
  afterAll(async () => database?.dispose());

  it('imports all codes with a consistent hierarchy, idempotently', async () => {
    const first = await importOkvedFile(database.db, file());
    expect(first.total).toBe(2881);
    const again = await importOkvedFile(database.db, file());
    expect(again.total).toBe(2881);
    const { n } = await database.db
      .selectFrom('okved')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(2881);
    const orphans = await database.db
      .selectFrom('okved as c')
      .leftJoin('okved as p', 'p.code', 'c.parent_code')
      .select('c.code')
      .where('c.parent_code', 'is not', null)
      .where('p.code', 'is', null)
      .execute();
    expect(orphans).toEqual([]);
    const children = await database.db
      .selectFrom('okved')
      .select('code')
      .where('parent_code', '=', '28.1')
      .orderBy('code')
      .execute();
    expect(children.map((c) => c.code)).toEqual(['28.11', '28.12', '28.13', '28.14', '28.15']);
  });
});
