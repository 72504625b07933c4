import { describe, expect, it } from 'vitest';
import { checkCluster } from './checkCluster.ts';
import { DEFAULT_CLUSTER_RULE_SET as rules } from './default-cluster-rule-set.ts';
import { metCluster, withUnlinked } from './test-fixtures.ts';

describe('checkCluster', () => {
  it('is compliant when every requirement is met, with exactly the published output fields', () => {
    const result = checkCluster(metCluster(), rules);
    expect(result).toEqual({
      compliant: true,
      functionalDependence: 0.25,
      functionalDependenceThreshold: 0.2,
      requirements: [
        {
          code: 'cooperation',
          verdict: 'met',
          value: 0,
          threshold: 3,
          participants: [],
          deadline: null,
        },
        {
          code: 'functional_dependence',
          verdict: 'met',
          value: 0.25,
          threshold: 0.2,
          participants: [],
          deadline: null,
        },
        {
          code: 'composition',
          verdict: 'met',
          value: { industrialEnterprises: 10, infrastructureOrganisations: 1 },
          threshold: { industrialEnterprises: 10, infrastructureOrganisations: 1, verified: false },
          participants: [],
          deadline: null,
        },
        {
          code: 'specialised_organisation',
          verdict: 'met',
          value: 1,
          threshold: 1,
          participants: [],
          deadline: null,
        },
        {
          code: 'decision_validity',
          verdict: 'met',
          value: '2021-03-15',
          threshold: 5,
          participants: [],
          deadline: '2026-03-15',
        },
      ],
    });
  });

  it('is not compliant when one requirement fails', () => {
    const input = { ...metCluster(), asOf: '2026-03-15' };
    input.purchases = input.purchases.map((p) => ({ ...p, year: 2025 }));
    const result = checkCluster(input, rules);
    expect(result.compliant).toBe(false);
    expect(result.requirements.filter((r) => r.verdict !== 'met').map((r) => r.code)).toEqual([
      'decision_validity',
    ]);
  });

  it('is null, never a guess, when a requirement lacks data and none fails', () => {
    const input = metCluster();
    input.purchases = input.purchases.slice(0, 1);
    const result = checkCluster(input, rules);
    expect(result).toMatchObject({ compliant: null, functionalDependence: null });
    expect(result.requirements[1]).toMatchObject({
      verdict: 'insufficient_data',
      participants: ['e2'],
    });
  });

  it('is not compliant when one requirement fails and another lacks data', () => {
    const input = withUnlinked(metCluster(), 4, '2025-01-01');
    input.purchases = [];
    expect(checkCluster(input, rules).compliant).toBe(false);
  });

  it('reports a null threshold when territories are too little known to choose one', () => {
    const input = metCluster();
    input.participants = input.participants.map((p, k) => {
      if (k < 3) return { ...p, territory: ['geostrategic' as const] };
      if (k > 3) return p;
      const { territory: _unknown, ...rest } = p;
      return rest;
    });
    input.purchases = input.purchases.map((p) => ({ ...p, fromParticipantsRub: 15_000_000 }));
    expect(checkCluster(input, rules)).toMatchObject({
      compliant: null,
      functionalDependence: 0.15,
      functionalDependenceThreshold: null,
    });
  });

  it('says every participant requirement lacks data for ЛИПЕЦКМАШ known from the seed alone', () => {
    // Seed 001 (06.12.2017) names the cluster and two supported projects, but no
    // participant, contract, purchase or decision date: nothing may be invented.
    const result = checkCluster(
      {
        asOf: '2017-12-06',
        cluster: { name: 'ЛИПЕЦКМАШ' },
        participants: [],
        contracts: [],
        purchases: [],
      },
      rules,
    );
    expect(result).toEqual({
      compliant: null,
      functionalDependence: null,
      functionalDependenceThreshold: null,
      requirements: [
        'cooperation',
        'functional_dependence',
        'composition',
        'specialised_organisation',
        'decision_validity',
      ].map((code) => ({
        code,
        verdict: 'insufficient_data',
        value: null,
        threshold: code === 'decision_validity' ? 5 : null,
        participants: [],
        deadline: null,
      })),
    });
  });
});
