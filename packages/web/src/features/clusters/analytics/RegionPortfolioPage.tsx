import { Link, useParams } from 'react-router';
import { clusterPortfolioRoute } from '@promatlas/core/api/contract/clusters.ts';
import { useRoute } from '../../../shared/api/api.ts';
import { ErrorMessage, Loading } from '../../../shared/components/common.tsx';
import { useTitle } from '../../../shared/lib/useTitle.ts';
import type { PortfolioQuery } from './cluster-api.ts';
import { CandidateClusters } from './CandidateClusters.tsx';
import { PortfolioResult } from './PortfolioResult.tsx';
import {
  DatasetControls,
  DatasetLine,
  IllustrativeBanner,
  LqBasisNote,
  useClusterSelection,
} from './selection.tsx';

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
  const portfolio = useRoute(clusterPortfolioRoute, query ? { query } : null);
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
