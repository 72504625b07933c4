import { sql, type Kysely, type Updateable } from 'kysely';
import type { Database } from '../../db/database.ts';
import { writeAudit } from '../../audit/index.ts';
import {
  updateRecord,
  type MutationContext,
  type VersionedTable,
} from '../../shared/records/versioned-record.repository.ts';

/**
 * A programme record and the rows that belong to it (a plan's parties, a
 * measure's co-executors, an event's participants and decisions) are written
 * in one transaction and journalled as one change: the audit entry of the
 * record carries its children under `children`, so the history shows who
 * changed the parties together with the plan.
 */
type Row = Record<string, unknown> & { id: number; version: number };

export type ChildTable =
  | 'action_plan_party'
  | 'agreement_party'
  | 'agreement_direction'
  | 'measure_co_executor'
  | 'event_participant'
  | 'event_decision'
  | 'project_participant'
  | 'project_milestone';

/**
 * The tables this module writes, seen through the columns it uses: the parent
 * key is named by the caller, so the columns are keyed by name. Each table's
 * full type stays in its feature; the check below keeps the shared columns
 * real, so a table that loses them fails the typecheck here.
 */
type Loose = { [K in ChildTable | VersionedTable]: Record<string, unknown> };
const loose = (trx: Kysely<Database>) => trx as unknown as Kysely<Loose>;
type HasSharedColumns<T> = T extends { id: unknown; version: unknown; deleted_at: unknown }
  ? true
  : false;
type EveryTableShared = {
  [K in ChildTable | VersionedTable]: HasSharedColumns<Database[K]>;
}[ChildTable | VersionedTable];
const everyTableHasSharedColumns: EveryTableShared extends true ? true : never = true;
void everyTableHasSharedColumns;

export interface ChildSet {
  table: ChildTable;
  parentColumn: string;
  rows: Array<Record<string, unknown>>;
}

/** Inserts a record with its children and writes one audit entry. */
export async function createWithChildren(
  trx: Kysely<Database>,
  ctx: MutationContext,
  table: VersionedTable,
  values: Record<string, unknown>,
  children: ChildSet[] = [],
): Promise<Row> {
  const row = (await loose(trx)
    .insertInto(table)
    .values(values)
    .returningAll()
    .executeTakeFirstOrThrow()) as Row;
  const written: Record<string, unknown[]> = {};
  for (const set of children) {
    written[set.table] = set.rows.length
      ? await loose(trx)
          .insertInto(set.table)
          .values(set.rows.map((r) => ({ ...r, [set.parentColumn]: row.id })))
          .returningAll()
          .execute()
      : [];
  }
  await writeAudit(trx, {
    userId: ctx.viewer.user?.id ?? null,
    action: 'create',
    entityType: table,
    entityId: row.id,
    before: null,
    after: children.length ? { ...row, children: written } : row,
    sourceId: ctx.sourceId,
  });
  return row;
}

/** The live children of a record. */
export async function liveChildren(
  trx: Kysely<Database>,
  table: ChildTable,
  parentColumn: string,
  parentId: number,
): Promise<Array<Record<string, unknown>>> {
  return loose(trx)
    .selectFrom(table)
    .selectAll()
    .where(parentColumn, '=', parentId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

/**
 * Replaces a record's children: the current ones are soft-deleted, the new
 * ones inserted. Returns the before and after for the record's audit entry.
 */
export async function replaceChildren(
  trx: Kysely<Database>,
  parentId: number,
  set: ChildSet,
): Promise<{ before: unknown[]; after: unknown[] }> {
  const before = await liveChildren(trx, set.table, set.parentColumn, parentId);
  if (before.length)
    await loose(trx)
      .updateTable(set.table)
      .set({ deleted_at: sql`now()`, version: sql`version + 1`, updated_at: sql`now()` })
      .where(set.parentColumn, '=', parentId)
      .where('deleted_at', 'is', null)
      .execute();
  const after = set.rows.length
    ? await loose(trx)
        .insertInto(set.table)
        .values(set.rows.map((r) => ({ ...r, [set.parentColumn]: parentId })))
        .returningAll()
        .execute()
    : [];
  return { before, after };
}

/**
 * Updates a record (version-checked) and, when given, replaces one set of its
 * children, in one transaction with one audit entry that names the children
 * under `key`; answers the id and the new version.
 */
export async function updateWithChildren<T extends VersionedTable>(
  db: Kysely<Database>,
  ctx: MutationContext,
  table: T,
  id: number,
  version: number,
  changes: Updateable<Database[T]>,
  children?: { key: string; set: ChildSet },
): Promise<{ id: number; version: number }> {
  const row = await db.transaction().execute(async (trx) => {
    const related = children ? await replaceChildren(trx, id, children.set) : undefined;
    return updateRecord(
      trx,
      ctx,
      table,
      id,
      version,
      changes,
      related && children
        ? { before: { [children.key]: related.before }, after: { [children.key]: related.after } }
        : undefined,
    );
  });
  return { id: row.id, version: row.version };
}
