import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractIntake } from './extract.ts';
import {
  f1,
  parseFactRu,
  responseMentions,
  scoreTask1,
  toTask1,
  type Task1Counts,
} from './factru.ts';

// The factRuEval-2016 development set, read in place from ../shared (never copied into the project).
const DEV = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../../shared/corpora/factru-2016-devset',
);

/** A fixed sample: the 20 lowest-numbered documents of the development set. */
function sample(): string[] {
  if (!fs.existsSync(DEV))
    throw new Error(`Missing ${DEV} (expected ../shared beside the repository)`);
  return fs
    .readdirSync(DEV)
    .filter((f) => /^book_\d+\.txt$/.test(f))
    .map((f) => f.slice(0, -4))
    .sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)))
    .slice(0, 20);
}

// Floors just below the figures reached (approximate scorer, see factru.ts), so regressions fail.
const FLOORS = { per: 0.92, org: 0.78, loc: 0.9, overall: 0.88 };

describe('factRuEval-2016 track 1 floor on a fixed sample of the development set', () => {
  const totals: Record<'per' | 'org' | 'loc', Task1Counts> = {
    per: { tp: 0, nStd: 0, nTest: 0 },
    org: { tp: 0, nStd: 0, nTest: 0 },
    loc: { tp: 0, nStd: 0, nTest: 0 },
  };
  for (const book of sample()) {
    const read = (ext: string) => fs.readFileSync(path.join(DEV, book + ext), 'utf8');
    const doc = parseFactRu(read('.tokens'), read('.spans'), read('.objects'));
    const scored = scoreTask1(
      doc.mentions,
      responseMentions(doc, toTask1(extractIntake(read('.txt')))),
    );
    for (const tag of ['per', 'org', 'loc'] as const) {
      totals[tag].tp += scored[tag].tp;
      totals[tag].nStd += scored[tag].nStd;
      totals[tag].nTest += scored[tag].nTest;
    }
  }
  for (const tag of ['per', 'org', 'loc'] as const) {
    it(`keeps ${tag} F1 at or above ${FLOORS[tag]}`, () => {
      expect(f1(totals[tag])).toBeGreaterThanOrEqual(FLOORS[tag]);
    });
  }
  it(`keeps overall F1 at or above ${FLOORS.overall}`, () => {
    const all = Object.values(totals).reduce(
      (a, c) => ({ tp: a.tp + c.tp, nStd: a.nStd + c.nStd, nTest: a.nTest + c.nTest }),
      { tp: 0, nStd: 0, nTest: 0 },
    );
    expect(f1(all)).toBeGreaterThanOrEqual(FLOORS.overall);
  });
});

describe('the track-1 helpers', () => {
  it('write one mention a line with start and length, names only for places', () => {
    const r = extractIntake('Губернатор Игорь Артамонов посетил Липецк.');
    expect(toTask1(r)).toBe('per 11 15\nloc 35 6\n');
  });

  it('score an exact match as 1 and a half-overlap by its share of tokens', () => {
    const tokens = '1 0 4 Юрий\n2 5 7 Лужков\n3 13 1 .\n';
    const spans = '10 name 0 4 1 1\n11 surname 5 7 2 1\n';
    const doc = parseFactRu(tokens, spans, '100 Person 10 11 # Юрий Лужков\n');
    expect(scoreTask1(doc.mentions, responseMentions(doc, 'per 0 12\n')).per).toEqual({
      tp: 1,
      nStd: 1,
      nTest: 1,
    });
    expect(scoreTask1(doc.mentions, responseMentions(doc, 'per 5 7\n')).per.tp).toBeCloseTo(0.5);
  });
});
