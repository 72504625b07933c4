import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractIntake } from './extract.ts';
import { SEED_GOLD } from './fixtures/seed-gold.ts';
import type { IntakeResult } from './types.ts';

// The seeds as shipped with the demo data (copies of ../shared/seeds).
const SOURCES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../server/src/demo/sources',
);

/** Turns the fixture's { arrayContaining } markers into vitest matchers. */
function matcher(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(matcher);
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (Array.isArray(o.arrayContaining) && Object.keys(o).length === 1)
      return expect.arrayContaining(o.arrayContaining);
    return expect.objectContaining(
      Object.fromEntries(Object.entries(o).map(([k, v]) => [k, matcher(v)])),
    );
  }
  return value;
}

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

describe.each(SEED_GOLD)('seed $file', (gold) => {
  const text = fs.readFileSync(path.join(SOURCES, gold.file), 'utf8');
  const result: IntakeResult = extractIntake(
    text,
    gold.published ? { published: gold.published } : {},
  );
  for (const kind of KINDS) {
    for (const expected of gold[kind]) {
      it(`proposes ${kind}: ${JSON.stringify(expected)}`, () => {
        expect(result[kind]).toContainEqual(matcher(expected));
      });
    }
  }
  it('gives offsets that slice the text to every mention', () => {
    for (const kind of KINDS)
      for (const m of result[kind]) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});
