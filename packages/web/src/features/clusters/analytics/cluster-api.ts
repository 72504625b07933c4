import type {
  ClusterCandidates,
  ClusterMap,
  ClusterPortfolio,
  DatasetDto,
  ImportResult,
} from '@promatlas/core/api/cluster-analytics.schema.ts';
import { apiUrl } from '../../../shared/api/client.ts';

// Type-only imports: the zod schemas stay on the server; the browser gets the shapes.
export type { ClusterCandidates, ClusterMap, ClusterPortfolio, DatasetDto, ImportResult };
export type AnalysisLevel = 'okved' | 'category';
export type ExportFormat = 'csv' | 'xlsx';

export interface DatasetList {
  items: DatasetDto[];
}

export interface DatasetSummary {
  dataset: DatasetDto;
  years: Array<{ year: number; values: number; regions: number }>;
  industries: Array<{ code: string; name: string | null; values: number }>;
  regionCount: number;
  quarantine: Array<{ reasonCode: string; rows: number }>;
}

export interface QuarantinePage {
  items: Array<{
    id: number;
    line: number;
    raw: Record<string, string>;
    reasonCode: string;
    reason: string;
  }>;
  total: number;
  page: number;
  pageSize: number;
}

export interface CreateDatasetResponse {
  dataset: DatasetDto;
  import: ImportResult;
}

export interface MapQuery {
  dataset: number;
  year: number;
  industry: string;
  level?: AnalysisLevel | undefined;
}

export interface PortfolioQuery {
  dataset: number;
  year: number;
  region: string;
  baseYear?: number | undefined;
  level?: AnalysisLevel | undefined;
}

export interface CandidatesQuery {
  dataset: number;
  year: number;
  region: string;
  minRelatedness: number;
  level?: AnalysisLevel | undefined;
}

const BASE = '/api/clusters-analytics';

export const clusterApi = {
  datasets: () => '/api/datasets',
  summary: (id: number) => `/api/datasets/${id}/summary`,
  quarantine: (id: number, page: number, pageSize = 50) =>
    apiUrl(`/api/datasets/${id}/quarantine`, { page, pageSize }),
  map: (q: MapQuery) => apiUrl(`${BASE}/map`, { ...q }),
  mapExport: (q: MapQuery, format: ExportFormat) => apiUrl(`${BASE}/map/export`, { ...q, format }),
  portfolio: (q: PortfolioQuery) => apiUrl(`${BASE}/portfolio`, { ...q }),
  portfolioExport: (q: PortfolioQuery, format: ExportFormat) =>
    apiUrl(`${BASE}/portfolio/export`, { ...q, format }),
  candidates: (q: CandidatesQuery) => apiUrl(`${BASE}/candidates`, { ...q }),
  candidatesExport: (q: CandidatesQuery, format: ExportFormat) =>
    apiUrl(`${BASE}/candidates/export`, { ...q, format }),
};

/** The analysis levels a dataset allows: category datasets only by category; ОКВЭД2 datasets by code or aggregated to categories. */
export function levelsOf(dataset: Pick<DatasetDto, 'industryClassification'>): AnalysisLevel[] {
  return dataset.industryClassification === 'cluster_category'
    ? ['category']
    : ['okved', 'category'];
}
