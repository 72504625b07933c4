import type { ClusterCompliance } from '@promatlas/core/api/cooperation.schema.ts';
import {
  checkCluster,
  clusterGaps,
  participantFromMemberships,
} from '@promatlas/core/compliance/index.ts';
import type { ClusterCheckInput } from '@promatlas/core/compliance/cluster-check.schema.ts';
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
import { ruleSetForCheck, territoriesOfParticipants } from '../../support/index.ts';
import { decisionDateForCheck } from '../registry/index.ts';

const decisionInput = (date: string | null | undefined) =>
  date === undefined ? {} : { decisionDate: date };

/** How the registry's facts become the check's input: said with every answer. */
const ASSUMPTIONS = [
  'Вид участника — по его роли в кластере (специализированная организация, инфраструктура, образование, наука, финансы), иначе по виду организации',
  'Якорный участник — промышленное предприятие и производитель конечной продукции; поставщик комплектующих — промышленное предприятие; о других предприятиях это неизвестно',
  'Дата вступления — самое раннее начало участия; без даты у любой из ролей — неизвестна',
  'Кооперационные договоры — договоры, обе стороны которых участники кластера, подписанные не позже даты проверки',
  'Территории — по отметкам территорий (справочник): отметка региона относится ко всем участникам из этого региона, моногорода — к участникам, чей город совпадает с названием моногорода',
  'Участник без отметки считается вне отмеченных территорий, только если известен его регион, загружены все учитываемые перечни и (когда учитываются моногорода) известен его город; иначе его территория неизвестна',
  'Дата заключения Минпромторга — из статуса кластера в реестре; у кандидата заключения нет; статус не указан — неизвестна',
];

/**
 * The industrial-cluster check of a cluster as of a date, from what the
 * registry holds: members, their contracts with each other, their purchases
 * and the territory flags of their regions, under the stored rule set in
 * force on the date (or the one asked for). Nothing is invented: a missing
 * fact makes its requirement «недостаточно данных».
 */
export async function checkClusterCompliance(
  db: Db,
  clusterId: number,
  asOf: string,
  ruleSetId?: number,
): Promise<ClusterCompliance> {
  const cluster = await loadCluster(db, clusterId);
  const ruleSet = await ruleSetForCheck(db, asOf, ruleSetId);
  const rules = ruleSet.rules;
  const participants = participantsOf(await findMemberships(db, clusterId));
  const ids = participants.map((p) => p.organisationId);
  const members = new Set(ids);
  const [contracts, purchases, territories] = await Promise.all([
    findContractsOf(db, ids),
    findPurchasesOf(db, ids),
    territoriesOfParticipants(
      db,
      participants,
      asOf,
      rules.functionalDependence.flaggedTerritories,
    ),
  ]);
  const input: ClusterCheckInput = {
    asOf,
    cluster: {
      name: cluster.name,
      // The stated registry status decides between «no decision» and «unknown».
      ...decisionInput(decisionDateForCheck(cluster)),
    },
    participants: participants.map((p) => {
      const participant = participantFromMemberships({
        id: String(p.organisationId),
        name: p.name,
        region: p.region,
        organisationKind: p.kind as OrganisationKind,
        roles: p.roles,
        joined: p.joined,
      });
      const territory = territories.get(p.organisationId);
      return territory === undefined ? participant : { ...participant, territory };
    }),
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
  const check = checkCluster(input, rules);
  const names = new Map(participants.map((p) => [String(p.organisationId), p.name]));
  const toRef = (id: string) => ref('organisation', id, names.get(id) ?? `Организация № ${id}`);
  return {
    cluster: ref('cluster', cluster.id, cluster.name),
    asOf,
    ruleSet: {
      code: rules.id,
      version: rules.version,
      title: rules.title,
      id: ruleSet.id,
      revision: ruleSet.revision,
      inForceFrom: ruleSet.inForceFrom,
    },
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
