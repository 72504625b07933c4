import { describe, expect, it } from 'vitest';
import { checkCluster } from './checkCluster.ts';
import type { ClusterCheckInput } from './cluster-check.schema.ts';
import { clusterGaps } from './clusterGaps.ts';
import { DEFAULT_CLUSTER_RULE_SET as rules } from './default-cluster-rule-set.ts';
import { metCluster, withUnlinked } from './test-fixtures.ts';

const gapsOf = (input: ClusterCheckInput) => clusterGaps(input, checkCluster(input, rules), rules);

describe('clusterGaps', () => {
  it('has nothing to do for a cluster that meets everything without a grace period', () => {
    expect(gapsOf(metCluster())).toEqual([]);
  });

  it('tells a participant without a contract to sign one by the end of its grace period', () => {
    expect(gapsOf(withUnlinked(metCluster(), 1, '2024-01-10'))).toEqual([
      {
        requirement: 'cooperation',
        participants: ['n1'],
        deadline: '2027-01-10',
        message:
          'Заключить кооперационный договор участника Новый участник 1 (n1) с другим участником до 10.01.2027',
        messageEn:
          'Sign a cooperation contract between participant Новый участник 1 (n1) and another participant by 2027-01-10',
      },
    ]);
  });

  it('says when the grace period has passed, with no deadline', () => {
    const [gap] = gapsOf(withUnlinked(metCluster(), 1, '2022-06-30'));
    expect(gap).toMatchObject({ deadline: null, participants: ['n1'] });
    expect(gap!.message).toContain('срок 30.06.2025 истёк');
  });

  it('adds the count limit when more than 3 participants lack contracts', () => {
    const gaps = gapsOf(withUnlinked(metCluster(), 4, '2025-01-10'));
    expect(gaps).toHaveLength(5);
    expect(gaps[4]!.messageEn).toBe(
      'At most 3 participants may have no cooperation contract; now 4 have none',
    );
  });

  it('asks for the missing purchases of the measured year, naming the makers', () => {
    const input = metCluster();
    input.purchases = input.purchases.slice(1);
    expect(gapsOf(input)).toEqual([
      expect.objectContaining({
        requirement: 'functional_dependence',
        participants: ['e1'],
        messageEn:
          'State the purchases for 2024 (total and from participants) of participants Предприятие 1 (e1)',
      }),
    ]);
  });

  it('gives the share to reach when functional dependence is too low', () => {
    const input = metCluster();
    input.purchases = input.purchases.map((p) => ({ ...p, fromParticipantsRub: 10_000_000 }));
    const [gap] = gapsOf(input);
    // Intl puts a no-break space before the per-cent sign in Russian.
    expect(gap!.message.replace(/\u00a0/g, ' ')).toBe(
      'Довести долю закупок производителей конечной продукции у участников кластера до 20 % (за 2024 год — 10 %)',
    );
    expect(gap!.participants).toEqual(['e1', 'e2']);
  });

  it('asks for a specialised organisation, more enterprises and a new decision', () => {
    const input = { ...metCluster(), asOf: '2026-06-30' };
    input.participants = input.participants.filter((p) => p.id !== 's1' && p.id !== 'e10');
    input.purchases = input.purchases.map((p) => ({ ...p, year: 2025 }));
    expect(gapsOf(input).map((g) => g.messageEn)).toEqual([
      'Bring in industrial enterprises: at least 10 needed, 9 now',
      "Designate the cluster's specialised organisation and add it to the participants",
      'Obtain a new Minpromtorg decision: the previous one expired on 2026-03-15',
    ]);
  });

  it('asks for the participants and the decision date of a cluster known only by name', () => {
    const input = {
      asOf: '2017-12-06',
      cluster: { name: 'ЛИПЕЦКМАШ' },
      participants: [],
      contracts: [],
      purchases: [],
    };
    const gaps = gapsOf(input);
    expect(gaps.map((g) => g.requirement)).toEqual(['composition', 'decision_validity']);
    expect(gaps[0]!.messageEn).toContain("Record the cluster's participants");
    expect(gaps[0]!.messageEn).toContain('purchases for 2016');
    expect(gaps[1]!.messageEn).toBe(
      "State the date of Minpromtorg's compliance decision (or that there is none)",
    );
  });
});
