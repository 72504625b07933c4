/**
 * Response bodies as the tests read them, inferred from core's API schemas so a
 * test that reads a field the API does not declare fails `npm run typecheck`.
 * Pass one to `Client.request<T>()` or `TestApp.getJson<T>()`.
 */
import type { z } from 'zod';
import type {
  ClusterCandidatesSchema,
  ClusterMapSchema,
  ClusterPortfolioSchema,
  CreateDatasetResponseSchema,
  DatasetListSchema,
  DatasetSchema,
  DatasetSummarySchema,
  QuarantinePageSchema,
} from '@promatlas/core/api/cluster-analytics.schema.ts';
import type { ConflictResponseSchema, CreatedSchema } from '@promatlas/core/api/editing.schema.ts';
import type { SessionListSchema, ViewerSchema } from '@promatlas/core/api/accounts.schema.ts';
import type { AuditSearchResultSchema, HistorySchema } from '@promatlas/core/api/audit.schema.ts';
import type { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import type {
  IndicatorValueListSchema,
  RatingEditionListSchema,
  RatingEditionSchema,
  RatingMethodologyListSchema,
  RatingMethodologySchema,
} from '@promatlas/core/api/ratings.schema.ts';
import type { RatingListSchema } from '@promatlas/core/api/registry.schema.ts';

export type {
  ActionPlan,
  Agreement,
  Cluster,
  Event,
  Organisation,
  Person,
  Project,
  Region,
  Site,
  Source,
  ActionPlanListItem,
  AgreementListItem,
  ClusterListItem,
  EventListItem,
  OrganisationListItem,
  PersonListItem,
  SiteListItem,
  SourceListItem,
  SearchResponse,
  ImportIndicatorValuesResult,
  ScoreExplanationResponse,
  SensitivityResponse,
  EditionComparisonResponse,
  WhatIfResponse,
} from '@promatlas/core/api/index.ts';

/** Any 4xx answer: `{ error: { code, message, messageEn, fields? } }`. */
export type ErrorBody = z.infer<typeof ErrorResponseSchema>;
export type ConflictBody = z.infer<typeof ConflictResponseSchema>;
/** A list page: `{ items, total }`, with the item type the route declares. */
export interface Page<T> {
  items: T[];
  total: number;
}

export type DatasetList = z.infer<typeof DatasetListSchema>;
export type Dataset = z.infer<typeof DatasetSchema>;
export type DatasetSummary = z.infer<typeof DatasetSummarySchema>;
export type CreatedDataset = z.infer<typeof CreateDatasetResponseSchema>;
export type QuarantinePage = z.infer<typeof QuarantinePageSchema>;
export type ClusterMap = z.infer<typeof ClusterMapSchema>;
export type ClusterPortfolio = z.infer<typeof ClusterPortfolioSchema>;
export type ClusterCandidates = z.infer<typeof ClusterCandidatesSchema>;

export type Created = z.infer<typeof CreatedSchema>;
export type History = z.infer<typeof HistorySchema>;
export type SessionList = z.infer<typeof SessionListSchema>;
export type Viewer = z.infer<typeof ViewerSchema>;
export type AuditSearchResult = z.infer<typeof AuditSearchResultSchema>;

export type RatingList = z.infer<typeof RatingListSchema>;
export type RatingEditionList = z.infer<typeof RatingEditionListSchema>;
export type RatingEdition = z.infer<typeof RatingEditionSchema>;
export type RatingMethodologyList = z.infer<typeof RatingMethodologyListSchema>;
export type RatingMethodology = z.infer<typeof RatingMethodologySchema>;
export type IndicatorValueList = z.infer<typeof IndicatorValueListSchema>;

export type OrganisationList = Page<import('@promatlas/core/api/index.ts').OrganisationListItem>;
export type UserList = Page<import('@promatlas/core/api/accounts.schema.ts').User>;
/** GET /api/cluster-categories: the route's own schema, not in core. */
export interface ClusterCategoryList {
  items: Array<{ code: string; name: string; type: 'traded' | 'local'; okvedCodes: string[] }>;
}
export type ClusterCategory = ClusterCategoryList['items'][number];
/** Any record read back for its optimistic-concurrency version. */
export interface Versioned {
  id: number;
  version: number;
}
/** An organisation, site or cluster read back for its region and version. */
export interface RegionalRecord extends Versioned {
  region: { code: string; name: string };
}
export type Upload = z.infer<
  typeof import('@promatlas/core/api/cluster-analytics.schema.ts').UploadSchema
>;
export type ImportRejected = z.infer<
  typeof import('@promatlas/core/api/ratings.schema.ts').ImportRejectedSchema
>;
export type User = import('@promatlas/core/api/accounts.schema.ts').User;
/** GET /api/map/regions: one value per region. */
export interface RegionMapValues {
  items: Array<{ code: string; value: number }>;
}
/** GET /api/map/sites: the sites drawn on the map. */
export interface SiteMapPoints {
  items: Array<{ id: number; name: string }>;
}

export type ClusterCooperation =
  import('@promatlas/core/api/cooperation.schema.ts').ClusterCooperation;
export type ClusterCompliance =
  import('@promatlas/core/api/cooperation.schema.ts').ClusterCompliance;
export type CooperationContract = import('@promatlas/core/api/cooperation.schema.ts').Contract;

export type StoredClusterRuleSet =
  import('@promatlas/core/api/support.schema.ts').StoredClusterRuleSet;
export interface StoredClusterRuleSetList {
  items: StoredClusterRuleSet[];
}
export type StoredSupportMeasure =
  import('@promatlas/core/api/support.schema.ts').StoredSupportMeasure;
export interface StoredSupportMeasureList {
  items: StoredSupportMeasure[];
}
export type SubsidyCalculation =
  import('@promatlas/core/api/support.schema.ts').SubsidyCalculationResponse;
export type TerritoryFlagRecord =
  import('@promatlas/core/api/support.schema.ts').TerritoryFlagRecord;
export interface TerritoryFlagList {
  items: TerritoryFlagRecord[];
  sources: Array<{ flag: string; note: string; noteEn: string }>;
}
export type SupplierSearchResult =
  import('@promatlas/core/api/suppliers.schema.ts').SupplierSearchResult;
export type SupplierGaps = import('@promatlas/core/api/suppliers.schema.ts').SupplierGaps;
export type ClusterRegistryStatus =
  import('@promatlas/core/api/suppliers.schema.ts').ClusterRegistryStatus;
