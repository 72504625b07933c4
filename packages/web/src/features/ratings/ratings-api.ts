import type { z } from 'zod';
import type {
  EditionComparisonResponse,
  ImportIndicatorValuesResult,
  ImportProblem,
  IndicatorValueList,
  RatingEditionList,
  RatingEditionResponse,
  RatingEditionSummary,
  RatingMethodologyListSchema,
  RatingMethodologyResponse,
  ScoreExplanationResponse,
  SensitivityResponse,
  WhatIfResponse,
} from '@promatlas/core/api/ratings.schema.ts';

// Types of the ratings API (packages/core/src/api/ratings.schema.ts) under the
// names the pages use; type-only imports, so no zod reaches the browser bundle.

export type EditionList = RatingEditionList;
export type EditionSummary = RatingEditionSummary;
export type Edition = RatingEditionResponse;
export type EditionTable = Edition['peerGroups'][number];
export type EditionRow = EditionTable['rows'][number];
export type MethodologyList = z.infer<typeof RatingMethodologyListSchema>;
export type MethodologyResponse = RatingMethodologyResponse;
export type Explanation = ScoreExplanationResponse;
export type Sensitivity = SensitivityResponse;
export type Comparison = EditionComparisonResponse;
export type WhatIf = WhatIfResponse;
export type IndicatorValues = IndicatorValueList;
export type ImportResult = ImportIndicatorValuesResult;
export type { ImportProblem };

export const ratingPaths = {
  list: '/ratings',
  edition: (id: number) => `/ratings/editions/${id}`,
  weights: (id: number) => `/ratings/editions/${id}/weights`,
  methodology: (id: number) => `/ratings/methodologies/${id}`,
  compare: (before?: number, after?: number) =>
    before && after
      ? `/ratings/compare?before=${before}&after=${after}`
      : before
        ? `/ratings/compare?before=${before}`
        : '/ratings/compare',
  import: '/ratings/import',
};

/** Every edition of the list, rated or not, newest year first. */
export function allEditions(list: EditionList): EditionSummary[] {
  return [...list.ratings.flatMap((r) => r.editions), ...list.otherEditions];
}
