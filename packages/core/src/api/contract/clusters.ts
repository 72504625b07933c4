import { z } from 'zod';
import { PageQuerySchema } from '../common.schema.ts';
import {
  ClusterCandidatesQuerySchema,
  ClusterCandidatesSchema,
  ClusterMapQuerySchema,
  ClusterMapSchema,
  ClusterPortfolioQuerySchema,
  ClusterPortfolioSchema,
  CreateDatasetResponseSchema,
  CreateDatasetSchema,
  DatasetFileSchema,
  DatasetListSchema,
  DatasetSchema,
  DatasetSummarySchema,
  ExportFormatSchema,
  QuarantinePageSchema,
  UploadSchema,
} from '../cluster-analytics.schema.ts';
import { defineRoute, FileResponseSchema, IdParamsSchema } from './kit.ts';

// Cluster analysis (location quotients, a region's portfolio, candidate
// clusters, their exports), the statistical datasets it reads, and file uploads.

export const clusterMapRoute = defineRoute({
  method: 'GET',
  path: '/api/clusters-analytics/map',
  query: ClusterMapQuerySchema,
  response: ClusterMapSchema,
});

export const clusterMapExportRoute = defineRoute({
  method: 'GET',
  path: '/api/clusters-analytics/map/export',
  query: ClusterMapQuerySchema.extend({ format: ExportFormatSchema }),
  response: FileResponseSchema,
});

export const clusterPortfolioRoute = defineRoute({
  method: 'GET',
  path: '/api/clusters-analytics/portfolio',
  query: ClusterPortfolioQuerySchema,
  response: ClusterPortfolioSchema,
});

export const clusterPortfolioExportRoute = defineRoute({
  method: 'GET',
  path: '/api/clusters-analytics/portfolio/export',
  query: ClusterPortfolioQuerySchema.extend({ format: ExportFormatSchema }),
  response: FileResponseSchema,
});

export const clusterCandidatesRoute = defineRoute({
  method: 'GET',
  path: '/api/clusters-analytics/candidates',
  query: ClusterCandidatesQuerySchema,
  response: ClusterCandidatesSchema,
});

export const clusterCandidatesExportRoute = defineRoute({
  method: 'GET',
  path: '/api/clusters-analytics/candidates/export',
  query: ClusterCandidatesQuerySchema.extend({ format: ExportFormatSchema }),
  response: FileResponseSchema,
});

export const listDatasetsRoute = defineRoute({
  method: 'GET',
  path: '/api/datasets',
  response: DatasetListSchema,
});

export const getDatasetRoute = defineRoute({
  method: 'GET',
  path: '/api/datasets/:id',
  params: IdParamsSchema,
  response: DatasetSchema,
});

export const datasetSummaryRoute = defineRoute({
  method: 'GET',
  path: '/api/datasets/:id/summary',
  params: IdParamsSchema,
  response: DatasetSummarySchema,
});

export const datasetQuarantineRoute = defineRoute({
  method: 'GET',
  path: '/api/datasets/:id/quarantine',
  params: IdParamsSchema,
  query: PageQuerySchema,
  response: QuarantinePageSchema,
});

export const createDatasetRoute = defineRoute({
  method: 'POST',
  path: '/api/datasets',
  body: CreateDatasetSchema,
  response: CreateDatasetResponseSchema,
});

export const importIntoDatasetRoute = defineRoute({
  method: 'POST',
  path: '/api/datasets/:id/import',
  params: IdParamsSchema,
  body: DatasetFileSchema,
  response: CreateDatasetResponseSchema,
});

export const deleteDatasetRoute = defineRoute({
  method: 'DELETE',
  path: '/api/datasets/:id',
  params: IdParamsSchema,
  response: z.null().describe('Удалено'),
});

/** The body of an upload is the file itself (application/octet-stream), not JSON. */
export const uploadRoute = defineRoute({
  method: 'POST',
  path: '/api/uploads',
  body: z.custom<Blob>((value) => value instanceof Blob, 'Файл'),
  response: UploadSchema,
});
