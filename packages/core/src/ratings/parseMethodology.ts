import { z } from 'zod';
import { methodologySchema, type Methodology } from './methodology.schema.ts';

export type ParseMethodologyResult =
  { success: true; methodology: Methodology } | { success: false; errors: string[] };

/**
 * Validates unknown input (e.g. parsed JSON) as a rating methodology. Every
 * problem is listed, each prefixed with the path of the field it concerns
 * (`indicators[3].weight: вес не может быть отрицательным`), in Russian: zod's
 * built-in messages use its Russian locale for this parse only, without
 * touching the global zod configuration.
 */
export function parseMethodology(input: unknown): ParseMethodologyResult {
  const result = methodologySchema.safeParse(input, { error: z.locales.ru().localeError });
  if (result.success) return { success: true, methodology: result.data };
  return {
    success: false,
    errors: result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`),
  };
}

function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'методика';
  return path
    .map((part, i) =>
      typeof part === 'number' ? `[${part}]` : `${i === 0 ? '' : '.'}${String(part)}`,
    )
    .join('');
}
