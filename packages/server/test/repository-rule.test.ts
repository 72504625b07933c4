import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { SRC, serverSources } from './server-sources.ts';

/**
 * The repository rule of docs/ARCHITECTURE.md: SQL — query-builder calls and
 * raw \`sql\` — is written only in repositories (and the database layer, seeds
 * and reference-data sync); no code falls back to \`Kysely<any>\`, so the
 * schema-drift test covers every query through the table types.
 */

const files = serverSources();

/** Where SQL may be written: repositories, the database layer, seeds and reference-data sync. */
function mayWriteSql(name: string): boolean {
  return (
    name.endsWith('.repository.ts') ||
    name.startsWith('db/') ||
    name.startsWith('demo/') ||
    name.startsWith('reference/') ||
    name.endsWith('.test.ts')
  );
}

const QUERY_BUILDER_METHODS = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'replaceInto',
  'mergeInto',
  'with',
  'withRecursive',
]);

/**
 * Query-builder calls (`db.selectFrom(…)`, `trx.insertInto(…)`, …), raw SQL
 * (`sql\`…\``, `sql.raw(…)`, `sql.ref(…)`) and `Kysely<any>`, found in the
 * syntax tree. `db.transaction()` is not SQL: use cases decide what one
 * transaction holds and hand it to repositories.
 */
function sqlUses(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const line = () => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      QUERY_BUILDER_METHODS.has(node.expression.name.text) &&
      node.arguments.length > 0 &&
      (node.expression.name.text !== 'with' || node.arguments.length === 2)
    )
      found.push(`line ${line()}: .${node.expression.name.text}(…)`);
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'sql')
      found.push(`line ${line()}: sql\`…\``);
    if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'sql'
    )
      found.push(`line ${line()}: sql.${node.name.text}`);
    if (
      ts.isTypeReferenceNode(node) &&
      node.typeName.getText(source) === 'Kysely' &&
      node.typeArguments?.some((t) => t.kind === ts.SyntaxKind.AnyKeyword)
    )
      found.push(`line ${line()}: Kysely<any>`);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('the repository rule', () => {
  it('finds query-builder calls, raw SQL and Kysely<any>, and ignores look-alikes', () => {
    const file = path.join(SRC, 'registry/organisations/organisation.service.ts');
    const text = [
      "const a = await db.selectFrom('organisation').selectAll().execute();",
      "await trx.insertInto('statement').values(v).execute();",
      'const b = sql`select 1`;',
      "const c = sql.ref('name');",
      'type H = Kysely<any>;',
      "const d = list.with('x');",
      'const e = db.transaction().execute(async (trx) => repo.save(trx, row));',
      '// db.selectFrom in a comment is not code',
      "const f = 'selectFrom(organisation)';",
    ].join('\n');
    expect(sqlUses(file, text)).toEqual([
      'line 1: .selectFrom(…)',
      'line 2: .insertInto(…)',
      'line 3: sql`…`',
      'line 4: sql.ref',
      'line 5: Kysely<any>',
    ]);
  });

  it('keeps SQL in repositories, the database layer, seeds and reference sync', () => {
    const offenders = files
      .filter((f) => !mayWriteSql(f.name))
      .flatMap((f) => sqlUses(f.file, f.text).map((use) => `${f.name} ${use}`));
    expect(offenders).toEqual([]);
  });

  it('lets no code, repositories included, fall back to Kysely<any>', () => {
    const offenders = files.flatMap((f) =>
      sqlUses(f.file, f.text)
        .filter((use) => use.endsWith('Kysely<any>'))
        .map((use) => `${f.name} ${use}`),
    );
    expect(offenders).toEqual([]);
  });
});
