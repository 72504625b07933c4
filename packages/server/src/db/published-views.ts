import { sql, type RawBuilder } from 'kysely';
import type { Db } from './connection.ts';
import { installChangeFeedTriggers } from './change-feed.ts';
import {
  JOINED_KEYS,
  POLYMORPHIC,
  RATED_TYPES,
  PRIVATE_TABLES,
  RECORD_TABLES,
  RELATION_TABLES,
  UNDECLARED_KEYS,
  VIEW_SCHEMAS,
  type ForeignKey,
  type ViewSchema,
} from './visibility-classes.ts';

/**
 * What a reader may see is decided here, once, as SQL views; the services
 * never filter for visibility themselves.
 *
 * Two schemas mirror the tables of `public` as views:
 *
 * - `published`, read by the public reader: a record is visible when it is
 *   published and not deleted;
 * - `internal`, read by signed-in users: a record is visible when it is not
 *   deleted (unpublished drafts included).
 *
 * In both, a record that is not visible is in no view, so nothing can show
 * its name or page, and what names it is hidden with it:
 *
 * - a relation or fact (RELATION_TABLES: a position, a cluster member, a
 *   statement, a rating result, …) is visible only when every record it names
 *   is visible — its foreign keys and its polymorphic (type, id) references;
 * - any other record keeps its own visibility; its optional reference to a
 *   hidden record (an organisation's parent, a project's cluster) stays in the
 *   row as a bare id, and the join through the view finds nothing (reading it
 *   as NULL here would make every filter on the column a sequential scan);
 * - a rating edition is visible only when every object it ranks is visible,
 *   so a ranking never shows — or betrays by a gap in its places — an object
 *   the reader may not see.
 *
 * References are found in the catalogue (foreign keys), so a new column that
 * references a record is covered without changing this file. Every table
 * must be classified (visibility-classes.ts): a table that is not (a new migration) gets no
 * view, so reading it as a public reader fails loudly instead of leaking,
 * and the visibility test names it.
 */

export { PRIVATE_TABLES, RECORD_TABLES, RELATION_TABLES, VIEW_SCHEMAS, type ViewSchema };

/** Bumped whenever the generated definitions change, so existing databases rebuild their views. */
const RULE_VERSION = 'visibility-rule-6';

/** A quoted identifier: catalogue names go into the view SQL as they are. */
const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface Column {
  table_name: string;
  column_name: string;
}

async function catalogue(db: Db) {
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'kysely_%'
    ORDER BY table_name`.execute(db);
  const columns = await sql<Column>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`.execute(db);
  const keys = await sql<ForeignKey>`
    SELECT src.relname AS table_name, a.attname AS column_name,
           dst.relname AS target, af.attname AS target_column, a.attnotnull AS not_null
    FROM pg_constraint c
    JOIN pg_class src ON src.oid = c.conrelid
    JOIN pg_class dst ON dst.oid = c.confrelid
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = c.confkey[1]
    WHERE c.contype = 'f' AND array_length(c.conkey, 1) = 1
      AND c.connamespace = 'public'::regnamespace
    ORDER BY src.relname, a.attname`.execute(db);
  const columnsOf = new Map<string, string[]>();
  for (const c of columns.rows) {
    const list = columnsOf.get(c.table_name) ?? [];
    list.push(c.column_name);
    columnsOf.set(c.table_name, list);
  }
  const present = (k: ForeignKey) =>
    columnsOf.get(k.table_name)?.includes(k.column_name) && columnsOf.has(k.target);
  return {
    tables: tables.rows.map((t) => t.table_name),
    columnsOf,
    keys: [...keys.rows, ...UNDECLARED_KEYS.filter(present)],
  };
}

/** Tables of the schema that are not classified (no view is made for them). */
export async function unclassifiedTables(db: Db): Promise<string[]> {
  const { tables } = await catalogue(db);
  return tables.filter(
    (t) => !PRIVATE_TABLES.has(t) && !RELATION_TABLES.has(t) && !RECORD_TABLES.has(t),
  );
}

/** The SQL definitions of every view of one schema, in an order in which each view's dependencies come first. */
function viewDefinitions(
  schema: ViewSchema,
  cat: Awaited<ReturnType<typeof catalogue>>,
): Array<{ table: string; body: RawBuilder<unknown> }> {
  const mirrored = cat.tables.filter((t) => RELATION_TABLES.has(t) || RECORD_TABLES.has(t));
  const has = (table: string, column: string) =>
    cat.columnsOf.get(table)?.includes(column) ?? false;

  /** A row's own flags: published (public reader only) and not deleted. */
  const ownFlags = (table: string, alias: string): string[] => {
    const out: string[] = [];
    if (schema === 'published' && has(table, 'published')) out.push(`${alias}.published`);
    if (has(table, 'deleted_at')) out.push(`${alias}.deleted_at IS NULL`);
    // A dataset whose import is still being written (or was interrupted) is nobody's to read.
    if (has(table, 'import_pending')) out.push(`NOT ${alias}.import_pending`);
    return out;
  };
  // A table whose rows can be hidden: own flags, or a reference that can be hidden.
  const restricted = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of mirrored) {
      if (restricted.has(t)) continue;
      const hides =
        ownFlags(t, 't').length > 0 ||
        (POLYMORPHIC[t] ?? []).some(([, , types]) => types.some((r) => restricted.has(r))) ||
        (t === 'rating_edition' && RATED_TYPES.some((m) => restricted.has(m))) ||
        cat.keys.some((k) => k.table_name === t && k.target !== t && restricted.has(k.target));
      if (hides) {
        restricted.add(t);
        grew = true;
      }
    }
  }

  const view = (table: string) => `${schema}.${q(table)}`;
  /**
   * The record `target.targetColumn = value` is visible. A record's own flags
   * decide its visibility, so they are checked on its table directly (a
   * simpler plan than its view); a relation's visibility needs its view.
   */
  const visibleRef = (source: string, target: string, targetColumn: string, value: string) => {
    if (!restricted.has(target)) return null;
    const ownFlagsDecide =
      RECORD_TABLES.has(target) &&
      !cat.keys.some(
        (k) =>
          k.table_name === target && k.not_null && k.target !== target && restricted.has(k.target),
      );
    if (ownFlagsDecide || target === source) {
      const flags = ownFlags(target, 'r');
      return `EXISTS (SELECT 1 FROM public.${q(target)} r WHERE r.${q(targetColumn)} = ${value}${flags.map((f) => ` AND ${f}`).join('')})`;
    }
    return `EXISTS (SELECT 1 FROM ${view(target)} r WHERE r.${q(targetColumn)} = ${value})`;
  };
  /** A polymorphic (type, id) reference names a visible record; an unknown type is not visible. */
  const visibleTyped = (source: string, typeExpr: string, rawId: string, types: string[]) => {
    const idExpr = `(${rawId})::text`;
    // The id as an integer key (so the primary key index serves); '007' or 'x' names nothing.
    const key = `(CASE WHEN ${idExpr} ~ '^[1-9][0-9]{0,8}$' THEN (${idExpr})::int END)`;
    const cases = types
      .filter((r) => r !== 'region' && mirrored.includes(r))
      .map(
        (r) =>
          `WHEN '${r}' THEN ${visibleRef(source, r, 'id', key) ?? `EXISTS (SELECT 1 FROM public.${q(r)} r WHERE r.id = ${key})`}`,
      );
    return `(CASE ${typeExpr} WHEN 'region' THEN EXISTS (SELECT 1 FROM public.region r WHERE r.code = ${idExpr}) ${cases.join(' ')} ELSE false END)`;
  };

  const deps = new Map<string, Set<string>>();
  const defs = new Map<string, RawBuilder<unknown>>();
  for (const t of mirrored) {
    const needs = new Set<string>();
    const conditions = ownFlags(t, 't');
    const relation = RELATION_TABLES.has(t);
    const joins: string[] = [];
    for (const k of cat.keys.filter((k) => k.table_name === t)) {
      const check = visibleRef(t, k.target, k.target_column, `t.${q(k.column_name)}`);
      if (!check) continue;
      if (k.target !== t) needs.add(k.target);
      if (
        relation &&
        k.not_null &&
        k.target !== t &&
        RELATION_TABLES.has(k.target) &&
        JOINED_KEYS.has(`${t}.${k.column_name}`)
      ) {
        const alias = `j${joins.length}`;
        joins.push(
          ` JOIN ${view(k.target)} ${alias} ON ${alias}.${q(k.target_column)} = t.${q(k.column_name)}`,
        );
        continue;
      }
      if (relation || k.not_null) conditions.push(`(t.${q(k.column_name)} IS NULL OR ${check})`);
    }
    for (const [typeColumn, idColumn, types] of POLYMORPHIC[t] ?? []) {
      for (const r of types) if (r !== t && mirrored.includes(r)) needs.add(r);
      conditions.push(
        `(t.${q(typeColumn)} IS NULL OR ${visibleTyped(t, `t.${q(typeColumn)}`, `t.${q(idColumn)}`, types)})`,
      );
    }
    if (t === 'rating_edition') {
      // Every object the edition ranks, in its cached results and in the publisher's places.
      for (const r of RATED_TYPES) if (mirrored.includes(r)) needs.add(r);
      conditions.push(
        `NOT EXISTS (SELECT 1 FROM public.rating_edition_result x WHERE x.edition_id = t.id AND NOT ${visibleTyped(t, 'x.object_type', 'x.object_id', RATED_TYPES)})`,
        `NOT EXISTS (SELECT 1 FROM public.rating_result x WHERE x.edition_id = t.id AND NOT ${visibleTyped(t, 'x.object_type', 'x.object_id', RATED_TYPES)})`,
      );
    }
    const select = (cat.columnsOf.get(t) ?? []).map((c) => `t.${q(c)}`);
    deps.set(t, needs);
    defs.set(
      t,
      sql.raw(
        `SELECT ${select.join(', ')} FROM public.${q(t)} t${joins.join('')}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}`,
      ),
    );
  }

  // Dependencies first; a cycle between different tables would be a schema change this rule must learn.
  const ordered: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: string) => {
    if (state.get(t) === 'done') return;
    if (state.get(t) === 'visiting') throw new Error(`published views: reference cycle at ${t}`);
    state.set(t, 'visiting');
    for (const d of deps.get(t) ?? []) if (defs.has(d)) visit(d);
    state.set(t, 'done');
    ordered.push(t);
  };
  for (const t of mirrored) visit(t);
  return ordered.map((table) => ({ table, body: defs.get(table)! }));
}

/** True when both schemas hold every view of the current rule (nothing changed since the last refresh). */
export async function publishedViewsComplete(db: Db): Promise<boolean> {
  const result = await sql<{ n: number; tables: number; current_rule: string | null }>`
    SELECT
      (SELECT count(*)::int FROM information_schema.views WHERE table_schema IN ('published', 'internal')) AS n,
      (SELECT count(*)::int FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT LIKE 'kysely_%'
           AND table_name IN (${sql.join([...RELATION_TABLES, ...RECORD_TABLES])})) AS tables,
      (SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = 'internal') AS current_rule`.execute(
    db,
  );
  const row = result.rows[0];
  return !!row && row.tables > 0 && row.n === 2 * row.tables && row.current_rule === RULE_VERSION;
}

export async function refreshPublishedViews(db: Db): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const cat = await catalogue(trx);
    for (const schema of VIEW_SCHEMAS) {
      await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(trx);
      await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(trx);
      for (const v of viewDefinitions(schema, cat)) {
        await sql`CREATE VIEW ${sql.table(`${schema}.${v.table}`)} AS ${v.body}`.execute(trx);
      }
    }
    await sql`COMMENT ON SCHEMA internal IS ${sql.lit(RULE_VERSION)}`.execute(trx);
    // What readers see changes only through these tables: each notifies the change feed.
    await installChangeFeedTriggers(
      trx,
      cat.tables.filter((t) => RELATION_TABLES.has(t) || RECORD_TABLES.has(t)),
    );
  });
}

export async function dropPublishedViews(db: Db): Promise<void> {
  for (const schema of VIEW_SCHEMAS)
    await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(db);
}
