import { describe, expect, it } from 'vitest';
import { checkFunctionalDependence } from './checkFunctionalDependence.ts';
import type { ClusterCheckInput, ClusterCheckPurchase } from './cluster-check.schema.ts';
import { DEFAULT_CLUSTER_RULE_SET as rules } from './default-cluster-rule-set.ts';
import { metCluster } from './test-fixtures.ts';

function withPurchases(purchases: ClusterCheckPurchase[], input = metCluster()): ClusterCheckInput {
  return { ...input, purchases };
}

const p = (buyer: string, year: number, totalRub: number, fromParticipantsRub: number) => ({
  buyer,
  year,
  totalRub,
  fromParticipantsRub,
});

/** Puts the first `n` participants of the fixture into single-industry towns. */
function flagFirst(n: number, input: ClusterCheckInput): ClusterCheckInput {
  return {
    ...input,
    participants: input.participants.map((x, k) =>
      k < n ? { ...x, territory: ['monotown' as const] } : x,
    ),
  };
}

describe('checkFunctionalDependence', () => {
  it('divides purchases from participants by total purchases, summed over finished-product makers', () => {
    // (25 + 15) / (100 + 60) = 0.25
    const result = checkFunctionalDependence(
      withPurchases([p('e1', 2024, 100, 25), p('e2', 2024, 60, 15)]),
      rules,
    );
    expect(result).toEqual({
      code: 'functional_dependence',
      verdict: 'met',
      value: 0.25,
      threshold: 0.2,
      participants: [],
      deadline: null,
      year: 2024,
    });
  });

  it('is met at exactly 20 %', () => {
    const result = checkFunctionalDependence(
      withPurchases([
        p('e1', 2024, 100_000_000, 30_000_000),
        p('e2', 2024, 100_000_000, 10_000_000),
      ]),
      rules,
    );
    expect(result.value).toBe(0.2);
    expect(result.verdict).toBe('met');
  });

  it('fails just below 20 % and names the makers whose own share is below it', () => {
    const result = checkFunctionalDependence(
      withPurchases([
        p('e1', 2024, 100_000_000, 29_999_999),
        p('e2', 2024, 100_000_000, 10_000_000),
      ]),
      rules,
    );
    expect(result.verdict).toBe('not_met');
    expect(result.value).toBeCloseTo(0.199999995, 9);
    expect(result.participants).toEqual(['e2']);
  });

  it('is met at exactly 10 % when a third of participants (4 of 12) are in flagged territories', () => {
    const input = flagFirst(4, withPurchases([p('e1', 2024, 100, 10), p('e2', 2024, 100, 10)]));
    const result = checkFunctionalDependence(input, rules);
    expect(result).toMatchObject({ verdict: 'met', value: 0.1, threshold: 0.1 });
  });

  it('applies 10 % at exactly 30 % of participants (3 of 10)', () => {
    const base = metCluster();
    base.participants = base.participants.filter((x) => x.id !== 'e9' && x.id !== 'e10');
    const input = flagFirst(
      3,
      withPurchases([p('e1', 2024, 100, 10), p('e2', 2024, 100, 10)], base),
    );
    expect(input.participants).toHaveLength(10);
    expect(checkFunctionalDependence(input, rules)).toMatchObject({
      verdict: 'met',
      threshold: 0.1,
    });
    const below = flagFirst(2, {
      ...input,
      participants: input.participants.map((x) => ({ ...x, territory: [] })),
    });
    expect(checkFunctionalDependence(below, rules)).toMatchObject({
      verdict: 'not_met',
      threshold: 0.2,
    });
  });

  it('measures the latest complete year: the year before the check date, even on 31 December', () => {
    const purchases = [
      p('e1', 2023, 100, 50),
      p('e2', 2023, 100, 50),
      p('e1', 2024, 100, 0),
      p('e2', 2024, 100, 0),
      p('e1', 2025, 100, 90),
      p('e2', 2025, 100, 90),
    ];
    const input = { ...withPurchases(purchases), asOf: '2025-12-31' };
    expect(checkFunctionalDependence(input, rules)).toMatchObject({
      year: 2024,
      value: 0,
      verdict: 'not_met',
    });
    expect(checkFunctionalDependence({ ...input, asOf: '2026-01-01' }, rules)).toMatchObject({
      year: 2025,
      value: 0.9,
    });
  });

  it('ignores purchases of participants that do not make finished products', () => {
    const result = checkFunctionalDependence(
      withPurchases([p('e1', 2024, 100, 25), p('e2', 2024, 100, 25), p('e3', 2024, 1000, 0)]),
      rules,
    );
    expect(result.value).toBe(0.25);
  });

  it('lacks data, with no value, when a maker has no purchases for the year', () => {
    const result = checkFunctionalDependence(
      withPurchases([p('e1', 2024, 100, 25), p('e2', 2023, 100, 25)]),
      rules,
    );
    expect(result).toMatchObject({
      verdict: 'insufficient_data',
      value: null,
      participants: ['e2'],
    });
  });

  it('lacks data when it is not stated whether an enterprise makes finished products', () => {
    const input = metCluster();
    input.participants = input.participants.map((x) => {
      if (x.id !== 'e7') return x;
      const { finalProductMaker: _unknown, ...rest } = x;
      return rest;
    });
    expect(checkFunctionalDependence(input, rules)).toMatchObject({
      verdict: 'insufficient_data',
      participants: ['e7'],
    });
  });

  it('does not ask an infrastructure organisation whether it makes finished products', () => {
    const result = checkFunctionalDependence(metCluster(), rules);
    expect(result.verdict).toBe('met');
  });

  it('fails with no value when no participant makes finished products', () => {
    const input = metCluster();
    input.participants = input.participants.map((x) => ({ ...x, finalProductMaker: false }));
    expect(checkFunctionalDependence(input, rules)).toMatchObject({
      verdict: 'not_met',
      value: null,
    });
  });

  it('fails with no value, not NaN, when the makers bought nothing', () => {
    expect(
      checkFunctionalDependence(withPurchases([p('e1', 2024, 0, 0), p('e2', 2024, 0, 0)]), rules),
    ).toMatchObject({ verdict: 'not_met', value: null });
  });

  describe('when the territory data do not decide the threshold', () => {
    // 12 participants, 3 flagged (25 %), 1 unknown: 3/12 < 30 % ≤ 4/12.
    function undecided(from: number): ClusterCheckInput {
      const input = flagFirst(
        3,
        withPurchases([p('e1', 2024, 100, from), p('e2', 2024, 100, from)]),
      );
      input.participants = input.participants.map((x) => {
        if (x.id !== 's1') return x;
        const { territory: _unknown, ...rest } = x;
        return rest;
      });
      return input;
    }

    it('is met at or above the standard threshold', () => {
      expect(checkFunctionalDependence(undecided(20), rules)).toMatchObject({
        verdict: 'met',
        threshold: null,
      });
    });

    it('fails below the reduced threshold', () => {
      expect(checkFunctionalDependence(undecided(9), rules).verdict).toBe('not_met');
    });

    it('lacks data between them and names the participants with unknown territory', () => {
      expect(checkFunctionalDependence(undecided(15), rules)).toMatchObject({
        verdict: 'insufficient_data',
        value: 0.15,
        participants: ['s1'],
      });
    });
  });
});
