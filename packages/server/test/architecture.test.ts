import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SRC, serverSources } from './server-sources.ts';

/**
 * The layering rules of docs/ARCHITECTURE.md, read from the source itself:
 * the HTTP layer (`http/`, every `*.routes.ts`, the Fastify plugins and the
 * server's start-up) is the only code that imports `http/` or builds an
 * `HttpError`; use cases raise the domain errors of `shared/domain-errors.ts`;
 * SQL is written only in repositories; a feature reaches another feature only
 * through that feature's `index.ts`.
 */

const HTTP_DIR = path.join(SRC, 'http');

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

const files = serverSources();

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

/** Folders every feature may use directly: infrastructure and the shared kits. */
const INFRASTRUCTURE = new Set(['db', 'shared', 'config', 'http']);

/**
 * The feature a file belongs to: a top-level folder, or a sub-folder of
 * `registry/` and `clusters/` (each of those is a feature of its own);
 * null for infrastructure, the shared kits and the start-up file.
 */
function featureOf(name: string): string | null {
  const parts = name.split('/');
  if (parts.length === 1 || INFRASTRUCTURE.has(parts[0]!)) return null;
  if (parts[0] === 'registry' || parts[0] === 'clusters') {
    if (parts.length === 2 || parts[1] === 'shared') return null;
    return `${parts[0]}/${parts[1]}`;
  }
  return parts[0]!;
}

/** Imports of another feature's files other than its index.ts. */
function crossFeatureImports(file: string, text: string): string[] {
  const from = featureOf(path.relative(SRC, file).split(path.sep).join('/'));
  return importsOf(text).flatMap((specifier) => {
    if (!specifier.startsWith('.')) return [];
    const target = path.relative(SRC, path.resolve(path.dirname(file), specifier));
    const name = target.split(path.sep).join('/');
    const to = featureOf(name);
    if (to === null || to === from || name === `${to}/index.ts`) return [];
    // The database schema (db/database.ts) is assembled from every feature's table types.
    if (from === null && name.endsWith('.table.ts') && specifier.startsWith('../')) {
      const importer = path.relative(SRC, file).split(path.sep).join('/');
      if (importer === 'db/database.ts') return [];
    }
    return [specifier];
  });
}

describe('feature boundaries', () => {
  it('tells features apart: registry and clusters hold one feature per sub-folder', () => {
    expect(featureOf('registry/organisations/organisation.routes.ts')).toBe(
      'registry/organisations',
    );
    expect(featureOf('clusters/analytics/cluster-analytics.service.ts')).toBe('clusters/analytics');
    expect(featureOf('ratings/editions/edition.service.ts')).toBe('ratings');
    expect(featureOf('registry/shared/references.ts')).toBeNull();
    expect(featureOf('shared/domain-errors.ts')).toBeNull();
    expect(featureOf('db/database.ts')).toBeNull();
    const file = path.join(SRC, 'registry/people/person.service.ts');
    expect(
      crossFeatureImports(
        file,
        [
          "import { x } from '../organisations/organisation.repository.ts';",
          "import { y } from '../organisations/index.ts';",
          "import { z } from './person.repository.ts';",
          "import { w } from '../shared/references.ts';",
          "import { v } from '../../db/database.ts';",
        ].join('\n'),
      ),
    ).toEqual(['../organisations/organisation.repository.ts']);
  });

  it('reaches another feature only through its index.ts', () => {
    const offenders = files.flatMap((f) =>
      crossFeatureImports(f.file, f.text).map((specifier) => `${f.name} → ${specifier}`),
    );
    expect(offenders).toEqual([]);
  });

  it('gives every feature that others use an index.ts that re-exports only its own files', () => {
    const indexes = files.filter((f) => f.name.endsWith('/index.ts') && featureOf(f.name));
    expect(indexes.length).toBeGreaterThan(15);
    for (const index of indexes) {
      const feature = featureOf(index.name)!;
      for (const specifier of importsOf(index.text)) {
        const target = path.relative(SRC, path.resolve(path.dirname(index.file), specifier));
        expect(featureOf(target.split(path.sep).join('/')), `${index.name} → ${specifier}`).toBe(
          feature,
        );
      }
    }
  });
});
