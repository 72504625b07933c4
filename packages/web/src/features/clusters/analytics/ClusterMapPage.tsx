import { lazy, Suspense, useMemo } from 'react';
import { Link } from 'react-router';
import { clusterMapRoute } from '@promatlas/core/api/contract/clusters.ts';
import { useRoute } from '../../../shared/api/api.ts';
import { useApi } from '../../../shared/api/client.ts';
import { ErrorMessage, Loading } from '../../../shared/components/common.tsx';
import type { RegionCollection } from '../../../shared/map/geometry.ts';
import { DownloadLinks } from '../../../shared/components/DownloadLinks.tsx';
import { useTitle } from '../../../shared/lib/useTitle.ts';
import { clusterExports, type ClusterMap, type MapQuery } from './cluster-api.ts';
import {
  formatLq,
  formatNumber,
  formatShare,
  formatThreshold,
  INDUSTRY_TYPE_LABELS,
  starsText,
} from './format.ts';
import { IndustryCombobox } from './IndustryCombobox.tsx';
import { LQ_CLASSES, lqColour } from './lq-scale.ts';
import {
  AnalysisNotes,
  DatasetControls,
  DatasetLine,
  ExportLinks,
  IllustrativeBanner,
  LqBasisNote,
  LQ_BASIS,
  useClusterSelection,
} from './selection.tsx';
import { SortHeader, useSorted, type SortColumn } from './sorting.tsx';

// The shared region map (MapLibre) arrives as its own chunk, as on the main map page.
const RegionMap = lazy(async () => ({
  default: (await import('../../../shared/map/RegionMap.tsx')).RegionMap,
}));

type MapItem = ClusterMap['items'][number];

const COLUMNS: SortColumn<MapItem>[] = [
  { key: 'region', value: (i) => i.region.name },
  { key: 'value', value: (i) => i.value },
  { key: 'share', value: (i) => i.share },
  { key: 'lq', value: (i) => i.locationQuotient },
  { key: 'strong', value: (i) => (i.strong ? 1 : 0) + i.locationQuotient / 1e6 },
  { key: 'stars', value: (i) => i.stars + i.locationQuotient / 1e6 },
];

export function portfolioPath(
  code: string,
  q: { dataset: number; year: number; level?: string | undefined },
): string {
  const search = new URLSearchParams({ dataset: String(q.dataset), year: String(q.year) });
  if (q.level) search.set('level', q.level);
  return `/analytics/clusters/regions/${encodeURIComponent(code)}?${search.toString()}`;
}

/** /analytics/clusters — LQ choropleth of one industry or category, strong regions marked, and the table behind it. */
export function ClusterMapPage() {
  useTitle('Кластерный анализ');
  const selection = useClusterSelection();
  const { dataset, year, level, industries, params, update } = selection;
  const industry = params.get('industry') ?? industries[0]?.code ?? null;
  const query: MapQuery | null =
    dataset && year && industry && industries.length > 0
      ? { dataset: dataset.id, year, industry, level }
      : null;
  const map = useRoute(clusterMapRoute, query ? { query } : null);
  const data =
    map.data &&
    query &&
    map.data.dataset.id === query.dataset &&
    map.data.year === query.year &&
    map.data.industry.code.toLowerCase() === query.industry.toLowerCase()
      ? map.data
      : undefined;

  return (
    <div className="page cluster-page">
      <h1>Кластерный анализ</h1>
      <p className="lead">
        Коэффициент локализации (КЛ) отрасли по регионам: доля отрасли в регионе, делённая на её
        долю в стране. Сильный кластер — по методике U.S. Cluster Mapping, звёзды — по European
        Cluster Observatory.
      </p>
      <IllustrativeBanner dataset={dataset} />
      <LqBasisNote dataset={dataset} />
      {selection.error ? <ErrorMessage error={selection.error} /> : null}
      {selection.datasets.length === 0 && !selection.loading && !selection.error ? (
        <p className="notice">
          Наборов данных нет. <Link to="/analytics/datasets">Импортируйте набор</Link> (нужна роль
          аналитика или администратора). При первом запуске PromAtlas таблица Росстата о количестве
          организаций загружается несколько секунд: обновите страницу.
        </p>
      ) : null}
      <div className="filters cluster-controls">
        <DatasetControls selection={selection} />
        <IndustryCombobox
          label={level === 'okved' ? 'Отрасль (ОКВЭД2)' : 'Кластерная категория'}
          options={industries}
          value={industry}
          onChange={(code) => update({ industry: code })}
        />
      </div>
      {dataset ? <DatasetLine dataset={dataset} /> : null}
      {map.error ? <ErrorMessage error={map.error} /> : null}
      {!data && (map.loading || selection.loading) ? <Loading /> : null}
      {data && query ? (
        <ClusterMapResult
          data={data}
          query={query}
          federal={dataset?.regionLevel === 'federal_subject'}
          // A category of an ОКВЭД2 dataset is no code of its values: they are exported for the year.
          valuesIndustry={
            level === 'category' && dataset?.industryClassification === 'okved2'
              ? undefined
              : query.industry
          }
        />
      ) : null}
    </div>
  );
}

function ClusterMapResult({
  data,
  query,
  federal,
  valuesIndustry,
}: {
  data: ClusterMap;
  query: MapQuery;
  federal: boolean;
  valuesIndustry: string | undefined;
}) {
  const geometry = useApi<RegionCollection>(federal ? '/regions.geojson' : null);
  const values = useMemo(
    () => new Map(data.items.map((i) => [i.region.code, i.locationQuotient])),
    [data],
  );
  const byCode = useMemo(() => new Map(data.items.map((i) => [i.region.code, i])), [data]);
  const strong = useMemo(
    () => new Set(data.items.filter((i) => i.strong).map((i) => i.region.code)),
    [data],
  );
  const { sorted, sort, toggle } = useSorted(data.items, COLUMNS, { key: 'lq', descending: true });
  const t = data.thresholds;
  const unit = data.dataset.unit;
  const strongCount = strong.size;
  const onMap = geometry.data
    ? data.items.filter((i) =>
        geometry.data!.features.some((f) => f.properties.code === i.region.code),
      ).length
    : 0;
  const showMap = geometry.data && onMap > 0;

  return (
    <>
      <h2 className="cluster-title" data-testid="cluster-title">
        {data.industry.name} <span className="muted">({data.industry.code})</span>, {data.year}
        {data.industry.type ? (
          <span className="badge">{INDUSTRY_TYPE_LABELS[data.industry.type]}</span>
        ) : null}
      </h2>
      <div
        className="lq-legend legend"
        data-testid="lq-legend"
        aria-label="Легенда: коэффициент локализации"
      >
        <span className="legend-title">КЛ</span>
        {LQ_CLASSES.map((c) => (
          <span key={c.label} className="legend-item">
            <span className="swatch" style={{ background: c.colour }} />
            {c.label}
          </span>
        ))}
        <span className="legend-item">
          <span className="strong-mark" aria-hidden="true" /> сильный кластер (обведён, точка в
          центре)
        </span>
      </div>
      {geometry.error ? <ErrorMessage error={geometry.error} /> : null}
      <div className={showMap ? 'cluster-map-layout' : undefined}>
        {showMap ? (
          <div className="map-frame cluster-map-frame">
            <Suspense
              fallback={<div className="region-map map-placeholder">Карта загружается…</div>}
            >
              <RegionMap
                regions={geometry.data!}
                values={values}
                measureLabel={`Коэффициент локализации ${LQ_BASIS[data.dataset.measure] ?? ''}`.trim()}
                classes={[]}
                sites={[]}
                colourOf={lqColour}
                formatValue={formatLq}
                highlighted={strong}
                describeRegion={(code) => {
                  const item = byCode.get(code);
                  if (!item) return 'нет в наборе';
                  const parts = [`${formatNumber(item.value)} ${unit}`];
                  if (item.strong) parts.push('сильный кластер');
                  if (item.stars) parts.push(starsText(item.stars));
                  return parts.join(' · ');
                }}
                regionLink={(code) => ({
                  text: 'Портфель кластеров региона →',
                  href: portfolioPath(code, query),
                })}
              />
            </Suspense>
          </div>
        ) : federal && geometry.loading ? (
          <Loading />
        ) : (
          <p className="muted">Регионы набора — не субъекты РФ: карта не строится, см. таблицу.</p>
        )}
        <aside>
          <section className="section" aria-label="Пороги">
            <h3>Пороги ({data.year})</h3>
            <dl className="thresholds stacked" data-testid="thresholds">
              <div>
                <dt>Регионов со значением &gt; 0</dt>
                <dd data-testid="threshold-qualifying">{formatNumber(t.qualifyingRegions)}</dd>
              </div>
              <div>
                <dt>75-й процентиль КЛ (Q75)</dt>
                <dd data-testid="threshold-lq-q75">
                  {formatThreshold(t.locationQuotientQ75, formatLq)}
                </dd>
              </div>
              <div>
                <dt>25-й процентиль значения (Q25)</dt>
                <dd data-testid="threshold-value-q25">{formatThreshold(t.valueQ25)}</dd>
              </div>
              <div>
                <dt>90-й процентиль значения (звезда размера)</dt>
                <dd>{formatThreshold(t.valueQ90)}</dd>
              </div>
              <div>
                <dt>90-й процентиль доли в регионе (звезда фокуса)</dt>
                <dd>{formatThreshold(t.focusQ90, formatShare)}</dd>
              </div>
            </dl>
            <p className="small muted">
              Сильный кластер: КЛ ≥ Q75, КЛ ≥ 1 и значение &gt; Q25 среди регионов со значением &gt;
              0 (квантили с линейной интерполяцией, R-7). Звёзды: размер (значение ≥ Q90),
              специализация (КЛ ≥ 2), фокус (доля в регионе ≥ Q90). Сильных регионов:{' '}
              <strong data-testid="strong-count">{strongCount}</strong>.
            </p>
            <AnalysisNotes notes={data.notes} />
          </section>
        </aside>
      </div>

      <div className="table-toolbar">
        <ExportLinks
          what="таблицу"
          testId="map-export"
          csv={clusterExports.map(query, 'csv')}
          xlsx={clusterExports.map(query, 'xlsx')}
        />{' '}
        {/* The dataset's own values for the year (and the ОКВЭД2 code when one is chosen). */}
        <DownloadLinks
          path={`/api/datasets/${query.dataset}/values/export`}
          filters={{ year: query.year, industry: valuesIndustry }}
          label="Значения набора"
          testId="dataset-values-export"
        />
        {query.level === 'category' ? (
          <>
            {' '}
            <DownloadLinks
              path="/api/cluster-categories/export"
              label="Категории кластеров"
              testId="cluster-categories-export"
            />
          </>
        ) : null}
      </div>
      <div className="table-wrap">
        <table className="table compact" data-testid="cluster-map-table">
          <caption className="visually-hidden">Коэффициенты локализации по регионам</caption>
          <thead>
            <tr>
              <SortHeader label="Регион" columnKey="region" sort={sort} onSort={toggle} />
              <SortHeader
                label={`Значение, ${unit}`}
                columnKey="value"
                sort={sort}
                onSort={toggle}
                numeric
              />
              <SortHeader
                label="Доля в регионе"
                columnKey="share"
                sort={sort}
                onSort={toggle}
                numeric
              />
              <SortHeader
                label="КЛ"
                columnKey="lq"
                sort={sort}
                onSort={toggle}
                numeric
                title="Коэффициент локализации"
              />
              <SortHeader label="Сильный" columnKey="strong" sort={sort} onSort={toggle} numeric />
              <SortHeader label="Звёзды" columnKey="stars" sort={sort} onSort={toggle} numeric />
            </tr>
          </thead>
          <tbody>
            {sorted.map((item) => (
              <tr
                key={item.region.code}
                data-testid="cluster-map-row"
                data-region={item.region.code}
                className={item.strong ? 'strong-row' : undefined}
              >
                <td>
                  <Link to={portfolioPath(item.region.code, query)} data-testid="portfolio-link">
                    {item.region.name}
                  </Link>
                </td>
                <td className="num">{formatNumber(item.value)}</td>
                <td className="num">{formatShare(item.share)}</td>
                <td
                  className="num"
                  data-testid="lq"
                  style={{ boxShadow: `inset 4px 0 0 ${lqColour(item.locationQuotient)}` }}
                >
                  {formatLq(item.locationQuotient)}
                </td>
                <td data-testid="strong">
                  {item.strong ? (
                    <span className="strong-badge">сильный</span>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className="stars" data-testid="stars" title={starTitle(item)}>
                  {starsText(item.stars)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function starTitle(item: MapItem): string {
  const parts = [
    item.starSize && 'размер',
    item.starSpecialisation && 'специализация',
    item.starFocus && 'фокус',
  ].filter(Boolean);
  return parts.length ? `Звёзды: ${parts.join(', ')}` : 'Звёзд нет';
}
