import type { ClusterCheckInput } from './cluster-check.schema.ts';
import type { ClusterRuleSet } from './cluster-rule-set.schema.ts';
import { NON_INDUSTRIAL_KINDS } from './participant-roles.ts';

export interface CompositionResult {
  readonly code: 'composition';
  readonly verdict: 'met' | 'not_met' | 'insufficient_data';
  readonly value: {
    readonly industrialEnterprises: number;
    readonly infrastructureOrganisations: number;
  };
  /** The minimums, and whether they are verified against the regulation (shown in the UI when not). */
  readonly threshold: {
    readonly industrialEnterprises: number;
    readonly infrastructureOrganisations: number;
    readonly verified: boolean;
  };
  /** insufficient_data: the participants whose `industrial` flag is not stated. */
  readonly participants: readonly string[];
  readonly deadline: null;
}

/**
 * Minimum composition: at least `minIndustrialEnterprises` industrial
 * enterprises (`industrial: true`) and at least `minInfrastructureOrganisations`
 * participants of an infrastructure kind. The default N = 10 is commonly cited
 * for ПП РФ № 779 but not verified against its text (`verified: false`).
 *
 * An enterprise or `other` participant without the `industrial` flag is
 * unknown: met if the known ones already reach N, not_met if even all unknown
 * ones would not (or infrastructure is short), insufficient_data otherwise.
 */
export function checkComposition(
  input: ClusterCheckInput,
  rules: ClusterRuleSet,
): CompositionResult {
  const {
    minIndustrialEnterprises,
    minInfrastructureOrganisations,
    infrastructureKinds,
    verified,
  } = rules.composition;
  const infrastructure = new Set<string>(infrastructureKinds);
  let industrialEnterprises = 0;
  let infrastructureOrganisations = 0;
  const unknown: string[] = [];
  for (const p of input.participants) {
    if (infrastructure.has(p.kind)) infrastructureOrganisations++;
    if (p.industrial === true) industrialEnterprises++;
    else if (p.industrial === undefined && !NON_INDUSTRIAL_KINDS.has(p.kind)) unknown.push(p.id);
  }
  const verdict =
    infrastructureOrganisations < minInfrastructureOrganisations ||
    industrialEnterprises + unknown.length < minIndustrialEnterprises
      ? 'not_met'
      : industrialEnterprises >= minIndustrialEnterprises
        ? 'met'
        : 'insufficient_data';
  return {
    code: 'composition',
    verdict,
    value: { industrialEnterprises, infrastructureOrganisations },
    threshold: {
      industrialEnterprises: minIndustrialEnterprises,
      infrastructureOrganisations: minInfrastructureOrganisations,
      verified,
    },
    participants: verdict === 'insufficient_data' ? unknown : [],
    deadline: null,
  };
}
