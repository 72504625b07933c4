import { sql } from 'kysely';
import type { AuditSearchQuery } from '@promatlas/core/api/audit.schema.ts';
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

export interface RawRow {
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

type AuditFilter = Omit<AuditSearchQuery, 'page' | 'pageSize'>;

export async function countAuditRows(db: Db, q: AuditFilter): Promise<number> {
  const total = await sql<{
    n: number;
  }>`SELECT count(*)::int AS n FROM ${TRAILS} WHERE ${conditions(q)}`.execute(db);
  return total.rows[0]?.n ?? 0;
}

/** One page of both trails, newest first, with the acting user's name. */
export async function findAuditRows(
  db: Db,
  q: AuditFilter,
  page: { limit: number; offset?: number },
): Promise<RawRow[]> {
  const offset = page.offset === undefined ? sql`` : sql` OFFSET ${page.offset}`;
  const rows = await sql<RawRow>`
    SELECT t.*, u.display_name FROM ${TRAILS} LEFT JOIN app_user u ON u.id = t.user_id
    WHERE ${conditions(q)}
    ORDER BY t.at DESC, t.trail, t.id DESC
    LIMIT ${page.limit}${offset}`.execute(db);
  return rows.rows;
}
