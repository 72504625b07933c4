import type { StoredClusterRuleSet } from '@promatlas/core/api/support.schema.ts';
import { validateClusterRuleSet, type ClusterRuleSet } from '@promatlas/core/compliance/index.ts';
import type { ClusterRuleSetRow } from './rule-set.repository.ts';

/**
 * The stored body as a rule set. It was validated when written; a body that
 * no longer validates (a schema change without a data migration) is a
 * programming error, not bad input, so it throws.
 */
export function ruleSetBody(row: ClusterRuleSetRow): ClusterRuleSet {
  const validated = validateClusterRuleSet(row.body);
  if (!validated.ok)
    throw new Error(
      `stored cluster rule set ${row.id} does not validate: ${validated.problems.map((p) => `${p.field}: ${p.messageEn}`).join('; ')}`,
    );
  return validated.value;
}

export function presentRuleSet(row: ClusterRuleSetRow): StoredClusterRuleSet {
  return {
    id: row.id,
    code: row.code,
    ruleVersion: row.rule_version,
    title: row.title,
    inForceFrom: row.in_force_from,
    inForceTo: row.in_force_to,
    published: row.published,
    version: row.version,
    body: ruleSetBody(row),
  };
}
