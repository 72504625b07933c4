import { z } from 'zod';
import { EntityTypeSchema, RegionRefSchema } from './common.schema.ts';

export const SearchQuerySchema = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'Введите запрос')
    .max(200, 'Запрос длиннее 200 символов')
    .describe('Поисковый запрос на русском языке; любая падежная форма, опечатки допустимы'),
  types: z
    .string()
    .optional()
    .describe(
      'Типы через запятую: region,organisation,person,site,cluster,event,agreement,action_plan,project,source',
    ),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const SearchItemSchema = z.object({
  type: EntityTypeSchema,
  id: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  region: RegionRefSchema.nullable(),
  score: z.number(),
  match: z
    .enum(['text', 'region', 'fuzzy'])
    .describe('Совпадение по тексту, по региону или нечёткое (опечатка)'),
});

export const SearchResponseSchema = z.object({
  items: z.array(SearchItemSchema),
  total: z.number().int(),
  counts: z.record(z.string(), z.number().int()).describe('Число результатов по типам'),
  fuzzy: z.boolean().describe('true, если точных совпадений не нашлось и показаны похожие'),
});
export type SearchItem = z.infer<typeof SearchItemSchema>;
export type SearchResponse = z.infer<typeof SearchResponseSchema>;
