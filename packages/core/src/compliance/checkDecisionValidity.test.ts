import { describe, expect, it } from 'vitest';
import { checkDecisionValidity } from './checkDecisionValidity.ts';
import type { ClusterCheckInput } from './cluster-check.schema.ts';
import { DEFAULT_CLUSTER_RULE_SET as rules } from './default-cluster-rule-set.ts';
import { metCluster } from './test-fixtures.ts';

function decided(decisionDate: string | null | undefined, asOf: string): ClusterCheckInput {
  const input = metCluster();
  return {
    ...input,
    asOf,
    cluster: decisionDate === undefined ? { name: 'Пример' } : { name: 'Пример', decisionDate },
  };
}

describe('checkDecisionValidity', () => {
  it('is met the day before the decision is exactly 5 years old, with the expiry as the deadline', () => {
    expect(checkDecisionValidity(decided('2021-03-15', '2026-03-14'), rules)).toEqual({
      code: 'decision_validity',
      verdict: 'met',
      value: '2021-03-15',
      threshold: 5,
      participants: [],
      deadline: '2026-03-15',
    });
  });

  it('fails on the day the decision is exactly 5 years old', () => {
    expect(checkDecisionValidity(decided('2021-03-15', '2026-03-15'), rules)).toMatchObject({
      verdict: 'not_met',
      deadline: '2026-03-15',
    });
  });

  it('is met for a candidate cluster with no decision (null): nothing has expired', () => {
    expect(checkDecisionValidity(decided(null, '2025-06-30'), rules)).toMatchObject({
      verdict: 'met',
      value: null,
      deadline: null,
    });
  });

  it('lacks data when it is not stated whether there is a decision', () => {
    expect(checkDecisionValidity(decided(undefined, '2025-06-30'), rules).verdict).toBe(
      'insufficient_data',
    );
  });

  it('takes the validity period from the rule set', () => {
    const three = { ...rules, decision: { validityYears: 3 } };
    expect(checkDecisionValidity(decided('2021-03-15', '2025-06-30'), three)).toMatchObject({
      verdict: 'not_met',
      deadline: '2024-03-15',
    });
  });
});
