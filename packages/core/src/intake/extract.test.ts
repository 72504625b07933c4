import { describe, expect, it } from 'vitest';
import { extractIntake } from './extract.ts';

const KINDS = [
  'organisations',
  'people',
  'places',
  'dates',
  'money',
  'counts',
  'percents',
  'events',
  'agreements',
] as const;

describe('extractIntake', () => {
  it('gives nine empty arrays for empty or blank text', () => {
    for (const text of ['', '   \n\t ']) {
      expect(extractIntake(text)).toEqual(Object.fromEntries(KINDS.map((k) => [k, []])));
    }
  });

  it('proposes nothing Russian-specific for text without Cyrillic', () => {
    const r = extractIntake('1234 5678 ---- ****');
    for (const k of KINDS) expect(r[k]).toEqual([]);
  });

  it('reads a text longer than one piece with offsets into the whole text', () => {
    const paragraph =
      'Губернатор Тамбовской области Максим Егоров сообщил, что на проект выделено более 600 миллионов рублей.\n';
    const text = paragraph.repeat(800); // about 85 000 characters: several pieces
    const r = extractIntake(text);
    expect(r.money).toHaveLength(800);
    expect(r.people).toHaveLength(800);
    for (const k of KINDS) for (const m of r[k]) expect(text.slice(m.start, m.end)).toBe(m.text);
    expect(r.people.at(-1)).toMatchObject({
      fullName: 'Егоров Максим',
      positions: [{ title: 'губернатор', organisation: 'Тамбовская область' }],
    });
  });
});
