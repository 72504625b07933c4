import { useEffect, useRef } from 'react';
import { explainObjectRoute } from '@promatlas/core/api/contract/ratings.ts';
import { useRoute } from '../../shared/api/api.ts';
import { EntityLink, ErrorMessage, Loading } from '../../shared/components/common.tsx';
import { formatScore, formatShare, formatSigned, formatValue } from './rating-format.ts';

/**
 * Why an object stands where it does: its score split by indicator group and
 * by indicator (the contributions add up to the score), the gap to its
 * neighbours, and what change of each indicator would lift it one place.
 */
export function ExplanationDrawer({
  editionId,
  objectId,
  onClose,
}: {
  editionId: number;
  objectId: string;
  onClose: () => void;
}) {
  const explanation = useRoute(explainObjectRoute, { params: { id: editionId, objectId } });
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  const e = explanation.data;
  const groupName = new Map(e?.groups.map((g) => [g.code, g.name]));
  const sumOfContributions = e ? e.indicators.reduce((s, i) => s + (i.contribution ?? 0), 0) : 0;
  return (
    <aside
      className="drawer"
      role="dialog"
      aria-modal="false"
      aria-label="Разложение балла"
      data-testid="explanation-drawer"
    >
      <div className="drawer-head">
        <h2>{e ? e.object.title : 'Разложение балла'}</h2>
        <button
          type="button"
          className="rt-button"
          onClick={onClose}
          ref={closeButton}
          aria-label="Закрыть"
        >
          ✕
        </button>
      </div>
      {explanation.error ? <ErrorMessage error={explanation.error} /> : null}
      {explanation.loading && !e ? <Loading /> : null}
      {e ? (
        <>
          <p>
            <EntityLink entity={e.object}>Профиль объекта</EntityLink>
            {' · '}
            {e.disqualified ? (
              <strong>снят с рейтинга правилом пропусков</strong>
            ) : (
              <>
                место <strong data-testid="explanation-place">{e.place ?? '—'}</strong>, балл{' '}
                <strong data-testid="explanation-score" data-value={e.score ?? ''}>
                  {formatScore(e.score)}
                </strong>
              </>
            )}
          </p>

          <h3>Соседи по таблице</h3>
          <ul className="plain-list neighbours">
            <li data-testid="neighbour-above">
              {e.above ? (
                <>
                  Выше: {e.above.place} место — <EntityLink entity={e.above.object} />, отставание{' '}
                  <strong>{formatScore(e.above.gap)}</strong>
                </>
              ) : (
                <span className="muted">Выше никого: первое место в группе сравнения.</span>
              )}
            </li>
            <li data-testid="neighbour-below">
              {e.below ? (
                <>
                  Ниже: {e.below.place} место — <EntityLink entity={e.below.object} />, отрыв{' '}
                  <strong>{formatScore(e.below.gap)}</strong>
                </>
              ) : (
                <span className="muted">Ниже никого.</span>
              )}
            </li>
          </ul>

          <h3>Группы показателей</h3>
          <table className="table compact" data-testid="explanation-groups">
            <thead>
              <tr>
                <th>Группа</th>
                <th className="num">Вес</th>
                <th className="num">Балл группы</th>
                <th className="num">Вклад</th>
                <th className="num">Доля</th>
              </tr>
            </thead>
            <tbody>
              {e.groups.map((g) => (
                <tr key={g.code}>
                  <td>{g.name}</td>
                  <td className="num">{formatShare(g.weight)}</td>
                  <td className="num">{formatScore(g.score)}</td>
                  <td className="num" data-testid="group-contribution">
                    {formatScore(g.contribution)}
                  </td>
                  <td className="num">{formatShare(g.share)}</td>
                </tr>
              ))}
            </tbody>
          </table>

          <h3>Показатели</h3>
          <p className="muted small">
            Вклад = действующий вес × нормированное значение; вклады складываются в балл.
          </p>
          <div className="table-wrap">
            <table className="table compact" data-testid="explanation-indicators">
              <thead>
                <tr>
                  <th>Показатель</th>
                  <th className="num">Значение</th>
                  <th className="num">Норм.</th>
                  <th className="num">Вес</th>
                  <th className="num">Вклад</th>
                </tr>
              </thead>
              <tbody>
                {e.indicators.map((i) => (
                  <tr key={i.code} data-testid="indicator-row">
                    <td>
                      {i.name}
                      <div className="muted small">{groupName.get(i.group) ?? i.group}</div>
                    </td>
                    <td className="num">
                      {i.raw === null ? (
                        <span className="muted">нет данных</span>
                      ) : (
                        `${formatValue(i.raw)} ${i.unit}`
                      )}
                      {i.imputed ? <div className="muted small">подставлено</div> : null}
                    </td>
                    <td className="num">{formatScore(i.normalised)}</td>
                    <td className="num">{formatShare(i.weight)}</td>
                    <td className="num" data-testid="indicator-contribution">
                      {i.contribution === null ? '—' : formatScore(i.contribution)}
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th colSpan={4}>Сумма вкладов</th>
                  <th className="num" data-testid="contribution-sum">
                    {formatScore(sumOfContributions)}
                  </th>
                </tr>
              </tfoot>
            </table>
          </div>

          <h3>Что поднимет на одно место</h3>
          {e.above === null ? (
            <p className="muted">Объект уже первый в своей группе сравнения.</p>
          ) : (
            <>
              <p className="muted small">
                Изменение одного показателя при прочих равных, чтобы обойти объект местом выше.
              </p>
              <ul className="plain-list lifts" data-testid="lifts">
                {e.liftOnePlace.map((l) => (
                  <li key={l.indicator} className={l.outcome === 'lifts' ? 'lift' : 'lift muted'}>
                    <strong>{l.name}</strong>:{' '}
                    {l.outcome === 'lifts' ? (
                      <>
                        с {formatValue(l.currentValue)} до {formatValue(l.requiredValue)} {l.unit} (
                        {formatSigned(l.change, formatValue)})
                      </>
                    ) : (
                      l.outcomeLabel
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : null}
    </aside>
  );
}
