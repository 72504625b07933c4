import { sql, type Kysely } from 'kysely';
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
  | 'measure_report';

const LABELS: Record<VersionedTable, [string, string]> = {
  organisation: ['Организация', 'Organisation'],
  person: ['Персона', 'Person'],
  site: ['Площадка', 'Site'],
  cluster: ['Кластер', 'Cluster'],
  position: ['Должность', 'Position'],
  cluster_member: ['Участие в кластере', 'Cluster membership'],
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
};

type Row = Record<string, unknown> & { id: number; version: number; deleted_at: Date | null };

// Kysely's types are per table; the tables handled here share the columns
// used (id, version, deleted_at, updated_at), so one loosely typed handle serves them all.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- one handle for several tables, see above
type AnyDb = Kysely<any>;

async function lockRow(trx: AnyDb, table: VersionedTable, id: number): Promise<Row | undefined> {
  return (await trx
    .selectFrom(table)
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()) as Row | undefined;
}

export async function getLiveRow(
  db: Db,
  table: VersionedTable,
  id: number,
): Promise<Row | undefined> {
  if (!isRowId(id)) return undefined;
  return (await (db as AnyDb)
    .selectFrom(table)
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()) as Row | undefined;
}

export interface MutationContext {
  viewer: Viewer;
  sourceId?: number | null | undefined;
}

/** Inserts a record and its audit entry. */
export async function createRecord(
  trx: Kysely<Database>,
  ctx: MutationContext,
  table: VersionedTable,
  values: Record<string, unknown>,
): Promise<Row> {
  const row = (await (trx as AnyDb)
    .insertInto(table)
    .values(values)
    .returningAll()
    .executeTakeFirstOrThrow()) as Row;
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
export async function updateRecord(
  trx: Kysely<Database>,
  ctx: MutationContext,
  table: VersionedTable,
  id: number,
  expectedVersion: number,
  changes: Record<string, unknown>,
  related?: { before: Record<string, unknown>; after: Record<string, unknown> },
): Promise<Row> {
  const before = await lockRow(trx as AnyDb, table, id);
  if (!before || before.deleted_at) throw new NotFoundError(LABELS[table][0], LABELS[table][1], id);
  if (before.version !== expectedVersion)
    throw new StaleVersionError(auditSnapshot(before)!, before.version);
  const after = (await (trx as AnyDb)
    .updateTable(table)
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returningAll()
    .executeTakeFirst()) as Row | undefined;
  if (!after) {
    const current = await lockRow(trx as AnyDb, table, id);
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
export async function deleteRecord(
  trx: Kysely<Database>,
  ctx: MutationContext,
  table: VersionedTable,
  id: number,
  expectedVersion: number,
): Promise<Row> {
  const before = await lockRow(trx as AnyDb, table, id);
  if (!before || before.deleted_at) throw new NotFoundError(LABELS[table][0], LABELS[table][1], id);
  if (before.version !== expectedVersion)
    throw new StaleVersionError(auditSnapshot(before)!, before.version);
  const after = (await (trx as AnyDb)
    .updateTable(table)
    .set({ deleted_at: sql`now()`, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()) as Row;
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

export async function restoreRecord(
  trx: Kysely<Database>,
  ctx: MutationContext,
  table: VersionedTable,
  id: number,
): Promise<Row> {
  const before = await lockRow(trx as AnyDb, table, id);
  if (!before) throw new NotFoundError(LABELS[table][0], LABELS[table][1], id);
  if (!before.deleted_at) {
    throw new ConflictError(
      'Запись не удалена — восстанавливать нечего',
      'The record is not deleted',
      { code: 'not_deleted' },
    );
  }
  const after = (await (trx as AnyDb)
    .updateTable(table)
    .set({ deleted_at: null, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()) as Row;
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
    sourceId: current['source_id'] as number | null,
    sourceQuote: input.sourceQuote,
  });
  // Only the quote changes: the source stays as it is.
  return 'source_quote' in prov ? { source_quote: prov.source_quote ?? null } : {};
}

/** camelCase input → snake_case columns, dropping keys that were not sent. */
export function toColumns(
  input: Record<string, unknown>,
  mapping: Record<string, string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(mapping)) {
    if (input[key] !== undefined) out[column] = input[key];
  }
  return out;
}
