import { describe, expect, it } from 'vitest';
import { extractIntake } from './extract.ts';

/** Deterministic pseudo-random generator (mulberry32), so a failure reproduces. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'ООО',
  '«',
  '»',
  '"',
  '„',
  '“',
  ' ',
  '\n',
  '.',
  ',',
  '—',
  '-',
  '(',
  ')',
  '%',
  '₽',
  'млрд',
  'рублей',
  '9',
  '10',
  '2024',
  'года',
  'октября',
  'и',
  'в',
  'Липецкой',
  'области',
  'Андрей',
  'Шпиленко',
  'директор',
  'Ассоциации',
  'г',
  'с',
  'более',
  'до',
  'от',
  'весной',
  'четверг',
  '\u0000',
  '\uFEFF',
  '😀',
  'Ё',
  'ё',
  'A',
  'Z',
  '\t',
];

describe('extractIntake on arbitrary input', () => {
  it('never throws and keeps every offset inside the text, text equal to its slice', () => {
    const next = random(20261201);
    for (let round = 0; round < 300; round++) {
      const n = Math.floor(next() * 60);
      let text = '';
      for (let k = 0; k < n; k++) text += PIECES[Math.floor(next() * PIECES.length)]!;
      const r = extractIntake(text, { published: '2024-03-14' });
      for (const list of Object.values(r)) {
        for (const m of list as { text: string; start: number; end: number }[]) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(m.start, m.end)).toBe(m.text);
        }
      }
    }
  });
});
