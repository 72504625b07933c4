import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** Committed expected outputs (exports byte for byte), next to the tests that compare against them. */
export const GOLDEN_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');

/**
 * Compares `actual` with the committed file `golden/<name>`. With
 * `UPDATE_GOLDEN=1` in the environment the file is (re)written instead, so a
 * deliberate change of an export is one command and a reviewed diff.
 */
export async function expectGolden(name: string, actual: string): Promise<void> {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, actual);
    return;
  }
  if (!existsSync(file))
    throw new Error(`${file} is missing: run the test once with UPDATE_GOLDEN=1 and commit it`);
  expect(actual).toBe(await readFile(file, 'utf8'));
}
