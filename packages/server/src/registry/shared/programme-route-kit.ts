import { z } from 'zod';
import { ErrorResponseSchema } from '@promatlas/core/api/common.schema.ts';
import {
  DuplicateResponseSchema,
  RecordVersionSchema,
} from '@promatlas/core/api/editing.schema.ts';
import { FlagRulesSchema } from '@promatlas/core/programmes/flags.ts';
import { MeasureSchema } from '@promatlas/core/api/programmes.schema.ts';
import { StaleVersionError } from '../../shared/domain-errors.ts';
import type { AccessRule, RegionResolver } from '../../auth/index.ts';

/** What the programme routes share: the delete query, the error responses, the access rule. */

export const TAG = ['Программы'];

/**
 * Route option for the large programme lists (a plan page of 2,000 measures
 * is 1.3 MB): the answer is written by JSON.stringify alone, without the
 * schema's encoding pass, which walked every field of every measure again and
 * was about a quarter of the plan page's time. The response schema still
 * documents the route (OpenAPI, the typed contract) and TypeScript checks the
 * handler's result against it; the presenters build each object field by
 * field, so there is nothing for the encoding to strip.
 */
export const plainJsonResponse = {
  serializerCompiler: () => (data: unknown) => JSON.stringify(data),
};

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
/**
 * A 409 names the record as it is now: a measure as the plan page shows it,
 * the flag rules as their page shows them, anything else by id and version.
 */
export const ProgrammeConflictSchema = z.object({
  error: z.object({
    code: z.literal('conflict'),
    message: z.string(),
    messageEn: z.string(),
    current: z.union([
      MeasureSchema,
      FlagRulesSchema.extend({ version: z.number().int() }),
      RecordVersionSchema,
    ]),
    currentVersion: z.number().int(),
  }),
});
export const writeErrors = {
  ...errors,
  409: z.union([ProgrammeConflictSchema, DuplicateResponseSchema, ErrorResponseSchema]),
};

/** Runs a versioned write; a stale version is answered with `present`'s record instead of the table row. */
export async function conflictsAs<T>(
  work: () => Promise<T>,
  present: (currentVersion: number) => Promise<Record<string, unknown>>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof StaleVersionError)) throw error;
    throw new StaleVersionError(await present(error.currentVersion), error.currentVersion);
  }
}

/** A versioned write whose conflict names the record by id and version. */
export function versioned<T>(id: number, work: () => Promise<T>): Promise<T> {
  return conflictsAs(work, async (version) => ({ id, version }));
}

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
