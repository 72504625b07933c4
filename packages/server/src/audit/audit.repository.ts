import type { Kysely } from 'kysely';
import type { AuditAction } from '@promatlas/core/domain/vocabulary.ts';
import type { Database } from '../db/database.ts';

export type { AuditAction };

/** Generated and bookkeeping columns that say nothing about the record's content. */
const NOT_AUDITED = new Set(['search_vector', 'search_text', 'updated_at', 'created_at']);

export function auditSnapshot(
  row: Record<string, unknown> | null | undefined,
): Record<string, unknown> | null {
  if (!row) return null;
  return Object.fromEntries(
    Object.entries(row)
      .filter(([k]) => !NOT_AUDITED.has(k))
      .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]),
  );
}

/** Writes exactly one audit entry; call inside the mutation's transaction. */
export async function writeAudit(
  trx: Kysely<Database>,
  entry: {
    userId: number | null;
    action: AuditAction;
    entityType: string;
    entityId: string | number;
    before: Record<string, unknown> | null | undefined;
    after: Record<string, unknown> | null | undefined;
    sourceId?: number | null | undefined;
  },
): Promise<void> {
  const before = auditSnapshot(entry.before);
  const after = auditSnapshot(entry.after);
  await trx
    .insertInto('audit_entry')
    .values({
      user_id: entry.userId,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: String(entry.entityId),
      before: before === null ? null : JSON.stringify(before),
      after: after === null ? null : JSON.stringify(after),
      source_id: entry.sourceId ?? null,
    })
    .execute();
}
