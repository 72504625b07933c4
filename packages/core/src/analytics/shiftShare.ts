import type { EmploymentMatrix } from './employmentMatrix.ts';

export interface ShiftShareOptions {
  /**
   * Benchmark (national) employment by industry id at the start and end years, to
   * decompose a set of regions against the whole country. Default: the column
   * sums of the two matrices. The benchmark totals E⁰ and E¹ are the sums of
   * these maps (so they may include industries the matrices lack). An industry
   * of the matrices missing from a map counts as 0 there (noted).
   */
  readonly reference?: {
    readonly startIndustryEmployment: ReadonlyMap<string, number>;
    readonly endIndustryEmployment: ReadonlyMap<string, number>;
  };
}

export type ShiftShareNote =
  /** E⁰ = 0: national growth is undefined and taken as 0. */
  | { readonly kind: 'zeroStartTotal' }
  /** E_i⁰ = 0: the industry's growth is undefined and taken as national growth (mix 0). */
  | { readonly kind: 'zeroIndustryStart'; readonly industryId: string }
  /** The reference has no figure for this industry in that year; taken as 0. */
  | {
      readonly kind: 'missingReferenceIndustry';
      readonly industryId: string;
      readonly year: 'start' | 'end';
    };

export interface ShiftShareComponents {
  readonly change: Float64Array;
  readonly nationalShare: Float64Array;
  readonly industryMix: Float64Array;
  readonly regionalShift: Float64Array;
}

export interface ShiftShareResult extends ShiftShareComponents {
  readonly regionIds: readonly string[];
  readonly industryIds: readonly string[];
  /** The same four components summed over industries, one value per region. */
  readonly regionTotals: ShiftShareComponents;
  /** g = (E¹ − E⁰) / E⁰. */
  readonly nationalGrowth: number;
  /** g_i = (E_i¹ − E_i⁰) / E_i⁰, by industry. */
  readonly industryGrowth: Float64Array;
  readonly notes: readonly ShiftShareNote[];
}

/**
 * Classic shift-share decomposition (Dunn 1960; Esteban-Marquillas 1972 notation)
 * of the change in employment of industry i in region r between two years:
 *
 *   e¹_ir − e⁰_ir = NS_ir + IM_ir + RS_ir
 *   national share  NS_ir = e⁰_ir · g                 g   = (E¹ − E⁰) / E⁰
 *   industry mix    IM_ir = e⁰_ir · (g_i − g)         g_i = (E_i¹ − E_i⁰) / E_i⁰
 *   regional shift  RS_ir = e⁰_ir · (r_ir − g_i)      r_ir = (e¹_ir − e⁰_ir) / e⁰_ir
 *
 * RS is computed as the change minus NS and IM, which equals the formula when
 * e⁰_ir > 0 and makes the three components add up to the change by construction
 * (to floating-point rounding) also when e⁰_ir = 0: an industry that appears in
 * a region is all regional shift. Zero benchmark bases give rate 0 (national) or
 * the national rate (industry), with a note, never NaN.
 *
 * Arrays are row-major in the matrices' shape; `start` and `end` must have the
 * same region and industry ids in the same order (RangeError otherwise).
 */
export function shiftShare(
  start: EmploymentMatrix,
  end: EmploymentMatrix,
  options: ShiftShareOptions = {},
): ShiftShareResult {
  const { regionIds, industryIds } = start;
  if (!sameIds(regionIds, end.regionIds) || !sameIds(industryIds, end.industryIds)) {
    throw new RangeError(
      'start and end matrices must have the same regions and industries in the same order',
    );
  }
  const regionCount = regionIds.length;
  const industryCount = industryIds.length;
  const notes: ShiftShareNote[] = [];

  let industryStart: Float64Array;
  let industryEnd: Float64Array;
  let totalStart = 0;
  let totalEnd = 0;
  if (options.reference) {
    const { startIndustryEmployment, endIndustryEmployment } = options.reference;
    industryStart = fromReference(industryIds, startIndustryEmployment, 'start', notes);
    industryEnd = fromReference(industryIds, endIndustryEmployment, 'end', notes);
    for (const value of startIndustryEmployment.values()) totalStart += value;
    for (const value of endIndustryEmployment.values()) totalEnd += value;
  } else {
    industryStart = columnSums(start);
    industryEnd = columnSums(end);
    for (const value of industryStart) totalStart += value;
    for (const value of industryEnd) totalEnd += value;
  }

  let nationalGrowth = 0;
  if (totalStart === 0) notes.push({ kind: 'zeroStartTotal' });
  else nationalGrowth = (totalEnd - totalStart) / totalStart;

  const industryGrowth = new Float64Array(industryCount);
  for (let i = 0; i < industryCount; i++) {
    const base = industryStart[i]!;
    if (base === 0) {
      notes.push({ kind: 'zeroIndustryStart', industryId: industryIds[i]! });
      industryGrowth[i] = nationalGrowth;
    } else {
      industryGrowth[i] = (industryEnd[i]! - base) / base;
    }
  }

  const cellCount = regionCount * industryCount;
  const cells = components(cellCount);
  const regionTotals = components(regionCount);
  for (let r = 0; r < regionCount; r++) {
    for (let i = 0; i < industryCount; i++) {
      const cell = r * industryCount + i;
      const e0 = start.values[cell]!;
      const change = end.values[cell]! - e0;
      const nationalShare = e0 * nationalGrowth;
      const industryMix = e0 * (industryGrowth[i]! - nationalGrowth);
      const regionalShift = change - nationalShare - industryMix;
      cells.change[cell] = change;
      cells.nationalShare[cell] = nationalShare;
      cells.industryMix[cell] = industryMix;
      cells.regionalShift[cell] = regionalShift;
      regionTotals.change[r] = regionTotals.change[r]! + change;
      regionTotals.nationalShare[r] = regionTotals.nationalShare[r]! + nationalShare;
      regionTotals.industryMix[r] = regionTotals.industryMix[r]! + industryMix;
      regionTotals.regionalShift[r] = regionTotals.regionalShift[r]! + regionalShift;
    }
  }
  return { regionIds, industryIds, ...cells, regionTotals, nationalGrowth, industryGrowth, notes };
}

function components(length: number): ShiftShareComponents {
  return {
    change: new Float64Array(length),
    nationalShare: new Float64Array(length),
    industryMix: new Float64Array(length),
    regionalShift: new Float64Array(length),
  };
}

function columnSums(matrix: EmploymentMatrix): Float64Array {
  const industryCount = matrix.industryIds.length;
  const sums = new Float64Array(industryCount);
  matrix.values.forEach((value, cell) => {
    const i = cell % industryCount;
    sums[i] = sums[i]! + value;
  });
  return sums;
}

function fromReference(
  industryIds: readonly string[],
  reference: ReadonlyMap<string, number>,
  year: 'start' | 'end',
  notes: ShiftShareNote[],
): Float64Array {
  return Float64Array.from(industryIds, (industryId) => {
    const value = reference.get(industryId);
    if (value === undefined) notes.push({ kind: 'missingReferenceIndustry', industryId, year });
    return value ?? 0;
  });
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, k) => id === b[k]);
}
