import { z } from 'zod';
import {
  ComputeEditionBodySchema,
  EditionComparisonSchema,
  ImportIndicatorValuesBodySchema,
  ImportIndicatorValuesResultSchema,
  IndicatorValueListSchema,
  RatingEditionListSchema,
  RatingEditionSchema,
  RatingMethodologyListSchema,
  RatingMethodologySchema,
  ScoreExplanationSchema,
  SensitivityQuerySchema,
  SensitivitySchema,
  WhatIfBodySchema,
  WhatIfSchema,
} from '../ratings.schema.ts';
import { defineRoute, FileResponseSchema, IdParamsSchema } from './kit.ts';

// Ratings: methodologies (versioned data), computed editions, explanations,
// sensitivity, comparisons, what-if re-ranking, exports and indicator values.

export const listMethodologiesRoute = defineRoute({
  method: 'GET',
  path: '/api/ratings/methodologies',
  response: RatingMethodologyListSchema,
});

export const getMethodologyRoute = defineRoute({
  method: 'GET',
  path: '/api/ratings/methodologies/:id',
  params: IdParamsSchema,
  response: RatingMethodologySchema,
});

export const createMethodologyRoute = defineRoute({
  method: 'POST',
  path: '/api/ratings/methodologies',
  body: z.record(z.string(), z.unknown()).describe('Методика рейтинга (JSON)'),
  response: RatingMethodologySchema,
});

export const listEditionsRoute = defineRoute({
  method: 'GET',
  path: '/api/ratings/editions',
  response: RatingEditionListSchema,
});

export const computeEditionRoute = defineRoute({
  method: 'POST',
  path: '/api/ratings/editions',
  body: ComputeEditionBodySchema,
  response: RatingEditionSchema,
});

export const compareEditionsRoute = defineRoute({
  method: 'GET',
  path: '/api/ratings/editions/compare',
  query: z.object({
    before: z.coerce.number().int().positive().describe('Более раннее издание'),
    after: z.coerce.number().int().positive().describe('Более позднее издание'),
  }),
  response: EditionComparisonSchema,
});

export const getEditionRoute = defineRoute({
  method: 'GET',
  path: '/api/ratings/editions/:id',
  params: IdParamsSchema,
  response: RatingEditionSchema,
});

export const explainObjectRoute = defineRoute({
  method: 'GET',
  path: '/api/ratings/editions/:id/objects/:objectId/explanation',
  params: IdParamsSchema.extend({
    objectId: z
      .string()
      .regex(/^[0-9A-Za-z_-]{1,40}$/)
      .describe('Идентификатор объекта (площадки, кластера или код региона)'),
  }),
  response: ScoreExplanationSchema,
});

export const editionSensitivityRoute = defineRoute({
  method: 'GET',
  path: '/api/ratings/editions/:id/sensitivity',
  params: IdParamsSchema,
  query: SensitivityQuerySchema,
  response: SensitivitySchema,
});

export const whatIfRoute = defineRoute({
  method: 'POST',
  path: '/api/ratings/editions/:id/what-if',
  params: IdParamsSchema,
  body: WhatIfBodySchema,
  response: WhatIfSchema,
});

export const exportEditionRoute = defineRoute({
  method: 'GET',
  path: '/api/ratings/editions/:id/export',
  params: IdParamsSchema,
  query: z.object({ format: z.enum(['csv', 'xlsx']).default('xlsx') }),
  response: FileResponseSchema,
});

export const listIndicatorValuesRoute = defineRoute({
  method: 'GET',
  path: '/api/ratings/indicator-values',
  query: z.object({
    dataset: z.string().max(200).optional(),
    year: z.coerce.number().int().min(1900).max(2100).optional(),
    objectType: z.enum(['site', 'cluster', 'region']).optional(),
    objectId: z.string().max(40).optional(),
  }),
  response: IndicatorValueListSchema,
});

/** All or nothing: a 422 answer lists every bad row (ImportRejectedSchema). */
export const importIndicatorValuesRoute = defineRoute({
  method: 'POST',
  path: '/api/ratings/indicator-values/import',
  body: ImportIndicatorValuesBodySchema,
  response: ImportIndicatorValuesResultSchema,
});
