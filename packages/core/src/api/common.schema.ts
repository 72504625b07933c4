import { z } from 'zod';
import { DATE_PRECISIONS, ENTITY_TYPES } from '../domain/vocabulary.ts';

/** API schemas shared by the server (validation, OpenAPI) and the web app (types). */

export const PartialDateSchema = z
  .object({
    // Calendar dates only: anything else would reach the database's date parser.
    from: z.iso.date().describe('Начало периода, YYYY-MM-DD'),
    to: z.iso.date().describe('Конец периода включительно, YYYY-MM-DD'),
    precision: z.enum(DATE_PRECISIONS.values),
  })
  .describe('Частичная дата: интервал и точность, с которой она указана в источнике');

export const SourceRefSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    published: PartialDateSchema.nullable(),
    quote: z.string().nullable().describe('Предложение источника, подтверждающее запись'),
  })
  .describe('Источник записи или факта');

export const RegionRefSchema = z.object({ code: z.string(), name: z.string() });

export const EntityTypeSchema = z.enum(ENTITY_TYPES.values);
export type EntityTypeName = z.infer<typeof EntityTypeSchema>;

export const EntityRefSchema = z.object({
  type: EntityTypeSchema,
  id: z.string(),
  title: z.string(),
});
export type EntityRef = z.infer<typeof EntityRefSchema>;

export const FactSchema = z
  .object({
    id: z.number().int(),
    property: z.string(),
    label: z.string().describe('Название свойства по-русски'),
    valueNumber: z.number().nullable(),
    valueText: z.string().nullable(),
    unit: z.string().nullable(),
    qualifier: z.enum(['exact', 'about', 'more_than', 'less_than', 'up_to', 'at_least']),
    asOf: PartialDateSchema.nullable(),
    object: EntityRefSchema.nullable(),
    source: SourceRefSchema.nullable(),
  })
  .describe('Утверждение об объекте: значение, дата актуальности, источник');
export type Fact = z.infer<typeof FactSchema>;

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1).describe('Номер страницы, с 1'),
  pageSize: z.coerce.number().int().min(1).max(200).default(50).describe('Размер страницы, до 200'),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string().describe('Сообщение для пользователя (по-русски)'),
    messageEn: z.string(),
    fields: z
      .array(z.object({ field: z.string(), message: z.string(), messageEn: z.string() }))
      .optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

export type PartialDateDto = z.infer<typeof PartialDateSchema>;
export type SourceRef = z.infer<typeof SourceRefSchema>;
export type RegionRef = z.infer<typeof RegionRefSchema>;

/** A web address readers may follow: only http and https (never javascript:, data:, file:…) with a host. */
export function isHttpUrl(value: string): boolean {
  if (!/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

export const HttpUrlSchema = z
  .string()
  .trim()
  .max(2000, 'Адрес не длиннее 2000 символов')
  .refine(isHttpUrl, 'Адрес должен быть ссылкой http:// или https://')
  .describe('Адрес http:// или https://');
