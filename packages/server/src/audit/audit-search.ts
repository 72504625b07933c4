import { neutraliseSpreadsheetText } from '@promatlas/core/format/spreadsheet-cell.ts';
import type { AuditRow, AuditSearchQuery } from '@promatlas/core/api/audit.schema.ts';
import type { Db } from '../db/connection.ts';
import { countAuditRows, findAuditRows, type RawRow } from './audit-search.repository.ts';

/**
 * Administrators' search over both trails (record changes and security
 * events), newest first; rows are mapped to the API's AuditRow here.
 */

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
  const total = await countAuditRows(db, q);
  const rows = await findAuditRows(db, q, {
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return {
    items: rows.map(toRow),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

export const AUDIT_EXPORT_LIMIT = 50_000;

export async function exportAuditCsv(db: Db, q: AuditSearchQuery): Promise<string> {
  const rows = await findAuditRows(db, q, { limit: AUDIT_EXPORT_LIMIT });
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
  const lines = rows
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
