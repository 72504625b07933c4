import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { MeasureDto, MyTasks, PlanPage } from '@promatlas/core/api/programmes.schema.ts';
import { MEASURE_FLAGS, MEASURE_STATUSES } from '@promatlas/core/domain/vocabulary.ts';
import { useApi } from '../../shared/api/client.ts';
import { ErrorMessage, Loading } from '../../shared/components/common.tsx';
import { formatDate } from '../../shared/lib/format.ts';
import { useTitle } from '../../shared/lib/useTitle.ts';

/** A path with the query parameters that have a value. */
function withQuery(path: string, params: Record<string, string>): string {
  const search = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== ''));
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** A measure as a table row: owner, deadline, status, flags, progress. */
function MeasureRows({ measures }: { measures: MeasureDto[] }) {
  return (
    <>
      {measures.map((m) => (
        <tr key={m.id} data-measure={m.id} className={m.flags.join(' ')}>
          <td>{m.title}</td>
          <td>{m.owner?.title ?? '—'}</td>
          <td>{formatDate(m.deadline) ?? '—'}</td>
          <td>{m.statusLabel}</td>
          <td>{m.flags.map((f) => MEASURE_FLAGS.label(f)).join(', ') || '—'}</td>
          <td>{m.progress === null ? '—' : `${m.progress} %`}</td>
        </tr>
      ))}
    </>
  );
}

function MeasureTable({ children }: { children: React.ReactNode }) {
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th>Мероприятие</th>
          <th>Ответственный</th>
          <th>Срок</th>
          <th>Статус</th>
          <th>Флаги</th>
          <th>Выполнение</th>
        </tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** The plan at work: measures grouped by theme, filtered by status, flag and deadline. */
export function PlanWorkPage() {
  const { id } = useParams();
  const [status, setStatus] = useState('');
  const [flag, setFlag] = useState('');
  const [deadlineTo, setDeadlineTo] = useState('');
  const { data, error, loading } = useApi<PlanPage>(
    withQuery(`/api/action-plans/${id}/measures`, { status, flag, deadlineTo }),
  );
  useTitle(data?.plan.title);
  if (error) return <ErrorMessage error={error} />;
  if (!data) return loading ? <Loading /> : null;
  return (
    <article className="plan-work">
      <h1>{data.plan.title}</h1>
      <p>
        {formatDate(data.plan.period) ?? 'Период не указан'} · Стороны:{' '}
        {data.plan.parties.map((p) => p.title).join('; ') || '—'} ·{' '}
        <Link to={`/action-plans/${data.plan.id}`}>карточка плана</Link>
      </p>
      <p>
        Всего мероприятий: {data.counts.total}; просрочено: {data.counts.overdue}; под угрозой
        срыва: {data.counts.atRisk} (на {data.today}; правила: срок ближе{' '}
        {data.rules.atRiskWithinDays} дн., без отчёта {data.rules.staleReportDays} дн.)
      </p>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Статус{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value)}>
            <option value="">все</option>
            {MEASURE_STATUSES.values.map((s) => (
              <option key={s} value={s}>
                {MEASURE_STATUSES.label(s)}
              </option>
            ))}
            <option value="none">нет данных</option>
          </select>
        </label>{' '}
        <label>
          Флаг{' '}
          <select value={flag} onChange={(e) => setFlag(e.target.value)}>
            <option value="">любой</option>
            {MEASURE_FLAGS.values.map((f) => (
              <option key={f} value={f}>
                {MEASURE_FLAGS.label(f)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          Срок не позднее{' '}
          <input type="date" value={deadlineTo} onChange={(e) => setDeadlineTo(e.target.value)} />
        </label>{' '}
        <a href={`/api/action-plans/${data.plan.id}/export?format=xlsx`}>XLSX</a>{' '}
        <a href={`/api/action-plans/${data.plan.id}/export?format=csv`}>CSV</a>{' '}
        <a href={`/api/calendar.ics?plan=${data.plan.id}`}>Календарь (.ics)</a>{' '}
        <Link to={`/reports/plan-status/${data.plan.id}`} data-testid="plan-status-report">
          Отчёт о статусе (печать, PDF)
        </Link>
      </form>
      {data.themes.length === 0 && <p>Нет мероприятий, подходящих под фильтр.</p>}
      {data.themes.map((group) => (
        <section key={group.theme ?? '—'}>
          <h2>{group.theme ?? 'Без темы'}</h2>
          <MeasureTable>
            <MeasureRows measures={group.measures} />
          </MeasureTable>
        </section>
      ))}
    </article>
  );
}

/** «Мои задачи»: the measures whose owner is the user's organisation or the user. */
export function MyTasksPage() {
  const { data, error, loading } = useApi<MyTasks>('/api/my-tasks');
  useTitle('Мои задачи');
  if (error) return <ErrorMessage error={error} />;
  if (!data) return loading ? <Loading /> : null;
  const whose = [data.organisation?.title, data.person?.title].filter(Boolean).join(', ');
  return (
    <article>
      <h1>Мои задачи</h1>
      <p>
        {whose
          ? `Ответственный: ${whose}`
          : 'Учётная запись не связана с организацией или персоной — обратитесь к администратору.'}{' '}
        <a href="/api/my-tasks/export?format=xlsx">XLSX</a>
      </p>
      <MeasureTable>
        <MeasureRows measures={data.items} />
      </MeasureTable>
    </article>
  );
}
