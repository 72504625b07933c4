import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readTable, streamTable, type TableRow } from '../src/imports/tabular/index.ts';
import { problemsOf } from './tabular-fixtures.ts';

async function streamedRows(bytes: Buffer, batchSize = 5000): Promise<TableRow[]> {
  const table = await streamTable({ bytes }, { batchSize });
  const rows: TableRow[] = [];
  for await (const batch of table.batches) rows.push(...batch.rows);
  return rows;
}

/** Excel's CSV of `n` organisations: Windows-1251, «;», CRLF. */
function organisations(n: number, replace: Record<number, string> = {}): Buffer {
  const lines = ['ИНН;Наименование;Регион'];
  for (let k = 1; k <= n; k++)
    lines.push(replace[k + 1] ?? `${4800000000 + k};ООО «Завод ${k}»;48`);
  return iconv.encode(lines.join('\r\n') + '\r\n', 'win1251');
}

describe('a broken quote deep in a large CSV', () => {
  const line = 40_001;
  const quoteInside = organisations(50_000, { [line]: '4800040000;ООО "Завод;48' });

  it('is named by its line and column, in Russian and English, read whole or streamed', async () => {
    const whole = await problemsOf(() => readTable({ bytes: quoteInside }));
    expect(whole).toEqual([
      {
        line,
        column: 'столбец 2',
        code: 'csv_unreadable',
        message:
          'файл CSV не читается: столбец 2 — кавычка внутри значения «ООО …», не заключённого в кавычки: заключите значение в кавычки и удвойте кавычку внутри ("")',
        messageEn:
          'CSV cannot be parsed: column 2 — a quote inside the unquoted value "ООО …": put the value in quotes and double the quote inside ("")',
      },
    ]);
    // Streamed, the header is known by then: the column is named by it.
    const streamed = await problemsOf(() => streamedRows(quoteInside));
    expect(streamed).toMatchObject([{ line, column: 'Наименование', code: 'csv_unreadable' }]);
    expect(streamed[0]!.message).toContain('столбец 2 «Наименование»');
    expect(streamed[0]!.messageEn).toContain('column 2 "Наименование"');
  });

  it('names the line where an unclosed quote opens, not the end of the file', async () => {
    const unclosed = organisations(50_000, { [line]: '4800040000;"ООО Завод;48' });
    for (const read of [() => readTable({ bytes: unclosed }), () => streamedRows(unclosed)]) {
      const problems = await problemsOf(read);
      expect(problems).toMatchObject([{ line, code: 'csv_unreadable' }]);
      expect(problems[0]!.message).toContain('не закрыта до конца файла');
      expect(problems[0]!.messageEn).toContain('is not closed before the end of the file');
    }
  });

  it('names text after a closing quote with the separator expected', async () => {
    const bytes = organisations(100, { 51: '4800000050;"ООО" Завод;48' });
    const problems = await problemsOf(() => streamedRows(bytes));
    expect(problems).toMatchObject([{ line: 51, column: 'Наименование' }]);
    expect(problems[0]!.message).toContain('а не разделитель «;»');
  });
});

describe('a row of 300 columns in CSV', () => {
  const header = Array.from({ length: 300 }, (_, k) => `Столбец ${k + 1}`).join(';');
  const row = Array.from({ length: 300 }, (_, k) => String(k + 1)).join(';');

  it('is kept whole, read whole or streamed', async () => {
    const bytes = iconv.encode(`${header}\r\n${row}\r\n`, 'win1251');
    const table = await readTable({ bytes });
    expect(table.headers).toHaveLength(300);
    expect(table.headers![299]).toBe('Столбец 300');
    const expected = [{ line: 2, cells: Array.from({ length: 300 }, (_, k) => String(k + 1)) }];
    expect(table.rows).toEqual(expected);
    expect(await streamedRows(bytes)).toEqual(expected);
  });

  it('has a fault in its 300th column named by that column', async () => {
    const bad = row.replace(/;300$/, ';3"00');
    const bytes = iconv.encode(`${header}\r\n${row}\r\n${bad}\r\n`, 'win1251');
    const problems = await problemsOf(() => streamedRows(bytes));
    expect(problems).toMatchObject([{ line: 3, column: 'Столбец 300' }]);
    expect(problems[0]!.message).toContain('столбец 300 «Столбец 300»');
  });
});
