import type { EmploymentMatrix } from './employmentMatrix.ts';

export interface CandidateClustersInput {
  readonly employment: EmploymentMatrix;
  /** Row-major in the employment matrix's shape (`locationQuotient(...).values`). */
  readonly locationQuotients: ArrayLike<number>;
  /** Row-major 0/1 in the employment matrix's shape (`strongClusters(...).strong`). */
  readonly strong: ArrayLike<number>;
  /** industries × industries, same industry ids and order (`industryRelatedness(...)`). */
  readonly relatedness: {
    readonly industryIds: readonly string[];
    readonly values: ArrayLike<number>;
  };
}

export interface CandidateClustersOptions {
  /**
   * φ at or above which two industries count as related, in (0, 1]. No default:
   * the bar is a policy choice and the evidence page should show which one was used.
   */
  readonly minimumRelatedness: number;
  /** Keep only the first `limit` candidates. Default: all. */
  readonly limit?: number;
}

export interface CandidateCluster {
  readonly industryId: string;
  /** Σ φ over the related strong industries: the ranking key. */
  readonly score: number;
  /** The region's strong industries this one is related to, most related first. */
  readonly relatedStrongIndustries: ReadonlyArray<{
    readonly industryId: string;
    readonly relatedness: number;
  }>;
  /** The candidate's own LQ in the region (< 1, or ≥ 1 but failing the strong tests). */
  readonly locationQuotient: number;
  /** The candidate's own employment in the region (0: absent, a diversification option). */
  readonly employment: number;
}

/**
 * Candidate clusters for a region: industries that are not strong in the region
 * but are related (φ ≥ `minimumRelatedness`) to at least one of its strong
 * industries — the "related variety" a region can grow from what it is already
 * good at (Frenken, Van Oort & Verburg 2007; Neffke, Henning & Boschma 2011;
 * cluster portfolio analysis of the U.S. Cluster Mapping Project, which links
 * strong clusters to related ones).
 *
 *   candidates(r) = { i : ¬strong(i, r) ∧ ∃ j strong(j, r), φ(i, j) ≥ θ }
 *   score(i, r)   = Σ_{j strong in r, φ(i, j) ≥ θ} φ(i, j)
 *
 * Ranked by score (related to more and closer strengths first), then by the
 * highest single φ, then by own LQ, then own employment, then industry id, so the
 * order is total and stable. Industries absent from the region are included:
 * they are the diversification options. A region with no strong industry has no
 * candidates (empty list). Unknown region ids and mismatched shapes are a
 * RangeError.
 */
export function candidateClusters(
  regionId: string,
  input: CandidateClustersInput,
  options: CandidateClustersOptions,
): CandidateCluster[] {
  const { employment, locationQuotients, strong, relatedness } = input;
  const { regionIds, industryIds, values } = employment;
  const industryCount = industryIds.length;
  const cellCount = regionIds.length * industryCount;
  const threshold = options.minimumRelatedness;
  if (!(threshold > 0 && threshold <= 1)) {
    throw new RangeError(`minimumRelatedness must be in (0, 1], got ${threshold}`);
  }
  if (locationQuotients.length !== cellCount || strong.length !== cellCount) {
    throw new RangeError('location quotients and strong flags must match the employment matrix');
  }
  if (
    relatedness.industryIds.length !== industryCount ||
    relatedness.industryIds.some((id, i) => id !== industryIds[i]) ||
    relatedness.values.length !== industryCount * industryCount
  ) {
    throw new RangeError('relatedness must cover the same industries in the same order');
  }
  const r = regionIds.indexOf(regionId);
  if (r < 0) throw new RangeError(`unknown region ${regionId}`);
  const offset = r * industryCount;

  const strongIndustries: number[] = [];
  for (let j = 0; j < industryCount; j++) if (strong[offset + j] === 1) strongIndustries.push(j);

  const candidates: CandidateCluster[] = [];
  for (let i = 0; i < industryCount; i++) {
    if (strong[offset + i] === 1) continue;
    const related: { industryId: string; relatedness: number }[] = [];
    let score = 0;
    for (const j of strongIndustries) {
      const phi = relatedness.values[i * industryCount + j]!;
      if (phi >= threshold) {
        related.push({ industryId: industryIds[j]!, relatedness: phi });
        score += phi;
      }
    }
    if (related.length === 0) continue;
    related.sort((a, b) => b.relatedness - a.relatedness || compare(a.industryId, b.industryId));
    candidates.push({
      industryId: industryIds[i]!,
      score,
      relatedStrongIndustries: related,
      locationQuotient: locationQuotients[offset + i]!,
      employment: values[offset + i]!,
    });
  }
  candidates.sort(
    (a, b) =>
      b.score - a.score ||
      b.relatedStrongIndustries[0]!.relatedness - a.relatedStrongIndustries[0]!.relatedness ||
      b.locationQuotient - a.locationQuotient ||
      b.employment - a.employment ||
      compare(a.industryId, b.industryId),
  );
  return options.limit === undefined ? candidates : candidates.slice(0, options.limit);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
