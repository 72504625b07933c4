import { z } from 'zod';
import { UploadIdSchema } from './cluster-analytics.schema.ts';
import {
  REGISTRY_IMPORT_REASONS,
  REGISTRY_IMPORT_ROW_STATUSES,
  REGISTRY_IMPORT_ENTITIES,
  REGISTRY_IMPORT_STATUSES,
} from '../domain/vocabulary.ts';

/** Registry import (organisations, people, sites, clusters, contracts, statements from CSV or XLSX): preview, jobs, quarantine. */

export const RegistryEntitySchema = z
  .enum(REGISTRY_IMPORT_ENTITIES.values)
  .describe('Что импортируется');

export const ColumnMappingSchema = z
  .record(z.string().max(500), z.string().max(40))
  .describe(
    'Сопоставление: заголовок столбца файла → поле (пустая строка — столбец не импортируется)',
  );

const ReadOptions = {
  sheet: z
    .union([z.string().min(1).max(200), z.number().int().min(1).max(1000)])
    .optional()
    .describe('Лист XLSX: имя или номер с 1 (по умолчанию первый)'),
  headerRow: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .optional()
    .describe('Строка заголовка (по умолчанию определяется)'),
};

export const RegistryPreviewInputSchema = z.object({
  uploadId: UploadIdSchema,
  entity: RegistryEntitySchema.default('organisations'),
  columns: ColumnMappingSchema.optional(),
  ...ReadOptions,
});

export const RegistryImportInputSchema = z.object({
  uploadId: UploadIdSchema,
  fileName: z.string().min(1).max(300).optional().describe('Имя файла, как у пользователя'),
  entity: RegistryEntitySchema.default('organisations'),
  columns: ColumnMappingSchema.optional(),
  dryRun: z.boolean().default(false).describe('Пробный прогон: ничего не записывается'),
  ...ReadOptions,
});

export const RowProblemSchema = z.object({
  column: z.string().nullable().describe('Столбец, как его называет файл'),
  field: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
});

export const FileProblemSchema = z.object({
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
});

export const RegistryFieldSchema = z.object({
  key: z.string(),
  label: z.string(),
  labelEn: z.string(),
});

export const RegistryPreviewSchema = z.object({
  entity: RegistryEntitySchema,
  format: z.enum(['csv', 'xlsx']),
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  sheet: z.string().nullable(),
  headers: z.array(z.string()),
  headerLine: z.number().int(),
  signature: z.string().describe('Подпись набора заголовков: по ней сохраняется сопоставление'),
  rowsTotal: z.number().int(),
  mapping: ColumnMappingSchema,
  mappingSource: z.enum(['given', 'saved', 'suggested']),
  suggested: ColumnMappingSchema,
  fields: z.array(RegistryFieldSchema),
  rows: z.array(
    z.object({
      line: z.number().int(),
      raw: z.record(z.string(), z.string()),
      values: z.record(z.string(), z.string()),
      valid: z.boolean(),
      problems: z.array(RowProblemSchema),
      warnings: z.array(RowProblemSchema),
    }),
  ),
});

export const RegistryImportJobSchema = z.object({
  id: z.number().int(),
  entity: RegistryEntitySchema,
  status: z.enum(REGISTRY_IMPORT_STATUSES.values),
  dryRun: z.boolean(),
  fileName: z.string(),
  fileBytes: z.number().nullable(),
  uploadedBy: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  rowsTotal: z.number().int().nullable(),
  rowsDone: z.number().int(),
  progress: z.number().min(0).max(1),
  counts: z.object({
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    refused: z.number().int(),
    conflicts: z.number().int(),
  }),
  columns: ColumnMappingSchema,
  problems: z.array(FileProblemSchema),
  changes: z.array(
    z.object({
      line: z.number().int(),
      action: z.enum(['create', 'update']),
      recordId: z.number().int().nullable(),
      name: z.string(),
      fields: z.array(
        z.object({ field: z.string(), before: z.string().nullable(), after: z.string() }),
      ),
    }),
  ),
  sourceId: z.number().int().nullable(),
  retryOf: z.number().int().nullable(),
  cancelRequested: z.boolean(),
});
export type RegistryImportJob = z.infer<typeof RegistryImportJobSchema>;

export const RegistryImportListSchema = z.object({ items: z.array(RegistryImportJobSchema) });

export const QuarantineRowSchema = z.object({
  id: z.number().int(),
  line: z.number().int(),
  raw: z.record(z.string(), z.string()),
  values: z.record(z.string(), z.string()),
  reasonCode: z.enum(REGISTRY_IMPORT_REASONS.values),
  problems: z.array(RowProblemSchema),
  recordId: z.number().int().nullable(),
  overwrite: z.boolean(),
  status: z.enum(REGISTRY_IMPORT_ROW_STATUSES.values),
});

export const QuarantineListSchema = z.object({
  items: z.array(QuarantineRowSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const QuarantineQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  status: z.enum(['open', 'all']).default('open'),
});

export const QuarantineFixSchema = z.object({
  values: z
    .record(z.string().max(40), z.string().max(10_000))
    .optional()
    .describe('Исправленные значения по полям'),
  overwrite: z
    .boolean()
    .optional()
    .describe('При повторе принять значения файла поверх более новой правки'),
});

export const RetryInputSchema = z.object({ dryRun: z.boolean().default(false) });

export const QuarantineParamsSchema = z.object({
  id: z.coerce.number().int().min(1).max(2_147_483_647),
  rowId: z.coerce.number().int().min(1).max(2_147_483_647),
});
