import { addYears } from './addYears.ts';
import type {
  ClusterCheckInput,
  ClusterCheckResult,
  RequirementCode,
} from './cluster-check.schema.ts';
import type { ClusterRuleSet } from './cluster-rule-set.schema.ts';
import { NON_INDUSTRIAL_KINDS } from './participant-roles.ts';

/** One thing to do so that the cluster passes a requirement, and by when. */
export interface ClusterGap {
  readonly requirement: RequirementCode;
  /** The participants concerned (empty when it concerns the cluster as a whole). */
  readonly participants: readonly string[];
  /** The date by which it must be done; null when the regulation sets none or it is already late. */
  readonly deadline: string | null;
  readonly message: string;
  readonly messageEn: string;
}

const percentRu = new Intl.NumberFormat('ru-RU', { style: 'percent', maximumFractionDigits: 1 });
const percentEn = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 });
const ruDate = (iso: string) => iso.split('-').reverse().join('.');

/**
 * The gaps of a check: what the cluster's development centre must do, and by
 * when, for each requirement that is not met or lacks data — plus, for a
 * requirement that is met only thanks to a grace period, what must be done
 * before it ends (a participant without a contract signs one within
 * `gracePeriodYears` of joining).
 *
 * Kept apart from the check's output, whose format is fixed: the API and the
 * cluster passport add the gaps to it, the CLI prints the check alone.
 */
export function clusterGaps(
  input: ClusterCheckInput,
  result: ClusterCheckResult,
  rules: ClusterRuleSet,
): ClusterGap[] {
  const gaps: ClusterGap[] = [];
  const byId = new Map(input.participants.map((p) => [p.id, p]));
  const names = (ids: readonly string[]) =>
    ids.map((id) => `${byId.get(id)?.name ?? id} (${id})`).join(', ');
  const year = Number(input.asOf.slice(0, 4)) - 1;
  if (input.participants.length === 0)
    gaps.push({
      requirement: 'composition',
      participants: [],
      deadline: null,
      message:
        'Внести участников кластера (вид, промышленное ли предприятие, производит ли конечную продукцию, территория, дата вступления), их кооперационные договоры и закупки производителей конечной продукции за ' +
        `${year} год`,
      messageEn: `Record the cluster's participants (kind, industrial or not, finished-product maker or not, territory, joining date), their cooperation contracts and the finished-product makers' purchases for ${year}`,
    });

  for (const r of result.requirements) {
    if (input.participants.length === 0 && r.code !== 'decision_validity') continue;
    if (r.code === 'cooperation') {
      for (const id of r.participants) {
        const joined = byId.get(id)?.joined;
        const due =
          joined === undefined ? null : addYears(joined, rules.cooperation.gracePeriodYears);
        const late = due !== null && due <= input.asOf;
        gaps.push({
          requirement: r.code,
          participants: [id],
          deadline: late ? null : due,
          ...(joined === undefined
            ? {
                message: `Указать дату вступления участника ${names([id])} или заключить с ним кооперационный договор с другим участником`,
                messageEn: `State when participant ${names([id])} joined, or sign a cooperation contract between it and another participant`,
              }
            : late
              ? {
                  message: `Заключить кооперационный договор участника ${names([id])} с другим участником: срок ${ruDate(due)} истёк`,
                  messageEn: `Sign a cooperation contract between participant ${names([id])} and another participant: the deadline ${due} has passed`,
                }
              : {
                  message: `Заключить кооперационный договор участника ${names([id])} с другим участником до ${ruDate(due!)}`,
                  messageEn: `Sign a cooperation contract between participant ${names([id])} and another participant by ${due}`,
                }),
        });
      }
      if (
        r.verdict === 'not_met' &&
        r.participants.length > rules.cooperation.maxParticipantsWithoutContract
      )
        gaps.push({
          requirement: r.code,
          participants: [...r.participants],
          deadline: null,
          message: `Без кооперационных договоров могут быть не более ${rules.cooperation.maxParticipantsWithoutContract} участников, сейчас ${r.participants.length}`,
          messageEn: `At most ${rules.cooperation.maxParticipantsWithoutContract} participants may have no cooperation contract; now ${r.participants.length} have none`,
        });
    } else if (r.code === 'functional_dependence' && r.verdict !== 'met') {
      const unknownMaker = r.participants.filter((id) => {
        const p = byId.get(id);
        return (
          p !== undefined &&
          p.finalProductMaker === undefined &&
          p.industrial !== false &&
          !NON_INDUSTRIAL_KINDS.has(p.kind)
        );
      });
      const unknownTerritory = r.participants.filter((id) => byId.get(id)?.territory === undefined);
      if (r.verdict === 'not_met') {
        gaps.push({
          requirement: r.code,
          participants: [...r.participants],
          deadline: null,
          message:
            r.value === null
              ? `Указать закупки производителей конечной продукции за ${year} год: функциональная зависимость не подтверждена`
              : `Довести долю закупок производителей конечной продукции у участников кластера до ${percentRu.format(result.functionalDependenceThreshold ?? rules.functionalDependence.reducedThreshold)} (за ${year} год — ${percentRu.format(r.value as number)})`,
          messageEn:
            r.value === null
              ? `State the purchases of finished-product makers for ${year}: functional dependence is not shown`
              : `Raise the share of finished-product makers' purchases from participants to ${percentEn.format(result.functionalDependenceThreshold ?? rules.functionalDependence.reducedThreshold)} (${percentEn.format(r.value as number)} in ${year})`,
        });
      } else if (result.functionalDependenceThreshold === null && r.value !== null) {
        gaps.push({
          requirement: r.code,
          participants: unknownTerritory,
          deadline: null,
          message: `Указать территории участников ${names(unknownTerritory)}: от них зависит порог функциональной зависимости`,
          messageEn: `State the territories of participants ${names(unknownTerritory)}: the functional-dependence threshold depends on them`,
        });
      } else {
        if (unknownMaker.length)
          gaps.push({
            requirement: r.code,
            participants: unknownMaker,
            deadline: null,
            message: `Указать, производят ли конечную продукцию участники ${names(unknownMaker)}`,
            messageEn: `State whether participants ${names(unknownMaker)} make finished products`,
          });
        const noPurchases = r.participants.filter((id) => !unknownMaker.includes(id));
        if (noPurchases.length)
          gaps.push({
            requirement: r.code,
            participants: noPurchases,
            deadline: null,
            message: `Указать закупки за ${year} год (всего и у участников кластера) участников ${names(noPurchases)}`,
            messageEn: `State the purchases for ${year} (total and from participants) of participants ${names(noPurchases)}`,
          });
      }
    } else if (r.code === 'composition' && r.verdict !== 'met') {
      const value = r.value as {
        industrialEnterprises: number;
        infrastructureOrganisations: number;
      };
      const { minIndustrialEnterprises: n, minInfrastructureOrganisations: m } = rules.composition;
      if (r.verdict === 'insufficient_data')
        gaps.push({
          requirement: r.code,
          participants: [...r.participants],
          deadline: null,
          message: `Указать, промышленные ли предприятия участники ${names(r.participants)}`,
          messageEn: `State whether participants ${names(r.participants)} are industrial enterprises`,
        });
      else {
        if (value.infrastructureOrganisations < m)
          gaps.push({
            requirement: r.code,
            participants: [],
            deadline: null,
            message: `Привлечь организации инфраструктуры: нужно не менее ${m}, сейчас ${value.infrastructureOrganisations}`,
            messageEn: `Bring in infrastructure organisations: at least ${m} needed, ${value.infrastructureOrganisations} now`,
          });
        if (value.industrialEnterprises < n)
          gaps.push({
            requirement: r.code,
            participants: [],
            deadline: null,
            message: `Привлечь промышленные предприятия: нужно не менее ${n}, сейчас ${value.industrialEnterprises}`,
            messageEn: `Bring in industrial enterprises: at least ${n} needed, ${value.industrialEnterprises} now`,
          });
      }
    } else if (r.code === 'specialised_organisation' && r.verdict !== 'met') {
      gaps.push({
        requirement: r.code,
        participants: [],
        deadline: null,
        message:
          'Определить специализированную организацию кластера и внести её в список участников',
        messageEn:
          "Designate the cluster's specialised organisation and add it to the participants",
      });
    } else if (r.code === 'decision_validity' && r.verdict !== 'met') {
      gaps.push({
        requirement: r.code,
        participants: [],
        deadline: null,
        ...(r.verdict === 'insufficient_data'
          ? {
              message:
                'Указать дату заключения Минпромторга о соответствии кластера (или что заключения нет)',
              messageEn:
                "State the date of Minpromtorg's compliance decision (or that there is none)",
            }
          : {
              message: `Получить новое заключение Минпромторга: срок действия прежнего истёк ${ruDate(r.deadline!)}`,
              messageEn: `Obtain a new Minpromtorg decision: the previous one expired on ${r.deadline}`,
            }),
      });
    }
  }
  return gaps;
}
