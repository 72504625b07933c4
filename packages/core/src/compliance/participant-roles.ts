import type { ParticipantKind } from './cluster-rule-set.schema.ts';

/**
 * Kinds of participant that cannot at the same time be an industrial enterprise
 * or a finished-product maker: an infrastructure, education, research or finance
 * organisation, or the cluster's specialised organisation, is counted in its own
 * role by the composition requirement and must not be counted twice. For these
 * kinds an absent `industrial` / `finalProductMaker` means false, not unknown;
 * `enterprise` and `other` may be either, and absent means unknown.
 */
export const NON_INDUSTRIAL_KINDS: ReadonlySet<ParticipantKind> = new Set<ParticipantKind>([
  'infrastructure',
  'education',
  'research',
  'finance',
  'specialised_organisation',
]);
