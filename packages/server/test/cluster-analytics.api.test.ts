import * as ExcelJS from '@cj-tech-master/excelts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataset } from '../src/datasets/dataset.service.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { databaseKinds } from './databases.ts';
import { signIn } from './sessions.ts';
import { expectGolden } from './golden.ts';
import type {
  ClusterCandidates,
  ClusterMap,
  ClusterPortfolio,
  CreatedDataset,
  DatasetList,
  DatasetSummary,
  ErrorBody,
  QuarantinePage,
} from './api-types.ts';

// EconGeo's documented 5 × 5 example (PRODUCT.md): regions R1..R5 × industries
// I1..I5, here ОКВЭД2 divisions 10, 20, 24, 28, 29 of municipalities R1..R5.
const INDUSTRIES = ['10', '20', '24', '28', '29'];
const ROWS = [
  [100, 0, 0, 0, 0],
  [0, 15, 5, 70, 10],
  [0, 20, 10, 20, 50],
  [0, 25, 30, 5, 40],
  [0, 40, 55, 5, 0],
];
const LQ = [
  [5, 0, 0, 0, 0],
  [0, 0.75, 0.25, 3.5, 0.5],
  [0, 1, 0.5, 1, 2.5],
  [0, 1.25, 1.5, 0.25, 2],
  [0, 2, 2.75, 0.25, 0],
];

/** 2022 is the EconGeo matrix; 2021 is half of it, except R3 × 29 which was 0. */
function csv(): string {
  const lines = ['Муниципалитет;ОКВЭД;Год;Занятые'];
  ROWS.forEach((row, r) =>
    row.forEach((value, i) => {
      lines.push(`R${r + 1};${INDUSTRIES[i]};2022;${value}`);
      lines.push(`R${r + 1};${INDUSTRIES[i]};2021;${r === 2 && i === 4 ? 0 : value / 2}`);
    }),
  );
  return lines.join('\n');
}

function pearson(a: number[], b: number[]): number {
  const mean = (x: number[]) => x.reduce((s, v) => s + v, 0) / x.length;
  const ma = mean(a);
  const mb = mean(b);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  a.forEach((_, k) => {
    ab += (a[k]! - ma) * (b[k]! - mb);
    aa += (a[k]! - ma) ** 2;
    bb += (b[k]! - mb) ** 2;
  });
  return ab / Math.sqrt(aa * bb);
}

describe.each(databaseKinds())('cluster analytics API on %s', (kind) => {
  let t: TestApp;
  let id: number;
  beforeAll(async () => {
    t = await createTestApp(kind);
    const created = await createDataset(t.database.db, {
      name: 'EconGeo 5 × 5',
      measure: 'employment',
      regionLevel: 'municipality',
      industryClassification: 'okved2',
      illustrative: false,
      file: {
        format: 'csv',
        content: csv(),
        mapping: {
          regionColumn: 'Муниципалитет',
          industryColumn: 'ОКВЭД',
          valueColumn: 'Занятые',
          yearColumn: 'Год',
        },
      },
    });
    id = created.dataset.id;
    expect(created.import.values).toBe(50);
  });
  afterAll(async () => t?.close());

  it('gives EconGeo’s location quotients exactly, for every industry', async () => {
    for (const [i, industry] of INDUSTRIES.entries()) {
      const { status, body } = await t.getJson<ClusterMap>(
        `/api/clusters-analytics/map?dataset=${id}&year=2022&industry=${industry}`,
      );
      expect(status).toBe(200);
      const byRegion = Object.fromEntries(
        body.items.map((item) => [item.region.code, item.locationQuotient]),
      );
      expect(byRegion).toEqual(Object.fromEntries(LQ.map((row, r) => [`R${r + 1}`, row[i]])));
    }
  });

  it('marks strong regions and stars with the thresholds behind them (industry 28)', async () => {
    const { body } = await t.getJson<ClusterMap>(
      `/api/clusters-analytics/map?dataset=${id}&year=2022&industry=28`,
    );
    // Over R2..R5 (employment > 0): Q75(LQ) of .25, .25, 1, 3.5 = 1.625; Q25(e) of 5, 5, 20, 70 = 5;
    // Q90(e) = 20 + 0.7 · 50 = 55; Q90(share) of .05, .05, .2, .7 = .55.
    const { valueQ90, ...exact } = body.thresholds;
    expect(exact).toEqual({
      qualifyingRegions: 4,
      locationQuotientQ75: 1.625,
      valueQ25: 5,
      focusQ90: 0.55,
    });
    expect(valueQ90).toBeCloseTo(55, 12);
    const r2 = body.items.find((item) => item.region.code === 'R2');
    expect(r2).toMatchObject({
      value: 70,
      share: 0.7,
      strong: true,
      stars: 3,
      starSize: true,
      starSpecialisation: true,
      starFocus: true,
    });
    expect(body.items.filter((item) => item.strong).map((item) => item.region.code)).toEqual([
      'R2',
    ]);
    expect(body.items.filter((item) => item.stars > 0).map((item) => item.region.code)).toEqual([
      'R2',
    ]);
    expect(body.industry).toEqual({
      code: '28',
      name: 'Производство машин и оборудования, не включенных в другие группировки',
      type: 'traded',
    });
    expect(body.notes.map((n) => n.kind)).toContain('sizeBySingleMeasure');
  });

  it('gives the same quotients at category level, where each division is its own category', async () => {
    const { status, body } = await t.getJson<ClusterMap>(
      `/api/clusters-analytics/map?dataset=${id}&year=2022&industry=machinery&level=category`,
    );
    expect(status).toBe(200);
    expect(body.items.map((item) => [item.region.code, item.locationQuotient])).toEqual([
      ['R2', 3.5],
      ['R3', 1],
      ['R4', 0.25],
      ['R5', 0.25],
      ['R1', 0],
    ]);
  });

  it('describes a region’s portfolio: LQ, share, growth, strong clusters and cluster strength (R3)', async () => {
    const { status, body } = await t.getJson<ClusterPortfolio>(
      `/api/clusters-analytics/portfolio?dataset=${id}&year=2022&region=R3&baseYear=2021`,
    );
    expect(status).toBe(200);
    const byCode = Object.fromEntries(body.items.map((item) => [item.industry.code, item]));
    expect(byCode['29']).toMatchObject({
      value: 50,
      share: 0.5,
      locationQuotient: 2.5,
      baseValue: 0,
      growth: null,
      strong: true,
    });
    expect(byCode['20']).toMatchObject({
      value: 20,
      share: 0.2,
      locationQuotient: 1,
      baseValue: 10,
      growth: 1,
      strong: false,
    });
    // Absent in both years: no growth to speak of (null, never NaN).
    expect(byCode['10']).toMatchObject({
      value: 0,
      locationQuotient: 0,
      growth: null,
      baseValue: 0,
    });
    // Strong in R3: 29 only (LQ 2.5 ≥ Q75 2.25 of .5, 2, 2.5; 50 > Q25 25). All five divisions are traded.
    expect(body.strongClusters).toEqual([
      {
        industry: {
          code: '29',
          name: 'Производство автотранспортных средств, прицепов и полуприцепов',
          type: 'traded',
        },
        value: 50,
        locationQuotient: 2.5,
        stars: 3,
        rankByLocationQuotient: 1,
      },
    ]);
    expect(body.clusterStrength).toEqual({ tradedValue: 100, strongValue: 50, strength: 0.5 });
    expect(body.notes.map((n) => n.kind)).toContain('zeroBase');
  });

  it('finds a region by any spelling only for federal subjects, and answers 404 for an unknown one', async () => {
    const { status, body } = await t.getJson<ErrorBody>(
      `/api/clusters-analytics/portfolio?dataset=${id}&year=2022&region=Нарния`,
    );
    expect(status).toBe(404);
    expect(body.error.message).toMatch(/Региона «Нарния» нет в наборе/);
    const year = await t.getJson<ErrorBody>(
      `/api/clusters-analytics/map?dataset=${id}&year=1999&industry=28`,
    );
    expect(year.status).toBe(404);
    expect(year.body.error.message).toMatch(/нет данных за 1999 год; есть годы: 2021, 2022/);
  });

  it('lists candidate clusters with the relatedness behind each', async () => {
    const { status, body } = await t.getJson<ClusterCandidates>(
      `/api/clusters-analytics/candidates?dataset=${id}&year=2022&region=R3&minRelatedness=0.1`,
    );
    expect(status).toBe(200);
    expect(body.strongIndustries.map((s) => s.code)).toEqual(['29']);
    expect(body.regionsCounted).toBe(5);
    const shares = (i: number) => ROWS.map((row) => row[i]! / 100);
    for (const item of body.items) {
      expect(item.industry.code).not.toBe('29');
      const related = item.relatedStrongIndustries[0]!;
      expect(related.industry.code).toBe('29');
      const phi = pearson(shares(INDUSTRIES.indexOf(item.industry.code)), shares(4));
      expect(related.relatedness).toBeCloseTo(phi, 12);
      expect(related.relatedness).toBeGreaterThanOrEqual(0.1);
      expect(item.score).toBeCloseTo(phi, 12);
    }
    const expectedCodes = INDUSTRIES.filter(
      (code, i) => code !== '29' && pearson(shares(i), shares(4)) >= 0.1,
    );
    expect(body.items.map((item) => item.industry.code).sort()).toEqual(expectedCodes.sort());
  });

  it('exports the map as CSV with Russian headers', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/clusters-analytics/map/export?dataset=${id}&year=2022&industry=28&format=csv`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toMatch(
      /attachment; filename="cluster-map-\d+-2022-28\.csv"/,
    );
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Код региона,Регион,Значение,Доля в регионе,Коэффициент локализации,Размер выше 25-го процентиля,Сильный кластер,Звёзды,Звезда размера,Звезда специализации,Звезда фокуса',
    );
    expect(lines[1]).toBe('R2,R2,70,0.7,3.5,да,да,3,да,да,да');
  });

  it('exports the map, the portfolio and the candidates as CSV byte for byte as the committed golden files', async () => {
    const query = `dataset=${id}&year=2022`;
    for (const [name, url] of [
      ['cluster-map.csv', `/api/clusters-analytics/map/export?${query}&industry=28&format=csv`],
      [
        'cluster-portfolio.csv',
        `/api/clusters-analytics/portfolio/export?${query}&region=R3&baseYear=2021&format=csv`,
      ],
      [
        'cluster-candidates.csv',
        `/api/clusters-analytics/candidates/export?${query}&region=R3&minRelatedness=0.1&format=csv`,
      ],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      await expectGolden(name, res.body);
    }
  });

  it('exports the portfolio and the candidates as XLSX', async () => {
    for (const [url, header] of [
      [
        `/api/clusters-analytics/portfolio/export?dataset=${id}&year=2022&region=R3&baseYear=2021&format=xlsx`,
        'Код отрасли',
      ],
      [
        `/api/clusters-analytics/candidates/export?dataset=${id}&year=2022&region=R3&minRelatedness=0.1&format=xlsx`,
        'Код отрасли',
      ],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      const headerRow = sheet
        .getRows(1, sheet.rowCount)!
        .find((row) => row.getCell(1).value === header)!;
      expect(headerRow).toBeDefined();
      const first = sheet.getRow(headerRow.number + 1);
      expect(
        typeof first.getCell(4).value === 'number' || typeof first.getCell(4).value === 'string',
      ).toBe(true);
    }
  });

  it('creates, summarises and deletes a dataset over HTTP as an analyst, and refuses the public', async () => {
    const body = {
      name: 'HTTP',
      measure: 'employment',
      file: {
        format: 'csv',
        content: 'r,i,v\nЛипецкая область,24,10\nНарния,24,1\n',
        mapping: { regionColumn: 'r', industryColumn: 'i', valueColumn: 'v', year: 2020 },
      },
    };
    const anonymous = await signIn(t.app, 'public');
    expect((await anonymous.request('POST', '/api/datasets', body)).status).toBe(401);
    const analyst = await signIn(t.app, 'analyst');
    const created = await analyst.request<CreatedDataset>('POST', '/api/datasets', body);
    expect(created.status).toBe(201);
    expect(created.body.import).toMatchObject({
      values: 1,
      quarantined: 1,
      regions: 1,
      years: [2020],
    });
    const newId = created.body.dataset.id;
    const summary = await t.getJson<DatasetSummary>(`/api/datasets/${newId}/summary`);
    expect(summary.body).toMatchObject({
      regionCount: 1,
      years: [{ year: 2020, values: 1, regions: 1 }],
      industries: [{ code: '24', name: 'Производство металлургическое', values: 1 }],
      quarantine: [{ reasonCode: 'unknown_region', rows: 1 }],
    });
    const quarantine = await t.getJson<QuarantinePage>(`/api/datasets/${newId}/quarantine`);
    expect(quarantine.body.items[0]).toMatchObject({
      line: 3,
      raw: { r: 'Нарния', i: '24', v: '1' },
    });
    const list = await t.getJson<DatasetList>('/api/datasets');
    expect(list.body.items.map((d) => d.id)).toContain(newId);
    const invalid = await analyst.request<ErrorBody>('POST', '/api/datasets', {
      ...body,
      file: { format: 'csv', content: 'x' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toMatch(/mapping/);
    expect((await analyst.request('DELETE', `/api/datasets/${newId}`)).status).toBe(204);
    expect((await t.getJson(`/api/datasets/${newId}`)).status).toBe(404);
  });
});
