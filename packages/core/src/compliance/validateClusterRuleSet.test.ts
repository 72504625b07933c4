import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_RULE_SET } from './default-cluster-rule-set.ts';
import { validateClusterRuleSet } from './validateClusterRuleSet.ts';

/** A deep copy through JSON, as a rule set arrives from a file or the database. */
const copy = () => JSON.parse(JSON.stringify(DEFAULT_CLUSTER_RULE_SET)) as Record<string, object>;

describe('validateClusterRuleSet', () => {
  it('accepts the shipped default after a round trip through JSON', () => {
    expect(validateClusterRuleSet(copy())).toEqual({ ok: true, value: DEFAULT_CLUSTER_RULE_SET });
  });

  it('ships the ПП 779 thresholds as data', () => {
    expect(DEFAULT_CLUSTER_RULE_SET).toMatchObject({
      id: 'pp779',
      cooperation: { maxParticipantsWithoutContract: 3, gracePeriodYears: 3 },
      functionalDependence: { threshold: 0.2, reducedThreshold: 0.1, flaggedTerritoryShare: 0.3 },
      composition: {
        minIndustrialEnterprises: 10,
        minInfrastructureOrganisations: 1,
        verified: false,
      },
      specialisedOrganisation: { required: true },
      decision: { validityYears: 5 },
    });
    expect(DEFAULT_CLUSTER_RULE_SET.cooperation.eligibleContractTypes).not.toContain('other');
  });

  it('names the field of a threshold above 100 %', () => {
    const rules = copy();
    const bad = {
      ...rules,
      functionalDependence: { ...rules.functionalDependence, threshold: 20 },
    };
    const result = validateClusterRuleSet(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      field: 'functionalDependence.threshold',
      code: 'too_big',
    });
    expect(result.problems[0]!.message).toMatch(/[а-я]/);
    expect(result.problems[0]!.messageEn).toMatch(/Too big/i);
  });

  it('rejects a reduced threshold above the standard one, in both languages', () => {
    const rules = copy();
    const bad = {
      ...rules,
      functionalDependence: { ...rules.functionalDependence, reducedThreshold: 0.3 },
    };
    const result = validateClusterRuleSet(bad);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          field: 'functionalDependence.reducedThreshold',
          code: 'custom',
          message: 'Сниженный порог не может быть выше основного',
          messageEn: 'The reduced threshold cannot exceed the standard threshold',
        },
      ],
    });
  });

  it('rejects an unknown contract type and an unknown field', () => {
    const rules = copy();
    const bad = {
      ...rules,
      extra: 1,
      cooperation: { ...rules.cooperation, eligibleContractTypes: ['barter'] },
    };
    const result = validateClusterRuleSet(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.field).sort()).toEqual([
      'cooperation.eligibleContractTypes[0]',
      'extra',
    ]);
  });
});
