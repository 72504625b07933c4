import { sql } from 'kysely';
import { neutraliseSpreadsheetText } from '@promatlas/core/format/spreadsheet-cell.ts';
import type { AuditRow, AuditSearchQuery } from '@promatlas/core/api/editing.schema.ts';
import type { Db } from '../db/connection.ts';

/**
 * Administrators' search over both trails: record changes (audit_entry) and
 * security events (security_event), newest first. A security event's entity
 * is the account it concerns; "by user" matches who acted, and for security
 * events also the account concerned.
 */
function conditions(q: Omit<AuditSearchQuery, 'page' | 'pageSize'>) {
  const where = [sql`true`];
  if (q.trail !== 'all') where.push(sql`t.trail = ${q.trail}`);
  if (q.userId !== undefined)
    where.push(
      sql`(t.user_id = ${q.userId} OR (t.trail = 'security' AND t.subject_id = ${q.userId}))`,
    );
  if (q.action) where.push(sql`t.action = ${q.action}`);
  if (q.entityType) where.push(sql`t.entity_type = ${q.entityType}`);
  if (q.entityId) where.push(sql`t.entity_id = ${q.entityId}`);
  if (q.from) where.push(sql`t.at >= ${q.from}::date`);
  if (q.to) where.push(sql`t.at < ${q.to}::date + 1`);
  return sql.join(where, sql` AND `);
}

const TRAILS = sql`(
  SELECT 'changes'::text AS trail, a.id, a.at, a.user_id, NULL::integer AS subject_id, a.action,
         a.entity_type, a.entity_id, NULL::text AS email, NULL::text AS ip, NULL::text AS user_agent,
         jsonb_build_object('before', a.before, 'after', a.after) AS details
  FROM audit_entry a
  UNION ALL
  SELECT 'security'::text, e.id, e.at, e.actor_id, e.subject_id, e.action,
         CASE WHEN e.subject_id IS NULL THEN NULL ELSE 'user' END, e.subject_id::text,
         e.email, e.ip, e.user_agent, e.details
  FROM security_event e
) t`;

interface RawRow {
  trail: 'changes' | 'security';
  id: number;
  at: Date | string;
  user_id: number | null;
  display_name: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  email: string | null;
  ip: string | null;
  user_agent: string | null;
  details: unknown;
}

function toRow(r: RawRow): AuditRow {
  const details =
    typeof r.details === 'string' ? (JSON.parse(r.details) as unknown) : (r.details ?? null);
  return {
    trail: r.trail,
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    user: r.user_id === null ? null : { id: r.user_id, displayName: r.display_name ?? '' },
    action: r.action,
    entity:
      r.entity_type === null || r.entity_id === null
        ? null
        : { type: r.entity_type, id: r.entity_id },
    email: r.email,
    ip: r.ip,
    userAgent: r.user_agent,
    details: details && typeof details === 'object' ? (details as Record<string, unknown>) : null,
  };
}

export async function searchAudit(
  db: Db,
  q: AuditSearchQuery,
): Promise<{ items: AuditRow[]; total: number; page: number; pageSize: number }> {
  const where = conditions(q);
  const total = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM ${TRAILS} WHERE ${where}`.execute(db);
  const rows = await sql<RawRow>`
    SELECT t.*, u.display_name FROM ${TRAILS} LEFT JOIN app_user u ON u.id = t.user_id
    WHERE ${where}
    ORDER BY t.at DESC, t.trail, t.id DESC
    LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(db);
  return {
    items: rows.rows.map(toRow),
    total: total.rows[0]?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export const AUDIT_EXPORT_LIMIT = 50_000;

export async function exportAuditCsv(db: Db, q: AuditSearchQuery): Promise<string> {
  const rows = await sql<RawRow>`
    SELECT t.*, u.display_name FROM ${TRAILS} LEFT JOIN app_user u ON u.id = t.user_id
    WHERE ${conditions(q)}
    ORDER BY t.at DESC, t.trail, t.id DESC
    LIMIT ${AUDIT_EXPORT_LIMIT}`.execute(db);
  const headers = [
    'журнал',
    'id',
    'время (UTC)',
    'пользователь',
    'действие',
    'тип записи',
    'id записи',
    'e-mail',
    'адрес',
    'браузер',
    'подробности',
  ];
  const field = (value: string) => {
    const text = neutraliseSpreadsheetText(value);
    return /[",\r\n;]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = rows.rows
    .map(toRow)
    .map((r) =>
      [
        r.trail === 'changes' ? 'изменения' : 'безопасность',
        String(r.id),
        r.at,
        r.user ? `${r.user.displayName} (${r.user.id})` : '',
        r.action,
        r.entity?.type ?? '',
        r.entity?.id ?? '',
        r.email ?? '',
        r.ip ?? '',
        r.userAgent ?? '',
        r.details ? JSON.stringify(r.details) : '',
      ]
        .map(field)
        .join(','),
    );
  return '\uFEFF' + [headers.map(field).join(','), ...lines].join('\r\n') + '\r\n';
}
