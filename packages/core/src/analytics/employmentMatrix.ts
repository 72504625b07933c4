/**
 * A dense region × industry matrix: the one representation every cluster-mapping
 * function in this folder takes.
 *
 * Layout: `values` is row-major, one row per region and one column per industry,
 * so the value for region `r` and industry `i` is `values[r * industryIds.length + i]`.
 * A typed array keeps 2,500 regions × 600 industries in one 12 MB block that the
 * analytics loops read without pointer chasing (d3-array style: arrays in, typed
 * arrays out).
 *
 * The same shape holds employment, establishment counts or output; the name says
 * what the cluster-mapping methods mostly read. Values are finite and ≥ 0; a
 * region × industry pair with no data is 0.
 */
export interface EmploymentMatrix {
  readonly regionIds: readonly string[];
  readonly industryIds: readonly string[];
  /** Row-major, length `regionIds.length * industryIds.length`. */
  readonly values: Float64Array;
}

/**
 * Builds an {@link EmploymentMatrix} from one array per region (rows follow
 * `regionIds`, columns follow `industryIds`).
 *
 * Throws a RangeError when a row has the wrong length, a value is negative or not
 * finite, or an id is repeated: the analytics downstream assume a clean matrix
 * rather than guessing what a NaN or a duplicate meant.
 */
export function employmentMatrix(
  regionIds: readonly string[],
  industryIds: readonly string[],
  rows: ReadonlyArray<ArrayLike<number>>,
): EmploymentMatrix {
  assertUnique(regionIds, 'region');
  assertUnique(industryIds, 'industry');
  if (rows.length !== regionIds.length) {
    throw new RangeError(`expected ${regionIds.length} rows, got ${rows.length}`);
  }
  const industryCount = industryIds.length;
  const values = new Float64Array(regionIds.length * industryCount);
  rows.forEach((row, r) => {
    if (row.length !== industryCount) {
      throw new RangeError(
        `row for region ${regionIds[r]} has ${row.length} values, expected ${industryCount}`,
      );
    }
    for (let i = 0; i < industryCount; i++) {
      const value = row[i]!;
      if (!Number.isFinite(value) || value < 0) {
        throw new RangeError(
          `value for region ${regionIds[r]}, industry ${industryIds[i]} must be a finite number ≥ 0, got ${value}`,
        );
      }
      values[r * industryCount + i] = value;
    }
  });
  return { regionIds: [...regionIds], industryIds: [...industryIds], values };
}

function assertUnique(ids: readonly string[], kind: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) throw new RangeError(`duplicate ${kind} id ${id}`);
    seen.add(id);
  }
}
