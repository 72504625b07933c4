import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Official data shipped with PromAtlas (see data/README.md), read at run time
 * beside the code: src/reference/data under tsx, dist/data in the bundle
 * (scripts/build.mjs copies the folder).
 */
export const SHIPPED_DATA_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'data');

export const SHIPPED_FILES = {
  okved2: 'okved2.csv',
  rosstatOrgCounts: 'rosstat-org-counts-by-region-okved-2017-2022.csv',
} as const;

export function readShippedFile(name: keyof typeof SHIPPED_FILES): Buffer {
  return fs.readFileSync(path.join(SHIPPED_DATA_DIR, SHIPPED_FILES[name]));
}
