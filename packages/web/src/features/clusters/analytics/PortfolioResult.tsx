import { lazy, Suspense } from 'react';
import { clusterExports, type ClusterPortfolio, type PortfolioQuery } from './cluster-api.ts';
import {
  formatGrowth,
  formatLq,
  formatNumber,
  formatShare,
  INDUSTRY_TYPE_LABELS,
  starsText,
} from './format.ts';
import { AnalysisNotes, ExportLinks } from './selection.tsx';
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

/** A region's portfolio: cluster strength, the bubble chart, its strong clusters and every industry. */
export function PortfolioResult({
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
            csv={clusterExports.portfolio(query, 'csv')}
            xlsx={clusterExports.portfolio(query, 'xlsx')}
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
