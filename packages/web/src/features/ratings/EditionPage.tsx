import { useCallback, useState } from 'react';
import { DownloadLinks } from '../../shared/components/DownloadLinks.tsx';
import { Link, useParams } from 'react-router';
import { exportEditionRoute, getEditionRoute } from '@promatlas/core/api/contract/ratings.ts';
import { apiPath, useRoute } from '../../shared/api/api.ts';
import { EntityLink, ErrorMessage, Loading, SourceChip } from '../../shared/components/common.tsx';
import { useTitle } from '../../shared/lib/useTitle.ts';
import { ExplanationDrawer } from './ExplanationDrawer.tsx';
import { formatScore } from './rating-format.ts';
import { EditionKindBadge } from './RatingsPage.tsx';
import { ratingPaths, type Edition, type EditionTable } from './ratings-api.ts';
import { ScoreChart } from './ScoreChart.tsx';
import { SensitivityPanel } from './SensitivityPanel.tsx';
import './ratings.css';

/** Places shared by two or more rows, so that ties read «2=» as the tie rule gave them. */
export function sharedPlaces(rows: Array<{ place: number | null }>): Set<number> {
  const seen = new Set<number>();
  const shared = new Set<number>();
  for (const r of rows) {
    if (r.place === null) continue;
    if (seen.has(r.place)) shared.add(r.place);
    seen.add(r.place);
  }
  return shared;
}

function PeerGroupTable({
  edition,
  table,
  onExplain,
  selected,
}: {
  edition: Edition;
  table: EditionTable;
  onExplain: (objectId: string) => void;
  selected: string | null;
}) {
  const computed = edition.kind === 'computed';
  const ties = sharedPlaces(table.rows);
  return (
    <section className="section peer-group" aria-label={table.name} data-testid="peer-group">
      <h2>
        {table.name} <span className="count">{table.rows.length}</span>
      </h2>
      <div className="table-wrap">
        <table className="table ranking" data-testid="ranking-table">
          <thead>
            <tr>
              <th className="num">Место</th>
              <th>Объект</th>
              {computed ? <th className="num">Балл</th> : null}
              {computed
                ? edition.groups.map((g) => (
                    <th key={g.code} className="num" title={`Балл группы «${g.name}» (0–1)`}>
                      {g.name}
                    </th>
                  ))
                : null}
              {computed ? <th className="no-print" /> : null}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr
                key={`${row.object.type}:${row.object.id}`}
                data-testid="ranking-row"
                data-object-id={row.object.id}
                className={selected === row.object.id ? 'selected' : undefined}
              >
                <td className="num place" data-testid="row-place">
                  {row.place === null ? (
                    <span className="muted">—</span>
                  ) : (
                    `${row.place}${ties.has(row.place) ? '=' : ''}`
                  )}
                </td>
                <td>
                  <EntityLink entity={row.object} />
                  {row.disqualified ? <span className="badge">снят: нет данных</span> : null}
                  {row.missingIndicators.length ? (
                    <span className="badge" title={row.missingIndicators.join(', ')}>
                      пропусков: {row.missingIndicators.length}
                    </span>
                  ) : null}
                </td>
                {computed ? (
                  <td className="num" data-testid="row-score">
                    <strong>{formatScore(row.score)}</strong>
                  </td>
                ) : null}
                {computed
                  ? edition.groups.map((g, k) => (
                      <td key={g.code} className="num">
                        {formatScore(row.groupScores[k]?.score)}
                      </td>
                    ))
                  : null}
                {computed ? (
                  <td className="no-print">
                    <button
                      type="button"
                      className="link-button"
                      data-testid="explain"
                      onClick={() => onExplain(row.object.id)}
                    >
                      Почему?
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {computed && table.rows.some((r) => r.score !== null) ? (
        <ScoreChart rows={table.rows} groups={edition.groups} />
      ) : null}
    </section>
  );
}

/** /ratings/editions/:id — the ranking per peer group, its chart, explanations, sensitivity and export. */
export function EditionPage() {
  const id = Number(useParams().id);
  const edition = useRoute(
    getEditionRoute,
    Number.isInteger(id) && id > 0 ? { params: { id } } : null,
  );
  const [explained, setExplained] = useState<string | null>(null);
  const close = useCallback(() => setExplained(null), []);
  const e = edition.data;
  useTitle(e ? e.label : 'Издание рейтинга');
  if (edition.error)
    return (
      <div className="page">
        <ErrorMessage error={edition.error} />
      </div>
    );
  if (!e)
    return (
      <div className="page">
        <Loading />
      </div>
    );
  const computed = e.kind === 'computed';
  return (
    <div className={`page edition-page${explained ? ' with-drawer' : ''}`}>
      <p className="breadcrumbs no-print">
        <Link to={ratingPaths.list}>Рейтинги</Link>
        {e.rating ? <> · {e.rating.title}</> : null}
      </p>
      <h1 data-testid="edition-title">{e.label}</h1>
      <p className="no-print">
        <Link to={`/reports/rating-edition/${e.id}`} data-testid="report-link">
          Отчёт для печати (A4, XLSX, PDF)
        </Link>
      </p>
      <p>
        <EditionKindBadge edition={e} /> <span className="muted">{e.kindLabel}</span>
      </p>
      {e.illustrative ? (
        <p className="notice">
          Расчёт на иллюстративных данных: значения показателей вымышлены для демонстрации и не
          описывают реальные ОЭЗ.
        </p>
      ) : null}
      <dl className="fields">
        <div className="field">
          <dt>Год</dt>
          <dd>{e.year}</dd>
        </div>
        {e.methodology ? (
          <div className="field">
            <dt>Методика</dt>
            <dd>
              <Link to={ratingPaths.methodology(e.methodology.id)}>
                {e.methodology.title}, версия {e.methodology.version}
              </Link>
              {e.methodology.isDefault ? (
                <span className="muted"> (методика PromAtlas, не ассоциации)</span>
              ) : null}
            </dd>
          </div>
        ) : null}
        {e.dataset ? (
          <div className="field">
            <dt>Набор значений</dt>
            <dd>{e.dataset}</dd>
          </div>
        ) : null}
        <div className="field">
          <dt>Равные баллы</dt>
          <dd>{e.tieRule}</dd>
        </div>
        {e.source ? (
          <div className="field">
            <dt>Источник</dt>
            <dd>
              <SourceChip source={e.source} />
            </dd>
          </div>
        ) : null}
      </dl>
      <div className="edition-actions no-print">
        <a
          className="rt-button"
          href={apiPath(exportEditionRoute, { params: { id: e.id }, query: { format: 'csv' } })}
          download
          data-testid="export-csv"
        >
          Скачать CSV
        </a>
        <a
          className="rt-button"
          href={apiPath(exportEditionRoute, { params: { id: e.id }, query: { format: 'xlsx' } })}
          download
          data-testid="export-xlsx"
        >
          Скачать XLSX
        </a>
        {/* The indicator values the edition is computed from: its dataset and year. */}
        <DownloadLinks
          path="/api/ratings/indicator-values/export"
          filters={{ dataset: e.dataset ?? 'main', year: e.year }}
          label="Значения показателей"
          testId="indicator-values-export"
        />
        {computed ? (
          <Link className="rt-button" to={ratingPaths.weights(e.id)} data-testid="open-weights">
            Изменить веса и пересчитать
          </Link>
        ) : null}
        <Link className="rt-button" to={ratingPaths.compare(e.id)}>
          Сравнить с другим изданием
        </Link>
      </div>
      {e.peerGroups.map((table) => (
        <PeerGroupTable
          key={table.peerGroup ?? ''}
          edition={e}
          table={table}
          onExplain={setExplained}
          selected={explained}
        />
      ))}
      {computed ? <SensitivityPanel editionId={e.id} /> : null}
      {explained ? (
        <ExplanationDrawer key={explained} editionId={e.id} objectId={explained} onClose={close} />
      ) : null}
    </div>
  );
}
