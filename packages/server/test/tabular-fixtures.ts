import { expect } from 'vitest';
import { loadExcelJs } from '../src/imports/load-exceljs.ts';
import { TabularReadError, type TabularProblem } from '../src/imports/tabular/index.ts';

/** The tabular layer's golden workbook: a title and a two-row header under merged cells. */
export async function employmentWorkbook(): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Пояснения').getCell('A1').value = 'Источник: Росстат';
  const sheet = workbook.addWorksheet('Занятость');
  sheet.getCell('A1').value = 'Среднесписочная численность работников';
  sheet.mergeCells('A1:D1');
  sheet.getCell('A2').value = 'Регион';
  sheet.mergeCells('A2:A3');
  sheet.getCell('B2').value = 'Отрасль';
  sheet.mergeCells('B2:B3');
  sheet.getCell('C2').value = 'Занятость,\nчел.';
  sheet.mergeCells('C2:D2');
  sheet.getCell('C3').value = 2023;
  sheet.getCell('D3').value = 2024;
  sheet.getRow(4).values = ['Липецкая область', 'Металлургия', 12345.5, 12400];
  sheet.getRow(5).values = [null, 'Машиностроение', 800, 810];
  sheet.mergeCells('A4:A5');
  sheet.getRow(6).values = ['Тульская область', 'Химия', null, { formula: '100*3', result: 300 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The problems a read is refused with (the test fails if it is not refused). */
export async function problemsOf(read: () => Promise<unknown>): Promise<TabularProblem[]> {
  try {
    await read();
  } catch (error) {
    expect(error).toBeInstanceOf(TabularReadError);
    return (error as TabularReadError).problems;
  }
  throw new Error('expected the table to be refused');
}
