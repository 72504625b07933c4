import { describe, expect, it } from 'vitest';
import { checkCooperation } from './checkCooperation.ts';
import { DEFAULT_CLUSTER_RULE_SET as rules } from './default-cluster-rule-set.ts';
import { metCluster, withUnlinked } from './test-fixtures.ts';

describe('checkCooperation', () => {
  it('is met when every participant has an eligible contract with another participant', () => {
    expect(checkCooperation(metCluster(), rules)).toEqual({
      code: 'cooperation',
      verdict: 'met',
      value: 0,
      threshold: 3,
      participants: [],
      deadline: null,
    });
  });

  it('does not count a contract of a type outside the eligible list', () => {
    const input = metCluster();
    input.contracts = input.contracts.map((c) =>
      c.parties.includes('e5') ? { ...c, type: 'other' } : c,
    );
    const result = checkCooperation(input, rules);
    expect(result.participants).toEqual(['e5']);
    expect(result.value).toBe(1);
  });

  it('counts each of the four eligible types: joint project, supply, production services, SPIC', () => {
    const input = metCluster();
    const types = ['import_substitution_project', 'supply', 'production_services', 'spic'] as const;
    input.contracts = input.contracts.map((c, k) => ({ ...c, type: types[k % 4]! }));
    expect(checkCooperation(input, rules).verdict).toBe('met');
  });

  it('does not count a contract signed after the check date', () => {
    const input = metCluster();
    input.contracts = input.contracts.map((c) =>
      c.parties.includes('e3') ? { ...c, signed: '2025-07-01' } : c,
    );
    expect(checkCooperation(input, rules).participants).toEqual(['e3']);
  });

  it('accepts a 3rd participant without a contract that joined less than 3 years before, and shows the earliest deadline', () => {
    let input = withUnlinked(metCluster(), 3, '2024-01-10');
    input = {
      ...input,
      participants: input.participants.map((p) =>
        p.id === 'n2' ? { ...p, joined: '2023-02-01' } : p,
      ),
    };
    expect(checkCooperation(input, rules)).toEqual({
      code: 'cooperation',
      verdict: 'met',
      value: 3,
      threshold: 3,
      participants: ['n1', 'n2', 'n3'],
      deadline: '2026-02-01',
    });
  });

  it('fails with a 4th participant without a contract, however recently they joined', () => {
    const result = checkCooperation(withUnlinked(metCluster(), 4, '2025-01-10'), rules);
    expect(result.verdict).toBe('not_met');
    expect(result.value).toBe(4);
    expect(result.participants).toEqual(['n1', 'n2', 'n3', 'n4']);
  });

  it('fails for a participant without a contract that joined exactly 3 years before the check date', () => {
    const result = checkCooperation(withUnlinked(metCluster(), 1, '2022-06-30'), rules);
    expect(result.verdict).toBe('not_met');
    expect(result.participants).toEqual(['n1']);
    expect(result.deadline).toBeNull();
  });

  it('accepts one that joined a day less than 3 years before; its deadline is the next day', () => {
    const result = checkCooperation(withUnlinked(metCluster(), 1, '2022-07-01'), rules);
    expect(result.verdict).toBe('met');
    expect(result.deadline).toBe('2025-07-01');
  });

  it('lacks data when a participant without a contract has no joining date', () => {
    const result = checkCooperation(withUnlinked(metCluster(), 1, undefined), rules);
    expect(result.verdict).toBe('insufficient_data');
    expect(result.participants).toEqual(['n1']);
  });

  it('fails rather than lacks data when too many participants lack contracts', () => {
    expect(checkCooperation(withUnlinked(metCluster(), 4, undefined), rules).verdict).toBe(
      'not_met',
    );
  });

  it('takes the allowance and grace period from the rule set', () => {
    const strict = {
      ...rules,
      cooperation: { ...rules.cooperation, maxParticipantsWithoutContract: 0 },
    };
    expect(checkCooperation(withUnlinked(metCluster(), 1, '2025-01-10'), strict).verdict).toBe(
      'not_met',
    );
    const longer = { ...rules, cooperation: { ...rules.cooperation, gracePeriodYears: 5 } };
    const result = checkCooperation(withUnlinked(metCluster(), 1, '2022-06-30'), longer);
    expect(result).toMatchObject({ verdict: 'met', deadline: '2027-06-30' });
  });

  it('ignores a contract whose only participating party is the participant itself', () => {
    const input = metCluster();
    input.contracts = input.contracts.map((c) =>
      c.parties.includes('e4') ? { ...c, parties: ['e4', 'outsider'] } : c,
    );
    expect(checkCooperation(input, rules).participants).toEqual(['e4']);
  });
});
