import { Link } from 'react-router';
import { listEditionsRoute, listMethodologiesRoute } from '@promatlas/core/api/contract/ratings.ts';
import { useRoute } from '../../shared/api/api.ts';
import { useSession } from '../../shared/auth/session.ts';
import { EntityLink, ErrorMessage, Loading, SourceChip } from '../../shared/components/common.tsx';
import { useTitle } from '../../shared/lib/useTitle.ts';
import { CompareForm } from './CompareForm.tsx';
import { canAnalyse } from './rating-permissions.ts';
import { allEditions, ratingPaths, type EditionSummary } from './ratings-api.ts';
import './ratings.css';

/** A badge that says where the places came from: the publisher, or PromAtlas's computation (on illustrative data or not). */
export function EditionKindBadge({ edition }: { edition: EditionSummary }) {
  if (edition.kind === 'published')
    return (
      <span className="badge rating-badge published" data-testid="badge-published">
        опубликовано
      </span>
    );
  return (
    <>
      <span className="badge rating-badge computed">расчёт PromAtlas</span>
      {edition.illustrative ? (
        <span
          className="badge rating-badge illustrative"
          data-testid="badge-illustrative"
          title="Вымышленные значения показателей для демонстрации расчёта"
        >
          иллюстративные данные
        </span>
      ) : null}
      {edition.status === 'draft' ? (
        <span className="badge rating-badge draft">черновик</span>
      ) : null}
    </>
  );
}

function EditionCard({ edition }: { edition: EditionSummary }) {
  return (
    <li
      className={`edition-card ${edition.kind}`}
      data-testid="edition-card"
      data-kind={edition.kind}
      data-year={edition.year}
    >
      <div className="edition-card-head">
        <span className="edition-year">{edition.year}</span>
        <EditionKindBadge edition={edition} />
      </div>
      <Link to={ratingPaths.edition(edition.id)} className="edition-title">
        {edition.label}
      </Link>
      {edition.leaders.length ? (
        <ul className="edition-leaders">
          {edition.leaders.map((leader, index) => (
            <li key={index} data-testid="edition-leader">
              <span className="place-1">{leader.place} место</span> —{' '}
              <EntityLink entity={leader.object} />
              {leader.peerGroupName ? (
                <span className="muted"> ({leader.peerGroupName})</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="edition-meta muted small">
        {edition.kind === 'computed'
          ? `Объектов: ${edition.objectCount}${edition.methodology ? ' · ' : ''}`
          : null}
        {edition.methodology ? (
          <Link to={ratingPaths.methodology(edition.methodology.id)}>
            методика {edition.methodology.code} {edition.methodology.version}
          </Link>
        ) : null}
        <SourceChip source={edition.source} />
      </div>
    </li>
  );
}

function EditionColumns({ editions }: { editions: EditionSummary[] }) {
  const sorted = [...editions].sort((a, b) => b.year - a.year || a.id - b.id);
  const published = sorted.filter((e) => e.kind === 'published');
  const computed = sorted.filter((e) => e.kind === 'computed');
  return (
    <div className="edition-columns">
      <div>
        <h3>Опубликовано издателем</h3>
        {published.length ? (
          <ul className="edition-cards">
            {published.map((e) => (
              <EditionCard key={e.id} edition={e} />
            ))}
          </ul>
        ) : (
          <p className="muted">Опубликованных результатов нет.</p>
        )}
      </div>
      <div>
        <h3>Рассчитано PromAtlas по открытой методике</h3>
        {computed.length ? (
          <ul className="edition-cards">
            {computed.map((e) => (
              <EditionCard key={e.id} edition={e} />
            ))}
          </ul>
        ) : (
          <p className="muted">Рассчитанных изданий нет.</p>
        )}
      </div>
    </div>
  );
}

/** /ratings: every rating with its published and computed editions side by side, the methodologies, comparison and import. */
export function RatingsPage() {
  useTitle('Рейтинги');
  const list = useRoute(listEditionsRoute, {});
  const methodologies = useRoute(listMethodologiesRoute, {});
  const { user } = useSession();
  return (
    <div className="page ratings-page">
      <h1>Рейтинги</h1>
      <p className="lead">
        Места, опубликованные издателями рейтингов, и издания, рассчитанные PromAtlas по открытой
        методике: у каждого рассчитанного места можно узнать, из чего сложился балл и что его
        изменит.
      </p>
      {list.error ? <ErrorMessage error={list.error} /> : null}
      {list.loading && !list.data ? <Loading /> : null}
      {list.data?.ratings.map((rating) => (
        <section
          key={rating.id}
          id={`rating-${rating.id}`}
          className="section rating"
          data-testid="rating"
          aria-label={rating.name}
        >
          <h2>{rating.name}</h2>
          <p className="muted">
            {rating.publisher ? (
              <>
                Издатель: <EntityLink entity={rating.publisher} />.{' '}
              </>
            ) : null}
            {rating.methodologyCode
              ? 'Издатель не раскрывает веса показателей; PromAtlas рассчитывает рейтинг по своей открытой методике.'
              : null}
          </p>
          <EditionColumns editions={rating.editions} />
        </section>
      ))}
      {list.data?.otherEditions.length ? (
        <section className="section" aria-label="Другие расчёты">
          <h2>Другие расчёты PromAtlas</h2>
          <EditionColumns editions={list.data.otherEditions} />
        </section>
      ) : null}
      {list.data && allEditions(list.data).length >= 2 ? (
        <section className="section" aria-label="Сравнение изданий">
          <h2>Сравнить два издания</h2>
          <CompareForm editions={allEditions(list.data)} />
        </section>
      ) : null}
      <section className="section" aria-label="Методики">
        <h2>Методики</h2>
        <p className="muted small">
          Методики PromAtlas — не методики ассоциации: АКИТ РФ публикует победителей, но не веса.
          Любую версию можно прочитать, распечатать и взять за основу своей.
        </p>
        {methodologies.error ? <ErrorMessage error={methodologies.error} /> : null}
        {methodologies.data ? (
          <table className="table" data-testid="methodology-list">
            <thead>
              <tr>
                <th>Методика</th>
                <th>Версия</th>
                <th>Объекты</th>
                <th>Автор</th>
              </tr>
            </thead>
            <tbody>
              {methodologies.data.items.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={ratingPaths.methodology(m.id)}>{m.title}</Link>
                  </td>
                  <td>{m.version}</td>
                  <td>{m.objectTypeLabel}</td>
                  <td>{m.author}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      {canAnalyse(user) ? (
        <p>
          <Link to={ratingPaths.import} className="rt-button">
            Загрузить значения показателей (CSV, XLSX)
          </Link>
        </p>
      ) : null}
    </div>
  );
}
