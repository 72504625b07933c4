import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEMO_DATA } from './demo-data.ts';
import { readDemoSourceText } from './load-demo-data.ts';

const SEEDS = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../../shared/seeds',
);

describe('demo sources', () => {
  it('are the five seed press releases, byte for byte', () => {
    const seeds = fs
      .readdirSync(SEEDS)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    expect(seeds).toHaveLength(5);
    for (const file of seeds) {
      expect(readDemoSourceText(file), file).toBe(fs.readFileSync(path.join(SEEDS, file), 'utf8'));
    }
    expect(
      DEMO_DATA.sources
        .filter((s) => s.kind !== 'reference')
        .map((s) => s.file)
        .sort(),
    ).toEqual(seeds);
  });
});
