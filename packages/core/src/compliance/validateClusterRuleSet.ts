import { ClusterRuleSetSchema, type ClusterRuleSet } from './cluster-rule-set.schema.ts';
import type { Validated } from './input-problem.ts';
import { zodProblems } from './zodProblems.ts';

/**
 * Validates a stored or user-supplied rule set (already parsed from JSON):
 * every field, no unknown ones, and a reduced functional-dependence threshold
 * not above the standard one. Problems are listed per field in Russian and
 * English.
 */
export function validateClusterRuleSet(document: unknown): Validated<ClusterRuleSet> {
  const parsed = ClusterRuleSetSchema.safeParse(document);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problems: zodProblems(parsed.error) };
}
