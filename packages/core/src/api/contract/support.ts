import { CreatedSchema } from '../editing.schema.ts';
import {
  ClusterRuleSetCreateSchema,
  ClusterRuleSetUpdateSchema,
  StoredClusterRuleSetListSchema,
  StoredClusterRuleSetSchema,
  StoredSupportMeasureListSchema,
  StoredSupportMeasureSchema,
  SubsidyCalculationRequestSchema,
  SubsidyCalculationSchema,
  SupportAwardCreateSchema,
  SupportAwardUpdateSchema,
  SupportMeasureTermsUpdateSchema,
  TerritoryFlagCreateSchema,
  TerritoryFlagImportResultSchema,
  TerritoryFlagImportSchema,
  TerritoryFlagListSchema,
  TerritoryFlagQuerySchema,
  TerritoryFlagUpdateSchema,
} from '../support.schema.ts';
import { defineRoute, DeleteQuerySchema, IdParamsSchema } from './kit.ts';

// Regulations as data: cluster rule sets, support measures and the subsidy
// calculator, territory flags, support awards.

export const listClusterRuleSetsRoute = defineRoute({
  method: 'GET',
  path: '/api/cluster-rule-sets',
  response: StoredClusterRuleSetListSchema,
});
export const getClusterRuleSetRoute = defineRoute({
  method: 'GET',
  path: '/api/cluster-rule-sets/:id',
  params: IdParamsSchema,
  response: StoredClusterRuleSetSchema,
});
export const createClusterRuleSetRoute = defineRoute({
  method: 'POST',
  path: '/api/cluster-rule-sets',
  body: ClusterRuleSetCreateSchema,
  response: CreatedSchema,
});
export const updateClusterRuleSetRoute = defineRoute({
  method: 'PATCH',
  path: '/api/cluster-rule-sets/:id',
  params: IdParamsSchema,
  body: ClusterRuleSetUpdateSchema,
  response: CreatedSchema,
});

export const listSupportMeasuresRoute = defineRoute({
  method: 'GET',
  path: '/api/support-measures',
  response: StoredSupportMeasureListSchema,
});
export const getSupportMeasureRoute = defineRoute({
  method: 'GET',
  path: '/api/support-measures/:id',
  params: IdParamsSchema,
  response: StoredSupportMeasureSchema,
});
export const updateSupportMeasureTermsRoute = defineRoute({
  method: 'PATCH',
  path: '/api/support-measures/:id/terms',
  params: IdParamsSchema,
  body: SupportMeasureTermsUpdateSchema,
  response: CreatedSchema,
});
export const calculateSubsidyRoute = defineRoute({
  method: 'POST',
  path: '/api/support-measures/:id/calculation',
  params: IdParamsSchema,
  body: SubsidyCalculationRequestSchema,
  response: SubsidyCalculationSchema,
});

export const listTerritoryFlagsRoute = defineRoute({
  method: 'GET',
  path: '/api/territory-flags',
  query: TerritoryFlagQuerySchema,
  response: TerritoryFlagListSchema,
});
export const createTerritoryFlagRoute = defineRoute({
  method: 'POST',
  path: '/api/territory-flags',
  body: TerritoryFlagCreateSchema,
  response: CreatedSchema,
});
export const updateTerritoryFlagRoute = defineRoute({
  method: 'PATCH',
  path: '/api/territory-flags/:id',
  params: IdParamsSchema,
  body: TerritoryFlagUpdateSchema,
  response: CreatedSchema,
});
export const deleteTerritoryFlagRoute = defineRoute({
  method: 'DELETE',
  path: '/api/territory-flags/:id',
  params: IdParamsSchema,
  query: DeleteQuerySchema,
  response: CreatedSchema,
});
export const importTerritoryFlagsRoute = defineRoute({
  method: 'POST',
  path: '/api/territory-flags/import',
  body: TerritoryFlagImportSchema,
  response: TerritoryFlagImportResultSchema,
});

export const createSupportAwardRoute = defineRoute({
  method: 'POST',
  path: '/api/support-awards',
  body: SupportAwardCreateSchema,
  response: CreatedSchema,
});
export const updateSupportAwardRoute = defineRoute({
  method: 'PATCH',
  path: '/api/support-awards/:id',
  params: IdParamsSchema,
  body: SupportAwardUpdateSchema,
  response: CreatedSchema,
});
