import { describe, expect, it } from 'vitest';
import { applicableFunctionalDependenceThreshold } from './applicableFunctionalDependenceThreshold.ts';
import type { ClusterCheckInput } from './cluster-check.schema.ts';
import type { TerritoryFlag } from './cluster-rule-set.schema.ts';
import { DEFAULT_CLUSTER_RULE_SET as rules } from './default-cluster-rule-set.ts';

/** A cluster whose participants have the given territories (undefined = not stated). */
function cluster(territories: (TerritoryFlag[] | undefined)[]): ClusterCheckInput {
  return {
    asOf: '2025-06-30',
    cluster: { name: 'Пример', decisionDate: null },
    participants: territories.map((territory, k) => ({
      id: `p${k + 1}`,
      name: `Участник ${k + 1}`,
      kind: 'enterprise',
      ...(territory === undefined ? {} : { territory }),
    })),
    contracts: [],
    purchases: [],
  };
}

const none = (n: number) => Array.from({ length: n }, (): TerritoryFlag[] => []);
const flagged = (n: number, flag: TerritoryFlag = 'monotown') =>
  Array.from({ length: n }, (): TerritoryFlag[] => [flag]);

describe('applicableFunctionalDependenceThreshold', () => {
  it('applies the reduced 10 % threshold when exactly 30 % of participants are in flagged territories', () => {
    const result = applicableFunctionalDependenceThreshold(
      cluster([...flagged(3), ...none(7)]),
      rules,
    );
    expect(result).toMatchObject({ threshold: 0.1, flagged: 3, participants: 10, unknown: 0 });
  });

  it('keeps 20 % just below 30 % (8 of 27 participants, 29.6 %)', () => {
    expect(
      applicableFunctionalDependenceThreshold(cluster([...flagged(8), ...none(19)]), rules)
        .threshold,
    ).toBe(0.2);
  });

  it('counts each of the three flags, and a participant with two flags once', () => {
    const input = cluster([
      ['individual_programme'],
      ['geostrategic', 'monotown'],
      ['monotown'],
      ...none(7),
    ]);
    expect(applicableFunctionalDependenceThreshold(input, rules)).toMatchObject({
      threshold: 0.1,
      flagged: 3,
    });
  });

  it('counts only the flags listed in the rule set', () => {
    const onlyMonotowns = {
      ...rules,
      functionalDependence: {
        ...rules.functionalDependence,
        flaggedTerritories: ['monotown' as const],
      },
    };
    const input = cluster([...flagged(3, 'geostrategic'), ...none(7)]);
    expect(applicableFunctionalDependenceThreshold(input, onlyMonotowns).threshold).toBe(0.2);
  });

  it('decides with unknown territories when the known ones already reach 30 %', () => {
    expect(
      applicableFunctionalDependenceThreshold(
        cluster([...flagged(3), ...none(5), undefined, undefined]),
        rules,
      ),
    ).toMatchObject({ threshold: 0.1, unknown: 2 });
  });

  it('decides 20 % when even all unknown territories would not reach 30 %', () => {
    expect(
      applicableFunctionalDependenceThreshold(
        cluster([...flagged(1), ...none(8), undefined]),
        rules,
      ).threshold,
    ).toBe(0.2);
  });

  it('gives null and names the participants when the unknown territories could tip the share', () => {
    const result = applicableFunctionalDependenceThreshold(
      cluster([...flagged(2), ...none(7), undefined]),
      rules,
    );
    expect(result.threshold).toBeNull();
    expect(result.unknownParticipants).toEqual(['p10']);
  });

  it('treats an empty territory list as stated: no flagged territory', () => {
    expect(applicableFunctionalDependenceThreshold(cluster(none(4)), rules)).toMatchObject({
      threshold: 0.2,
      unknown: 0,
    });
  });

  it('applies the standard threshold to a cluster without participants', () => {
    expect(applicableFunctionalDependenceThreshold(cluster([]), rules).threshold).toBe(0.2);
  });
});
