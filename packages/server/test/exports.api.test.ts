import * as ExcelJS from '@cj-tech-master/excelts';
import { strFromU8, unzipSync } from 'fflate';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app-harness.ts';
import { databaseKinds } from './databases.ts';
import { expectGolden } from './golden.ts';
import { signIn, type Client } from './sessions.ts';
import type { ErrorBody } from './api-types.ts';

/**
 * The fixture: organisations of a legal form no demo record has («ТЕСТ»), so
 * the filter `legalForm=ТЕСТ` selects exactly them. One is a draft, one is
 * deleted, one has a name a spreadsheet would run as a formula.
 */
const FORM = 'ТЕСТ';
const FIXTURE = [
  {
    name: 'Альфа-Завод',
    full_name: 'Общество «Альфа»; "кавычки", запятая',
    kind: 'enterprise' as const,
    inn: '4205990001',
    kpp: '420501001',
    ogrn: '1024200000001',
    region_code: '42',
    town: 'Липецк',
    latitude: 52.6031,
    longitude: 39.5708,
    published: true,
  },
  {
    name: 'Вуз-формула',
    full_name: '=HYPERLINK("http://example.org","нажми")',
    kind: 'university' as const,
    inn: '4805990002',
    kpp: null,
    ogrn: null,
    region_code: '46',
    town: '@SUM(A1:A9)',
    latitude: null,
    longitude: null,
    published: true,
  },
  {
    name: 'Бета-черновик',
    full_name: null,
    kind: 'enterprise' as const,
    inn: '4205990003',
    kpp: null,
    ogrn: null,
    region_code: '42',
    town: 'Елец',
    latitude: 52.62,
    longitude: 38.5,
    published: false,
  },
  {
    name: 'Гамма-удалённая',
    full_name: null,
    kind: 'enterprise' as const,
    inn: '4205990004',
    kpp: null,
    ogrn: null,
    region_code: '42',
    town: null,
    latitude: 52.1,
    longitude: 39.1,
    published: true,
    deleted: true,
  },
];

/** Ids differ between runs of the suite; golden files name the fixture rows instead. */
function withoutIds(text: string, ids: number[]): string {
  let out = text;
  ids.forEach((id, k) => {
    out = out.replace(new RegExp(`(^|\\n|"id":|<v>)${id}(?=[,;\\r"<}])`, 'g'), `$1#${k + 1}`);
  });
  return out;
}

describe.each(databaseKinds())('list exports on %s', (kind) => {
  let t: TestApp;
  let ids: number[];
  let editor: Client;
  beforeAll(async () => {
    t = await createTestApp(kind);
    ids = [];
    for (const o of FIXTURE) {
      const { deleted, ...row } = o as (typeof FIXTURE)[number] & { deleted?: boolean };
      const inserted = await t.database.db
        .insertInto('organisation')
        .values({ ...row, legal_form: FORM, deleted_at: deleted ? new Date() : null })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(inserted.id);
    }
    await t.database.db
      .insertInto('organisation_okved')
      .values({ organisation_id: ids[0]!, okved_code: '25', is_main: true })
      .execute();
    editor = await signIn(t.app, 'analyst');
  });
  afterAll(async () => t?.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });
  const url = (format: string, extra = '') =>
    `/api/organisations/export?legalForm=${encodeURIComponent(FORM)}&format=${format}${extra}`;

  it('writes the published organisations of the filter as UTF-8 CSV with a BOM, byte for byte as the golden file', async () => {
    const res = await get(url('csv'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="organisations-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect([...res.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.rawPayload.toString('utf8');
    expect(text).not.toContain('Бета-черновик');
    expect(text).not.toContain('Гамма-удалённая');
    await expectGolden('organisations-export.csv', withoutIds(text, ids));
  });

  it('neutralises cells a spreadsheet would run as formulas, in CSV and in XLSX', async () => {
    const csv = (await get(url('csv'))).rawPayload.toString('utf8');
    expect(csv).toContain(`"'=HYPERLINK(""http://example.org"",""нажми"")"`);
    expect(csv).toContain(",'@SUM(A1:A9),");
    expect(csv).not.toMatch(/[,"]=HYPERLINK|,@SUM/);
    const sheet = await readSheet((await get(url('xlsx'))).rawPayload);
    const names = sheet.getColumn(3).values.filter((v): v is string => typeof v === 'string');
    expect(names).toContain(`'=HYPERLINK("http://example.org","нажми")`);
    // No cell is a formula.
    let formulas = 0;
    sheet.eachRow((row) => row.eachCell((c) => (formulas += c.formula ? 1 : 0)));
    expect(formulas).toBe(0);
  });

  it('writes Windows-1251 with semicolons and decimal commas when asked, as Russian Excel reads it', async () => {
    const res = await get(url('csv', '&encoding=windows-1251&delimiter=semicolon'));
    expect(res.headers['content-type']).toBe('text/csv; charset=windows-1251');
    const bytes = res.rawPayload;
    // Windows-1251: «А» is one byte 0xC0, no BOM, and the text is not valid UTF-8.
    expect(bytes[0]).not.toBe(0xef);
    expect(bytes.includes(Buffer.from([0xc0, 0xeb, 0xfc, 0xf4, 0xe0]))).toBe(true); // «Альфа»
    const text = iconv.decode(bytes, 'win1251');
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'Идентификатор;Наименование;Полное наименование;ОПФ;Вид;ИНН;КПП;ОГРН;ОКВЭД2 (основной);Код региона;Регион;Населённый пункт;Широта;Долгота',
    );
    expect(lines[1]).toContain(';52,6031;39,5708');
    await expectGolden('organisations-export-1251.csv', withoutIds(text, ids));
  });

  it('writes English headers on request', async () => {
    const text = (await get(url('csv', '&lang=en'))).rawPayload.toString('utf8');
    expect(text.slice(1, text.indexOf('\r\n'))).toBe(
      'ID,Name,Full name,Legal form,Kind,INN,KPP,OGRN,OKVED2 (main),Region code,Region,Town,Latitude,Longitude',
    );
    expect(text).toContain(',Enterprise,');
  });

  it('writes XLSX with a frozen bold header row, an autofilter, column widths and typed numbers', async () => {
    const res = await get(url('xlsx'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const sheet = await readSheet(res.rawPayload);
    expect(sheet.name).toBe('Организации');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBe('A1:N1');
    expect(sheet.getRow(1).getCell(2).value).toBe('Наименование');
    expect(sheet.getRow(1).font?.bold ?? sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getColumn(2).width).toBe(44);
    expect(sheet.rowCount).toBe(3);
    const alpha = sheet.getRow(2);
    expect(alpha.getCell(1).value).toBe(ids[0]);
    expect(alpha.getCell(2).value).toBe(`${FORM} Альфа-Завод`);
    expect(alpha.getCell(9).value).toBe('25');
    expect(alpha.getCell(13).value).toBe(52.6031);
    expect(typeof alpha.getCell(14).value).toBe('number');
    // The sheet itself (not the zip, whose entries carry timestamps) is golden.
    const parts = unzipSync(new Uint8Array(res.rawPayload));
    await expectGolden(
      'organisations-export.sheet1.xml',
      withoutIds(strFromU8(parts['xl/worksheets/sheet1.xml']!), ids),
    );
  });

  it('writes GeoJSON points for the organisations that have coordinates and counts the others', async () => {
    const res = await get(url('geojson'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    const geo = JSON.parse(res.body) as {
      type: string;
      features: {
        geometry: { type: string; coordinates: number[] };
        properties: Record<string, unknown>;
      }[];
      skippedWithoutLocation: number;
    };
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features).toHaveLength(1);
    expect(geo.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [39.5708, 52.6031] });
    expect(geo.features[0]!.properties['inn']).toBe('4205990001');
    expect(geo.skippedWithoutLocation).toBe(1);
    await expectGolden('organisations-export.geojson', withoutIds(res.body, ids));
  });

  it('follows the list’s sort: -name reverses the order', async () => {
    const asc = (await get(url('csv', '&lang=en&sort=name'))).rawPayload.toString('utf8');
    const desc = (await get(url('csv', '&lang=en&sort=-name'))).rawPayload.toString('utf8');
    const bodyLines = (text: string) => text.trimEnd().split('\r\n').slice(1);
    expect(bodyLines(desc)).toEqual([...bodyLines(asc)].reverse());
  });

  it('reads the whole organisation list in batches that together hold each visible record once, in the list’s order', async () => {
    const { exportList } = await import('../src/exports/index.ts');
    const { organisationsExport } = await import('../src/exports/list-exports.ts');
    const { readDbFor } = await import('../src/db/read-db.ts');
    const db = readDbFor(t.database.db, 'published');
    const batches: string[][] = [];
    const inner = organisationsExport.batches(
      db,
      { sort: 'name' },
      { schema: 'published', kind, batchSize: 3 },
    );
    for await (const rows of inner) batches.push(rows.map((r) => `${r.id}`));
    const listed = await t.getJson<{ items: { id: number }[]; total: number }>(
      '/api/organisations?sort=name&pageSize=100',
    );
    expect(listed.body.total).toBeLessThanOrEqual(100);
    expect(batches.length).toBeGreaterThan(2);
    expect(batches.slice(0, -1).every((b) => b.length === 3)).toBe(true);
    expect(batches.flat()).toEqual(listed.body.items.map((o) => `${o.id}`));
    // The same rows through the file: one line per record, the header first.
    const file = await exportList(
      db,
      organisationsExport,
      { sort: 'name' },
      { format: 'csv', encoding: 'utf-8', delimiter: 'comma', lang: 'en' },
      { schema: 'published', kind, batchSize: 3 },
    );
    let text = '';
    for await (const chunk of file.body) text += String(chunk);
    expect(text.trimEnd().split('\r\n')).toHaveLength(1 + listed.body.total);
  });

  it('gives its connection back when a download stops after the first batch: later exports and edits run', async () => {
    const { organisationsExport } = await import('../src/exports/list-exports.ts');
    const { readDbFor } = await import('../src/db/read-db.ts');
    const db = readDbFor(t.database.db, 'published');
    const { exportList } = await import('../src/exports/index.ts');
    for (let i = 0; i < 4; i++) {
      const inner = organisationsExport.batches(
        db,
        { sort: 'name' },
        { schema: 'published', kind, batchSize: 2 },
      );
      for await (const rows of inner) {
        expect(rows).toHaveLength(2);
        break;
      }
    }
    // A file whose download stops before its first byte is read (the client went away).
    for (let i = 0; i < 6; i++) {
      const file = await exportList(
        db,
        organisationsExport,
        { sort: 'name' },
        { format: i % 2 ? 'xlsx' : 'csv', encoding: 'utf-8', delimiter: 'comma', lang: 'ru' },
        { schema: 'published', kind, batchSize: 2 },
      );
      const closed = new Promise((resolve) => file.body.once('close', resolve));
      file.body.destroy();
      await closed;
    }
    // More stopped downloads than the pool has connections: none of them is still held.
    const admin = await signIn(t.app, 'administrator');
    const res = await admin.request<{ id: number }>('POST', '/api/organisations', {
      kind: 'enterprise',
      name: '«После выгрузки»',
      regionCode: '42',
    });
    expect(res.status).toBe(201);
    const full = await get(url('csv', '&lang=en'));
    expect(full.statusCode).toBe(200);
    expect(full.rawPayload.toString('utf8')).toContain('Альфа-Завод');
  });

  it('gives signed-in readers the drafts they can list, never the deleted records', async () => {
    const res = await editor.request<string>('GET', url('csv'));
    expect(res.status).toBe(200);
    const text = String(res.body);
    expect(text).toContain('Бета-черновик');
    expect(text).not.toContain('Гамма-удалённая');
  });

  it('exports every registry list as CSV and XLSX with the list’s filters', async () => {
    for (const list of [
      'people',
      'sites',
      'clusters',
      'events',
      'agreements',
      'action-plans',
      'projects',
      'sources',
      'regions',
    ]) {
      const csv = await get(`/api/${list}/export?format=csv`);
      expect(csv.statusCode, list).toBe(200);
      expect(csv.rawPayload.toString('utf8').split('\r\n').length, list).toBeGreaterThan(2);
      const xlsx = await get(`/api/${list}/export?format=xlsx`);
      expect(xlsx.statusCode, list).toBe(200);
      expect((await readSheet(xlsx.rawPayload)).rowCount, list).toBeGreaterThan(1);
    }
    const kuzbass = (await get('/api/sites/export?region=42&format=csv')).rawPayload.toString(
      'utf8',
    );
    for (const line of kuzbass.trimEnd().split('\r\n').slice(1)) expect(line).toContain(',42,');
  });

  it('exports search results and rating editions', async () => {
    const search = await get(
      `/api/search/export?q=${encodeURIComponent('Альфа-Завод')}&format=csv`,
    );
    expect(search.statusCode).toBe(200);
    expect(search.rawPayload.toString('utf8')).toContain('Альфа-Завод');
    const editions = await get('/api/ratings/editions/export?format=xlsx');
    expect(editions.statusCode).toBe(200);
  });

  it('exports the map’s regions with the chosen measure, as GeoJSON with each region’s boundary', async () => {
    const res = await get('/api/map/regions/export?measure=organisations&format=geojson');
    expect(res.statusCode).toBe(200);
    const geo = JSON.parse(res.body) as {
      features: { geometry: { type: string }; properties: { code: string; value: number } }[];
    };
    const lipetsk = geo.features.find((f) => f.properties.code === '42')!;
    expect(['Polygon', 'MultiPolygon']).toContain(lipetsk.geometry.type);
    const map = await t.getJson<{ items: { code: string; value: number }[] }>(
      '/api/map/regions?measure=organisations',
    );
    expect(lipetsk.properties.value).toBe(map.body.items.find((i) => i.code === '42')!.value);
    expect(geo.features.length).toBeGreaterThan(80);
    const csv = (await get('/api/map/regions/export?measure=sites&format=csv')).body;
    expect(csv.split('\r\n')[0]).toBe('\uFEFFКод,Субъект РФ,Показатель,Значение');
  });

  it('refuses GeoJSON for a list without locations, naming the field in Russian and English', async () => {
    const res = await get('/api/people/export?format=geojson');
    expect(res.statusCode).toBe(400);
    const body = res.json() as ErrorBody;
    expect(body.error.fields?.[0]?.field).toBe('format');
    expect(body.error.message).toContain('нет координат');
    expect(body.error.messageEn).toContain('no locations');
  });

  it('refuses a bad filter the way the list does, before sending any file', async () => {
    const res = await get('/api/organisations/export?okved=ZZ&format=csv');
    expect(res.statusCode).toBe(400);
    expect((res.json() as ErrorBody).error.fields?.[0]?.field).toContain('okved');
    const search = await get('/api/search/export?q=x&types=nonsense');
    expect(search.statusCode).toBe(400);
  });
});

async function readSheet(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  return workbook.worksheets[0]!;
}
