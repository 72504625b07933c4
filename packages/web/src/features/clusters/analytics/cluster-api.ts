import type { z } from 'zod';
import type {
  AnalysisLevelSchema,
  ClusterCandidates,
  ClusterMap,
  ClusterPortfolio,
  DatasetDto,
  ExportFormatSchema,
  ImportResult,
} from '@promatlas/core/api/cluster-analytics.schema.ts';
import {
  clusterCandidatesExportRoute,
  clusterMapExportRoute,
  clusterPortfolioExportRoute,
  type createDatasetRoute,
  type datasetQuarantineRoute,
  type datasetSummaryRoute,
  type listDatasetsRoute,
} from '@promatlas/core/api/contract/clusters.ts';
import type { RouteResponse } from '@promatlas/core/api/contract/kit.ts';
import { apiPath } from '../../../shared/api/api.ts';

// The shapes of the cluster analysis and dataset routes, as the API contract declares them.
export type { ClusterCandidates, ClusterMap, ClusterPortfolio, DatasetDto, ImportResult };
export type AnalysisLevel = z.output<typeof AnalysisLevelSchema>;
export type ExportFormat = z.output<typeof ExportFormatSchema>;
export type DatasetList = RouteResponse<typeof listDatasetsRoute>;
export type DatasetSummary = RouteResponse<typeof datasetSummaryRoute>;
export type QuarantinePage = RouteResponse<typeof datasetQuarantineRoute>;
export type CreateDatasetResponse = RouteResponse<typeof createDatasetRoute>;

// What a page has chosen: the parts of the routes' queries it always sends.
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

/** Download links of the analysis tables (CSV or XLSX). */
export const clusterExports = {
  map: (query: MapQuery, format: ExportFormat) =>
    apiPath(clusterMapExportRoute, { query: { ...query, format } }),
  portfolio: (query: PortfolioQuery, format: ExportFormat) =>
    apiPath(clusterPortfolioExportRoute, { query: { ...query, format } }),
  candidates: (query: CandidatesQuery, format: ExportFormat) =>
    apiPath(clusterCandidatesExportRoute, { query: { ...query, format } }),
};

/** The analysis levels a dataset allows: category datasets only by category; ОКВЭД2 datasets by code or aggregated to categories. */
export function levelsOf(dataset: Pick<DatasetDto, 'industryClassification'>): AnalysisLevel[] {
  return dataset.industryClassification === 'cluster_category'
    ? ['category']
    : ['okved', 'category'];
}
