import { describe, expect, it } from 'vitest';
import { neutraliseSpreadsheetText, spreadsheetCell } from './spreadsheet-cell.ts';

describe('spreadsheet cells', () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `'=HYPERLINK("http://x","y")`],
    ['+cmd|" /C calc"!A0', `'+cmd|" /C calc"!A0`],
    ['-2+3', `'-2+3`],
    ['@SUM(A1:A2)', `'@SUM(A1:A2)`],
    ['\t=1+1', `'\t=1+1`],
    ['\r=1+1', `'\r=1+1`],
    ['-', `'-`],
  ])('prefixes text that a spreadsheet would run as a formula: %j', (text, expected) => {
    expect(neutraliseSpreadsheetText(text)).toBe(expected);
  });

  it.each(['ООО «Энергия»', 'a=b', 'Итого: -5', '', "'=already"])(
    'leaves ordinary text as it is: %j',
    (text) => {
      expect(neutraliseSpreadsheetText(text)).toBe(text);
    },
  );

  it.each(['-12', '+3.5', '-0,25', '-1e-7', '-.5'])(
    'leaves a text that is exactly a number alone: %j',
    (text) => {
      expect(neutraliseSpreadsheetText(text)).toBe(text);
    },
  );

  it('keeps numbers, including negative ones, and empty cells as they are', () => {
    expect(spreadsheetCell(-3.25)).toBe(-3.25);
    expect(spreadsheetCell(null)).toBeNull();
    expect(spreadsheetCell('=1')).toBe("'=1");
  });
});
