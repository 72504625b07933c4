import type { SupplierCandidate } from '@promatlas/core/api/suppliers.schema.ts';
import { organisationDisplayName, ref } from '../../registry/shared/mappers.ts';
import type { CandidateRow, NeedMatch, RankWeights } from './supplier.repository.ts';

const round1 = (n: number) => Math.round(n * 10) / 10;
// Made once: `toLocaleString` with options builds a new formatter on every call, which
// was the costliest step of answering a search in Node (four per result).
const KM_RU = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 });
const KM_EN = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const km = (n: number) => KM_RU.format(n);
const kmEn = (n: number) => KM_EN.format(n);

/**
 * One result with the reasons for its place: the same parts, with the same
 * weights, that the database summed into its score.
 */
export function presentCandidate(
  r: CandidateRow,
  context: { radiusKm: number | null; weights: RankWeights; need: NeedMatch; cluster: boolean },
): SupplierCandidate {
  const { weights: w, radiusKm } = context;
  const reasons: SupplierCandidate['reasons'] = [];
  if (r.distance_km !== null && radiusKm !== null) {
    const points = w.distance * Math.max(0, 1 - r.distance_km / radiusKm);
    reasons.push({
      code: 'distance',
      points: round1(points),
      message: `${km(r.distance_km)} км от точки поиска при радиусе ${km(radiusKm)} км`,
      messageEn: `${kmEn(r.distance_km)} km from the search point within ${kmEn(radiusKm)} km`,
    });
  }
  if (r.in_cluster)
    reasons.push({
      code: 'cluster_member',
      points: w.clusterMember,
      message: 'Участник этого кластера: договор с ним засчитывается в кооперацию',
      messageEn: 'A member of this cluster: a contract with it counts as cooperation',
    });
  else if (r.clusters > 0)
    reasons.push({
      code: 'other_cluster_member',
      points: w.otherClusterMember,
      message: `Участник ${r.clusters === 1 ? 'другого кластера' : `других кластеров (${r.clusters})`}`,
      messageEn: `A member of ${r.clusters === 1 ? 'another cluster' : `${r.clusters} other clusters`}`,
    });
  else if (context.cluster)
    reasons.push({
      code: 'cluster_member',
      points: 0,
      message: 'Не участник кластера',
      messageEn: 'Not a member of the cluster',
    });
  if (r.past_contracts > 0)
    reasons.push({
      code: 'past_contracts',
      points: Math.min(r.past_contracts * w.perPastContract, w.pastContractsMax),
      message: `Поставлял продукцию ${context.need.productPrefix} по ${r.past_contracts} договор(ам)`,
      messageEn: `Supplied ${context.need.productPrefix} under ${r.past_contracts} contract(s)`,
    });
  reasons.push(
    r.activities.length
      ? {
          code: 'activity',
          points: 0,
          message: `Вид деятельности по ОКВЭД2: ${r.activities.join(', ')}`,
          messageEn: `ОКВЭД2 activity: ${r.activities.join(', ')}`,
        }
      : {
          code: 'activity',
          points: 0,
          message: `Вида деятельности ${context.need.activityPrefix} в реестре нет — найден по прежним договорам`,
          messageEn: `No ОКВЭД2 activity ${context.need.activityPrefix} recorded — found by past contracts`,
        },
  );
  return {
    organisation: ref('organisation', r.id, organisationDisplayName(r)),
    region: r.region_code && r.region_name ? { code: r.region_code, name: r.region_name } : null,
    town: r.town,
    latitude: r.latitude,
    longitude: r.longitude,
    distanceKm: r.distance_km === null ? null : round1(r.distance_km),
    score: r.score,
    activities: r.activities,
    inCluster: r.in_cluster,
    clusters: r.clusters,
    pastContracts: r.past_contracts,
    reasons,
  };
}
