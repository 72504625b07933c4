import { Link } from 'react-router';
import type { AuditEntry } from '@promatlas/core/api/audit.schema.ts';
import { AUDIT_ACTIONS } from '@promatlas/core/domain/vocabulary.ts';
import type { z } from 'zod';
import { historyRoute, type HistoryTypeSchema } from '@promatlas/core/api/contract/editing.ts';
import { useRoute } from '../api/api.ts';
import { ErrorMessage, Loading } from '../components/common.tsx';
import { formatPartialDate, type PartialDate } from '@promatlas/core/dates/partial-date.ts';
import { propertyLabel } from '../lib/properties.ts';
import { regionNamer, useRegions } from '../lib/regions.ts';
import {
  CLUSTER_KINDS,
  CLUSTER_STATUSES,
  ORGANISATION_KINDS,
  SEZ_TYPES,
  SITE_KINDS,
  label,
  roleLabel,
} from '../lib/labels.ts';

/** The record types with an audit trail (the history route's `:type`). */
export type HistoryType = z.output<typeof HistoryTypeSchema>;

const ACTIONS: Record<AuditEntry['action'], string> = AUDIT_ACTIONS.labels;

/** A field's label as the API gives it (from the schemas, by entity type); unlabelled fields are technical. */
const fieldLabel = (entry: AuditEntry, field: string): string | undefined =>
  entry.fieldLabels[field]?.ru;
const orderOf = (entry: AuditEntry, field: string) => {
  const order = Object.keys(entry.fieldLabels);
  return order.includes(field) ? order.indexOf(field) : order.length;
};

type Change = AuditEntry['changes'][number];

/** A snapshot's valid_from/valid_to/valid_precision as one partial date, or null. */
function periodOf(row: Record<string, unknown> | null): PartialDate | null {
  if (!row || !row['valid_from']) return null;
  return {
    from: String(row['valid_from']).slice(0, 10),
    to: String(row['valid_to'] ?? row['valid_from']).slice(0, 10),
    precision: (row['valid_precision'] as PartialDate['precision']) ?? 'day',
  };
}

/** The fields to show, in a stable order, with the three period columns merged into «По состоянию на». */
function visibleChanges(entry: AuditEntry): Change[] {
  const changes = entry.changes.filter(
    (c) =>
      fieldLabel(entry, c.field) !== undefined &&
      !c.field.startsWith('valid_') &&
      (entry.action === 'update' || c.after !== null || c.field === 'deleted_at'),
  );
  if (entry.changes.some((c) => c.field.startsWith('valid_'))) {
    const before = periodOf(entry.before);
    const after = periodOf(entry.after);
    changes.push({
      field: 'valid_period',
      before: before ? formatPartialDate(before) : null,
      after: after ? formatPartialDate(after) : null,
    });
  }
  return changes.sort((a, b) => orderOf(entry, a.field) - orderOf(entry, b.field));
}

const LINKED: Record<string, string> = {
  organisation_id: '/organisations/',
  management_organisation_id: '/organisations/',
  specialised_organisation_id: '/organisations/',
  parent_id: '/organisations/',
  person_id: '/people/',
  cluster_id: '/clusters/',
  source_id: '/sources/',
};

function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString('ru-RU', { dateStyle: 'short', timeStyle: 'short' });
}

function Value({
  field,
  value,
  regionName,
}: {
  field: string;
  value: unknown;
  regionName: (code: string) => string;
}) {
  if (value === null || value === undefined || value === '')
    return <span className="muted">—</span>;
  if (typeof value === 'boolean') return <>{value ? 'да' : 'нет'}</>;
  if (Array.isArray(value))
    return value.length ? (
      <>{value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join('; ')}</>
    ) : (
      <span className="muted">—</span>
    );
  if (typeof value === 'object') return <code>{JSON.stringify(value)}</code>;
  const text = String(value);
  if (LINKED[field])
    return <Link to={`${LINKED[field]}${encodeURIComponent(text)}`}>№ {text}</Link>;
  if (field === 'region_code') return <>{regionName(text)}</>;
  if (field === 'property') return <>{propertyLabel(text)}</>;
  if (field === 'role') return <>{roleLabel(text)}</>;
  if (field === 'deleted_at') return <>{formatDateTime(text)}</>;
  if (field === 'kind')
    return (
      <>
        {label(ORGANISATION_KINDS, text) !== text
          ? label(ORGANISATION_KINDS, text)
          : label(SITE_KINDS, text) !== text
            ? label(SITE_KINDS, text)
            : label(CLUSTER_KINDS, text)}
      </>
    );
  if (field === 'sez_type') return <>{label(SEZ_TYPES, text)}</>;
  if (field === 'status') return <>{label(CLUSTER_STATUSES, text)}</>;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return <>{text.split('-').reverse().join('.')}</>;
  return <>{text}</>;
}

/** One line that says what a child entry is about: «Факт: Резиденты», «Должность: Директор». */
function childSummary(entry: AuditEntry): string | null {
  const row = entry.after ?? entry.before ?? {};
  const what = entry.entityLabel?.ru ?? entry.entity.type;
  if (entry.entity.type === 'statement')
    return `${what}: ${propertyLabel(String(row['property'] ?? ''))}`;
  if (entry.entity.type === 'position') return `${what}: ${String(row['title'] ?? '')}`;
  if (entry.entity.type === 'cluster_member')
    return `${what}: ${roleLabel(String(row['role'] ?? ''))}`;
  return null;
}

function Entry({
  entry,
  subjectType,
  regionName,
}: {
  entry: AuditEntry;
  subjectType: HistoryType;
  regionName: (code: string) => string;
}) {
  const summary = entry.entity.type !== subjectType ? childSummary(entry) : null;
  const changes = visibleChanges(entry);
  return (
    <li
      className="history-entry"
      data-testid="history-entry"
      data-action={entry.action}
      data-entity={entry.entity.type}
    >
      <p className="history-head">
        <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
        {' · '}
        <strong data-testid="history-user">
          {entry.user?.displayName ?? 'система (загрузка данных)'}
        </strong>
        {' · '}
        <span data-testid="history-action">{ACTIONS[entry.action]}</span>
        {summary ? <span data-testid="history-subject"> · {summary}</span> : null}
        {entry.source ? (
          <>
            {' · источник: '}
            <Link to={`/sources/${entry.source.id}`}>{entry.source.title}</Link>
          </>
        ) : null}
      </p>
      {changes.length ? (
        <table className="table compact history-changes">
          <thead>
            <tr>
              <th>Поле</th>
              <th>Было</th>
              <th>Стало</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change) => (
              <tr key={change.field} data-testid="history-change" data-field={change.field}>
                <td>{fieldLabel(entry, change.field) ?? change.field}</td>
                <td className="history-before">
                  <Value field={change.field} value={change.before} regionName={regionName} />
                </td>
                <td className="history-after">
                  <Value field={change.field} value={change.after} regionName={regionName} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </li>
  );
}

/** «История»: who changed what and when, before and after, from which source (GET /api/history/:type/:id). */
export function HistoryTab({ type, id }: { type: HistoryType; id: string }) {
  const history = useRoute(historyRoute, { params: { type, id } });
  const regionName = regionNamer(useRegions());
  if (history.error) return <ErrorMessage error={history.error} />;
  if (!history.data) return <Loading />;
  if (history.data.items.length === 0) {
    return (
      <p className="muted" data-testid="history-empty">
        Изменений пока не было: запись в том виде, в каком её загрузили из источников.
      </p>
    );
  }
  return (
    <ol className="history" data-testid="history">
      {history.data.items.map((entry) => (
        <Entry key={entry.id} entry={entry} subjectType={type} regionName={regionName} />
      ))}
    </ol>
  );
}
