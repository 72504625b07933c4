import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared beside the repository root: real Rosstat and classifier files, read in place. */
export const SHARED_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../../shared',
);

export function sharedFile(relative: string): string {
  const file = path.join(SHARED_DIR, relative);
  if (!fs.existsSync(file))
    throw new Error(`Missing shared data file ${file} (expected ../shared beside the repository)`);
  return file;
}
