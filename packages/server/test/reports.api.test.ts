import * as ExcelJS from '@cj-tech-master/excelts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '@promatlas/core/api/reports.schema.ts';
import { buildApp } from '../src/http/app.ts';
import type { AppInstance } from '../src/http/app-instance.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { databaseKinds } from './databases.ts';
import type { ErrorBody } from './api-types.ts';

describe.each(databaseKinds())('reports on %s', (kind) => {
  let t: TestApp;
  let siteId: number;
  let editionId: number;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const site = await t.database.db
      .selectFrom('site')
      .select('id')
      .where('published', '=', true)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    siteId = site.id;
    const editions = await t.getJson<{ ratings: { editions: { id: number }[] }[] }>(
      '/api/ratings/editions',
    );
    editionId = editions.body.ratings.flatMap((r) => r.editions)[0]!.id;
  });
  afterAll(async () => t?.close());

  it('builds the region profile with its sections and numbers the cited sources in order', async () => {
    const { status, body } = await t.getJson<Report>('/api/reports/region/42');
    expect(status).toBe(200);
    expect(body.title).toBe('Профиль региона: Липецкая область');
    expect(body.sections.map((s) => s.id)).toEqual([
      'general',
      'facts',
      'sites',
      'clusters',
      'projects',
      'agreements',
      'events',
      'people',
    ]);
    expect(body.sources.map((s) => s.number)).toEqual(body.sources.map((_, k) => k + 1));
    // Every citation in a table names a listed source.
    const cited = body.sections
      .flatMap((s) => s.rows.flat())
      .filter((c): c is string => typeof c === 'string' && /^\[\d+\]$/.test(c));
    expect(cited.length).toBeGreaterThan(0);
    for (const c of cited) expect(body.sources.map((s) => `[${s.number}]`)).toContain(c);
  });

  it('builds the site profile and the rating edition report', async () => {
    const site = await t.getJson<Report>(`/api/reports/site/${siteId}`);
    expect(site.status).toBe(200);
    expect(site.body.sections.map((s) => s.id)).toContain('residents');
    const edition = await t.getJson<Report>(`/api/reports/rating-edition/${editionId}`);
    expect(edition.status).toBe(200);
    expect(edition.body.sections.some((s) => s.id.startsWith('peer-'))).toBe(true);
    expect(edition.body.sourcesNote.length).toBeGreaterThan(10);
  });

  it('answers 404 for a region or site that does not exist', async () => {
    expect((await t.getJson('/api/reports/region/99999')).status).toBe(404);
    expect((await t.getJson('/api/reports/site/2147483647')).status).toBe(404);
    expect((await t.getJson('/api/reports/site/2147483647/export?format=xlsx')).status).toBe(404);
  });

  it('writes the report as XLSX: a sheet per section and the sources last, numbers typed', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/reports/region/42/export' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="report-region-42.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names[0]).toBe('Отчёт');
    expect(names.at(-1)).toBe('Источники');
    expect(names).toContain('Общие сведения');
    const general = workbook.getWorksheet('Общие сведения')!;
    expect(general.getRow(1).getCell(1).value).toBe('Сведение');
    expect(general.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const counts = workbook.getWorksheet('Общие сведения')!;
    const organisations = counts
      .getSheetValues()
      .find((row) => Array.isArray(row) && row[1] === 'Организаций в реестре') as unknown[];
    expect(typeof organisations[2]).toBe('number');
  });

  it('writes the region profile, the site profile and the rating edition in English when asked', async () => {
    const region = await t.getJson<Report>('/api/reports/region/42?lang=en');
    expect(region.status).toBe(200);
    expect(region.body.title).toBe('Region profile: Липецкая область');
    expect(region.body.sections.map((s) => s.title)).toEqual([
      'General information',
      'Indicators',
      'Sites',
      'Clusters',
      'Projects',
      'Agreements',
      'Events',
      'Leaders and officials',
    ]);
    const general = new Map(region.body.sections[0]!.rows.map((r) => [r[0], r[1]]));
    expect(typeof general.get('Organisations in the registry')).toBe('number');
    // The same sources, numbered the same way, in either language.
    const ru = await t.getJson<Report>('/api/reports/region/42');
    expect(region.body.sources.map((s) => s.id)).toEqual(ru.body.sources.map((s) => s.id));
    expect(region.body.sourcesNote).toMatch(/^PromAtlas registry data/);

    const site = await t.getJson<Report>(`/api/reports/site/${siteId}?lang=en`);
    expect(site.status).toBe(200);
    const residents = site.body.sections.find((s) => s.id === 'residents')!;
    expect(residents.title).toBe('Residents');
    expect(residents.columns.map((c) => c.title)).toEqual([
      'No.',
      'Organisation',
      'Role',
      'Since',
      'Source',
    ]);
    const passport = new Map(site.body.sections[0]!.rows.map((r) => [r[0], r[1]]));
    // The kind is the vocabulary's English label.
    expect(['Special economic zone', 'Technopark', 'Industrial park']).toContain(
      passport.get('Kind'),
    );
    for (const s of site.body.sections) expect(s.title).not.toMatch(/^[А-Яа-яЁё]/);

    const edition = await t.getJson<Report>(`/api/reports/rating-edition/${editionId}?lang=en`);
    expect(edition.status).toBe(200);
    expect(edition.body.sections[0]!.title).toBe('About the edition');
    const peer = edition.body.sections.find((s) => s.id.startsWith('peer-'))!;
    expect(peer.title).toMatch(/^Places: /);
    expect(peer.columns.slice(0, 3).map((c) => c.title)).toEqual(['Place', 'Object', 'Score']);
  });

  it('writes the English region profile as XLSX with English sheet names and heads', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/reports/region/42/export?format=xlsx&lang=en',
    });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names[0]).toBe('Report');
    expect(names.at(-1)).toBe('Sources');
    expect(names).toContain('General information');
    expect(names).toContain('Leaders and officials');
    for (const name of names) expect(name).not.toMatch(/[А-Яа-яЁё]/);
    const general = workbook.getWorksheet('General information')!;
    expect(general.getRow(1).getCell(1).value).toBe('Item');
    expect(general.getRow(1).getCell(2).value).toBe('Value');
    const cover = workbook.getWorksheet('Report')!;
    expect(String(cover.getRow(3).getCell(1).value)).toMatch(/^Generated: \d\d\/\d\d\/\d{4}/);
    expect(workbook.getWorksheet('Sources')!.getRow(1).getCell(3).value).toBe('Published');
  });

  it('refuses a report language it does not write, naming the parameter', async () => {
    const res = await t.getJson<ErrorBody>('/api/reports/region/42?lang=de');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain('lang');
    const file = await t.getJson<ErrorBody>('/api/reports/region/42/export?format=xlsx&lang=fr');
    expect(file.status).toBe(400);
  });

  it('refuses a PDF plainly, in Russian and English, when the server is not listening', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/reports/region/42/export?format=pdf',
    });
    expect(res.statusCode).toBe(422);
    expect((res.json() as ErrorBody).error.code).toBe('pdf_not_listening');
  });

  it('refuses a PDF plainly, in Russian and English, when Chromium is not installed', async () => {
    const app: AppInstance = await buildApp({
      deps: {
        db: t.database.db,
        databaseKind: t.database.kind,
        chromiumPath: '/nonexistent/chromium',
      },
    });
    try {
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      const res = await fetch(`${address}/api/reports/region/42/export?format=pdf`);
      expect(res.status).toBe(422);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.code).toBe('pdf_browser_missing');
      expect(body.error.message).toContain('не установлен браузер Chromium');
      expect(body.error.messageEn).toContain('Chromium browser is not installed');
    } finally {
      await app.close();
    }
  });
});
