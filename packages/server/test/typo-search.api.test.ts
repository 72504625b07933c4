import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { databaseKinds, createTestDatabase, type TestDatabase } from './databases.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import type { SearchResponse } from './api-types.ts';
import { CUSTOM_PLAN } from '../src/db/prepared-statements.ts';

describe.each(databaseKinds())('typo search through the word list on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(async () => t?.close());

  const search = async (q: string) =>
    (await t.getJson<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}&limit=50`)).body;
  const known = async (word: string) =>
    (
      await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM search_word WHERE word = ${word}`.execute(t.database.db)
    ).rows[0]!.n === 1;

  it('finds an organisation through a typo in a word of its name, marked as a fuzzy match', async () => {
    await t.database.db
      .insertInto('organisation')
      .values({ kind: 'enterprise', name: 'Квазитронмаш', legal_form: 'ООО', region_code: '42' })
      .execute();
    const body = await search('Квазитронмш');
    expect(body.fuzzy).toBe(true);
    expect(body.items[0]).toMatchObject({ title: 'ООО Квазитронмаш', match: 'fuzzy' });
  });

  it('lists what lies in a region whose name was typed with a typo, after the name matches', async () => {
    const body = await search('Лепецкой');
    expect(body.fuzzy).toBe(true);
    expect(body.items[0]).toMatchObject({ type: 'region', title: 'Липецкая область' });
    const matches = body.items.map((i) => i.match);
    expect(matches).toContain('region');
    expect(matches.indexOf('region')).toBeGreaterThan(matches.lastIndexOf('fuzzy'));
  });

  it('learns no word of a draft, and learns it once the record is published', async () => {
    const { id } = await t.database.db
      .insertInto('organisation')
      .values({ kind: 'enterprise', name: 'Гипербораммаш', published: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await known('гипербораммаш')).toBe(false);
    expect((await search('Гипербораммш')).items.map((i) => i.title)).not.toContain('Гипербораммаш');
    await t.database.db
      .updateTable('organisation')
      .set({ published: true })
      .where('id', '=', id)
      .execute();
    expect(await known('гипербораммаш')).toBe(true);
    expect((await search('Гипербораммш')).items[0]).toMatchObject({
      title: 'Гипербораммаш',
      match: 'fuzzy',
    });
  });
});

describe.each(databaseKinds().filter((k) => k === 'postgres'))('prepared reads on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(kind, { demo: false });
  });
  afterAll(async () => database?.dispose());

  it('prepares a parameterised read once per connection, but not one marked for a custom plan', async () => {
    const statements = await database.db.connection().execute(async (c) => {
      await c.selectFrom('region').select('name').where('code', '=', '42').execute();
      await c.selectFrom('region').select('name').where('code', '=', '68').execute();
      await sql`SELECT code FROM region WHERE code = ${'42'} ${sql.raw(CUSTOM_PLAN)}`.execute(c);
      return (
        await sql<{ statement: string }>`SELECT statement FROM pg_prepared_statements`.execute(c)
      ).rows;
    });
    const regionReads = statements.filter((s) => s.statement.includes('from "region"'));
    expect(regionReads).toHaveLength(1);
    expect(statements.some((s) => s.statement.includes(CUSTOM_PLAN))).toBe(false);
  });
});
