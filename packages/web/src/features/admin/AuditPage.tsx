import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { auditExportRoute, auditRoute } from '@promatlas/core/api/contract/accounts.ts';
import { AUDIT_ACTIONS, SECURITY_ACTIONS } from '@promatlas/core/domain/vocabulary.ts';
import type { RouteQuery } from '@promatlas/core/api/contract/kit.ts';
import { apiPath, useRoute } from '../../shared/api/api.ts';
import { useSession } from '../../shared/auth/session.ts';
import { ErrorMessage, Loading } from '../../shared/components/common.tsx';
import { useTitle } from '../../shared/lib/useTitle.ts';

/** Russian names of the journal's actions (record changes and security events), from core. */
const ACTION_NAMES: Readonly<Record<string, string>> = {
  ...AUDIT_ACTIONS.labels,
  ...SECURITY_ACTIONS.labels,
};

const FILTERS = ['trail', 'userId', 'action', 'entityType', 'entityId', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;
type AuditQuery = RouteQuery<typeof auditRoute>;

const TRAILS = ['all', 'changes', 'security'] as const;

/** The filters as typed in the URL, as the route's query (the server checks the values). */
function auditQuery(f: Filters): AuditQuery {
  return {
    trail: TRAILS.find((t) => t === f.trail),
    userId: f.userId ? Number(f.userId) : undefined,
    action: f.action,
    entityType: f.entityType,
    entityId: f.entityId,
    from: f.from,
    to: f.to,
  };
}

/** «Администрирование → Журнал»: search over record changes and security events, CSV export. */
export function AuditPage() {
  useTitle('Журнал');
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const applied = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Filters;
  const [draft, setDraft] = useState<Filters>(applied);
  const page = Number(params.get('page') ?? '1') || 1;
  const isAdmin = session.user?.role === 'administrator';
  const query = { ...auditQuery(applied), page, pageSize: 50 };
  const result = useRoute(auditRoute, isAdmin ? { query } : null);
  if (!session.ready) return <Loading />;
  if (!isAdmin)
    return (
      <div className="page">
        <h1>Журнал</h1>
        <p className="notice">Эта страница доступна только администратору.</p>
      </div>
    );
  const apply = (next: Partial<Filters> & { page?: number }) => {
    const merged = { ...applied, ...next };
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(merged)) if (v) search.set(k, String(v));
    setParams(search);
  };
  const input = (name: keyof Filters, label: string, type = 'text') => (
    <label className="form-field">
      {label}
      <input
        type={type}
        value={draft[name]}
        data-testid={`audit-${name}`}
        onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
      />
    </label>
  );
  const pages = result.data ? Math.max(1, Math.ceil(result.data.total / result.data.pageSize)) : 1;
  return (
    <div className="page">
      <p className="muted small">Администрирование</p>
      <h1>Журнал</h1>
      <form
        className="record-form"
        data-testid="audit-filters"
        onSubmit={(e) => {
          e.preventDefault();
          apply({ ...draft, page: 1 });
        }}
      >
        <div className="form-row">
          <label className="form-field">
            Журнал
            <select
              value={draft.trail}
              data-testid="audit-trail"
              onChange={(e) => setDraft({ ...draft, trail: e.target.value })}
            >
              <option value="">все записи</option>
              <option value="changes">изменения записей</option>
              <option value="security">события безопасности</option>
            </select>
          </label>
          <label className="form-field">
            Действие
            <select
              value={draft.action}
              data-testid="audit-action"
              onChange={(e) => setDraft({ ...draft, action: e.target.value })}
            >
              <option value="">любое</option>
              {Object.entries(ACTION_NAMES).map(([code, name]) => (
                <option key={code} value={code}>
                  {name}
                </option>
              ))}
            </select>
          </label>
          {input('userId', 'Пользователь (id)')}
        </div>
        <div className="form-row">
          {input('entityType', 'Тип записи (organisation, person, user…)')}
          {input('entityId', 'Id записи')}
          {input('from', 'С даты', 'date')}
          {input('to', 'По дату', 'date')}
        </div>
        <div className="form-buttons">
          <button type="submit" className="button primary" data-testid="audit-search">
            Найти
          </button>
          <a
            className="button"
            href={apiPath(auditExportRoute, { query: auditQuery(applied) })}
            download
            data-testid="audit-export"
          >
            Выгрузить CSV
          </a>
        </div>
      </form>
      {result.error ? <ErrorMessage error={result.error} /> : null}
      {result.data ? (
        <>
          <p className="muted small" data-testid="audit-total">
            Найдено записей: {result.data.total}
          </p>
          <div className="table-wrap">
            <table className="table" data-testid="audit-table">
              <thead>
                <tr>
                  <th>Время</th>
                  <th>Кто</th>
                  <th>Действие</th>
                  <th>Запись</th>
                  <th>Адрес</th>
                  <th>Подробности</th>
                </tr>
              </thead>
              <tbody>
                {result.data.items.map((row) => (
                  <tr
                    key={`${row.trail}-${row.id}`}
                    data-testid="audit-row"
                    data-action={row.action}
                  >
                    <td>{new Date(row.at).toLocaleString('ru-RU')}</td>
                    <td>
                      {row.user ? (
                        <Link to={`/admin/audit?userId=${row.user.id}`}>
                          {row.user.displayName}
                        </Link>
                      ) : (
                        <span className="muted">{row.email ?? '—'}</span>
                      )}
                    </td>
                    <td>{ACTION_NAMES[row.action] ?? row.action}</td>
                    <td>{row.entity ? `${row.entity.type} ${row.entity.id}` : '—'}</td>
                    <td>{row.ip ?? '—'}</td>
                    <td className="small">
                      {row.trail === 'security' && row.details ? JSON.stringify(row.details) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <button
              type="button"
              className="button small"
              disabled={page <= 1}
              onClick={() => apply({ page: page - 1 })}
            >
              ← Назад
            </button>{' '}
            страница {page} из {pages}{' '}
            <button
              type="button"
              className="button small"
              disabled={page >= pages}
              onClick={() => apply({ page: page + 1 })}
            >
              Дальше →
            </button>
          </p>
        </>
      ) : (
        <Loading />
      )}
    </div>
  );
}
