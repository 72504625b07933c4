import type { Rating } from '@promatlas/core/api/registry.schema.ts';
import { useApi } from '../../api/client.ts';
import { EntityLink, ErrorMessage, Loading, SourceChip } from '../../components/common.tsx';
import { useTitle } from '../../lib/useTitle.ts';
import { RATING_OBJECT_TYPES } from '@promatlas/core/domain/vocabulary.ts';
import { label } from '../../lib/labels.ts';

/** Published rating results with their sources (computed editions come with the ratings module). */
export function RatingsPage() {
  useTitle('Рейтинги');
  const ratings = useApi<{ items: Rating[] }>('/api/ratings');
  return (
    <div className="page">
      <h1>Рейтинги</h1>
      <p className="lead">Опубликованные результаты рейтингов: место объекта, издание и источник сведений.</p>
      {ratings.error ? <ErrorMessage error={ratings.error} /> : null}
      {ratings.loading && !ratings.data ? <Loading /> : null}
      {ratings.data?.items.length === 0 ? <p className="muted">Рейтингов пока нет.</p> : null}
      {ratings.data?.items.map((rating) => (
        <section key={rating.id} id={`rating-${rating.id}`} className="section rating" data-testid="rating">
          <h2>{rating.name}</h2>
          <p className="muted">
            {rating.publisher ? (
              <>
                Составитель: <EntityLink entity={rating.publisher} /> ·{' '}
              </>
            ) : null}
            Объекты: {label(RATING_OBJECT_TYPES, rating.objectType).toLowerCase()} <SourceChip source={rating.source} />
          </p>
          {rating.results.length ? (
            <table className="table">
              <thead>
                <tr>
                  <th>Издание</th>
                  <th>Год</th>
                  <th>Группа</th>
                  <th className="num">Место</th>
                  <th>Объект</th>
                  <th>Источник</th>
                </tr>
              </thead>
              <tbody>
                {[...rating.results]
                  .sort((a, b) => b.year - a.year || a.place - b.place)
                  .map((result, index) => (
                    <tr key={index}>
                      <td>{result.editionLabel}</td>
                      <td>{result.year}</td>
                      <td>{result.peerGroup ?? <span className="muted">—</span>}</td>
                      <td className="num">{result.place}</td>
                      <td>
                        <EntityLink entity={result.object} />
                      </td>
                      <td>
                        <SourceChip source={result.source} />
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">Результатов нет.</p>
          )}
        </section>
      ))}
    </div>
  );
}
