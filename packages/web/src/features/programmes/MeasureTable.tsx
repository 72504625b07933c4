import { Link } from 'react-router';
import type { MeasureDto } from '@promatlas/core/api/programmes.schema.ts';
import { MEASURE_FLAGS, MEASURE_STATUSES } from '@promatlas/core/domain/vocabulary.ts';
import { formatDate, formatNumber } from '../../shared/lib/format.ts';
import { useLang } from './i18n.tsx';

/**
 * Measures from several plans in one table («Мои задачи», a region's
 * dashboard): the plan (or agreement, or event) each belongs to, owner,
 * deadline, status, flags and progress, in the interface language.
 */
export function MeasureTable({
  measures,
  testId,
  showOwner = true,
}: {
  measures: MeasureDto[];
  testId?: string;
  showOwner?: boolean;
}) {
  const { t, label } = useLang();
  return (
    <div className="table-wrap">
      <table className="table compact" data-testid={testId}>
        <thead>
          <tr>
            <th>{t('Мероприятие', 'Measure')}</th>
            <th>{t('План или документ', 'Plan or document')}</th>
            {showOwner ? <th>{t('Ответственный', 'Responsible')}</th> : null}
            <th>{t('Срок', 'Deadline')}</th>
            <th>{t('Статус', 'Status')}</th>
            <th>{t('Флаги', 'Flags')}</th>
            <th>{t('Выполнение', 'Progress')}</th>
          </tr>
        </thead>
        <tbody>
          {measures.map((m) => (
            <tr key={m.id} data-measure={m.id} className={m.flags.join(' ')}>
              <td>{m.title}</td>
              <td>
                <MeasureHome m={m} />
              </td>
              {showOwner ? <td>{m.owner?.title ?? '—'}</td> : null}
              <td>{formatDate(m.deadline) ?? '—'}</td>
              <td data-testid="task-status">
                {m.status ? label(MEASURE_STATUSES, m.status) : t('нет данных', 'no data')}
              </td>
              <td data-testid="task-flags">
                {m.flags.map((f) => label(MEASURE_FLAGS, f)).join(', ') || '—'}
              </td>
              <td>{m.progress === null ? '—' : `${m.progress} %`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Where a measure comes from: its plan's page, its agreement or the event whose decision it is. */
function MeasureHome({ m }: { m: MeasureDto }) {
  if (m.plan) return <Link to={`/action-plans/${m.plan.id}/work`}>{m.plan.title}</Link>;
  if (m.agreement) return <Link to={`/agreements/${m.agreement.id}`}>{m.agreement.title}</Link>;
  if (m.decision)
    return <Link to={`/events/${m.decision.event.id}`}>{m.decision.event.title}</Link>;
  return <>—</>;
}

/** «показаны 100 из 340» under a list the server capped; nothing when the whole list is shown. */
export function ShownOf({ shown, total }: { shown: number; total: number }) {
  const { t } = useLang();
  if (total <= shown) return null;
  return (
    <p className="muted small" data-testid="shown-of">
      {t(
        `показаны ${formatNumber(shown)} из ${formatNumber(total)}`,
        `showing ${formatNumber(shown)} of ${formatNumber(total)}`,
      )}
    </p>
  );
}
