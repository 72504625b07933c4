import { useEffect, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { z } from 'zod';
import type {
  ApiRoute,
  RouteInput,
  RouteQuery,
  RouteResponse,
} from '@promatlas/core/api/contract/kit.ts';
import { listRegionsRoute } from '@promatlas/core/api/contract/registry.ts';
import { useRoute } from '../api/api.ts';
import { useTitle } from '../lib/useTitle.ts';
import { ErrorMessage, Loading } from './common.tsx';
import { useT } from '../lib/language.ts';

export interface Column<T> {
  title: string;
  render: (item: T) => ReactNode;
  /** Sort key the API accepts; «-key» sorts descending. */
  sort?: string;
  className?: string;
}

export interface SelectFilter<P extends string = string> {
  /** A query parameter of the list's route. */
  param: P;
  label: string;
  options: ReadonlyArray<readonly [string, string]>;
}

/** A paged registry list of the API contract. */
export type ListRoute = ApiRoute & {
  method: 'GET';
  query: z.ZodObject;
  response: z.ZodType<{ items: unknown[]; total: number; totalCapped?: boolean | undefined }>;
};

/** A row of the list a route answers. */
export type ListItem<R extends ListRoute> = RouteResponse<R>['items'][number];

export interface ListConfig<R extends ListRoute> {
  title: string;
  route: R;
  columns: Column<ListItem<R>>[];
  rowKey: (item: ListItem<R>) => string | number;
  regionFilter?: boolean;
  selects?: SelectFilter<keyof RouteQuery<R> & string>[];
  textFilter?: boolean;
  intro?: ReactNode;
  /** The list has an export at `<endpoint>/export` (every registry list does); false hides the links. */
  exportable?: boolean;
  /** The list has locations, so it exports as GeoJSON too. */
  geojson?: boolean;
}

const PAGE_SIZE = 50;

/** A vocabulary's labels as the options of a select filter. */
export const vocabularyOptions = (vocabulary: { labels: Record<string, string> }) =>
  Object.entries(vocabulary.labels);

/** The placeholder of an empty cell. */
export const DASH = <span className="muted">—</span>;

/** Regions for the filter select, sorted by name; fetched once per page view. */
function RegionSelect({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const t = useT();
  const regions = useRoute(listRegionsRoute, { query: { pageSize: 200 } });
  const items = [...(regions.data?.items ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'ru'));
  return (
    <label className="filter">
      {t('Регион', 'Region')}
      <select
        data-testid="filter-region"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{t('Все регионы', 'All regions')}</option>
        {items.map((region) => (
          <option key={region.code} value={region.code}>
            {region.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Links to the export of the whole list with the filters and sort on screen
 * (the server streams every matching row, not only this page).
 */
function ExportLinks({
  endpoint,
  query,
  geojson,
}: {
  endpoint: string;
  query: Record<string, string | number>;
  geojson: boolean;
}) {
  const t = useT();
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  // Every list route has its export beside it, taking the same filters and sort.
  const href = (extra: Record<string, string>) =>
    `${endpoint}/export?${new URLSearchParams(
      Object.entries({ ...filters, ...extra }).map(([k, v]) => [k, String(v)]),
    ).toString()}`;
  return (
    <p className="export-links" data-testid="export-links">
      {t('Выгрузить список', 'Export the list')}:{' '}
      <a href={href({ format: 'xlsx' })} download data-testid="export-xlsx">
        XLSX
      </a>
      {' · '}
      <a
        href={href({ format: 'csv' })}
        download
        title={t('UTF-8, запятая', 'UTF-8, comma')}
        data-testid="export-csv"
      >
        CSV
      </a>
      {' · '}
      <a
        href={href({ format: 'csv', encoding: 'windows-1251', delimiter: 'semicolon' })}
        download
        title={t(
          'Windows-1251, точка с запятой — для старых версий Excel',
          'Windows-1251, semicolon — for older Excel',
        )}
        data-testid="export-csv-1251"
      >
        {t('CSV для Excel (1251)', 'CSV for Excel (1251)')}
      </a>
      {geojson ? (
        <>
          {' · '}
          <a href={href({ format: 'geojson' })} download data-testid="export-geojson">
            GeoJSON
          </a>
        </>
      ) : null}
    </p>
  );
}

/** A filtered, sorted, paged registry list whose state lives in the URL query. */
export function ListPage<R extends ListRoute>({ config }: { config: ListConfig<R> }) {
  const t = useT();
  useTitle(config.title);
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const sort = params.get('sort') ?? '';
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);

  useEffect(() => setText(q), [q]);

  const update = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  // The text filter applies after a short pause in typing.
  useEffect(() => {
    if (text === q) return;
    const timer = setTimeout(() => update({ q: text.trim() }), 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  const query: Record<string, string | number> = { page, pageSize: PAGE_SIZE };
  if (sort) query.sort = sort;
  if (q) query.q = q;
  const region = params.get('region') ?? '';
  if (config.regionFilter && region) query.region = region;
  for (const select of config.selects ?? []) {
    const value = params.get(select.param);
    if (value) query[select.param] = value;
  }
  // Built from the URL's state: the keys are the route's (sort, q, region, the selects' params).
  const result = useRoute(config.route, { query } as RouteInput<R>);
  const total = result.data?.total ?? 0;
  // A capped count (the organisation list stops counting at 10 000) reads «более 10 000».
  const capped = result.data?.totalCapped === true;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <div className="page list-page">
      <h1>{config.title}</h1>
      {config.intro}
      <form
        className="filters"
        role="search"
        aria-label={t('Фильтры', 'Filters')}
        onSubmit={(event) => event.preventDefault()}
      >
        {config.textFilter !== false ? (
          <label className="filter">
            {t('Название содержит', 'Title contains')}
            <input
              type="search"
              data-testid="filter-text"
              value={text}
              onChange={(event) => setText(event.target.value)}
              placeholder={t('Фильтр по тексту', 'Filter by text')}
            />
          </label>
        ) : null}
        {config.regionFilter ? (
          <RegionSelect value={region} onChange={(value) => update({ region: value })} />
        ) : null}
        {(config.selects ?? []).map((select) => (
          <label key={select.param} className="filter">
            {select.label}
            <select
              data-testid={`filter-${select.param}`}
              value={params.get(select.param) ?? ''}
              onChange={(event) => update({ [select.param]: event.target.value })}
            >
              <option value="">{t('Все', 'All')}</option>
              {select.options.map(([value, text]) => (
                <option key={value} value={value}>
                  {text}
                </option>
              ))}
            </select>
          </label>
        ))}
        {[...params.keys()].some((key) => key !== 'page' && key !== 'sort') ? (
          <button
            type="button"
            className="link-button"
            onClick={() => setParams(new URLSearchParams())}
          >
            {t('Сбросить фильтры', 'Clear the filters')}
          </button>
        ) : null}
      </form>
      {result.error ? <ErrorMessage error={result.error} /> : null}
      {config.exportable !== false ? (
        <ExportLinks endpoint={config.route.path} query={query} geojson={config.geojson === true} />
      ) : null}
      <p className="total" data-testid="list-total" aria-live="polite">
        {result.data
          ? `${t('Найдено', 'Found')}: ${capped ? t('более ', 'over ') : ''}${total.toLocaleString('ru-RU')}`
          : ' '}
        {result.loading ? <span className="muted"> · {t('загрузка…', 'loading…')}</span> : null}
      </p>
      {result.data ? (
        result.data.items.length ? (
          <div className="table-wrap">
            <table className="table" data-testid="list-table">
              <thead>
                <tr>
                  {config.columns.map((column) => {
                    if (!column.sort)
                      return (
                        <th key={column.title} className={column.className}>
                          {column.title}
                        </th>
                      );
                    const key = column.sort;
                    const active = sort === key || sort === `-${key}`;
                    const descending = sort === `-${key}`;
                    return (
                      <th
                        key={column.title}
                        className={column.className}
                        aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'}
                      >
                        <button
                          type="button"
                          className="sort"
                          onClick={() => update({ sort: active && !descending ? `-${key}` : key })}
                        >
                          {column.title}{' '}
                          {active ? descending ? '▼' : '▲' : <span className="sort-hint">↕</span>}
                        </button>
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {result.data.items.map((item) => (
                  <tr key={config.rowKey(item)} data-testid="list-row">
                    {config.columns.map((column) => (
                      <td key={column.title} className={column.className}>
                        {column.render(item)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="muted">
            {t('Ничего не найдено. Измените фильтры.', 'Nothing found. Change the filters.')}
          </p>
        )
      ) : result.loading ? (
        <Loading />
      ) : null}
      {pages > 1 ? (
        <nav className="pager" aria-label={t('Страницы', 'Pages')}>
          <button
            type="button"
            disabled={page <= 1}
            onClick={() => update({ page: String(page - 1) })}
          >
            ← {t('Назад', 'Back')}
          </button>
          <span>
            {t('Страница', 'Page')} {page} {t('из', 'of')} {pages}
          </span>
          <button
            type="button"
            disabled={page >= pages}
            onClick={() => update({ page: String(page + 1) })}
          >
            {t('Вперёд', 'Next')} →
          </button>
        </nav>
      ) : null}
    </div>
  );
}
