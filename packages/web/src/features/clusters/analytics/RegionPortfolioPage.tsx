import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useApi } from '../../../shared/api/client.ts';
import { ErrorMessage, Loading } from '../../../shared/components/common.tsx';
import { useTitle } from '../../../shared/lib/useTitle.ts';
import {
  clusterApi,
  type CandidatesQuery,
  type ClusterCandidates,
  type ClusterPortfolio,
  type PortfolioQuery,
} from './cluster-api.ts';
import {
  formatGrowth,
  formatLq,
  formatNumber,
  formatShare,
  INDUSTRY_TYPE_LABELS,
  starsText,
} from './format.ts';
import {
  AnalysisNotes,
  DatasetControls,
  DatasetLine,
  ExportLinks,
  IllustrativeBanner,
  LqBasisNote,
  useClusterSelection,
} from './selection.tsx';
import { SortHeader, useSorted, type SortColumn } from './sorting.tsx';

// ECharts comes with the chart only, in its own chunk.
const PortfolioBubbleChart = lazy(() => import('./PortfolioBubbleChart.tsx'));

type PortfolioItem = ClusterPortfolio['items'][number];

const COLUMNS: SortColumn<PortfolioItem>[] = [
  { key: 'industry', value: (i) => i.industry.name },
  { key: 'type', value: (i) => i.industry.type ?? '' },
  { key: 'value', value: (i) => i.value },
  { key: 'share', value: (i) => i.share },
  { key: 'lq', value: (i) => i.locationQuotient },
  { key: 'growth', value: (i) => i.growth },
  { key: 'strong', value: (i) => (i.strong ? 1 : 0) + i.locationQuotient / 1e6 },
  { key: 'stars', value: (i) => i.stars + i.locationQuotient / 1e6 },
];

const DEFAULT_RELATEDNESS = 0.3;

/** /analytics/clusters/regions/:code — a region's cluster portfolio (CMP bubble chart), strong clusters and candidates. */
export function RegionPortfolioPage() {
  const { code = '' } = useParams();
  const selection = useClusterSelection();
  const { dataset, year, level, params, update } = selection;
  const earlier = (dataset?.years ?? []).filter((y) => year !== undefined && y < year);
  const baseParam = params.get('baseYear');
  const baseYear =
    baseParam === 'none'
      ? undefined
      : earlier.includes(Number(baseParam))
        ? Number(baseParam)
        : earlier[0];
  const logScale = params.get('scale') === 'log';
  const query: PortfolioQuery | null =
    dataset && year ? { dataset: dataset.id, year, region: code, baseYear, level } : null;
  const portfolio = useApi<ClusterPortfolio>(query ? clusterApi.portfolio(query) : null);
  const data =
    portfolio.data &&
    query &&
    portfolio.data.dataset.id === query.dataset &&
    portfolio.data.year === query.year
      ? portfolio.data
      : undefined;
  useTitle(data ? `Портфель кластеров: ${data.region.name}` : 'Портфель кластеров');
  const mapSearch = new URLSearchParams(params);
  for (const key of ['baseYear', 'scale', 'minRelatedness']) mapSearch.delete(key);

  return (
    <div className="page cluster-page">
      <p className="small">
        <Link to={`/analytics/clusters?${mapSearch.toString()}`}>← Кластерный анализ: карта</Link>
      </p>
      <h1 data-testid="portfolio-title">Портфель кластеров{data ? `: ${data.region.name}` : ''}</h1>
      {data && dataset?.regionLevel === 'federal_subject' ? (
        <p className="small">
          <Link to={`/regions/${data.region.code}`}>Профиль региона в реестре →</Link>
        </p>
      ) : null}
      <IllustrativeBanner dataset={dataset} />
      <LqBasisNote dataset={dataset} />
      {selection.error ? <ErrorMessage error={selection.error} /> : null}
      <div className="filters cluster-controls">
        <DatasetControls selection={selection} />
        <label className="filter">
          Рост к году
          <select
            data-testid="base-year-select"
            value={baseYear ?? 'none'}
            onChange={(event) => update({ baseYear: event.target.value })}
          >
            {earlier.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
            <option value="none">без роста</option>
          </select>
        </label>
        <label className="filter">
          Шкала КЛ
          <select
            data-testid="scale-select"
            value={logScale ? 'log' : 'linear'}
            onChange={(event) => update({ scale: event.target.value === 'log' ? 'log' : null })}
          >
            <option value="linear">линейная</option>
            <option value="log">логарифмическая</option>
          </select>
        </label>
      </div>
      {dataset ? <DatasetLine dataset={dataset} /> : null}
      {portfolio.error ? <ErrorMessage error={portfolio.error} /> : null}
      {!data && (portfolio.loading || selection.loading) ? <Loading /> : null}
      {data && query ? <PortfolioResult data={data} query={query} logScale={logScale} /> : null}
      {dataset && year ? (
        <CandidateClusters
          dataset={dataset.id}
          year={year}
          region={code}
          level={level}
          minRelatedness={Number(params.get('minRelatedness')) || DEFAULT_RELATEDNESS}
          onMinRelatedness={(value) =>
            update({ minRelatedness: value === DEFAULT_RELATEDNESS ? null : value })
          }
        />
      ) : null}
    </div>
  );
}

function PortfolioResult({
  data,
  query,
  logScale,
}: {
  data: ClusterPortfolio;
  query: PortfolioQuery;
  logScale: boolean;
}) {
  const { sorted, sort, toggle } = useSorted(data.items, COLUMNS, { key: 'lq', descending: true });
  const unit = data.dataset.unit;
  const s = data.clusterStrength;
  return (
    <>
      <section className="section" aria-label="Сила кластеров">
        <div className="strength" data-testid="cluster-strength">
          <span className="strength-value">{formatShare(s.strength)}</span>
          <span>
            <strong>Сила кластеров региона</strong> — доля торгуемых отраслей, приходящаяся на
            сильные кластеры: {formatNumber(s.strongValue)} из {formatNumber(s.tradedValue)} {unit}{' '}
            ({data.year}). Итог региона: {formatNumber(data.regionTotal)} {unit}.
          </span>
        </div>
      </section>

      <section className="section" aria-label="Диаграмма портфеля">
        <h2>Диаграмма портфеля</h2>
        <Suspense
          fallback={
            <div className="portfolio-chart-canvas map-placeholder">Диаграмма загружается…</div>
          }
        >
          <PortfolioBubbleChart
            items={data.items}
            logScale={logScale}
            baseYear={data.baseYear}
            unit={unit}
          />
        </Suspense>
      </section>

      <section className="section" aria-label="Сильные кластеры">
        <h2>
          Сильные кластеры <span className="count">{data.strongClusters.length}</span>
        </h2>
        {data.strongClusters.length === 0 ? (
          <p className="muted">Сильных кластеров нет.</p>
        ) : (
          <table className="table compact" data-testid="strong-clusters">
            <thead>
              <tr>
                <th>Отрасль</th>
                <th className="num">Значение, {unit}</th>
                <th className="num">КЛ</th>
                <th>Звёзды</th>
                <th className="num">Место по КЛ</th>
              </tr>
            </thead>
            <tbody>
              {data.strongClusters.map((c) => (
                <tr
                  key={c.industry.code}
                  data-testid="strong-cluster-row"
                  data-industry={c.industry.code}
                >
                  <td>
                    {c.industry.name} <span className="muted small">{c.industry.code}</span>
                  </td>
                  <td className="num">{formatNumber(c.value)}</td>
                  <td className="num" data-testid="lq">
                    {formatLq(c.locationQuotient)}
                  </td>
                  <td className="stars">{starsText(c.stars)}</td>
                  <td className="num">{formatNumber(c.rankByLocationQuotient)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <AnalysisNotes notes={data.notes} />
      </section>

      <section className="section" aria-label="Все отрасли региона">
        <h2>
          Все отрасли региона <span className="count">{data.items.length}</span>
        </h2>
        <div className="table-toolbar">
          <ExportLinks
            what="портфель"
            testId="portfolio-export"
            csv={clusterApi.portfolioExport(query, 'csv')}
            xlsx={clusterApi.portfolioExport(query, 'xlsx')}
          />
        </div>
        <div className="table-wrap">
          <table className="table compact" data-testid="portfolio-table">
            <thead>
              <tr>
                <SortHeader label="Отрасль" columnKey="industry" sort={sort} onSort={toggle} />
                <SortHeader label="Тип" columnKey="type" sort={sort} onSort={toggle} />
                <SortHeader
                  label={`Значение, ${unit}`}
                  columnKey="value"
                  sort={sort}
                  onSort={toggle}
                  numeric
                />
                <SortHeader label="Доля" columnKey="share" sort={sort} onSort={toggle} numeric />
                <SortHeader label="КЛ" columnKey="lq" sort={sort} onSort={toggle} numeric />
                <SortHeader
                  label={data.baseYear ? `Рост к ${data.baseYear}` : 'Рост'}
                  columnKey="growth"
                  sort={sort}
                  onSort={toggle}
                  numeric
                />
                <SortHeader
                  label="Сильный"
                  columnKey="strong"
                  sort={sort}
                  onSort={toggle}
                  numeric
                />
                <SortHeader label="Звёзды" columnKey="stars" sort={sort} onSort={toggle} numeric />
              </tr>
            </thead>
            <tbody>
              {sorted.map((i) => (
                <tr
                  key={i.industry.code}
                  data-testid="portfolio-row"
                  data-industry={i.industry.code}
                  className={i.strong ? 'strong-row' : undefined}
                >
                  <td>
                    {i.industry.name} <span className="muted small">{i.industry.code}</span>
                  </td>
                  <td>{i.industry.type ? INDUSTRY_TYPE_LABELS[i.industry.type] : '—'}</td>
                  <td className="num">{formatNumber(i.value)}</td>
                  <td className="num">{formatShare(i.share)}</td>
                  <td className="num">{formatLq(i.locationQuotient)}</td>
                  <td className="num">{formatGrowth(i.growth)}</td>
                  <td>
                    {i.strong ? (
                      <span className="strong-badge">сильный</span>
                    ) : (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td className="stars">{starsText(i.stars)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

/** Related-but-weak industries: candidates, each with the strong industries and relatedness φ behind it. */
function CandidateClusters({
  dataset,
  year,
  region,
  level,
  minRelatedness,
  onMinRelatedness,
}: {
  dataset: number;
  year: number;
  region: string;
  level: CandidatesQuery['level'];
  minRelatedness: number;
  onMinRelatedness: (value: number) => void;
}) {
  const [draft, setDraft] = useState(String(minRelatedness).replace('.', ','));
  useEffect(() => setDraft(String(minRelatedness).replace('.', ',')), [minRelatedness]);
  const query: CandidatesQuery = { dataset, year, region, minRelatedness, level };
  const candidates = useApi<ClusterCandidates>(clusterApi.candidates(query));
  const data = candidates.data;
  const apply = () => {
    const value = Number(draft.replace(',', '.'));
    if (Number.isFinite(value) && value > 0 && value <= 1)
      onMinRelatedness(Math.round(value * 100) / 100);
    else setDraft(String(minRelatedness).replace('.', ','));
  };

  return (
    <section className="section" aria-label="Кандидаты в кластеры">
      <h2>
        Кандидаты в кластеры {data ? <span className="count">{data.items.length}</span> : null}
      </h2>
      <p className="small muted">
        Отрасли, которые ещё не сильные в регионе, но по размещению по регионам связаны с его
        сильными отраслями: связанность φ — корреляция долей двух отраслей в занятости регионов
        {data ? ` (${formatNumber(data.regionsCounted)} регионов)` : ''}. Оценка кандидата — сумма φ
        по связанным сильным отраслям.
      </p>
      <div className="filters">
        <label className="filter">
          Порог связанности φ (0–1)
          <input
            data-testid="min-relatedness"
            type="text"
            inputMode="decimal"
            value={draft}
            size={6}
            onChange={(event) => setDraft(event.target.value)}
            onBlur={apply}
            onKeyDown={(event) => {
              if (event.key === 'Enter') apply();
            }}
          />
        </label>
        <input
          type="range"
          aria-label="Порог связанности φ"
          min={0.05}
          max={1}
          step={0.05}
          value={minRelatedness}
          onChange={(event) => onMinRelatedness(Number(event.target.value))}
        />
        <ExportLinks
          what="кандидатов"
          testId="candidates-export"
          csv={clusterApi.candidatesExport(query, 'csv')}
          xlsx={clusterApi.candidatesExport(query, 'xlsx')}
        />
      </div>
      {candidates.error ? <ErrorMessage error={candidates.error} /> : null}
      {!data && candidates.loading ? <Loading /> : null}
      {data ? (
        <>
          <p className="small">
            Опора — сильные отрасли региона ({data.strongIndustries.length}):{' '}
            {data.strongIndustries.map((s) => s.name).join(', ') || 'нет'}.
          </p>
          {data.items.length === 0 ? (
            <p className="muted">
              Кандидатов при пороге φ ≥ {formatNumber(data.minRelatedness)} нет.
            </p>
          ) : (
            <div className="table-wrap">
              <table className="table compact" data-testid="candidates-table">
                <thead>
                  <tr>
                    <th>Отрасль</th>
                    <th className="num">Оценка (Σ φ)</th>
                    <th className="num">Свой КЛ</th>
                    <th className="num">Значение, {data.dataset.unit}</th>
                    <th>Связанные сильные отрасли (φ)</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((c) => (
                    <tr
                      key={c.industry.code}
                      data-testid="candidate-row"
                      data-industry={c.industry.code}
                    >
                      <td>
                        {c.industry.name} <span className="muted small">{c.industry.code}</span>
                        {c.industry.type ? (
                          <span className="muted small">
                            {' '}
                            · {INDUSTRY_TYPE_LABELS[c.industry.type]}
                          </span>
                        ) : null}
                      </td>
                      <td className="num">{formatLq(c.score)}</td>
                      <td className="num">{formatLq(c.locationQuotient)}</td>
                      <td className="num">{formatNumber(c.value)}</td>
                      <td>
                        <ul className="evidence">
                          {c.relatedStrongIndustries.map((s) => (
                            <li key={s.industry.code}>
                              {s.industry.name} — φ {formatLq(s.relatedness)}
                            </li>
                          ))}
                        </ul>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <AnalysisNotes notes={data.notes} />
        </>
      ) : null}
    </section>
  );
}
