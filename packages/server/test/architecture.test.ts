import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layering rules of docs/ARCHITECTURE.md, read from the source itself:
 * the HTTP layer (`http/`, every `*.routes.ts`, the Fastify plugins and the
 * server's start-up) is the only code that imports `http/` or builds an
 * `HttpError`; use cases raise the domain errors of `shared/domain-errors.ts`.
 */

const SRC = path.resolve(import.meta.dirname, '../src');
const HTTP_DIR = path.join(SRC, 'http');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Files that belong to the HTTP layer and may therefore speak HTTP. */
function isHttpLayer(file: string): boolean {
  const relative = path.relative(SRC, file).split(path.sep).join('/');
  return (
    relative.startsWith('http/') ||
    relative.endsWith('.routes.ts') ||
    // Fastify plugins hook into every request (sign-in, CSRF): HTTP by nature.
    relative.endsWith('.plugin.ts') ||
    relative === 'server.ts'
  );
}

/** Every module specifier a file imports or re-exports, static or dynamic, type-only or not. */
function importsOf(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

function importsHttp(file: string, text: string): string[] {
  return importsOf(text).filter((specifier) => {
    if (!specifier.startsWith('.')) return false;
    const target = path.resolve(path.dirname(file), specifier);
    return target === HTTP_DIR || target.startsWith(HTTP_DIR + path.sep);
  });
}

/** `new HttpError(…)` and `class … extends HttpError`, found in the syntax tree (comments and strings do not count). */
function httpErrorUses(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const line = () => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    if (
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'HttpError'
    )
      found.push(`line ${line()}: new HttpError`);
    if (
      ts.isHeritageClause(node) &&
      node.types.some((t) => ts.isIdentifier(t.expression) && t.expression.text === 'HttpError')
    )
      found.push(`line ${line()}: extends HttpError`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const files = sourceFiles(SRC).map((file) => ({
  file,
  name: path.relative(SRC, file).split(path.sep).join('/'),
  text: fs.readFileSync(file, 'utf8'),
}));

describe('the HTTP layer boundary', () => {
  it('reads the whole server source, use cases and routes alike', () => {
    const names = files.map((f) => f.name);
    expect(names).toContain('shared/domain-errors.ts');
    expect(names).toContain('http/errors.ts');
    expect(names.filter((n) => n.endsWith('.routes.ts')).length).toBeGreaterThan(10);
    expect(names.filter((n) => n.endsWith('.service.ts')).length).toBeGreaterThan(10);
  });

  it('finds an import of http/ however it is written, and ignores other imports', () => {
    const file = path.join(SRC, 'registry/organisations/organisation.service.ts');
    const text = [
      "import { HttpError } from '../../http/errors.ts';",
      "import type { AppInstance } from '../../http/app-instance.ts';",
      "export { readDb } from '../../http/read-db.ts';",
      "const later = () => import('../../http/app.ts');",
      "import { NotFoundError } from '../../shared/domain-errors.ts';",
      "import { z } from 'zod';",
      '// a comment naming new HttpError(404) is not code',
    ].join('\n');
    expect(importsHttp(file, text)).toEqual([
      '../../http/errors.ts',
      '../../http/app-instance.ts',
      '../../http/read-db.ts',
      '../../http/app.ts',
    ]);
    expect(
      httpErrorUses(
        file,
        `${text}\nthrow new HttpError(404, 'x', 'y', 'z');\nclass E extends HttpError {}`,
      ),
    ).toEqual(['line 8: new HttpError', 'line 9: extends HttpError']);
  });

  it('lets no file outside http/, routes files, plugins and start-up import from http/', () => {
    const offenders = files
      .filter((f) => !isHttpLayer(f.file))
      .flatMap((f) => importsHttp(f.file, f.text).map((specifier) => `${f.name} → ${specifier}`));
    expect(offenders).toEqual([]);
  });

  it('builds HttpError only in the HTTP layer: use cases raise domain errors', () => {
    const offenders = files
      .filter((f) => !isHttpLayer(f.file))
      .flatMap((f) => httpErrorUses(f.file, f.text).map((use) => `${f.name} ${use}`));
    expect(offenders).toEqual([]);
  });

  it('keeps the domain errors free of HTTP: no status codes, no Fastify', () => {
    const domain = files.find((f) => f.name === 'shared/domain-errors.ts')!;
    expect(importsOf(domain.text)).toEqual([]);
    // Tokens of the code, comments skipped: no number that looks like a status, no status field.
    const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard);
    scanner.setText(domain.text);
    const suspicious: string[] = [];
    for (
      let token = scanner.scan();
      token !== ts.SyntaxKind.EndOfFileToken;
      token = scanner.scan()
    ) {
      const text = scanner.getTokenText();
      if (token === ts.SyntaxKind.NumericLiteral && /^[1-5]\d\d$/.test(text)) suspicious.push(text);
      if (token === ts.SyntaxKind.Identifier && /^status/i.test(text)) suspicious.push(text);
    }
    expect(suspicious).toEqual([]);
  });
});
