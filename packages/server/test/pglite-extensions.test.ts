import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The embedded engine loads three contrib extensions into one process: pg_trgm
 * (similar names, typo search), cube and earthdistance (supplier radius). In
 * the wrong load order PGlite's trigram queries answer no rows and a later
 * query spins forever inside the engine. The queries run in a child process on
 * the application's own connection (fixtures/pglite-extension-check.mjs), so a
 * spin ends in a timeout and a failed test instead of a stalled run.
 */
const SCRIPT = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'fixtures/pglite-extension-check.mjs',
);

interface Answers {
  similar: { id: number; similarity: number }[];
  typo: { n: number }[];
  aggregates: { ds: number; n: number; years: number[] }[];
  first: { id: number }[];
  distance: { km: number }[];
}

describe('PGlite with pg_trgm, cube and earthdistance in one process', () => {
  let answers: Answers;
  beforeAll(async () => {
    const { stdout } = await promisify(execFile)('node', [SCRIPT], { timeout: 90_000 });
    answers = JSON.parse(stdout) as Answers;
  }, 100_000);

  it('finds rows by trigram similarity with the % operator, typos included', () => {
    expect(answers.similar).toHaveLength(10);
    expect(answers.similar[0]!.similarity).toBeGreaterThan(0.3);
    expect(answers.typo[0]!.n).toBe(500);
  });

  it('answers plain reads and aggregates after trigram queries', () => {
    expect(answers.aggregates.map((r) => r.n)).toEqual([1000, 1000, 1000]);
    expect(answers.aggregates[0]!.years).toHaveLength(20);
    expect(answers.first.map((r) => r.id)).toEqual([1, 2]);
  });

  it('computes great-circle distances with earthdistance (Lipetsk → Moscow ≈ 374 km)', () => {
    expect(answers.distance[0]!.km).toBeGreaterThan(360);
    expect(answers.distance[0]!.km).toBeLessThan(390);
  });
});
