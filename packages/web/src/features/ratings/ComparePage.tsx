import { Link, useSearchParams } from 'react-router';
import { compareEditionsRoute, listEditionsRoute } from '@promatlas/core/api/contract/ratings.ts';
import { useRoute } from '../../shared/api/api.ts';
import { EntityLink, ErrorMessage, Loading, RefList } from '../../shared/components/common.tsx';
import { useTitle } from '../../shared/lib/useTitle.ts';
import { CompareForm } from './CompareForm.tsx';
import { formatScore, formatSigned } from './rating-format.ts';
import { allEditions, ratingPaths, type Comparison } from './ratings-api.ts';
import './ratings.css';

const TOP_DRIVERS = 3;

function Moves({ comparison }: { comparison: Comparison }) {
  const moved = comparison.moves.filter(
    (m) => m.placesGained !== 0 || (m.scoreChange !== null && Math.abs(m.scoreChange) > 1e-12),
  );
  const still = comparison.moves.length - moved.length;
  return (
    <>
      <div className="table-wrap">
        <table className="table" data-testid="movers">
          <thead>
            <tr>
              <th>Объект</th>
              <th className="num">Было</th>
              <th className="num">Стало</th>
              <th className="num">Сдвиг</th>
              {comparison.placesOnly ? null : <th className="num">Балл</th>}
              {comparison.placesOnly ? null : (
                <th>Почему: показатели с наибольшим изменением вклада</th>
              )}
            </tr>
          </thead>
          <tbody>
            {moved.map((m) => {
              const gained = m.placesGained;
              return (
                <tr
                  key={`${m.object.type}:${m.object.id}`}
                  data-testid="mover"
                  data-gained={gained ?? ''}
                >
                  <td>
                    <EntityLink entity={m.object} />
                    {m.peerGroupBefore !== m.peerGroupAfter ? (
                      <div className="muted small">сменилась группа сравнения</div>
                    ) : null}
                  </td>
                  <td className="num">{m.placeBefore ?? '—'}</td>
                  <td className="num">{m.placeAfter ?? '—'}</td>
                  <td
                    className={`num ${gained && gained > 0 ? 'up' : gained && gained < 0 ? 'down' : 'muted'}`}
                  >
                    {gained === null
                      ? '—'
                      : gained === 0
                        ? '='
                        : `${gained > 0 ? '▲' : '▼'} ${formatSigned(gained)}`}
                  </td>
                  {comparison.placesOnly ? null : (
                    <td className="num">
                      {formatScore(m.scoreBefore)} → {formatScore(m.scoreAfter)}
                      <div className="muted small">{formatSigned(m.scoreChange, formatScore)}</div>
                    </td>
                  )}
                  {comparison.placesOnly ? null : (
                    <td>
                      <ul className="plain-list drivers">
                        {m.drivers.slice(0, TOP_DRIVERS).map((d) => (
                          <li key={d.indicator} data-testid="driver">
                            {d.name}:{' '}
                            <span className={d.change > 0 ? 'up' : 'down'}>
                              {formatSigned(d.change, formatScore)}
                            </span>
                          </li>
                        ))}
                      </ul>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {moved.length === 0 ? <p className="muted">Никто не сдвинулся.</p> : null}
      {still > 0 ? <p className="muted small">Без изменений: {still}.</p> : null}
    </>
  );
}

/** /ratings/compare?before=&after= — who moved between two editions, by how many places, and why. */
export function ComparePage() {
  const [params] = useSearchParams();
  const before = Number(params.get('before'));
  const after = Number(params.get('after'));
  const chosen = before > 0 && after > 0;
  const list = useRoute(listEditionsRoute, {});
  const comparison = useRoute(compareEditionsRoute, chosen ? { query: { before, after } } : null);
  useTitle('Сравнение изданий рейтинга');
  const c = comparison.data;
  return (
    <div className="page compare-page">
      <p className="breadcrumbs">
        <Link to={ratingPaths.list}>Рейтинги</Link> · сравнение
      </p>
      <h1>Сравнение изданий</h1>
      {list.data ? (
        <CompareForm
          key={`${before}-${after}`}
          editions={allEditions(list.data)}
          initialBefore={before > 0 ? before : undefined}
          initialAfter={chosen ? after : undefined}
        />
      ) : null}
      {comparison.error ? <ErrorMessage error={comparison.error} /> : null}
      {chosen && comparison.loading && !c ? <Loading /> : null}
      {c ? (
        <section className="section" aria-label="Кто сдвинулся" data-testid="comparison">
          <p>
            <Link to={ratingPaths.edition(c.before.id)}>{c.before.label}</Link> →{' '}
            <Link to={ratingPaths.edition(c.after.id)}>{c.after.label}</Link>
          </p>
          {c.placesOnly ? (
            <p className="notice">
              Одно из изданий опубликовано издателем: известны только места, поэтому причины сдвигов
              назвать нельзя.
            </p>
          ) : (
            <p className="muted small">
              Причины — изменения вкладов показателей (действующий вес × нормированное значение) в
              балл объекта.
            </p>
          )}
          <h2>Кто сдвинулся</h2>
          <Moves comparison={c} />
          {c.entered.length ? (
            <>
              <h3>Появились в рейтинге</h3>
              <RefList items={c.entered} />
            </>
          ) : null}
          {c.left.length ? (
            <>
              <h3>Выбыли из рейтинга</h3>
              <RefList items={c.left} />
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
