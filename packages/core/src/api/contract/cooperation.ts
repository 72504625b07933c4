import {
  ClusterComplianceSchema,
  ClusterCooperationSchema,
  ComplianceQuerySchema,
  ContractCreateSchema,
  ContractSchema,
  ContractUpdateSchema,
  PurchaseCreateSchema,
  PurchaseUpdateSchema,
} from '../cooperation.schema.ts';
import { CreatedSchema } from '../editing.schema.ts';
import {
  ClusterRegistryStatusSchema,
  ClusterRegistryStatusUpdateSchema,
  SupplierGapsQuerySchema,
  SupplierGapsSchema,
  SupplierSearchQuerySchema,
  SupplierSearchResultSchema,
} from '../suppliers.schema.ts';
import { defineRoute, DeleteQuerySchema, IdParamsSchema } from './kit.ts';

// Cooperation inside a cluster and the industrial-cluster check of a registered cluster.

export const clusterCooperationRoute = defineRoute({
  method: 'GET',
  path: '/api/clusters/:id/cooperation',
  params: IdParamsSchema,
  response: ClusterCooperationSchema,
});

export const clusterComplianceRoute = defineRoute({
  method: 'GET',
  path: '/api/clusters/:id/compliance',
  params: IdParamsSchema,
  query: ComplianceQuerySchema,
  response: ClusterComplianceSchema,
});

// Editing the cooperation: contracts and yearly purchases.

export const getContractRoute = defineRoute({
  method: 'GET',
  path: '/api/cooperation-contracts/:id',
  params: IdParamsSchema,
  response: ContractSchema,
});
export const createContractRoute = defineRoute({
  method: 'POST',
  path: '/api/cooperation-contracts',
  body: ContractCreateSchema,
  response: CreatedSchema,
});
export const updateContractRoute = defineRoute({
  method: 'PATCH',
  path: '/api/cooperation-contracts/:id',
  params: IdParamsSchema,
  body: ContractUpdateSchema,
  response: CreatedSchema,
});
export const deleteContractRoute = defineRoute({
  method: 'DELETE',
  path: '/api/cooperation-contracts/:id',
  params: IdParamsSchema,
  query: DeleteQuerySchema,
  response: CreatedSchema,
});
export const createPurchaseRoute = defineRoute({
  method: 'POST',
  path: '/api/cooperation-purchases',
  body: PurchaseCreateSchema,
  response: CreatedSchema,
});
export const updatePurchaseRoute = defineRoute({
  method: 'PATCH',
  path: '/api/cooperation-purchases/:id',
  params: IdParamsSchema,
  body: PurchaseUpdateSchema,
  response: CreatedSchema,
});
export const deletePurchaseRoute = defineRoute({
  method: 'DELETE',
  path: '/api/cooperation-purchases/:id',
  params: IdParamsSchema,
  query: DeleteQuerySchema,
  response: CreatedSchema,
});

// Supplier search, a cluster's supply gaps and its registry status.

export const supplierSearchRoute = defineRoute({
  method: 'GET',
  path: '/api/suppliers/search',
  query: SupplierSearchQuerySchema,
  response: SupplierSearchResultSchema,
});
export const clusterSupplierGapsRoute = defineRoute({
  method: 'GET',
  path: '/api/clusters/:id/supplier-gaps',
  params: IdParamsSchema,
  query: SupplierGapsQuerySchema,
  response: SupplierGapsSchema,
});
export const clusterRegistryStatusRoute = defineRoute({
  method: 'GET',
  path: '/api/clusters/:id/registry-status',
  params: IdParamsSchema,
  response: ClusterRegistryStatusSchema,
});
export const updateClusterRegistryStatusRoute = defineRoute({
  method: 'PATCH',
  path: '/api/clusters/:id/registry-status',
  params: IdParamsSchema,
  body: ClusterRegistryStatusUpdateSchema,
  response: CreatedSchema,
});
