import type { AuditEntry } from '@promatlas/core/api/audit.schema.ts';
import {
  HISTORY_ENTITY_LABELS,
  HISTORY_FIELD_LABELS,
  isHistoryEntityType,
  type FieldLabel,
} from '@promatlas/core/api/history-labels.ts';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/database.ts';
import type { Viewer } from '../auth/index.ts';
import { NotFoundError } from '../shared/domain-errors.ts';
import { findHistoryRows, internalRecordExists } from './history.repository.ts';

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
    if (!(await internalRecordExists(db, table, key, value)))
      throw historyNotFound(entityType, entityId);
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

// Compile-time check: every labelled field is a column of its table, or one
// of the two fields the history composes (okved from organisation_okved, the
// period from the valid_* columns), so a renamed column cannot keep a stale label.
type Assert<T extends true> = T;
type Composed = 'okved' | 'valid_period';
export type HistoryLabelsNameColumns = Assert<
  {
    [T in keyof typeof HISTORY_FIELD_LABELS]: Exclude<
      keyof (typeof HISTORY_FIELD_LABELS)[T],
      keyof Database[T] | Composed
    > extends never
      ? true
      : false;
  }[keyof typeof HISTORY_FIELD_LABELS]
>;

/** The labels of the fields an entry's snapshots hold, in display order (the period as one field). */
function fieldLabels(entityType: string, fields: Set<string>): Record<string, FieldLabel> {
  if (!isHistoryEntityType(entityType)) return {};
  const hasPeriod = [...fields].some((f) => f.startsWith('valid_'));
  return Object.fromEntries(
    Object.entries(HISTORY_FIELD_LABELS[entityType] as Record<string, FieldLabel>).filter(
      ([field]) => fields.has(field) || (field === 'valid_period' && hasPeriod),
    ),
  );
}

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
  const rows = await findHistoryRows(db, entityType, entityId, CHILD_LINKS[entityType] ?? []);
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
        entityLabel: isHistoryEntityType(r.entity_type)
          ? HISTORY_ENTITY_LABELS[r.entity_type]
          : null,
        fieldLabels: fieldLabels(r.entity_type, fields),
      };
    }),
  };
}
