import {
  ClusterComplianceSchema,
  ClusterCooperationSchema,
  ComplianceQuerySchema,
} from '../cooperation.schema.ts';
import { defineRoute, IdParamsSchema } from './kit.ts';

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
