import type {
  ClusterCheckContract,
  ClusterCheckInput,
  ClusterCheckParticipant,
  ClusterCheckPurchase,
} from './cluster-check.schema.ts';

/**
 * A cluster that meets every default requirement as of 2025-06-30, for tests to
 * change one fact at a time: ten industrial enterprises e1…e10 (e1 and e2 make
 * finished products), one infrastructure organisation i1 and the specialised
 * organisation s1, all joined in 2018 and outside flagged territories; e1 has a
 * supply contract with each of the others; in 2024 e1 and e2 each bought
 * 100 mln ₽, 25 mln ₽ of it from participants (FD = 0.25); the decision of
 * 15.03.2021 is valid until 15.03.2026.
 */
export function metCluster(): ClusterCheckInput {
  const participants: ClusterCheckParticipant[] = [];
  for (let k = 1; k <= 10; k++)
    participants.push({
      id: `e${k}`,
      name: `Предприятие ${k}`,
      region: '48',
      kind: 'enterprise',
      industrial: true,
      finalProductMaker: k <= 2,
      territory: [],
      joined: '2018-01-01',
    });
  participants.push(
    { id: 'i1', name: 'Технопарк', kind: 'infrastructure', territory: [], joined: '2018-01-01' },
    {
      id: 's1',
      name: 'Центр кластерного развития',
      kind: 'specialised_organisation',
      territory: [],
      joined: '2018-01-01',
    },
  );
  const contracts: ClusterCheckContract[] = participants.slice(1).map((p) => ({
    id: `c-${p.id}`,
    parties: ['e1', p.id],
    type: 'supply',
    signed: '2019-05-01',
  }));
  const purchases: ClusterCheckPurchase[] = [
    { buyer: 'e1', year: 2024, totalRub: 100_000_000, fromParticipantsRub: 25_000_000 },
    { buyer: 'e2', year: 2024, totalRub: 100_000_000, fromParticipantsRub: 25_000_000 },
  ];
  return {
    asOf: '2025-06-30',
    cluster: { name: 'Пример', decisionDate: '2021-03-15' },
    participants,
    contracts,
    purchases,
  };
}

/** `count` more participants e(11…) that have no contract and joined on `joined`. */
export function withUnlinked(
  input: ClusterCheckInput,
  count: number,
  joined: string | undefined,
): ClusterCheckInput {
  const extra: ClusterCheckParticipant[] = Array.from({ length: count }, (_, k) => ({
    id: `n${k + 1}`,
    name: `Новый участник ${k + 1}`,
    kind: 'enterprise',
    industrial: true,
    finalProductMaker: false,
    territory: [],
    ...(joined === undefined ? {} : { joined }),
  }));
  return { ...input, participants: [...input.participants, ...extra] };
}
