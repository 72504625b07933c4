import { z } from 'zod';
import { PageQuerySchema } from '@promatlas/core/api/common.schema.ts';

/** Query parameters every registry list accepts, plus a sort whitelist per list. */
export function listQuerySchema<
  const S extends readonly [string, ...string[]],
  E extends z.ZodRawShape = Record<never, never>,
>(sorts: S, extra: E = {} as E) {
  return PageQuerySchema.extend({
    sort: z
      .enum(sorts)
      .default(sorts[0])
      .describe(`Сортировка: ${sorts.join(', ')}; «-» в начале — по убыванию`),
    region: z
      .string()
      .regex(/^\d{2,5}(,\d{2,5})*$/, 'Коды регионов через запятую, например 42 или 42,68')
      .optional()
      .describe('Коды регионов (ОКАТО) через запятую'),
    q: z.string().trim().max(200).optional().describe('Полнотекстовый фильтр по названию'),
    ...extra,
  });
}

export function regionCodes(region: string | undefined): string[] | undefined {
  return region ? region.split(',') : undefined;
}

export function offsetOf(page: number, pageSize: number): number {
  return (page - 1) * pageSize;
}

/** «-name» → ['name', 'desc'] */
export function parseSort(sort: string): { column: string; direction: 'asc' | 'desc' } {
  return sort.startsWith('-')
    ? { column: sort.slice(1), direction: 'desc' }
    : { column: sort, direction: 'asc' };
}
