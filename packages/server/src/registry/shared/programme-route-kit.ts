import { z } from 'zod';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import {
  ConflictResponseSchema,
  DuplicateResponseSchema,
} from '@promatlas/core/api/editing.schema.ts';
import type { AccessRule, RegionResolver } from '../../auth/access.ts';

/** What the programme routes share: the delete query, the error responses, the access rule. */

export const TAG = ['Программы'];

export const DeleteQuery = z.object({
  version: z.coerce
    .number({ message: 'Укажите версию удаляемой записи (?version=…)' })
    .int('Версия — целое число')
    .min(1, 'Версия — целое число от 1')
    .max(2_147_483_647, 'Версия — целое число от 1')
    .describe('Версия записи, которую удаляют (обязательна)'),
});

export const readErrors = { 400: ErrorResponseSchema, 404: ErrorResponseSchema };
export const errors = {
  400: ErrorResponseSchema,
  401: ErrorResponseSchema,
  403: ErrorResponseSchema,
  404: ErrorResponseSchema,
};
export const writeErrors = {
  ...errors,
  409: z.union([ConflictResponseSchema, DuplicateResponseSchema, ErrorResponseSchema]),
};

export const programme = (regions: RegionResolver): AccessRule => ({ scope: 'registry', regions });

export const ExportQuery = z.object({
  format: z.enum(['csv', 'xlsx']).default('xlsx').describe('Формат файла'),
  today: z.iso.date().optional().describe('День, на который считаются флаги'),
});

/** The name of a download: ASCII fallback and the UTF-8 name. */
export function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
