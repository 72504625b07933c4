import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { z } from 'zod';
import {
  mapRegionsRoute,
  mapSitesRoute,
  type MapMeasureSchema,
} from '@promatlas/core/api/contract/registry.ts';
import { useApi } from '../../shared/api/client.ts';
import { useRoute } from '../../shared/api/api.ts';
import { ErrorMessage, Loading } from '../../shared/components/common.tsx';
import { formatNumber } from '../../shared/lib/format.ts';
import { useTitle } from '../../shared/lib/useTitle.ts';
import { classify } from '../../shared/map/classes.ts';
import type { RegionCollection } from '../../shared/map/geometry.ts';
import { SEZ_COLOUR, SITE_COLOUR } from '../../shared/map/colours.ts';

// MapLibre (≈290 KB gzipped) arrives as its own chunk: the toolbar, legend and
// the accessible region list render at once, the canvas a moment later.
const RegionMap = lazy(async () => ({
  default: (await import('../../shared/map/RegionMap.tsx')).RegionMap,
}));

export const MEASURES = [
  ['organisations', 'Организации'],
  ['sites', 'Площадки'],
  ['clusters', 'Кластеры'],
  ['events', 'Мероприятия'],
  ['projects', 'Проекты'],
] as const satisfies ReadonlyArray<readonly [Measure, string]>;
type Measure = z.output<typeof MapMeasureSchema>;

type SortKey = 'name' | '-name' | 'value' | '-value';

export function MapPage() {
  useTitle('Карта');
  const [params, setParams] = useSearchParams();
  const measure = (MEASURES.find(([key]) => key === params.get('measure'))?.[0] ??
    'organisations') as Measure;
  const measureName = MEASURES.find(([key]) => key === measure)![1];
  const [sort, setSort] = useState<SortKey>('-value');

  const geometry = useApi<RegionCollection>('/regions.geojson');
  const regionValues = useRoute(mapRegionsRoute, { query: { measure } });
  const sites = useRoute(mapSitesRoute, {});

  const current = regionValues.data?.measure === measure ? regionValues.data : undefined;
  const values = useMemo(
    () => new Map((current?.items ?? []).map((r) => [r.code, r.value])),
    [current],
  );
  const classes = useMemo(() => classify([...values.values()]), [values]);
  const label = current?.label ?? measureName;

  const rows = useMemo(() => {
    const items = [...(current?.items ?? [])];
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'ru');
    items.sort((a, b) => {
      switch (sort) {
        case 'name':
          return byName(a, b);
        case '-name':
          return byName(b, a);
        case 'value':
          return a.value - b.value || byName(a, b);
        case '-value':
          return b.value - a.value || byName(a, b);
      }
    });
    return items;
  }, [current, sort]);

  const sortButton = (key: 'name' | 'value', text: string) => {
    const active = sort === key || sort === `-${key}`;
    const descending = sort === `-${key}`;
    return (
      <th
        aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}
        className={key === 'value' ? 'num' : undefined}
      >
        <button
          type="button"
          className="sort"
          onClick={() =>
            setSort(
              active && !descending
                ? (`-${key}` as SortKey)
                : key === 'value' && !active
                  ? '-value'
                  : key,
            )
          }
        >
          {text} {active ? (descending ? '▼' : '▲') : ''}
        </button>
      </th>
    );
  };

  const siteCount = sites.data?.items.length ?? 0;
  const approximate =
    sites.data?.items.filter((s) => s.latitude === null || s.longitude === null).length ?? 0;

  return (
    <div className="map-page">
      <div className="map-toolbar">
        <h1 className="visually-hidden">Карта регионов России</h1>
        <label>
          Показатель:{' '}
          <select
            data-testid="measure-select"
            value={measure}
            onChange={(event) => {
              const next = new URLSearchParams(params);
              next.set('measure', event.target.value);
              setParams(next, { replace: true });
            }}
          >
            {MEASURES.map(([key, text]) => (
              <option key={key} value={key}>
                {text}
              </option>
            ))}
          </select>
        </label>
        <div className="legend" data-testid="legend" aria-label={`Легенда: ${label}`}>
          <span className="legend-title">{label}</span>
          {classes.map((c) => (
            <span key={c.label} className="legend-item" data-testid="legend-item">
              <span className="swatch" style={{ background: c.colour }} />
              {c.label}
            </span>
          ))}
          <span className="legend-item">
            <span className="dot" style={{ background: SEZ_COLOUR }} /> ОЭЗ
          </span>
          <span className="legend-item">
            <span className="dot" style={{ background: SITE_COLOUR }} /> другие площадки
          </span>
          {approximate > 0 ? (
            <span className="legend-item legend-note">
              <span className="dot approximate" /> центр региона (координаты не указаны)
            </span>
          ) : null}
        </div>
      </div>
      {regionValues.error ? <ErrorMessage error={regionValues.error} /> : null}
      <div className="map-layout">
        <div className="map-frame">
          {geometry.data ? (
            <Suspense
              fallback={<div className="region-map map-placeholder">Карта загружается…</div>}
            >
              <RegionMap
                regions={geometry.data}
                values={values}
                measureLabel={label}
                classes={classes}
                sites={sites.data?.items ?? []}
              />
            </Suspense>
          ) : geometry.error ? (
            <ErrorMessage error={geometry.error} />
          ) : (
            <Loading />
          )}
          <p className="map-caption">
            Регионов на карте: {geometry.data?.features.length ?? '…'} · площадок: {siteCount}
            {approximate ? ` (${approximate} — в центре региона, координаты не указаны)` : ''}
          </p>
        </div>
        <aside className="region-list" aria-label="Список регионов">
          <table className="table compact" data-testid="region-table">
            <caption>{label} по регионам</caption>
            <thead>
              <tr>
                {sortButton('name', 'Регион')}
                {sortButton('value', 'Значение')}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.code} data-testid="region-row" data-code={row.code}>
                  <td>
                    <Link to={`/regions/${row.code}`}>{row.name}</Link>
                  </td>
                  <td className="num">{formatNumber(row.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {regionValues.loading && !current ? <Loading /> : null}
        </aside>
      </div>
    </div>
  );
}
