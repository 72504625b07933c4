import { describe, expect, it } from 'vitest';
import { checkSpecialisedOrganisation } from './checkSpecialisedOrganisation.ts';
import { DEFAULT_CLUSTER_RULE_SET as rules } from './default-cluster-rule-set.ts';
import { metCluster } from './test-fixtures.ts';

describe('checkSpecialisedOrganisation', () => {
  it('is met when a participant is the specialised organisation', () => {
    expect(checkSpecialisedOrganisation(metCluster(), rules)).toEqual({
      code: 'specialised_organisation',
      verdict: 'met',
      value: 1,
      threshold: 1,
      participants: [],
      deadline: null,
    });
  });

  it('fails when no participant is', () => {
    const input = metCluster();
    input.participants = input.participants.filter((p) => p.kind !== 'specialised_organisation');
    expect(checkSpecialisedOrganisation(input, rules)).toMatchObject({
      verdict: 'not_met',
      value: 0,
    });
  });

  it('is met without one when the rule set does not require it', () => {
    const input = metCluster();
    input.participants = input.participants.filter((p) => p.kind !== 'specialised_organisation');
    const optional = {
      ...rules,
      specialisedOrganisation: { ...rules.specialisedOrganisation, required: false },
    };
    expect(checkSpecialisedOrganisation(input, optional)).toMatchObject({
      verdict: 'met',
      threshold: 0,
    });
  });
});
