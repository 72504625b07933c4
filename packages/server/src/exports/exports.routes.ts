import { z } from 'zod';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import {
  IdParamsSchema,
  listOrganisationsRoute,
  listRegionsRoute,
} from '@promatlas/core/api/contract.ts';
import {
  COOPERATION_CONTRACT_TYPES,
  ENTITY_TYPES,
  INDUSTRY_TYPES,
} from '@promatlas/core/domain/vocabulary.ts';
import { SearchQuerySchema } from '@promatlas/core/api/search.schema.ts';
import type { AppInstance } from '../http/app-instance.ts';
import { readDb, readSchema } from '../db/read-db.ts';
import { SiteListQuery } from '../registry/sites/index.ts';
import { ClusterListQuery } from '../clusters/registry/index.ts';
import { EventListQuery } from '../registry/events/index.ts';
import { AgreementListQuery } from '../registry/agreements/index.ts';
import { ActionPlanListQuery } from '../registry/action-plans/index.ts';
import { PeopleListQuery } from '../registry/people/index.ts';
import { ProjectListQuery } from '../registry/projects/index.ts';
import { SourceListQuery } from '../registry/sources/index.ts';
import { MeasureSchema } from '../map/index.ts';
import { ExportOptionsSchema } from './export-format.ts';
import { regionBoundaries } from './region-boundaries.ts';
import { exportList } from './exports.service.ts';
import {
  actionPlansExport,
  agreementsExport,
  clustersExport,
  eventsExport,
  organisationsExport,
  peopleExport,
  projectsExport,
  mapRegionsExport,
  ratingEditionsExport,
  regionsExport,
  searchExport,
  sitesExport,
  sourcesExport,
  clusterCategoriesExport,
  cooperationContractsExport,
  cooperationPurchasesExport,
  datasetValuesExport,
  datasetsExport,
  indicatorValuesExport,
  statementsExport,
  type ListExport,
} from './list-exports.ts';

/** A list's query without its paging: an export has every row the filters select. */
function exportQuery(list: z.ZodObject) {
  const paging = ['page', 'pageSize', 'limit', 'offset'].filter((key) => key in list.shape);
  const omit = Object.fromEntries(paging.map((key) => [key, true] as const));
  // Which paging keys a list has is known only at run time; omit takes them as a mask.
  return list.omit(omit as never).extend(ExportOptionsSchema.shape);
}

const Year = z.coerce.number().int().min(1900).max(2100);
const DatasetValuesQuery = z.object({
  region: z.string().max(400).optional().describe('Коды регионов через запятую'),
  industry: z.string().max(20).optional().describe('Код ОКВЭД2'),
  year: Year.optional(),
});
const CooperationContractsQuery = z.object({
  contractType: z.enum(COOPERATION_CONTRACT_TYPES.values).optional(),
  inside: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('true — только договоры между участниками, false — только с внешними сторонами'),
});
const CooperationPurchasesQuery = z.object({ year: Year.optional() });
const IndicatorValuesQuery = z.object({
  dataset: z.string().max(200).optional(),
  year: Year.optional(),
  objectType: z.enum(['site', 'cluster', 'region']).optional(),
  objectId: z.string().max(40).optional(),
});
const ClusterCategoriesQuery = z.object({ type: z.enum(INDUSTRY_TYPES.values).optional() });
const StatementsQuery = z.object({
  region: z.string().max(400).optional().describe('Коды регионов через запятую'),
  subjectType: z.enum(ENTITY_TYPES.values).optional().describe('Вид объекта факта'),
  property: z.string().max(200).optional().describe('Часть названия показателя'),
});

/**
 * `GET <list path>/export?format=csv|xlsx|geojson&<the list's filters and sort>`
 * for every list the API serves: the same query schema as the list page, its
 * paging dropped, the output options added.
 */
export function exportRoutes(app: AppInstance): void {
  // The list's parsed query must be what its export reads: checked here, per list.
  const route = <S extends z.ZodObject, Row>(
    path: string,
    listQuery: S,
    list: ListExport<z.output<S>, Row>,
  ): void => {
    const querystring = exportQuery(listQuery);
    app.get(
      path,
      {
        schema: {
          tags: ['Выгрузки'],
          summary: `Выгрузка списка «${list.title.ru}» с фильтрами и сортировкой списка: CSV, XLSX${list.locate ? ', GeoJSON' : ''}`,
          querystring,
          produces: [
            'text/csv',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            ...(list.locate ? ['application/geo+json'] : []),
          ],
          response: {
            200: z.string().describe('Файл выгрузки (поток)'),
            400: ErrorResponseSchema,
          },
        },
      },
      async (request, reply) => {
        const parsed = request.query as z.output<S> & z.output<typeof ExportOptionsSchema>;
        const file = await exportList(readDb(app, request.viewer), list, parsed, parsed, {
          schema: readSchema(request.viewer),
          kind: app.deps.databaseKind,
        });
        return (
          reply
            .type(file.contentType)
            .header('content-disposition', `attachment; filename="${file.filename}"`)
            .header('cache-control', 'no-store')
            // A stream is sent as it is (Fastify serialises no stream); the schema only documents it.
            .send(file.body as unknown as string)
        );
      },
    );
  };
  /** A list that belongs to one record (a dataset's values, a cluster's contracts): its id from the path. */
  const routeOf = <S extends z.ZodObject, Row>(
    path: string,
    listQuery: S,
    list: ListExport<z.output<S> & { id: number }, Row>,
  ): void => {
    app.get(
      path,
      {
        schema: {
          tags: ['Выгрузки'],
          summary: `Выгрузка «${list.title.ru}» с фильтрами: CSV, XLSX`,
          params: IdParamsSchema,
          querystring: listQuery.extend(ExportOptionsSchema.shape),
          produces: [
            'text/csv',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          ],
          response: {
            200: z.string().describe('Файл выгрузки (поток)'),
            400: ErrorResponseSchema,
            404: ErrorResponseSchema,
          },
        },
      },
      async (request, reply) => {
        const parsed = request.query as z.output<S> & z.output<typeof ExportOptionsSchema>;
        const { id } = request.params as z.output<typeof IdParamsSchema>;
        const file = await exportList(
          readDb(app, request.viewer),
          list,
          { ...parsed, id },
          parsed,
          { schema: readSchema(request.viewer), kind: app.deps.databaseKind },
        );
        return reply
          .type(file.contentType)
          .header('content-disposition', `attachment; filename="${file.filename}"`)
          .header('cache-control', 'no-store')
          .send(file.body as unknown as string);
      },
    );
  };
  route(`${listOrganisationsRoute.path}/export`, listOrganisationsRoute.query, organisationsExport);
  route('/api/people/export', PeopleListQuery, peopleExport);
  route('/api/sites/export', SiteListQuery, sitesExport);
  route('/api/clusters/export', ClusterListQuery, clustersExport);
  route('/api/events/export', EventListQuery, eventsExport);
  route('/api/agreements/export', AgreementListQuery, agreementsExport);
  route('/api/action-plans/export', ActionPlanListQuery, actionPlansExport);
  route('/api/projects/export', ProjectListQuery, projectsExport);
  route('/api/sources/export', SourceListQuery, sourcesExport);
  route(`${listRegionsRoute.path}/export`, listRegionsRoute.query, regionsExport);
  route('/api/search/export', SearchQuerySchema, searchExport);
  route('/api/ratings/editions/export', z.object({}), ratingEditionsExport);
  route('/api/cluster-categories/export', ClusterCategoriesQuery, clusterCategoriesExport);
  route('/api/ratings/indicator-values/export', IndicatorValuesQuery, indicatorValuesExport);
  route('/api/datasets/export', z.object({}), datasetsExport);
  route('/api/statements/export', StatementsQuery, statementsExport);
  routeOf('/api/datasets/:id/values/export', DatasetValuesQuery, datasetValuesExport);
  routeOf(
    '/api/clusters/:id/cooperation-contracts/export',
    CooperationContractsQuery,
    cooperationContractsExport,
  );
  routeOf(
    '/api/clusters/:id/cooperation-purchases/export',
    CooperationPurchasesQuery,
    cooperationPurchasesExport,
  );
  // The map's regions with the chosen measure; boundaries are read only for GeoJSON.
  app.get(
    '/api/map/regions/export',
    {
      schema: {
        tags: ['Выгрузки'],
        summary:
          'Выгрузка картограммы: значение показателя по субъектам РФ — CSV, XLSX, GeoJSON с границами',
        querystring: ExportOptionsSchema.extend({
          measure: MeasureSchema.default('organisations'),
        }),
        produces: [
          'text/csv',
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          'application/geo+json',
        ],
        response: {
          200: z.string().describe('Файл выгрузки'),
          400: ErrorResponseSchema,
          422: ErrorResponseSchema,
        },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const boundaries = q.format === 'geojson' ? await regionBoundaries(app.deps.webDist) : null;
      const file = await exportList(app.deps.db, mapRegionsExport(boundaries), q, q, {
        schema: readSchema(request.viewer),
        kind: app.deps.databaseKind,
      });
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .header('cache-control', 'no-store')
        .send(file.body as unknown as string);
    },
  );
}
