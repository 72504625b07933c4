import { describe, expect, it } from 'vitest';
import { checkComposition } from './checkComposition.ts';
import type { ClusterCheckInput } from './cluster-check.schema.ts';
import { DEFAULT_CLUSTER_RULE_SET as rules } from './default-cluster-rule-set.ts';
import { metCluster } from './test-fixtures.ts';

function without(ids: string[], input = metCluster()): ClusterCheckInput {
  return { ...input, participants: input.participants.filter((p) => !ids.includes(p.id)) };
}

describe('checkComposition', () => {
  it('is met with 10 industrial enterprises and 1 infrastructure organisation, and says the minimum is not verified', () => {
    expect(checkComposition(metCluster(), rules)).toEqual({
      code: 'composition',
      verdict: 'met',
      value: { industrialEnterprises: 10, infrastructureOrganisations: 1 },
      threshold: { industrialEnterprises: 10, infrastructureOrganisations: 1, verified: false },
      participants: [],
      deadline: null,
    });
  });

  it('fails with 9 industrial enterprises', () => {
    expect(checkComposition(without(['e10']), rules)).toMatchObject({
      verdict: 'not_met',
      value: { industrialEnterprises: 9 },
    });
  });

  it('fails without an infrastructure organisation', () => {
    expect(checkComposition(without(['i1']), rules)).toMatchObject({
      verdict: 'not_met',
      value: { infrastructureOrganisations: 0 },
    });
  });

  it('does not count a university as infrastructure unless the rule set says so', () => {
    const input = without(['i1']);
    input.participants.push({ id: 'u1', name: 'Университет', kind: 'education' });
    expect(checkComposition(input, rules).verdict).toBe('not_met');
    const wider = {
      ...rules,
      composition: {
        ...rules.composition,
        infrastructureKinds: ['infrastructure' as const, 'education' as const],
      },
    };
    expect(checkComposition(input, wider).verdict).toBe('met');
  });

  it('lacks data when unknown industrial flags could reach the minimum, and names those participants', () => {
    const input = metCluster();
    input.participants = input.participants.map((p) => {
      if (p.id !== 'e9' && p.id !== 'e10') return p;
      const { industrial: _unknown, ...rest } = p;
      return rest;
    });
    expect(checkComposition(input, rules)).toMatchObject({
      verdict: 'insufficient_data',
      value: { industrialEnterprises: 8 },
      participants: ['e9', 'e10'],
    });
  });

  it('fails, not lacks data, when even all unknown flags could not reach the minimum', () => {
    const input = without(['e10']);
    input.participants = input.participants.map((p) => {
      if (p.id !== 'e9') return p;
      const { industrial: _unknown, ...rest } = p;
      return rest;
    });
    expect(checkComposition(input, rules).verdict).toBe('not_met');
  });

  it('takes the minimums from the rule set', () => {
    const smaller = {
      ...rules,
      composition: { ...rules.composition, minIndustrialEnterprises: 5 },
    };
    expect(checkComposition(without(['e6', 'e7', 'e8', 'e9', 'e10']), smaller).verdict).toBe('met');
  });
});
