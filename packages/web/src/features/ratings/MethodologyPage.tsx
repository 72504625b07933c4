import { Link, useParams } from 'react-router';
import { getMethodologyRoute } from '@promatlas/core/api/contract/ratings.ts';
import { useRoute } from '../../shared/api/api.ts';
import { ErrorMessage, Loading } from '../../shared/components/common.tsx';
import { useTitle } from '../../shared/lib/useTitle.ts';
import { formatShare, formatValue, formatWeight } from './rating-format.ts';
import { ratingPaths, type MethodologyResponse } from './ratings-api.ts';
import './ratings.css';

function downloadJson(m: MethodologyResponse): void {
  const blob = new Blob([JSON.stringify(m.methodology, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${m.code}-${m.version}.json`;
  a.click();
  URL.revokeObjectURL(url);
}

/** /ratings/methodologies/:id — a methodology version as a readable, printable document. */
export function MethodologyPage() {
  const id = Number(useParams().id);
  const response = useRoute(
    getMethodologyRoute,
    Number.isInteger(id) && id > 0 ? { params: { id } } : null,
  );
  const m = response.data;
  const r = m?.rendered;
  useTitle(r ? r.title : 'Методика рейтинга');
  if (response.error)
    return (
      <div className="page">
        <ErrorMessage error={response.error} />
      </div>
    );
  if (!m || !r)
    return (
      <div className="page">
        <Loading />
      </div>
    );
  return (
    <article className="page methodology-page" data-testid="methodology">
      <p className="breadcrumbs no-print">
        <Link to={ratingPaths.list}>Рейтинги</Link> · методика
      </p>
      <h1 data-testid="methodology-title">{r.title}</h1>
      <p className="muted">{r.subtitle}</p>
      <p className="notice methodology-notice" data-testid="methodology-notice">
        {r.notice ??
          (m.isDefault
            ? 'Методика PromAtlas, а не ассоциации.'
            : 'Версия методики, сохранённая в PromAtlas: это не методика ассоциации (издателя рейтинга), её веса выбраны пользователем PromAtlas.')}
      </p>
      <p>{r.description}</p>
      <div className="no-print edition-actions">
        <button type="button" className="rt-button" onClick={() => window.print()}>
          Печать
        </button>
        <button type="button" className="rt-button" onClick={() => downloadJson(m)}>
          Скачать JSON
        </button>
      </div>

      <h2>Общие правила</h2>
      <dl className="fields">
        <div className="field">
          <dt>Объекты</dt>
          <dd>{r.objectTypeLabel}</dd>
        </div>
        <div className="field">
          <dt>Нормализация</dt>
          <dd>{r.normalisationLabel}</dd>
        </div>
        <div className="field">
          <dt>Пропуски</dt>
          <dd>{r.missingValueRuleLabel}</dd>
        </div>
        <div className="field">
          <dt>Равные баллы</dt>
          <dd>{r.tieRuleLabel}</dd>
        </div>
        <div className="field">
          <dt>Группы сравнения</dt>
          <dd data-testid="methodology-peer-groups">
            {r.peerGroups.basis}
            {r.peerGroups.groups.length
              ? `: ${r.peerGroups.groups.map((g) => g.name).join('; ')}`
              : null}
          </dd>
        </div>
      </dl>

      <h2>Группы и веса</h2>
      <table className="table compact" data-testid="methodology-groups">
        <thead>
          <tr>
            <th>Группа</th>
            <th className="num">Вес</th>
            <th className="num">Доля в балле</th>
            <th className="num">Показателей</th>
          </tr>
        </thead>
        <tbody>
          {r.groups.map((g) => (
            <tr key={g.code} data-testid="methodology-group">
              <td>{g.name}</td>
              <td className="num">{formatWeight(g.weight)}</td>
              <td className="num">{formatShare(g.share)}</td>
              <td className="num">{g.indicators.length}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {r.groups.map((g) => (
        <section key={g.code} className="section methodology-group" aria-label={g.name}>
          <h2>
            {g.name} <span className="count">{formatShare(g.share)}</span>
          </h2>
          {g.description ? <p>{g.description}</p> : null}
          <ol className="indicator-list">
            {g.indicators.map((i) => (
              <li key={i.code} data-testid="methodology-indicator" data-code={i.code}>
                <h3>{i.name}</h3>
                <dl className="fields compact">
                  <div className="field">
                    <dt>Единица</dt>
                    <dd>{i.unit}</dd>
                  </div>
                  <div className="field">
                    <dt>Направление</dt>
                    <dd>{i.directionLabel}</dd>
                  </div>
                  <div className="field">
                    <dt>Вес</dt>
                    <dd>
                      {formatWeight(i.weight)} ({formatShare(i.shareOfGroup)} группы,{' '}
                      {formatShare(i.shareOfTotal)} итогового балла)
                    </dd>
                  </div>
                  <div className="field">
                    <dt>Нормализация</dt>
                    <dd>
                      {i.normalisationLabel}
                      {i.target !== null ? `, цель ${formatValue(i.target)} ${i.unit}` : null}
                    </dd>
                  </div>
                  <div className="field">
                    <dt>Источник</dt>
                    <dd>{i.source}</dd>
                  </div>
                  <div className="field">
                    <dt>Обоснование</dt>
                    <dd>{i.rationale}</dd>
                  </div>
                  <div className="field">
                    <dt>Код</dt>
                    <dd>
                      <code>{i.code}</code>
                    </dd>
                  </div>
                </dl>
              </li>
            ))}
          </ol>
        </section>
      ))}
      <p className="muted small">
        Версия {m.version} сохранена {new Date(m.createdAt).toLocaleDateString('ru-RU')};
        сохранённая версия не меняется.
      </p>
    </article>
  );
}
