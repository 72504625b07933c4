import * as ExcelJS from '@cj-tech-master/excelts';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv, toXlsx } from '../src/clusters/analytics/cluster-analytics.export.ts';
import { runClusterMap } from '../src/clusters/mapping/cluster-map-command.ts';
import { createTestApp, type TestApp } from './app-harness.ts';
import { databaseKinds } from './databases.ts';
import type { RatingEditionList } from './api-types.ts';

const FORMULA = '=HYPERLINK("http://x","y")';
const NEUTRAL = `'${FORMULA}`;
/** The same text as a quoted CSV field. */
const NEUTRAL_CSV = `"${NEUTRAL.replace(/"/g, '""')}"`;

async function readWorkbook(body: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  return workbook;
}

/** Every cell of a workbook that is a formula, or text starting with a formula sign. */
function dangerousCells(workbook: ExcelJS.Workbook): string[] {
  const found: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) found.push(cell.address);
        if (typeof cell.value === 'string' && /^[=+\-@\t\r]/.test(cell.value))
          found.push(`${cell.address}: ${cell.value}`);
      }),
    ),
  );
  return found;
}

describe.each(databaseKinds())('rating edition export with a formula in a name on %s', (kind) => {
  let t: TestApp;
  let editionId: number;
  beforeAll(async () => {
    t = await createTestApp(kind);
    // The demo's published editions rank ОЭЗ «Липецк»; its name becomes a formula.
    await sql`UPDATE site SET name = ${FORMULA} WHERE name = 'ОЭЗ «Липецк»'`.execute(t.database.db);
    const { body } = await t.getJson<RatingEditionList>('/api/ratings/editions');
    const esg = body.ratings.find((r) => r.code === 'akit-sez-esg')!;
    editionId = esg.editions.find((e) => e.kind === 'published' && e.year === 2023)!.id;
  });
  afterAll(async () => t?.close());

  it('writes the name with a leading apostrophe in CSV', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/ratings/editions/${editionId}/export?format=csv`,
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`;${NEUTRAL_CSV};`);
    expect(res.body).not.toMatch(/(^|;)"?=/m);
  });

  it('writes the name as neutralised text in XLSX, with places still numbers', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/ratings/editions/${editionId}/export?format=xlsx`,
    });
    expect(res.statusCode).toBe(200);
    const workbook = await readWorkbook(res.rawPayload);
    const sheet = workbook.getWorksheet('Рейтинг')!;
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(3).value === NEUTRAL);
    expect(row).toBeDefined();
    expect(row!.getCell(2).value).toBe(1);
    expect(dangerousCells(workbook)).toEqual([]);
  });
});

describe('cluster analytics exports with a formula in a name', () => {
  const table = {
    title: 'Карта кластеров',
    caption: [`@${FORMULA}`],
    headers: ['Регион', 'Значение'],
    rows: [
      [FORMULA, -12.5],
      ['-1+1', 3],
      ['Липецкая область', -0.25],
    ],
  };

  it('neutralises text cells in CSV and keeps negative numbers as numbers', () => {
    const lines = toCsv(table)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines[1]).toBe(`${NEUTRAL_CSV},-12.5`);
    expect(lines[2]).toBe(`'-1+1,3`);
    expect(lines[3]).toBe('Липецкая область,-0.25');
  });

  it('neutralises text cells in XLSX and keeps negative numbers as numbers', async () => {
    const workbook = await readWorkbook(await toXlsx(table));
    expect(dangerousCells(workbook)).toEqual([]);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe(`'@${FORMULA}`);
    expect(sheet.getCell('A4').value).toBe(NEUTRAL);
    expect(sheet.getCell('B4').value).toBe(-12.5);
  });
});

describe('promatlas clusters map CSV with a formula as a region name', () => {
  it('neutralises the region name and leaves negative-looking numbers alone', () => {
    const input = [
      'region,industry,employment',
      `"${FORMULA.replace(/"/g, '""')}",I1,10`,
      'R2,I1,5',
      'R2,I2,5',
    ].join('\n');
    const { out } = runClusterMap({ inputCsv: input });
    expect(out).toContain(`${NEUTRAL_CSV},I1,10,`);
    expect(out).not.toMatch(/^"?=/m);
  });
});
