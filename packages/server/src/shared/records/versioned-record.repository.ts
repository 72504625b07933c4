import {
  sql,
  type Insertable,
  type InsertObject,
  type Kysely,
  type Selectable,
  type Updateable,
  type UpdateObject,
} from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Db } from '../../db/connection.ts';
import { ConflictError, NotFoundError, StaleVersionError } from '../domain-errors.ts';
import { auditSnapshot, writeAudit } from '../../audit/index.ts';
import type { Viewer } from '../../auth/index.ts';
import { provenance } from '../../registry/shared/references.ts';
import { isRowId } from '../../registry/shared/region-resolvers.ts';

/** Registry tables that carry the RECORD columns (version, soft delete, provenance). */
export type VersionedTable =
  | 'organisation'
  | 'person'
  | 'site'
  | 'cluster'
  | 'position'
  | 'cluster_member'
  | 'cooperation_contract'
  | 'cooperation_purchase'
  | 'statement'
  | 'event'
  | 'project'
  | 'event_participant'
  | 'event_decision'
  | 'agreement'
  | 'agreement_party'
  | 'agreement_direction'
  | 'action_plan'
  | 'action_plan_party'
  | 'programme_measure'
  | 'measure_co_executor'
  | 'measure_report'
  | 'cluster_rule_set'
  | 'territory_flag'
  | 'support_measure'
  | 'support_award';

/** The columns this kit reads on every versioned table, with the types it relies on. */
interface KitColumns {
  id: number;
  version: number;
  deleted_at: Date | null;
  source_id: number | null;
}

// Compile-time check: every versioned table has the kit's columns with these
// types (and the updated_at it sets), so a renamed or retyped column in
// database.ts fails here, not at run time.
type Assert<T extends true> = T;
export type EveryVersionedTableHasKitColumns = Assert<
  {
    [T in VersionedTable]: Selectable<Database[T]> extends KitColumns
      ? 'updated_at' extends keyof Database[T]
        ? true
        : false
      : false;
  }[VersionedTable]
>;

/** A row of a versioned table, as the table type says. */
export type VersionedRow<T extends VersionedTable> = Selectable<Database[T]> & KitColumns;

/** camelCase input field → column of the table; a name that is not a column fails the typecheck. */
export type ColumnMap<T extends VersionedTable> = Readonly<
  Record<string, keyof Database[T] & string>
>;

const LABELS: Record<VersionedTable, [string, string]> = {
  organisation: ['Организация', 'Organisation'],
  person: ['Персона', 'Person'],
  site: ['Площадка', 'Site'],
  cluster: ['Кластер', 'Cluster'],
  position: ['Должность', 'Position'],
  cluster_member: ['Участие в кластере', 'Cluster membership'],
  cooperation_contract: ['Договор кооперации', 'Cooperation contract'],
  cooperation_purchase: ['Закупки за год', 'Yearly purchases'],
  statement: ['Факт', 'Statement'],
  event: ['Мероприятие', 'Event'],
  project: ['Проект', 'Project'],
  event_participant: ['Участник мероприятия', 'Event participant'],
  event_decision: ['Решение мероприятия', 'Event decision'],
  agreement: ['Соглашение', 'Agreement'],
  agreement_party: ['Сторона соглашения', 'Agreement party'],
  agreement_direction: ['Направление соглашения', 'Agreement direction'],
  action_plan: ['План действий', 'Action plan'],
  action_plan_party: ['Сторона плана', 'Action plan party'],
  programme_measure: ['Мероприятие плана', 'Measure'],
  measure_co_executor: ['Соисполнитель', 'Co-executor'],
  measure_report: ['Отчёт о выполнении', 'Progress report'],
  cluster_rule_set: ['Набор правил проверки кластера', 'Cluster rule set'],
  territory_flag: ['Отметка территории', 'Territory flag'],
  support_measure: ['Мера поддержки', 'Support measure'],
  support_award: ['Оказанная поддержка', 'Support award'],
};

/*
 * The queries below name the table by a type parameter. Kysely resolves
 * columns for one literal table name, not for a parameter, so they are written
 * over the union of the versioned tables: the kit's columns are common to all
 * of them (checked above), and each result is narrowed back to the row of the
 * table asked for.
 */
type Kit = VersionedTable;

async function lockRow<T extends VersionedTable>(
  trx: Kysely<Database>,
  table: T,
  id: number,
): Promise<VersionedRow<T> | undefined> {
  return (await trx
    .selectFrom(table as Kit)
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()) as unknown as VersionedRow<T> | undefined;
}

export async function getLiveRow<T extends VersionedTable>(
  db: Db,
  table: T,
  id: number,
): Promise<VersionedRow<T> | undefined> {
  if (!isRowId(id)) return undefined;
  return (await db
    .selectFrom(table as Kit)
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()) as unknown as VersionedRow<T> | undefined;
}

export interface MutationContext {
  viewer: Viewer;
  sourceId?: number | null | undefined;
}

/** Inserts a record and its audit entry. */
export async function createRecord<T extends VersionedTable>(
  trx: Kysely<Database>,
  ctx: MutationContext,
  table: T,
  values: Insertable<Database[T]>,
): Promise<VersionedRow<T>> {
  const row = (await trx
    .insertInto(table)
    .values(values as InsertObject<Database, T>)
    .returningAll()
    .executeTakeFirstOrThrow()) as unknown as VersionedRow<T>;
  await writeAudit(trx, {
    userId: ctx.viewer.user?.id ?? null,
    action: 'create',
    entityType: table,
    entityId: row.id,
    before: null,
    after: row,
    sourceId: ctx.sourceId,
  });
  return row;
}

/**
 * Optimistic concurrency: the update applies only if the record still has
 * the version the editor started from; otherwise 409 with the current record,
 * so nothing is silently overwritten. Writes one audit entry; `related` adds
 * the before and after of data kept in other tables (an organisation's
 * ОКВЭД2 codes) to that same entry.
 */
export async function updateRecord<T extends VersionedTable>(
  trx: Kysely<Database>,
  ctx: MutationContext,
  table: T,
  id: number,
  expectedVersion: number,
  changes: Updateable<Database[T]>,
  related?: { before: Record<string, unknown>; after: Record<string, unknown> },
): Promise<VersionedRow<T>> {
  const before = await lockRow(trx, table, id);
  if (!before || before.deleted_at) throw new NotFoundError(LABELS[table][0], LABELS[table][1], id);
  if (before.version !== expectedVersion)
    throw new StaleVersionError(auditSnapshot(before)!, before.version);
  const after = (await trx
    .updateTable(table as Kit)
    .set({
      ...(changes as UpdateObject<Database, Kit>),
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst()) as unknown as VersionedRow<T> | undefined;
  if (!after) {
    const current = await lockRow(trx, table, id);
    throw new StaleVersionError(auditSnapshot(current)!, current?.version ?? expectedVersion);
  }
  await writeAudit(trx, {
    userId: ctx.viewer.user?.id ?? null,
    action: 'update',
    entityType: table,
    entityId: id,
    before: related ? { ...before, ...related.before } : before,
    after: related ? { ...after, ...related.after } : after,
    sourceId: ctx.sourceId,
  });
  return after;
}

/** Soft delete (restorable by an administrator); version-checked like an update. */
export async function deleteRecord<T extends VersionedTable>(
  trx: Kysely<Database>,
  ctx: MutationContext,
  table: T,
  id: number,
  expectedVersion: number,
): Promise<VersionedRow<T>> {
  const before = await lockRow(trx, table, id);
  if (!before || before.deleted_at) throw new NotFoundError(LABELS[table][0], LABELS[table][1], id);
  if (before.version !== expectedVersion)
    throw new StaleVersionError(auditSnapshot(before)!, before.version);
  const after = (await trx
    .updateTable(table as Kit)
    .set({ deleted_at: sql`now()`, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()) as unknown as VersionedRow<T>;
  await writeAudit(trx, {
    userId: ctx.viewer.user?.id ?? null,
    action: 'delete',
    entityType: table,
    entityId: id,
    before,
    after,
  });
  return after;
}

export async function restoreRecord<T extends VersionedTable>(
  trx: Kysely<Database>,
  ctx: MutationContext,
  table: T,
  id: number,
): Promise<VersionedRow<T>> {
  const before = await lockRow(trx, table, id);
  if (!before) throw new NotFoundError(LABELS[table][0], LABELS[table][1], id);
  if (!before.deleted_at) {
    throw new ConflictError(
      'Запись не удалена — восстанавливать нечего',
      'The record is not deleted',
      { code: 'not_deleted' },
    );
  }
  const after = (await trx
    .updateTable(table as Kit)
    .set({ deleted_at: null, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()) as unknown as VersionedRow<T>;
  await writeAudit(trx, {
    userId: ctx.viewer.user?.id ?? null,
    action: 'restore',
    entityType: table,
    entityId: id,
    before,
    after,
  });
  return after;
}

/** A soft delete in its own transaction: what the delete routes answer (id and new version). */
export async function deleteInTransaction<T extends VersionedTable>(
  db: Kysely<Database>,
  ctx: MutationContext,
  table: T,
  id: number,
  expectedVersion: number,
): Promise<{ id: number; version: number }> {
  const row = await db
    .transaction()
    .execute((trx) => deleteRecord(trx, ctx, table, id, expectedVersion));
  return { id: row.id, version: row.version };
}

/** A restore in its own transaction: what the restore routes answer (id and new version). */
export async function restoreInTransaction<T extends VersionedTable>(
  db: Kysely<Database>,
  ctx: MutationContext,
  table: T,
  id: number,
): Promise<{ id: number; version: number }> {
  const row = await db.transaction().execute((trx) => restoreRecord(trx, ctx, table, id));
  return { id: row.id, version: row.version };
}

/**
 * Provenance of an update: checked only when the change sends a source or a
 * quote; a quote sent alone is checked against the record's current source.
 */
export async function updateProvenance(
  db: Db,
  table: VersionedTable,
  id: number,
  input: { sourceId?: number | null | undefined; sourceQuote?: string | null | undefined },
): Promise<{ source_id?: number; source_quote?: string | null }> {
  if (!('sourceId' in input) && !('sourceQuote' in input)) return {};
  if ('sourceId' in input) return provenance(db, input);
  const current = await getLiveRow(db, table, id);
  if (!current) throw new NotFoundError(LABELS[table][0], LABELS[table][1], id);
  const prov = await provenance(db, {
    sourceId: current.source_id,
    sourceQuote: input.sourceQuote,
  });
  // Only the quote changes: the source stays as it is.
  return 'source_quote' in prov ? { source_quote: prov.source_quote ?? null } : {};
}

/**
 * camelCase input → snake_case columns, dropping keys that were not sent. The
 * mapping is checked against the table's columns; the values are the input's,
 * validated by the API schema the input was parsed with.
 */
export function toColumns<T extends VersionedTable>(
  input: Record<string, unknown>,
  mapping: ColumnMap<T>,
): Updateable<Database[T]> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(mapping)) {
    if (input[key] !== undefined) out[column] = input[key];
  }
  return out as Updateable<Database[T]>;
}
