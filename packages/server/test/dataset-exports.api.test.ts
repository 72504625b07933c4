import * as ExcelJS from '@cj-tech-master/excelts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app-harness.ts';
import { databaseKinds } from './databases.ts';
import { expectGolden } from './golden.ts';
import type { ErrorBody } from './api-types.ts';

/**
 * Exports of the tables that are not registry lists: a statistical dataset's
 * values with its filters, a cluster's cooperation contracts and purchases,
 * the cluster categories. Written through the same streamed CSV and XLSX
 * writers as the lists; the CSVs are golden.
 */

/** Ids differ between runs of the suite; golden files name the fixture rows instead. */
function withoutIds(text: string, ids: number[]): string {
  let out = text;
  ids.forEach((id, k) => {
    out = out.replace(new RegExp(`(^|\\n)${id}(?=,)`, 'g'), `$1#${k + 1}`);
  });
  return out;
}

async function readSheet(payload: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload);
  return workbook.worksheets[0]!;
}

describe.each(databaseKinds())('dataset and cooperation exports on %s', (kind) => {
  let t: TestApp;
  let datasetId: number;
  let clusterId: number;
  let contractIds: number[];

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.database.db;
    const dataset = await db
      .insertInto('statistical_dataset')
      .values({ name: `Выгрузка-тест ${kind}`, measure: 'establishments', unit: 'единиц' })
      .returning('id')
      .executeTakeFirstOrThrow();
    datasetId = dataset.id;
    const values: { region_code: string; industry_code: string; year: number; value: number }[] =
      [];
    for (const region_code of ['42', '46', '36'])
      for (const industry_code of ['25', '28', '10'])
        for (const year of [2021, 2022])
          values.push({
            region_code,
            industry_code,
            year,
            value: Number(region_code) * 10 + year - 2020 + (industry_code === '28' ? 0.5 : 0),
          });
    await db
      .insertInto('dataset_value')
      .values(values.map((v) => ({ ...v, dataset_id: datasetId })))
      .execute();

    const cluster = await db
      .insertInto('cluster')
      .values({ kind: 'industrial', name: 'Кластер выгрузки (тест)', region_code: '42' })
      .returning('id')
      .executeTakeFirstOrThrow();
    clusterId = cluster.id;
    const org = async (name: string) =>
      (
        await db
          .insertInto('organisation')
          .values({ kind: 'enterprise', name, region_code: '42' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const a = await org('Завод «Альфа»');
    const b = await org('=Завод Бета');
    const outside = await org('Поставщик вне кластера');
    for (const id of [a, b])
      await db
        .insertInto('cluster_member')
        .values({ cluster_id: clusterId, organisation_id: id, role: 'anchor' })
        .execute();
    contractIds = [];
    for (const c of [
      { buyer_id: a, supplier_id: b, contract_type: 'supply' as const, value_rub: 150_000_000.5 },
      {
        buyer_id: b,
        supplier_id: a,
        contract_type: 'production_services' as const,
        value_rub: null,
      },
      { buyer_id: a, supplier_id: outside, contract_type: 'supply' as const, value_rub: 1_000 },
    ])
      contractIds.push(
        (
          await db
            .insertInto('cooperation_contract')
            .values({ ...c, product: 'Литьё; заготовки', signed_on: '2023-04-01' })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
      );
    for (const year of [2023, 2024])
      await db
        .insertInto('cooperation_purchase')
        .values({
          organisation_id: a,
          year,
          total_rub: 100_000_000,
          from_participants_rub: year === 2024 ? 25_000_000 : 0,
        })
        .execute();
  });
  afterAll(async () => t?.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url });

  it('exports a dataset’s values with its region, industry and year filters, in region × industry × year order', async () => {
    const res = await get(
      `/api/datasets/${datasetId}/values/export?format=csv&region=42,46&year=2022`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="dataset-values-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    await expectGolden('dataset-values.csv', res.rawPayload.toString('utf8'));
    const one = await get(`/api/datasets/${datasetId}/values/export?format=csv&industry=28`);
    const lines = one.rawPayload.toString('utf8').trimEnd().split('\r\n');
    // Three regions × two years of one industry.
    expect(lines.length).toBe(1 + 6);
    for (const line of lines.slice(1)) expect(line.split(',')[2]).toBe('28');
  });

  it('reads a dataset in keyset batches that together hold every value once, in order', async () => {
    const { exportList } = await import('../src/exports/index.ts');
    const { datasetValuesExport } = await import('../src/exports/list-exports.ts');
    const file = await exportList(
      t.database.db,
      datasetValuesExport,
      { id: datasetId },
      { format: 'csv', encoding: 'utf-8', delimiter: 'comma', lang: 'en' },
      { schema: 'published', kind: t.database.kind, batchSize: 4 },
    );
    const chunks: Buffer[] = [];
    for await (const chunk of file.body) chunks.push(chunk as Buffer);
    const rows = Buffer.concat(chunks).toString('utf8').trimEnd().split('\r\n').slice(1);
    expect(rows.length).toBe(18);
    // Region, industry and year: the first, third and fifth fields (names may be quoted and hold commas).
    const keys = rows.map((r) => {
      const f = r.replace(/"[^"]*"/g, 'name').split(',');
      return `${f[0]}|${f[2]}|${f[4]}`;
    });
    expect(new Set(keys).size).toBe(18);
    expect(rows[0]!.startsWith('36,')).toBe(true);
    expect(rows.at(-1)!.startsWith('46,')).toBe(true);
  });

  it('writes a dataset’s values as XLSX with typed years and values', async () => {
    const res = await get(`/api/datasets/${datasetId}/values/export?format=xlsx&region=42`);
    expect(res.statusCode).toBe(200);
    const sheet = await readSheet(res.rawPayload);
    expect(sheet.name).toBe('Значения набора данных');
    expect(sheet.getRow(1).getCell(6).value).toBe('Значение');
    expect(sheet.rowCount).toBe(1 + 6);
    expect(sheet.getRow(2).getCell(5).value).toBe(2021);
    expect(typeof sheet.getRow(2).getCell(6).value).toBe('number');
    expect(sheet.getRow(2).getCell(7).value).toBe('единиц');
  });

  it('answers 404 for a dataset or a cluster that does not exist, and 400 for a bad filter', async () => {
    const missing = await get('/api/datasets/2147483647/values/export?format=csv');
    expect(missing.statusCode).toBe(404);
    expect(
      (await get('/api/clusters/2147483647/cooperation-contracts/export?format=csv')).statusCode,
    ).toBe(404);
    const bad = await get(`/api/datasets/${datasetId}/values/export?format=csv&year=19`);
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify((bad.json() as ErrorBody).error)).toContain('year');
  });

  it('exports a cluster’s cooperation contracts, all or only those between participants, formulas neutralised', async () => {
    const res = await get(`/api/clusters/${clusterId}/cooperation-contracts/export?format=csv`);
    expect(res.statusCode).toBe(200);
    const text = res.rawPayload.toString('utf8');
    await expectGolden('cooperation-contracts.csv', withoutIds(text, contractIds));
    expect(text).toContain("'=Завод Бета");
    const inside = await get(
      `/api/clusters/${clusterId}/cooperation-contracts/export?format=csv&inside=true`,
    );
    const lines = inside.rawPayload.toString('utf8').trimEnd().split('\r\n');
    expect(lines.length).toBe(1 + 2);
    expect(lines.join('\n')).not.toContain('Поставщик вне кластера');
    const services = await get(
      `/api/clusters/${clusterId}/cooperation-contracts/export?format=csv&contractType=production_services`,
    );
    expect(services.rawPayload.toString('utf8').trimEnd().split('\r\n').length).toBe(1 + 1);
  });

  it('exports the participants’ purchases with the share bought from participants', async () => {
    const res = await get(`/api/clusters/${clusterId}/cooperation-purchases/export?format=csv`);
    expect(res.statusCode).toBe(200);
    await expectGolden('cooperation-purchases.csv', res.rawPayload.toString('utf8'));
    const xlsx = await get(
      `/api/clusters/${clusterId}/cooperation-purchases/export?format=xlsx&year=2024`,
    );
    const sheet = await readSheet(xlsx.rawPayload);
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(5).value).toBe(0.25);
  });

  it('exports the cluster categories with their ОКВЭД2 codes, filtered by type', async () => {
    const all = await get('/api/cluster-categories/export?format=csv');
    expect(all.statusCode).toBe(200);
    const lines = all.rawPayload.toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe('\uFEFFКод,Название,Тип,Описание,Коды ОКВЭД2');
    expect(lines.length).toBeGreaterThan(2);
    const traded = await get('/api/cluster-categories/export?format=csv&type=traded');
    const tradedLines = traded.rawPayload.toString('utf8').trimEnd().split('\r\n').slice(1);
    expect(tradedLines.length).toBeGreaterThan(0);
    expect(tradedLines.length).toBeLessThan(lines.length - 1);
    for (const line of tradedLines) expect(line).toContain(',торгуемая,');
  });

  it('exports the rating indicator values with the filters of their list, one row per value', async () => {
    const list = await t.getJson<{ items: { year: number; dataset: string }[]; total: number }>(
      '/api/ratings/indicator-values',
    );
    expect(list.body.total).toBeGreaterThan(0);
    const { year, dataset } = list.body.items[0]!;
    const filtered = await t.getJson<{ total: number }>(
      `/api/ratings/indicator-values?year=${year}&dataset=${encodeURIComponent(dataset)}`,
    );
    const res = await get(
      `/api/ratings/indicator-values/export?format=csv&year=${year}&dataset=${encodeURIComponent(dataset)}`,
    );
    expect(res.statusCode).toBe(200);
    const lines = res.rawPayload.toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFНабор,Тип объекта,Идентификатор объекта,Объект,Показатель,Год,Значение,Происхождение,Источник',
    );
    expect(lines.length - 1).toBe(filtered.body.total);
    for (const line of lines.slice(1)) expect(line.startsWith(`${dataset},`)).toBe(true);
  });

  it('exports the list of datasets with the span of their years and their value counts', async () => {
    const res = await get('/api/datasets/export?format=csv');
    expect(res.statusCode).toBe(200);
    const lines = res.rawPayload.toString('utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFИдентификатор,Название,Показатель,Единица,С года,По год,Значений,Иллюстративные данные,Источник,Адрес источника',
    );
    const ours = lines.find((l) => l.startsWith(`${datasetId},`));
    expect(ours).toBe(
      `${datasetId},Выгрузка-тест ${kind},Число организаций,единиц,2021,2022,18,нет,,`,
    );
    const list = await t.getJson<{ items: unknown[] }>('/api/datasets');
    expect(lines.length - 1).toBe(list.body.items.length);
  });
});
