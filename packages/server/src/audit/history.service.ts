import type { AuditEntry } from '@promatlas/core/api/editing.schema.ts';
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Viewer } from '../auth/index.ts';
import { NotFoundError } from '../shared/domain-errors.ts';
import { readDbFor } from '../db/read-db.ts';

/** Tables of the record types that have a history, and their key column. */
const HISTORY_TABLES = {
  organisation: ['organisation', 'id'],
  person: ['person', 'id'],
  site: ['site', 'id'],
  cluster: ['cluster', 'id'],
  region: ['region', 'code'],
  event: ['event', 'id'],
  project: ['project', 'id'],
} as const;
export type HistoryType = keyof typeof HISTORY_TABLES;

function historyNotFound(type: string, id: string): NotFoundError {
  return new NotFoundError({
    ru: `История записи «${type} ${id}» недоступна: запись не найдена или нужно войти`,
    en: `No history for ${type} ${id}: the record does not exist or you need to sign in`,
  });
}

/**
 * Who may read a record's history. Its entries hold every earlier state
 * (drafts, values later removed), editors' names and child records, so the
 * public reader never sees it — 404 for every id, visible record or not, so
 * the answer tells nothing. Signed-in users see the history of records they
 * can open (not deleted); the administrator also that of a deleted record,
 * whose page offers the restore.
 */
export async function getHistoryFor(
  db: Db,
  viewer: Viewer,
  entityType: HistoryType,
  entityId: string,
): Promise<{ items: AuditEntry[] }> {
  if (!viewer.user) throw historyNotFound(entityType, entityId);
  if (viewer.user.role !== 'administrator') {
    const [table, key] = HISTORY_TABLES[entityType];
    const value = key === 'id' ? Number(entityId) : entityId;
    if (typeof value === 'number' && value > 2_147_483_647)
      throw historyNotFound(entityType, entityId);
    const found = await sql<{ one: number }>`
      SELECT 1 AS one FROM ${sql.table(`internal.${table}`)} WHERE ${sql.ref(key)} = ${value}`.execute(
      readDbFor(db, 'internal'),
    );
    if (found.rows.length === 0) throw historyNotFound(entityType, entityId);
  }
  return getHistory(db, entityType, entityId);
}

/** Child records whose changes show in a parent's history: [audit entity type, column pointing at the parent]. */
const CHILD_LINKS: Record<string, Array<[string, string]>> = {
  person: [['position', 'person_id']],
  organisation: [
    ['position', 'organisation_id'],
    ['cluster_member', 'organisation_id'],
  ],
  cluster: [['cluster_member', 'cluster_id']],
};

function parse(value: unknown): Record<string, unknown> | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, unknown>;
}

/**
 * The «История» of a record: every audit entry about it, and — for a
 * record's children (positions of a person, members of a cluster, statements
 * about anything) — the entries whose snapshot points at it, newest first,
 * with the changed fields listed.
 */
export async function getHistory(
  db: Db,
  entityType: string,
  entityId: string,
): Promise<{ items: AuditEntry[] }> {
  const rows = await db
    .selectFrom('audit_entry as a')
    .leftJoin('app_user as u', 'u.id', 'a.user_id')
    .leftJoin('source_document as s', 's.id', 'a.source_id')
    .select([
      'a.id',
      'a.at',
      'a.action',
      'a.entity_type',
      'a.entity_id',
      'a.before',
      'a.after',
      'u.id as user_id',
      'u.display_name',
      's.id as source_id',
      's.title as source_title',
    ])
    .where((eb) =>
      eb.or([
        eb.and([eb('a.entity_type', '=', entityType), eb('a.entity_id', '=', entityId)]),
        sql<boolean>`a.entity_type = 'statement'
          AND coalesce(a.after, a.before)->>'subject_type' = ${entityType}
          AND coalesce(a.after, a.before)->>'subject_id' = ${entityId}`,
        ...(CHILD_LINKS[entityType] ?? []).map(
          ([childType, column]) =>
            sql<boolean>`a.entity_type = ${childType} AND coalesce(a.after, a.before)->>${column} = ${entityId}`,
        ),
      ]),
    )
    .orderBy('a.id', 'desc')
    .execute();
  return {
    items: rows.map((r) => {
      const before = parse(r.before);
      const after = parse(r.after);
      const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
      const changes = [...fields]
        .filter(
          (f) =>
            JSON.stringify(before?.[f] ?? null) !== JSON.stringify(after?.[f] ?? null) &&
            f !== 'version',
        )
        .map((f) => ({ field: f, before: before?.[f] ?? null, after: after?.[f] ?? null }));
      return {
        id: r.id,
        at: (r.at instanceof Date ? r.at : new Date(r.at as unknown as string)).toISOString(),
        user:
          r.user_id !== null && r.display_name !== null
            ? { id: r.user_id, displayName: r.display_name }
            : null,
        action: r.action as AuditEntry['action'],
        entity: { type: r.entity_type, id: r.entity_id },
        before,
        after,
        changes,
        source:
          r.source_id !== null && r.source_title !== null
            ? { id: r.source_id, title: r.source_title }
            : null,
      };
    }),
  };
}
