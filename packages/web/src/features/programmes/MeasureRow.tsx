import { memo } from 'react';
import type { MeasureDto } from '@promatlas/core/api/programmes.schema.ts';
import { STATUS_TRANSITIONS } from '@promatlas/core/programmes/status.ts';
import { MEASURE_FLAGS } from '@promatlas/core/domain/vocabulary.ts';
import { formatDate } from '../../shared/lib/format.ts';
import { reasonIn, statusLabel } from './plan-filter.ts';
import type { Lang, T } from './work-i18n.ts';

export type RowAction = 'edit' | 'report' | 'done';

type RowProps = {
  m: MeasureDto;
  editable: boolean;
  onAction: (action: RowAction, m: MeasureDto) => void;
  t: T;
  lang: Lang;
};

/**
 * One measure of the plan. Every row stays mounted and a filter only hides
 * it, with props that do not change otherwise (memo): re-filtering a plan of
 * thousands of measures then touches the rows whose visibility changed, and
 * of those only the row itself — its cells are a memo of their own, which a
 * change of `hidden` does not reach.
 */
export const MeasureRow = memo(function MeasureRow({
  m,
  hidden,
  ...cells
}: RowProps & { hidden: boolean }) {
  return (
    <tr
      data-measure={m.id}
      className={m.flags.join(' ')}
      data-status={m.status ?? 'none'}
      hidden={hidden}
    >
      <MeasureCells m={m} {...cells} />
    </tr>
  );
});

const MeasureCells = memo(function MeasureCells({ m, editable, onAction, t, lang }: RowProps) {
  const canBeDone = m.status === null || STATUS_TRANSITIONS[m.status].includes('done');
  return (
    <>
      <td>{m.title}</td>
      <td data-testid="measure-owner">{m.owner?.title ?? '—'}</td>
      <td data-testid="measure-deadline">{formatDate(m.deadline) ?? '—'}</td>
      <td data-testid="measure-status">{statusLabel(m, lang)}</td>
      <td data-testid="measure-flags">
        {m.flags.length ? (
          <>
            {m.flags.map((f) => (
              <strong key={f} className={`flag flag-${f}`}>
                {MEASURE_FLAGS.label(f, lang)}{' '}
              </strong>
            ))}
            <div className="muted small" data-testid="measure-flag-reasons">
              {m.flagReasons.map((r) => reasonIn(r, lang)).join('; ')}
            </div>
          </>
        ) : (
          '—'
        )}
      </td>
      <td data-testid="measure-progress">
        {m.progress === null ? '—' : `${m.progress} %`}
        {m.lastReportOn ? <div className="muted small">{m.lastReportOn}</div> : null}
      </td>
      {editable ? (
        <td className="actions">
          <button
            type="button"
            className="button small"
            onClick={() => onAction('edit', m)}
            data-testid="edit-measure"
          >
            {t('edit')}
          </button>{' '}
          <button
            type="button"
            className="button small"
            onClick={() => onAction('report', m)}
            data-testid="report-measure"
          >
            {t('report')}
          </button>{' '}
          {m.status !== 'done' && canBeDone ? (
            <button
              type="button"
              className="button small"
              onClick={() => onAction('done', m)}
              data-testid="done-measure"
            >
              {t('markDone')}
            </button>
          ) : null}
        </td>
      ) : null}
    </>
  );
});
