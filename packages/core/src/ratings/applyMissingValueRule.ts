import type { MissingValueRule } from './methodology.schema.ts';

export interface MissingValueResult {
  /** Rows as given, with missing cells filled where the rule fills them. */
  values: (number | null)[][];
  /** imputed[row][column] is true where the rule supplied the value. */
  imputed: boolean[][];
  /** True for rows the 'disqualify' rule takes out of the rating. */
  disqualified: boolean[];
}

/**
 * Applies a missing-value rule to a matrix of NORMALISED values (rows =
 * objects of one peer group, columns = indicators). A cell is missing when it
 * is null, undefined or not finite.
 *
 * - 'exclude': the cell stays null; computeEdition then spreads the
 *   indicator's weight over the indicators the object does have in that group
 *   (and a group with none over the other groups).
 * - 'group_mean': the cell becomes the mean of the observed normalised values
 *   of that column, i.e. the peer-group average of the indicator; a column
 *   with no observed value stays null (and is excluded as above).
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
  rows: readonly (readonly (number | null | undefined)[])[],
  rule: MissingValueRule,
): MissingValueResult {
  const columns = rows.reduce((max, row) => Math.max(max, row.length), 0);
  const isMissing = (v: number | null | undefined): v is null | undefined =>
    v == null || !Number.isFinite(v);

  let fill: (column: number) => number | null = () => null;
  if (rule === 'zero') fill = () => 0;
  if (rule === 'group_mean') {
    const means: (number | null)[] = [];
    for (let j = 0; j < columns; j++) {
      let sum = 0;
      let count = 0;
      for (const row of rows) {
        const v = row[j];
        if (!isMissing(v)) {
          sum += v;
          count++;
        }
      }
      means.push(count > 0 ? sum / count : null);
    }
    fill = (j) => means[j] ?? null;
  }

  const values: (number | null)[][] = [];
  const imputed: boolean[][] = [];
  const disqualified: boolean[] = [];
  for (const row of rows) {
    const out: (number | null)[] = [];
    const flags: boolean[] = [];
    let anyMissing = false;
    for (let j = 0; j < columns; j++) {
      const v = row[j];
      if (isMissing(v)) {
        anyMissing = true;
        const filled = rule === 'disqualify' || rule === 'exclude' ? null : fill(j);
        out.push(filled);
        flags.push(filled !== null);
      } else {
        out.push(v);
        flags.push(false);
      }
    }
    values.push(out);
    imputed.push(flags);
    disqualified.push(rule === 'disqualify' && anyMissing);
  }
  return { values, imputed, disqualified };
}
