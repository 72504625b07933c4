import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations/index.ts';

describe('migration list', () => {
  it('names every timestamped migration file of the folder, in order', () => {
    const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
    const files = fs
      .readdirSync(dir)
      .filter((f) => /^\d{8}T\d{4}-.+\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    expect(Object.keys(MIGRATIONS)).toEqual(files);
  });
});
