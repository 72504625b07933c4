import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isOkvedCode, parseOkvedCode } from './okved-code.ts';
import { OKVED_DIVISIONS, OKVED_SECTIONS } from './okved-top-levels.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const OKVED_CSV = path.resolve(repoRoot, '../shared/data/okved2.csv');

/** The `code` column of okved2.csv. Codes never contain commas or quotes, so
 * the first two fields can be split off without a CSV parser. */
function classifierCodes(): { section: string; code: string }[] {
  if (!existsSync(OKVED_CSV)) {
    throw new Error(`Reference file not found: ${OKVED_CSV} (../shared/data/okved2.csv)`);
  }
  return readFileSync(OKVED_CSV, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [section = '', code = ''] = line.split(',', 2);
      return { section: section.trim(), code: code.trim() };
    });
}

describe('OKVED_SECTIONS and OKVED_DIVISIONS', () => {
  it('lists the 21 sections A–U with their classifier names', () => {
    expect(OKVED_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    expect(OKVED_SECTIONS.find((s) => s.code === 'C')?.name).toBe('ОБРАБАТЫВАЮЩИЕ ПРОИЗВОДСТВА');
  });

  it('lists the 88 divisions, each in its section', () => {
    expect(OKVED_DIVISIONS).toHaveLength(88);
    expect(OKVED_DIVISIONS.find((d) => d.code === '28')).toMatchObject({ section: 'C' });
    expect(OKVED_DIVISIONS.find((d) => d.code === '01')).toMatchObject({ section: 'A' });
    expect(OKVED_DIVISIONS.find((d) => d.code === '99')).toMatchObject({ section: 'U' });
  });

  it('agrees with every section and division row of okved2.csv', () => {
    const rows = classifierCodes();
    expect(OKVED_SECTIONS.map((s) => s.code)).toEqual(
      rows.filter((r) => r.code === '').map((r) => r.section),
    );
    expect(OKVED_DIVISIONS.map((d) => [d.code, d.section])).toEqual(
      rows.filter((r) => /^\d{2}$/.test(r.code)).map((r) => [r.code, r.section]),
    );
  });
});

describe('parseOkvedCode', () => {
  it.each([
    ['C', 'section', null, null, 'C'],
    ['28', 'division', 'C', '28', 'C'],
    ['28.1', 'group', '28', '28', 'C'],
    ['28.11', 'subgroup', '28.1', '28', 'C'],
    ['01.11.1', 'type', '01.11', '01', 'A'],
    ['01.11.11', 'subtype', '01.11.1', '01', 'A'],
  ])('reads %s as a %s with parent %s', (code, level, parent, division, section) => {
    expect(parseOkvedCode(code)).toEqual({ code, level, parent, division, section });
  });

  it('ignores surrounding spaces', () => {
    expect(parseOkvedCode(' 28.11 ').code).toBe('28.11');
  });

  it.each([
    '',
    '1',
    '1.1',
    '011',
    '01.',
    '01.111',
    '01.1.1',
    '01.11.111',
    '01.11.11.1',
    '01,11',
    'c',
    'V',
    'AB',
    // Well-formed, but no such division in ОКВЭД2.
    '04',
    '04.1',
  ])('rejects %j', (code) => {
    expect(() => parseOkvedCode(code)).toThrow(RangeError);
    expect(isOkvedCode(code)).toBe(false);
  });

  it('parses every code of okved2.csv, and each parent is in the classifier too', () => {
    const rows = classifierCodes();
    const known = new Set(rows.map((r) => (r.code === '' ? r.section : r.code)));
    expect(known.size).toBe(rows.length);
    for (const row of rows) {
      const parsed = parseOkvedCode(row.code === '' ? row.section : row.code);
      expect(parsed.section).toBe(row.section);
      if (parsed.parent !== null) expect(known.has(parsed.parent), row.code).toBe(true);
    }
  });
});
