import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { AuditAction } from '@promatlas/core/domain/vocabulary.ts';
import type { Database } from '../db/database.ts';

export type { AuditAction };

/**
 * Who makes a change through a use case that is also run from the command
 * line: the HTTP routes always pass one (userId of the signed-in user), so
 * the change is journalled in its transaction; the command line and the
 * demo loaders pass none (the operator works on the server itself).
 */
export interface AuditActor {
  userId: number | null;
}

/**
 * What a bulk import leaves in the journal instead of every value: the file
 * (name, size, SHA-256) and the counts, so the entry stays small and the file
 * can be matched later.
 */
export function importedFile(file: {
  fileName?: string | null | undefined;
  bytes?: Buffer | undefined;
  size?: number | undefined;
  sha256?: string | undefined;
}): { fileName: string | null; bytes: number | null; sha256: string | null } {
  return {
    fileName: file.fileName ?? null,
    bytes: file.bytes?.length ?? file.size ?? null,
    sha256:
      file.sha256 ?? (file.bytes ? createHash('sha256').update(file.bytes).digest('hex') : null),
  };
}

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

/**
 * Writes one audit entry per change of a bulk operation (an import) in one
 * statement per thousand entries — each column sent as one array through
 * `unnest`, so the statement has seven parameters whatever its size; call
 * inside the changes' transaction.
 */
export async function writeAuditEntries(
  trx: Kysely<Database>,
  entries: Array<Parameters<typeof writeAudit>[1]>,
): Promise<void> {
  for (let i = 0; i < entries.length; i += 1000) {
    const rows = entries.slice(i, i + 1000).map((entry) => {
      const before = auditSnapshot(entry.before);
      const after = auditSnapshot(entry.after);
      return {
        userId: entry.userId,
        action: entry.action,
        entityType: entry.entityType,
        entityId: String(entry.entityId),
        before: before === null ? null : JSON.stringify(before),
        after: after === null ? null : JSON.stringify(after),
        sourceId: entry.sourceId ?? null,
      };
    });
    await sql`
      INSERT INTO audit_entry (user_id, action, entity_type, entity_id, before, after, source_id)
      SELECT * FROM unnest(${rows.map((r) => r.userId)}::int4[], ${rows.map((r) => r.action)}::text[],
                           ${rows.map((r) => r.entityType)}::text[], ${rows.map((r) => r.entityId)}::text[],
                           ${rows.map((r) => r.before)}::jsonb[], ${rows.map((r) => r.after)}::jsonb[],
                           ${rows.map((r) => r.sourceId)}::int4[])`.execute(trx);
  }
}
