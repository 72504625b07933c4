import { z } from 'zod';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import {
  ClusterCandidatesQuerySchema,
  ClusterCandidatesSchema,
  ClusterMapQuerySchema,
  ClusterMapSchema,
  ClusterPortfolioQuerySchema,
  ClusterPortfolioSchema,
  ExportFormatSchema,
} from '@promatlas/core/api/cluster-analytics.schema.ts';
import type { FastifyReply } from 'fastify';
import type { AppInstance } from '../../http/app-instance.ts';
import {
  clusterCandidatesTable,
  clusterMapTable,
  clusterPortfolioTable,
  toCsv,
  toXlsx,
  type ExportTable,
} from './cluster-analytics.export.ts';
import {
  getClusterCandidates,
  getClusterMap,
  getClusterPortfolio,
} from './cluster-analytics.service.ts';

const TAGS = ['Аналитика'];
const MapExportQuery = ClusterMapQuerySchema.extend({ format: ExportFormatSchema });
const PortfolioExportQuery = ClusterPortfolioQuerySchema.extend({ format: ExportFormatSchema });
const CandidatesExportQuery = ClusterCandidatesQuerySchema.extend({ format: ExportFormatSchema });
const FILE_RESPONSE = z.string().describe('Файл CSV (UTF-8 с BOM) или XLSX');

async function sendTable(
  reply: FastifyReply,
  table: ExportTable,
  format: 'csv' | 'xlsx',
  fileName: string,
) {
  const name = `${fileName}.${format}`;
  reply.header(
    'content-disposition',
    `attachment; filename="${name}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  );
  if (format === 'xlsx')
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(await toXlsx(table));
  return reply.type('text/csv; charset=utf-8').send(toCsv(table));
}

/** Cluster mapping (issue 4): LQ map, region portfolio, candidate clusters, and their exports. */
export function clusterAnalyticsRoutes(app: AppInstance): void {
  const errors = { 400: ErrorResponseSchema, 404: ErrorResponseSchema };
  app.get(
    '/api/clusters-analytics/map',
    {
      schema: {
        tags: TAGS,
        summary:
          'Карта кластеров: коэффициент локализации отрасли по регионам, сильные кластеры и звёзды',
        description:
          'КЛ = (e_ir / e_r) / (E_i / E) против итога по непересекающимся отраслям набора; сильный кластер (U.S. Cluster Mapping): КЛ ≥ Q75 и КЛ ≥ 1 и значение > Q25 среди регионов со значением > 0 (квантили R-7); звёзды ECO: размер (≥ Q90), специализация (КЛ ≥ 2), фокус (доля ≥ Q90).',
        querystring: ClusterMapQuerySchema,
        response: { 200: ClusterMapSchema, ...errors },
      },
    },
    async ({ query }) => getClusterMap(app.deps.db, query),
  );
  app.get(
    '/api/clusters-analytics/map/export',
    {
      schema: {
        tags: TAGS,
        summary: 'Выгрузка карты кластеров в CSV или XLSX (заголовки по-русски)',
        querystring: MapExportQuery,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: FILE_RESPONSE, ...errors },
      },
    },
    async ({ query }, reply) =>
      sendTable(
        reply,
        clusterMapTable(await getClusterMap(app.deps.db, query)),
        query.format,
        `cluster-map-${query.dataset}-${query.year}-${query.industry}`,
      ),
  );
  app.get(
    '/api/clusters-analytics/portfolio',
    {
      schema: {
        tags: TAGS,
        summary: 'Портфель кластеров региона: КЛ, доля, рост, сильные кластеры и сила кластеров',
        description:
          'Для пузырьковой диаграммы U.S. Cluster Mapping: КЛ × доля в итоге региона × рост к базовому году. Сила кластеров — доля торгуемых отраслей региона, приходящаяся на его сильные кластеры.',
        querystring: ClusterPortfolioQuerySchema,
        response: { 200: ClusterPortfolioSchema, ...errors },
      },
    },
    async ({ query }) => getClusterPortfolio(app.deps.db, query),
  );
  app.get(
    '/api/clusters-analytics/portfolio/export',
    {
      schema: {
        tags: TAGS,
        summary: 'Выгрузка портфеля кластеров региона в CSV или XLSX',
        querystring: PortfolioExportQuery,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: FILE_RESPONSE, ...errors },
      },
    },
    async ({ query }, reply) => {
      const portfolio = await getClusterPortfolio(app.deps.db, query);
      return sendTable(
        reply,
        clusterPortfolioTable(portfolio),
        query.format,
        `cluster-portfolio-${query.dataset}-${query.year}-${portfolio.region.code}`,
      );
    },
  );
  app.get(
    '/api/clusters-analytics/candidates',
    {
      schema: {
        tags: TAGS,
        summary:
          'Кандидаты в кластеры: отрасли, связанные с сильными отраслями региона, но ещё не сильные',
        description:
          'Связанность φ — корреляция долей отраслей в занятости регионов; кандидат — несильная отрасль с φ ≥ порога хотя бы с одной сильной отраслью региона; оценка — сумма φ.',
        querystring: ClusterCandidatesQuerySchema,
        response: { 200: ClusterCandidatesSchema, ...errors },
      },
    },
    async ({ query }) => getClusterCandidates(app.deps.db, query),
  );
  app.get(
    '/api/clusters-analytics/candidates/export',
    {
      schema: {
        tags: TAGS,
        summary: 'Выгрузка кандидатов в кластеры в CSV или XLSX',
        querystring: CandidatesExportQuery,
        produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        response: { 200: FILE_RESPONSE, ...errors },
      },
    },
    async ({ query }, reply) => {
      const candidates = await getClusterCandidates(app.deps.db, query);
      return sendTable(
        reply,
        clusterCandidatesTable(candidates),
        query.format,
        `cluster-candidates-${query.dataset}-${query.year}-${candidates.region.code}`,
      );
    },
  );
}
