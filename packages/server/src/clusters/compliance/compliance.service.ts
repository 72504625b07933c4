import type { ClusterCompliance } from '@promatlas/core/api/cooperation.schema.ts';
import {
  checkCluster,
  clusterGaps,
  participantFromMemberships,
} from '@promatlas/core/compliance/index.ts';
import type { ClusterCheckInput } from '@promatlas/core/compliance/cluster-check.schema.ts';
import { DEFAULT_CLUSTER_RULE_SET } from '@promatlas/core/compliance/default-cluster-rule-set.ts';
import type { OrganisationKind } from '@promatlas/core/domain/vocabulary.ts';
import type { Db } from '../../db/connection.ts';
import { ValidationError } from '../../shared/domain-errors.ts';
import { ref } from '../../registry/shared/mappers.ts';
import {
  findContractsOf,
  findMemberships,
  findPurchasesOf,
  loadCluster,
  participantsOf,
} from '../cooperation/index.ts';
import { decisionDateForCheck } from '../registry/index.ts';

const decisionInput = (date: string | null | undefined) =>
  date === undefined ? {} : { decisionDate: date };

/** How the registry's facts become the check's input: said with every answer. */
const ASSUMPTIONS = [
  'Вид участника — по его роли в кластере (специализированная организация, инфраструктура, образование, наука, финансы), иначе по виду организации',
  'Якорный участник — промышленное предприятие и производитель конечной продукции; поставщик комплектующих — промышленное предприятие; о других предприятиях это неизвестно',
  'Дата вступления — самое раннее начало участия; без даты у любой из ролей — неизвестна',
  'Кооперационные договоры — договоры, обе стороны которых участники кластера, подписанные не позже даты проверки',
  'Территории (ИПСЭР, геостратегические, моногорода) реестр пока не хранит — по ним «недостаточно данных»',
  'Дата заключения Минпромторга — из статуса кластера в реестре; у кандидата заключения нет; статус не указан — неизвестна',
];

/**
 * The industrial-cluster check (the shipped ПП 779 rule set) of a cluster as
 * of a date, from what the registry holds: members, their contracts with each
 * other and their purchases. Nothing is invented: a missing fact makes its
 * requirement «недостаточно данных».
 */
export async function checkClusterCompliance(
  db: Db,
  clusterId: number,
  asOf: string,
): Promise<ClusterCompliance> {
  const cluster = await loadCluster(db, clusterId);
  const participants = participantsOf(await findMemberships(db, clusterId));
  const ids = participants.map((p) => p.organisationId);
  const members = new Set(ids);
  const [contracts, purchases] = await Promise.all([
    findContractsOf(db, ids),
    findPurchasesOf(db, ids),
  ]);
  const input: ClusterCheckInput = {
    asOf,
    cluster: {
      name: cluster.name,
      // The stated registry status decides between «no decision» and «unknown».
      ...decisionInput(decisionDateForCheck(cluster)),
    },
    participants: participants.map((p) =>
      participantFromMemberships({
        id: String(p.organisationId),
        name: p.name,
        region: p.region,
        organisationKind: p.kind as OrganisationKind,
        roles: p.roles,
        joined: p.joined,
      }),
    ),
    contracts: contracts
      .filter((c) => members.has(c.buyer_id) && members.has(c.supplier_id) && c.signed_on <= asOf)
      .map((c) => ({
        id: String(c.id),
        parties: [String(c.buyer_id), String(c.supplier_id)],
        type: c.contract_type,
        signed: c.signed_on,
      })),
    // The check itself picks the latest complete year before the date.
    purchases: purchases.map((p) => ({
      buyer: String(p.organisation_id),
      year: p.year,
      totalRub: p.total_rub,
      fromParticipantsRub: p.from_participants_rub,
    })),
  };
  const rules = DEFAULT_CLUSTER_RULE_SET;
  const check = checkCluster(input, rules);
  const names = new Map(participants.map((p) => [String(p.organisationId), p.name]));
  const toRef = (id: string) => ref('organisation', id, names.get(id) ?? `Организация № ${id}`);
  return {
    cluster: ref('cluster', cluster.id, cluster.name),
    asOf,
    ruleSet: { code: rules.id, version: rules.version, title: rules.title },
    check,
    participants: participants.map((p) => toRef(String(p.organisationId))),
    gaps: clusterGaps(input, check, rules).map((g) => ({
      requirement: g.requirement,
      participants: g.participants.map(toRef),
      deadline: g.deadline,
      message: g.message,
      messageEn: g.messageEn,
    })),
    assumptions: ASSUMPTIONS,
  };
}

/** The date of a check: today unless given; a date in the future is refused. */
export function checkDate(asOf: string | undefined, today: string): string {
  if (!asOf) return today;
  if (asOf > today)
    throw new ValidationError('Дата проверки в будущем', 'The check date is in the future', {
      fields: [
        {
          field: 'asOf',
          message: 'Проверить кластер можно на сегодня или на прошедшую дату',
          messageEn: 'A cluster is checked as of today or a past date',
        },
      ],
    });
  return asOf;
}
