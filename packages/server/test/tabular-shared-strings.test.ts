import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadExcelJs } from '../src/imports/load-exceljs.ts';
import {
  SharedStrings,
  openSharedStringStores,
  readTable,
  streamTable,
  TabularReadError,
  type TableRow,
} from '../src/imports/tabular/index.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shared-strings-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Strings of every shape a registry holds: Cyrillic, empty, long, astral characters. */
const text = (k: number) =>
  k % 97 === 0
    ? ''
    : k % 89 === 0
      ? `Очень длинное наименование ${'ё'.repeat(500)} ${k}`
      : k % 83 === 0
        ? `знак 𝔸 ${k}`
        : `ООО «Предприятие ${k}»`;

/** A workbook of `rows` rows, each with three strings of its own (all shared strings). */
async function manyStrings(rows: number): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const file = path.join(dir, `many-${rows}.xlsx`);
  const writer = new ExcelJS.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = writer.addWorksheet('Организации');
  sheet.addRow(['Наименование', 'Город', 'Примечание', 'Число']).commit();
  for (let k = 1; k <= rows; k++)
    sheet.addRow([text(k) || 'пусто', `Город ${k % 50}`, `Примечание ${k}`, k]).commit();
  sheet.commit();
  await writer.commit();
  return fs.readFileSync(file);
}

const leftovers = () =>
  [dir, os.tmpdir()]
    .flatMap((d) => fs.readdirSync(d))
    .filter((name) => name.startsWith('promatlas-strings-'));

async function allRows(table: Awaited<ReturnType<typeof streamTable>>): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const batch of table.batches) rows.push(...batch.rows);
  return rows;
}

describe('the shared-strings table', () => {
  it('gives back every string as pushed while in memory', () => {
    const store = new SharedStrings();
    for (let k = 0; k < 1000; k++) store.push(text(k));
    // Before the last block is packed, and after.
    expect(store.get(999)).toBe(text(999));
    store.finish();
    expect(store.spilled).toBe(false);
    for (let k = 0; k < 1000; k++) expect(store.get(k)).toBe(text(k));
    expect(store.get(1000)).toBeUndefined();
    expect(store.get(-1)).toBeUndefined();
    store.close();
  });

  it('gives back every string once spilled to a temporary file, in any order, leaving no file behind', () => {
    const before = openSharedStringStores().open;
    const store = new SharedStrings({ memoryLimit: 4096, tempDir: dir });
    const n = 40_000; // 625 blocks: more than the decoded blocks kept, so some are read again
    for (let k = 0; k < n; k++) store.push(text(k));
    store.finish();
    expect(store.spilled).toBe(true);
    expect(openSharedStringStores()).toEqual({ open: before + 1, spilled: 1 });
    expect(leftovers()).toEqual([]);
    for (let k = 0; k < n; k++) expect(store.get(k)).toBe(text(k));
    let seed = 7;
    for (let j = 0; j < 20_000; j++) {
      seed = (seed * 48271) % 2147483647;
      const k = seed % n;
      expect(store.get(k)).toBe(text(k));
    }
    store.close();
    store.close();
    expect(openSharedStringStores().open).toBe(before);
  });

  it('answers the XLSX reader as an array does', () => {
    const store = new SharedStrings();
    for (const s of ['а', 'б', 'в']) store.push(s);
    store.finish();
    const table = store.asArray();
    expect([table[0], table[2], table[3], table.length]).toEqual(['а', 'в', undefined, 3]);
    expect(Boolean(table)).toBe(true);
    store.close();
  });
});

describe('an XLSX whose shared strings go to a temporary file', () => {
  it('reads the same rows as with the strings in memory, and releases the file at the end', async () => {
    const bytes = await manyStrings(3000);
    const inMemory = await streamTable({ bytes }, { batchSize: 500 });
    const expected = await allRows(inMemory);
    const spilled = await streamTable({ bytes }, { batchSize: 500, stringsMemoryLimit: 1024 });
    expect(openSharedStringStores()).toEqual({ open: 1, spilled: 1 });
    const rows = await allRows(spilled);
    expect(rows).toEqual(expected);
    expect(rows).toHaveLength(3000);
    expect(rows[88]!.cells[0]).toBe(text(89));
    expect(openSharedStringStores().open).toBe(0);
    const whole = await readTable({ bytes }, { stringsMemoryLimit: 1024 });
    expect(whole.rows).toEqual(expected);
    expect(openSharedStringStores().open).toBe(0);
  });

  it('releases the file when the reading is cancelled after the first batch', async () => {
    const bytes = await manyStrings(3000);
    const table = await streamTable({ bytes }, { batchSize: 100, stringsMemoryLimit: 1024 });
    for await (const batch of table.batches) {
      expect(batch.rows).toHaveLength(100);
      break;
    }
    expect(openSharedStringStores().open).toBe(0);
    const unread = await streamTable({ bytes }, { batchSize: 100, stringsMemoryLimit: 1024 });
    expect(openSharedStringStores().open).toBe(1);
    await unread.close!();
    expect(openSharedStringStores().open).toBe(0);
  });

  it('releases the file when the import fails while reading, and when the workbook is refused', async () => {
    const bytes = await manyStrings(3000);
    const table = await streamTable({ bytes }, { batchSize: 100, stringsMemoryLimit: 1024 });
    await expect(
      (async () => {
        for await (const batch of table.batches)
          if (batch.rows[0]!.line > 500) throw new Error('the database went away');
      })(),
    ).rejects.toThrow('the database went away');
    expect(openSharedStringStores().open).toBe(0);
    await expect(
      readTable({ bytes }, { sheet: 'Нет такого', stringsMemoryLimit: 1024 }),
    ).rejects.toBeInstanceOf(TabularReadError);
    await expect(
      streamTable({ bytes }, { batchSize: 100, sheet: 2, stringsMemoryLimit: 1024 }),
    ).rejects.toBeInstanceOf(TabularReadError);
    expect(openSharedStringStores().open).toBe(0);
    expect(leftovers()).toEqual([]);
  });
});
