import fs from 'node:fs';
import path from 'node:path';

/** The server's source tree, read by the tests that check its layering rules. */
export const SRC = path.resolve(import.meta.dirname, '../src');

export interface SourceFile {
  file: string;
  /** Path inside src/, with forward slashes. */
  name: string;
  text: string;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

export function serverSources(): SourceFile[] {
  return sourceFiles(SRC).map((file) => ({
    file,
    name: path.relative(SRC, file).split(path.sep).join('/'),
    text: fs.readFileSync(file, 'utf8'),
  }));
}
