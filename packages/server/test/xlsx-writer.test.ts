import * as ExcelJS from '@cj-tech-master/excelts';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { xlsxStream, type ExportColumn } from '../src/exports/index.ts';

interface Row {
  id: number;
  name: string;
  share: number | null;
  signed: string | null;
}

const columns: ExportColumn<Row>[] = [
  { key: 'id', ru: 'Идентификатор', en: 'ID', type: 'integer', value: (r) => r.id },
  { key: 'name', ru: 'Название', en: 'Name', type: 'text', value: (r) => r.name },
  { key: 'share', ru: 'Доля', en: 'Share', type: 'number', value: (r) => r.share },
  { key: 'signed', ru: 'Подписан', en: 'Signed', type: 'date', value: (r) => r.signed },
];

async function* batches(rows: number, size: number): AsyncGenerator<Row[]> {
  for (let start = 0; start < rows; start += size) {
    const batch: Row[] = [];
    for (let k = start; k < Math.min(rows, start + size); k++)
      batch.push({
        id: k + 1,
        // Long enough that the sheet's writes are gathered into several chunks.
        name: k % 1000 === 0 ? `=СУММ(A${k})` : `Организация № ${k} «Кириллица & <разметка>»`,
        share: k % 3 ? k / 7 : null,
        signed: k % 2 ? '2024-03-14' : null,
      });
    yield batch;
  }
}

async function written(rows: number, size: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of xlsxStream(columns, batches(rows, size), {
    lang: 'ru',
    sheetName: 'Проверка',
  }))
    chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('the streamed XLSX writer', () => {
  it('writes every row of a sheet spread over many writes intact, in order, with typed cells', async () => {
    const file = await written(20_000, 1500);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Проверка');
    expect(sheet.rowCount).toBe(1 + 20_000);
    expect(sheet.getRow(1).getCell(2).value).toBe('Название');
    for (const k of [0, 1, 4999, 12_345, 19_999]) {
      const row = sheet.getRow(k + 2);
      expect(row.getCell(1).value).toBe(k + 1);
      expect(row.getCell(2).value).toBe(
        k % 1000 === 0 ? `'=СУММ(A${k})` : `Организация № ${k} «Кириллица & <разметка>»`,
      );
      expect(row.getCell(3).value).toBe(k % 3 ? k / 7 : null);
      expect(row.getCell(4).value).toEqual(k % 2 ? new Date('2024-03-14T00:00:00Z') : null);
    }
  });

  it('gives the cells of a column one style, the same whichever batch wrote them', async () => {
    const sheetXml = strFromU8(
      unzipSync(new Uint8Array(await written(3000, 500)))['xl/worksheets/sheet1.xml']!,
    );
    const stylesOf = (column: string) =>
      new Set(
        [...sheetXml.matchAll(new RegExp(`<c r="${column}\\d+"[^>]*?(?: s="(\\d+)")?[^>]*>`, 'g'))]
          .slice(1)
          .map((m) => m[1]),
      );
    expect(stylesOf('A').size).toBe(1);
    expect(stylesOf('D').size).toBe(1);
    expect(stylesOf('A')).not.toEqual(stylesOf('D'));
  });
});
