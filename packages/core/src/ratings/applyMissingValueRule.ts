import type { MissingValueRule } from './methodology.schema.ts';

export interface MissingValueResult {
  /**
   * Rows with missing cells filled where the rule fills them; NaN marks a
   * cell that stays missing. Typed arrays, so that an edition of 1,000 objects
   * × 100 indicators does not allocate 100,000 boxed numbers.
   */
  values: Float64Array[];
  /** imputed[row][column] is 1 where the rule supplied the value. */
  imputed: Uint8Array[];
  /** True for rows the 'disqualify' rule takes out of the rating. */
  disqualified: boolean[];
}

/**
 * Applies a missing-value rule to a matrix of NORMALISED values (rows =
 * objects of one peer group, columns = indicators). A cell is missing when it
 * is null, undefined or not finite (NaN, ±Infinity).
 *
 * - 'exclude': the cell stays missing; computeEdition then spreads the
 *   indicator's weight over the indicators the object does have in that group
 *   (and a group with none over the other groups).
 * - 'group_mean': the cell becomes the mean of the observed normalised values
 *   of that column, i.e. the peer-group average of the indicator; a column
 *   with no observed value stays missing (and is excluded as above).
 * - 'zero': the cell becomes 0, meaning the indicator contributes nothing: the
 *   worst possible value for min_max, rank and distance_to_target, the average
 *   for z_score.
 * - 'disqualify': a row with any missing cell is flagged; its cells are left
 *   as they are. computeEdition drops such objects before normalising, so an
 *   object outside the rating does not shift the others' scores.
 *
 * Rules act on normalised rather than raw values so that "zero" means "no
 * contribution" whatever the indicator's direction and unit, and so that the
 * normalisation parameters are fitted to observed values only.
 */
export function applyMissingValueRule(
  rows: readonly ArrayLike<number | null | undefined>[],
  rule: MissingValueRule,
): MissingValueResult {
  let columns = 0;
  for (const row of rows) columns = Math.max(columns, row.length);
  const cell = (row: ArrayLike<number | null | undefined>, j: number): number => {
    const v = j < row.length ? row[j] : null;
    return v == null || !Number.isFinite(v) ? Number.NaN : v;
  };

  const fill = new Float64Array(columns).fill(Number.NaN);
  if (rule === 'zero') fill.fill(0);
  if (rule === 'group_mean') {
    const sums = new Float64Array(columns);
    const counts = new Float64Array(columns);
    for (const row of rows)
      for (let j = 0; j < columns; j++) {
        const v = cell(row, j);
        if (v === v) {
          sums[j]! += v;
          counts[j]! += 1;
        }
      }
    for (let j = 0; j < columns; j++) if (counts[j]! > 0) fill[j] = sums[j]! / counts[j]!;
  }

  // One buffer for all rows, handed out as row views: a few large allocations
  // instead of one per row.
  const valueBuffer = new Float64Array(rows.length * columns);
  const imputedBuffer = new Uint8Array(rows.length * columns);
  const values: Float64Array[] = [];
  const imputed: Uint8Array[] = [];
  const disqualified: boolean[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    const out = valueBuffer.subarray(r * columns, (r + 1) * columns);
    const flags = imputedBuffer.subarray(r * columns, (r + 1) * columns);
    let anyMissing = false;
    for (let j = 0; j < columns; j++) {
      const v = cell(row, j);
      if (v === v) {
        out[j] = v;
        continue;
      }
      anyMissing = true;
      const filled = fill[j]!;
      out[j] = filled;
      if (filled === filled) flags[j] = 1;
    }
    values.push(out);
    imputed.push(flags);
    disqualified.push(rule === 'disqualify' && anyMissing);
  }
  return { values, imputed, disqualified };
}
