import type { EmploymentMatrix } from '../analytics/employmentMatrix.ts';
import { clusterCategoryOfOkved } from './clusterCategoryOfOkved.ts';
import { nearestPresentAncestors } from './nearestPresentAncestors.ts';

export interface AggregateToCategoriesOptions {
  /** ОКВЭД2 code (any level) → category code; the most specific listed code wins. */
  readonly mapping: ReadonlyMap<string, string>;
  /** The categories of the result, in this order (categories with no data get 0). */
  readonly categoryCodes: readonly string[];
}

export type AggregateToCategoriesNote =
  /**
   * Part of the value of an ОКВЭД2 code (the code's own remainder, after its
   * listed sub-codes are taken out) has no category: neither the code nor an
   * ancestor is mapped. `value` is the total over regions; it stays out of every
   * category and is reported, not guessed.
   */
  | { readonly kind: 'unmappedCode'; readonly industryId: string; readonly value: number }
  /**
   * In some regions the listed sub-codes add up to more than the code itself
   * (rounding or suppressed figures in the source): its own remainder is taken
   * as 0 there, not negative.
   */
  | { readonly kind: 'subCodesExceedCode'; readonly industryId: string; readonly regions: number }
  /** The mapping names a category that is not in `categoryCodes`: treated as unmapped. */
  | { readonly kind: 'unknownCategory'; readonly categoryCode: string };

export interface AggregateToCategoriesResult {
  /** Regions × categories, row-major, in `categoryCodes` order. */
  readonly matrix: EmploymentMatrix;
  /** Per region, the value left without a category. */
  readonly unmapped: Float64Array;
  /** Per region, Σ over the root codes: the region's total, categories plus unmapped. */
  readonly regionTotals: Float64Array;
  readonly notes: readonly AggregateToCategoriesNote[];
}

/**
 * Aggregates a region × ОКВЭД2 matrix into cluster categories without double
 * counting, whatever mix of levels the data has:
 *
 *   own_ir   = max(0, e_ir − Σ_{c : nearest listed ancestor of c is i} e_cr)
 *   e_r,cat  = Σ_{i : category(i) = cat} own_ir
 *
 * Each code contributes only what its listed sub-codes do not already cover
 * (a section row of 1 000 organisations with its division rows 600 and 300
 * contributes 100), and that remainder goes to the category of the code or of
 * its nearest mapped ancestor (see `clusterCategoryOfOkved`). So data given by
 * division, by section, or by section plus some divisions (Rosstat's layout)
 * all sum to the same region total as the root codes. What cannot be assigned
 * stays in `unmapped`, with a note per code.
 */
export function aggregateToCategories(
  matrix: EmploymentMatrix,
  options: AggregateToCategoriesOptions,
): AggregateToCategoriesResult {
  const { regionIds, industryIds, values } = matrix;
  const regionCount = regionIds.length;
  const industryCount = industryIds.length;
  const categoryCount = options.categoryCodes.length;
  const categoryIndex = new Map(options.categoryCodes.map((code, k) => [code, k]));
  const notes: AggregateToCategoriesNote[] = [];

  const parents = nearestPresentAncestors(industryIds);
  const target = new Int32Array(industryCount).fill(-1);
  const reportedUnknown = new Set<string>();
  industryIds.forEach((id, i) => {
    const category = clusterCategoryOfOkved(id, options.mapping);
    if (category === undefined) return;
    const k = categoryIndex.get(category);
    if (k === undefined) {
      if (!reportedUnknown.has(category)) {
        reportedUnknown.add(category);
        notes.push({ kind: 'unknownCategory', categoryCode: category });
      }
      return;
    }
    target[i] = k;
  });

  const result = new Float64Array(regionCount * categoryCount);
  const unmapped = new Float64Array(regionCount);
  const regionTotals = new Float64Array(regionCount);
  const own = new Float64Array(industryCount);
  const unmappedByCode = new Float64Array(industryCount);
  const exceeded = new Int32Array(industryCount);
  for (let r = 0; r < regionCount; r++) {
    const offset = r * industryCount;
    for (let i = 0; i < industryCount; i++) own[i] = values[offset + i]!;
    for (let i = 0; i < industryCount; i++) {
      const parent = parents[i]!;
      if (parent >= 0) own[parent] = own[parent]! - values[offset + i]!;
      else regionTotals[r] = regionTotals[r]! + values[offset + i]!;
    }
    for (let i = 0; i < industryCount; i++) {
      let remainder = own[i]!;
      if (remainder < 0) {
        exceeded[i] = exceeded[i]! + 1;
        remainder = 0;
      }
      if (remainder === 0) continue;
      const k = target[i]!;
      if (k >= 0) result[r * categoryCount + k] = result[r * categoryCount + k]! + remainder;
      else {
        unmapped[r] = unmapped[r]! + remainder;
        unmappedByCode[i] = unmappedByCode[i]! + remainder;
      }
    }
  }
  industryIds.forEach((industryId, i) => {
    if (exceeded[i]! > 0)
      notes.push({ kind: 'subCodesExceedCode', industryId, regions: exceeded[i]! });
    if (unmappedByCode[i]! > 0)
      notes.push({ kind: 'unmappedCode', industryId, value: unmappedByCode[i]! });
  });
  return {
    matrix: { regionIds, industryIds: [...options.categoryCodes], values: result },
    unmapped,
    regionTotals,
    notes,
  };
}
