import { z } from 'zod';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import { INDUSTRY_TYPES } from '@promatlas/core/domain/vocabulary.ts';
import type { AppInstance } from '../../http/app-instance.ts';
import { listClusterCategories, updateClusterCategory } from './cluster-category.service.ts';

const CategorySchema = z.object({
  code: z.string(),
  name: z.string(),
  type: z
    .enum(INDUSTRY_TYPES.values)
    .describe('traded — торгуемые (экспортные) отрасли, local — локальные'),
  description: z.string().nullable(),
  okvedCodes: z.array(z.string()).describe('Коды ОКВЭД2 любого уровня; действует самый конкретный'),
});

export function clusterCategoryRoutes(app: AppInstance): void {
  app.get(
    '/api/cluster-categories',
    {
      schema: {
        tags: ['Аналитика'],
        summary: 'Категории кластеров (торгуемые и локальные) и их коды ОКВЭД2',
        response: { 200: z.object({ items: z.array(CategorySchema) }) },
      },
    },
    async () => listClusterCategories(app.deps.db),
  );
  app.patch(
    '/api/cluster-categories/:code',
    {
      config: { access: 'analytics' },
      schema: {
        tags: ['Аналитика'],
        summary: 'Изменить категорию кластеров: название, тип, коды ОКВЭД2',
        params: z.object({
          code: z
            .string()
            .regex(/^[a-z0-9_-]{1,60}$/, 'Код категории — латинские строчные буквы, цифры, _ и -'),
        }),
        body: z.object({
          name: z.string().trim().min(1).max(300).optional(),
          type: z.enum(INDUSTRY_TYPES.values).optional(),
          description: z.string().max(5000).nullable().optional(),
          okvedCodes: z.array(z.string().trim()).max(2000).optional(),
        }),
        response: {
          200: CategorySchema,
          400: ErrorResponseSchema,
          401: ErrorResponseSchema,
          403: ErrorResponseSchema,
          404: ErrorResponseSchema,
        },
      },
    },
    async (request) =>
      updateClusterCategory(app.deps.db, request.params.code, request.body, {
        userId: request.viewer.user!.id,
      }),
  );
}
