import {
  clusterSupplierGapsRoute,
  supplierSearchRoute,
} from '@promatlas/core/api/contract/cooperation.ts';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import type { AppInstance } from '../../http/app-instance.ts';
import { readDb } from '../../db/read-db.ts';
import { clusterSupplierGaps, searchSuppliers } from './supplier.service.ts';

const TAG = ['Кооперация'];

/** Supplier search for a need and a cluster's supply gaps; public, over published records. */
export function supplierRoutes(app: AppInstance): void {
  // Public answers are kept by the read cache (search/read-cache.ts: per URL, public reader
  // only, emptied by every change the change feed reports), like the other public reads.
  app.get(
    supplierSearchRoute.path,
    {
      config: { readCache: true },
      schema: {
        tags: TAG,
        summary:
          'Поиск поставщиков: продукция ОКПД2 или вид деятельности ОКВЭД2, регион, радиус от точки или организации; ранжирование с объяснением',
        querystring: supplierSearchRoute.query,
        response: {
          200: supplierSearchRoute.response,
          400: ErrorResponseSchema,
          404: ErrorResponseSchema,
        },
      },
    },
    async ({ query, viewer }) => searchSuppliers(readDb(app, viewer), query),
  );
  app.get(
    clusterSupplierGapsRoute.path,
    {
      config: { readCache: true },
      schema: {
        tags: TAG,
        summary:
          'Пробелы кооперации: что участники кластера покупают вне его и кто в регионе мог бы это поставлять',
        params: clusterSupplierGapsRoute.params,
        querystring: clusterSupplierGapsRoute.query,
        response: {
          200: clusterSupplierGapsRoute.response,
          400: ErrorResponseSchema,
          404: ErrorResponseSchema,
        },
      },
    },
    async ({ params, query, viewer }) => clusterSupplierGaps(readDb(app, viewer), params.id, query),
  );
}
