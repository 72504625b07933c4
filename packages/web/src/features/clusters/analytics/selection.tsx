import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { DEFAULT_CLUSTER_CATEGORIES } from '@promatlas/core/clusters/default-cluster-categories.ts';
import { datasetSummaryRoute, listDatasetsRoute } from '@promatlas/core/api/contract/clusters.ts';
import { useRoute } from '../../../shared/api/api.ts';
import type { ApiError } from '../../../shared/api/client.ts';
import {
  levelsOf,
  type AnalysisLevel,
  type DatasetDto,
  type DatasetSummary,
} from './cluster-api.ts';
import {
  CLASSIFICATION_LABELS,
  formatYears,
  LEVEL_LABELS,
  MEASURE_LABELS,
  REGION_LEVEL_LABELS,
} from './format.ts';
import type { IndustryOption } from './IndustryCombobox.tsx';

/** The dataset, year and level chosen in the address (?dataset=&year=&level=), with sensible defaults. */
export interface ClusterSelection {
  datasets: DatasetDto[];
  dataset: DatasetDto | undefined;
  year: number | undefined;
  level: AnalysisLevel | undefined;
  summary: DatasetSummary | undefined;
  industries: IndustryOption[];
  error: ApiError | undefined;
  loading: boolean;
  params: URLSearchParams;
  /** Changes some address parameters (null removes one), keeping the others. */
  update: (changes: Record<string, string | number | null>) => void;
}

const CATEGORY_INFO = new Map(DEFAULT_CLUSTER_CATEGORIES.map((c) => [c.code, c]));

// The categories are seeded from PromAtlas's default grouping; the API has no list of
// them yet, so ОКВЭД2 datasets analysed by category offer the defaults.
const DEFAULT_CATEGORY_OPTIONS: IndustryOption[] = DEFAULT_CLUSTER_CATEGORIES.map((c) => ({
  code: c.code,
  name: c.name,
  type: c.type,
}));

export function useClusterSelection(): ClusterSelection {
  const [params, setParams] = useSearchParams();
  const list = useRoute(listDatasetsRoute, {});
  const datasets = list.data?.items ?? [];
  const wanted = Number(params.get('dataset'));
  const dataset = datasets.find((d) => d.id === wanted) ?? datasets[0];
  const summary = useRoute(datasetSummaryRoute, dataset ? { params: { id: dataset.id } } : null);
  const years = dataset?.years ?? [];
  const wantedYear = Number(params.get('year'));
  const year = years.includes(wantedYear) ? wantedYear : years[years.length - 1];
  const levels = dataset ? levelsOf(dataset) : [];
  const wantedLevel = params.get('level') as AnalysisLevel | null;
  const level = wantedLevel && levels.includes(wantedLevel) ? wantedLevel : levels[0];
  const currentSummary = summary.data?.dataset.id === dataset?.id ? summary.data : undefined;

  const industries = useMemo<IndustryOption[]>(() => {
    if (!dataset || !currentSummary) return [];
    if (level === 'category' && dataset.industryClassification === 'okved2')
      return DEFAULT_CATEGORY_OPTIONS;
    return currentSummary.industries.map((i) => ({
      code: i.code,
      name: i.name ?? i.code,
      type:
        dataset.industryClassification === 'cluster_category'
          ? (CATEGORY_INFO.get(i.code)?.type ?? null)
          : null,
    }));
  }, [dataset, currentSummary, level]);

  const update = (changes: Record<string, string | number | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next, { replace: true });
  };

  return {
    datasets,
    dataset,
    year,
    level,
    summary: currentSummary,
    industries,
    error: list.error ?? summary.error,
    loading: list.loading || (dataset !== undefined && !currentSummary && !summary.error),
    params,
    update,
  };
}

/** «Иллюстративные данные» in plain sight whenever the data are made up. */
export function IllustrativeBanner({
  dataset,
}: {
  dataset: Pick<DatasetDto, 'illustrative'> | undefined;
}) {
  if (!dataset?.illustrative) return null;
  return (
    <div className="illustrative-banner" role="note" data-testid="illustrative-banner">
      <strong>Иллюстративные данные</strong> — выдуманные значения для демонстрации страниц, не
      реальная статистика.
    </div>
  );
}

/** What the location quotients are computed on, in the words the pages use («по числу организаций»). */
export const LQ_BASIS: Record<string, string> = {
  employment: 'по занятости (числу работников)',
  establishments: 'по числу организаций',
  output: 'по выпуску',
};

/**
 * Says on every page with LQ what it is computed on: on establishment counts
 * (Rosstat's table of organisations) a high LQ means many organisations of
 * the industry, not many workers.
 */
export function LqBasisNote({ dataset }: { dataset: Pick<DatasetDto, 'measure'> | undefined }) {
  if (!dataset) return null;
  const basis = LQ_BASIS[dataset.measure] ?? dataset.measure;
  return (
    <p
      className={dataset.measure === 'establishments' ? 'notice lq-basis' : 'muted small lq-basis'}
      role="note"
      data-testid="lq-basis"
      data-measure={dataset.measure}
    >
      Коэффициенты локализации рассчитаны <strong>{basis}</strong>
      {dataset.measure === 'establishments'
        ? ': они показывают концентрацию организаций (предприятий) отрасли в регионе, а не занятых в ней.'
        : '.'}
    </p>
  );
}

/** Dataset, year and (for ОКВЭД2 datasets) level pickers. */
export function DatasetControls({
  selection,
  yearLabel = 'Год',
}: {
  selection: ClusterSelection;
  yearLabel?: string;
}) {
  const { datasets, dataset, year, level, update } = selection;
  return (
    <>
      <label className="filter">
        Набор данных
        <select
          data-testid="dataset-select"
          value={dataset?.id ?? ''}
          onChange={(event) =>
            update({ dataset: event.target.value, year: null, level: null, industry: null })
          }
        >
          {datasets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.illustrative ? '[Иллюстративные] ' : ''}
              {d.name}
            </option>
          ))}
        </select>
      </label>
      <label className="filter">
        {yearLabel}
        <select
          data-testid="year-select"
          value={year ?? ''}
          onChange={(event) => update({ year: event.target.value })}
        >
          {(dataset?.years ?? []).map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
      </label>
      {dataset && levelsOf(dataset).length > 1 ? (
        <label className="filter">
          Уровень
          <select
            data-testid="level-select"
            value={level}
            onChange={(event) => update({ level: event.target.value, industry: null })}
          >
            {levelsOf(dataset).map((l) => (
              <option key={l} value={l}>
                {LEVEL_LABELS[l]}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </>
  );
}

/** One line about the dataset: measure, unit, regions, classification, source. */
export function DatasetLine({ dataset }: { dataset: DatasetDto }) {
  return (
    <p className="muted small dataset-line">
      {MEASURE_LABELS[dataset.measure] ?? dataset.measure}, {dataset.unit} ·{' '}
      {REGION_LEVEL_LABELS[dataset.regionLevel]} ·{' '}
      {CLASSIFICATION_LABELS[dataset.industryClassification]} · годы:{' '}
      {formatYears(dataset.years) || 'нет'}
      {dataset.source.text ? (
        <>
          {' '}
          · источник:{' '}
          {dataset.source.url ? (
            <a href={dataset.source.url}>{dataset.source.text}</a>
          ) : (
            dataset.source.text
          )}
        </>
      ) : null}
      {' · '}
      <Link to="/analytics/datasets">все наборы данных</Link>
    </p>
  );
}

/** Analysis notes from the API (zero totals, illustrative data, conditions not applied). */
export function AnalysisNotes({ notes }: { notes: Array<{ kind: string; message: string }> }) {
  const shown = notes.filter((n) => n.kind !== 'illustrative');
  if (shown.length === 0) return null;
  return (
    <ul className="analysis-notes" data-testid="analysis-notes">
      {shown.map((n, k) => (
        <li key={`${n.kind}-${k}`}>{n.message}</li>
      ))}
    </ul>
  );
}

export function ExportLinks({
  csv,
  xlsx,
  what,
  testId,
}: {
  csv: string;
  xlsx: string;
  what: string;
  testId: string;
}) {
  return (
    <span className="export-links">
      Выгрузить {what}:{' '}
      <a href={csv} download data-testid={`${testId}-csv`}>
        CSV
      </a>{' '}
      <a href={xlsx} download data-testid={`${testId}-xlsx`}>
        XLSX
      </a>
    </span>
  );
}
