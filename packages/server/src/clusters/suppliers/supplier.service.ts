import type {
  SupplierGaps,
  SupplierSearchQuery,
  SupplierSearchResult,
} from '@promatlas/core/api/suppliers.schema.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError, ValidationError } from '../../shared/domain-errors.ts';
import { organisationDisplayName, ref } from '../../registry/shared/mappers.ts';
import {
  classifierTitle,
  findOutsidePurchases,
  findSupplierCandidates,
  getClusterHead,
  getOrganisationPoint,
  getRegion,
  type NeedMatch,
  type RankWeights,
} from './supplier.repository.ts';
import { presentCandidate } from './supplier.presenter.ts';

/**
 * How results are ranked, out of 100: nearness counts most (a supplier next
 * door saves logistics), then membership of the cluster the need comes from
 * (cooperation inside it is what the industrial-cluster rules count), then a
 * record of supplying the product before. Each result lists its parts.
 */
export const RANK_WEIGHTS: RankWeights = {
  distance: 50,
  clusterMember: 25,
  otherClusterMember: 10,
  perPastContract: 5,
  pastContractsMax: 25,
};

const METHOD = [
  `Расстояние: до ${RANK_WEIGHTS.distance} баллов, линейно от ${RANK_WEIGHTS.distance} в точке поиска до 0 на границе радиуса (по дуге большого круга)`,
  `Участник кластера из запроса: ${RANK_WEIGHTS.clusterMember} баллов; участник другого кластера: ${RANK_WEIGHTS.otherClusterMember}`,
  `Прежние договоры поставки этой продукции (по ОКПД2): по ${RANK_WEIGHTS.perPastContract} баллов за договор, не больше ${RANK_WEIGHTS.pastContractsMax}`,
  'Подходят организации с видом деятельности ОКВЭД2 того же класса, что и продукция ОКПД2 (коды двух классификаторов совпадают до класса), или поставлявшие эту продукцию',
];

/** The same lines in English, one for one, from the same weights. */
const METHOD_EN = [
  `Distance: up to ${RANK_WEIGHTS.distance} points, falling linearly from ${RANK_WEIGHTS.distance} at the search point to 0 at the edge of the radius (great-circle distance)`,
  `Member of the cluster searched for: ${RANK_WEIGHTS.clusterMember} points; member of another cluster: ${RANK_WEIGHTS.otherClusterMember}`,
  `Past contracts supplying this product (by ОКПД2 code): ${RANK_WEIGHTS.perPastContract} points per contract, at most ${RANK_WEIGHTS.pastContractsMax}`,
  'Organisations qualify whose ОКВЭД2 activity is of the same class as the ОКПД2 product (the two classifications share their codes down to the class), or who have supplied this product before',
];

/**
 * The ОКВЭД2 codes an ОКПД2 product comes from: both classifiers share their
 * codes down to the class (XX.XX; ОКПД2 28.30.2 is made by activity 28.30), so
 * the activity prefix is the product code cut at the class.
 */
export function needMatch(query: {
  okpd2?: string | undefined;
  okved?: string | undefined;
}): NeedMatch {
  if (query.okpd2) return { activityPrefix: query.okpd2.slice(0, 5), productPrefix: query.okpd2 };
  const okved = query.okved!;
  return { activityPrefix: okved, productPrefix: okved };
}

async function originOf(db: Db, query: SupplierSearchQuery) {
  if (query.lat !== undefined && query.lon !== undefined)
    return { latitude: query.lat, longitude: query.lon, organisation: null };
  if (query.organisationId === undefined) return null;
  const org = await getOrganisationPoint(db, query.organisationId);
  if (!org)
    throw new ValidationError('Организация не найдена', 'Organisation not found', {
      fields: [
        {
          field: 'organisationId',
          message: `Организации № ${query.organisationId} нет в реестре`,
          messageEn: `Organisation ${query.organisationId} is not in the registry`,
        },
      ],
    });
  if (org.latitude === null || org.longitude === null)
    throw new ValidationError(
      'У организации нет координат',
      'The organisation has no coordinates',
      {
        fields: [
          {
            field: 'organisationId',
            message: 'У этой организации не записаны координаты: задайте точку широтой и долготой',
            messageEn:
              'This organisation has no coordinates: give a point by latitude and longitude',
          },
        ],
      },
    );
  return {
    latitude: org.latitude,
    longitude: org.longitude,
    organisation: ref('organisation', org.id, organisationDisplayName(org)),
  };
}

/** Organisations that could supply a product or activity, nearest and closest-tied first, each with its reasons. */
export async function searchSuppliers(
  db: Db,
  query: SupplierSearchQuery,
): Promise<SupplierSearchResult> {
  const origin = await originOf(db, query);
  const region = query.region ? await getRegion(db, query.region) : undefined;
  if (query.region && !region)
    throw new ValidationError('Неизвестный регион', 'Unknown region', {
      fields: [
        {
          field: 'region',
          message: `Региона с кодом «${query.region}» нет`,
          messageEn: `There is no region with code "${query.region}"`,
        },
      ],
    });
  const cluster = query.clusterId ? await getClusterHead(db, query.clusterId) : undefined;
  if (query.clusterId && !cluster) throw new NotFoundError('Кластер', 'Cluster', query.clusterId);
  const need = needMatch(query);
  const radiusKm = origin ? query.radiusKm : null;
  const rows = await findSupplierCandidates(
    db,
    { origin, radiusKm, region: query.region ?? null },
    need,
    { clusterId: cluster?.id ?? null, weights: RANK_WEIGHTS, limit: query.limit },
  );
  const title = query.okpd2
    ? await classifierTitle(db, 'okpd2', query.okpd2)
    : await classifierTitle(db, 'okved', query.okved!);
  return {
    need: {
      okpd2: query.okpd2 ?? null,
      okved: query.okved ?? null,
      activityPrefix: need.activityPrefix,
      title,
    },
    origin,
    radiusKm,
    region: region ? { code: region.code, name: region.name } : null,
    cluster: cluster ? ref('cluster', cluster.id, cluster.name) : null,
    total: rows[0]?.total ?? 0,
    items: rows.map((r) =>
      presentCandidate(r, { radiusKm, weights: RANK_WEIGHTS, need, cluster: !!cluster }),
    ),
    method: METHOD,
    methodEn: METHOD_EN,
  };
}

interface GapGroup {
  okpd2: string | null;
  product: string;
  contracts: number;
  valueRub: number | null;
  buyers: Map<number, string>;
  suppliers: Map<number, string>;
  buyerPoints: Array<{ latitude: number; longitude: number }>;
}

/**
 * «Gaps»: the products a cluster's members buy from organisations outside
 * it, grouped by ОКПД2 code (by the contract's text when it has none), each
 * with the organisations of the cluster's region that could supply it instead.
 * Candidates need an ОКПД2 code: a product named only in words cannot be
 * matched to activities, and says so by an empty list.
 */
export async function clusterSupplierGaps(
  db: Db,
  clusterId: number,
  options: { radiusKm?: number | undefined; perGap: number },
): Promise<SupplierGaps> {
  const cluster = await getClusterHead(db, clusterId);
  if (!cluster) throw new NotFoundError('Кластер', 'Cluster', clusterId);
  const region = cluster.region_code ? await getRegion(db, cluster.region_code) : undefined;
  const groups = new Map<string, GapGroup>();
  for (const row of await findOutsidePurchases(db, clusterId)) {
    const key = row.okpd2_code ?? `text:${(row.product ?? '').trim().toLowerCase()}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        okpd2: row.okpd2_code,
        product: row.okpd2_name ?? row.product ?? 'Продукция не указана',
        contracts: 0,
        valueRub: null,
        buyers: new Map(),
        suppliers: new Map(),
        buyerPoints: [],
      };
      groups.set(key, g);
    }
    g.contracts++;
    if (row.value_rub !== null) g.valueRub = (g.valueRub ?? 0) + row.value_rub;
    if (!g.buyers.has(row.buyer_id) && row.buyer_latitude !== null && row.buyer_longitude !== null)
      g.buyerPoints.push({ latitude: row.buyer_latitude, longitude: row.buyer_longitude });
    g.buyers.set(
      row.buyer_id,
      organisationDisplayName({ name: row.buyer_name, legal_form: row.buyer_legal_form }),
    );
    g.suppliers.set(
      row.supplier_id,
      organisationDisplayName({ name: row.supplier_name, legal_form: row.supplier_legal_form }),
    );
  }
  const gaps: SupplierGaps['gaps'] = [];
  for (const g of groups.values()) {
    let candidates: SupplierGaps['gaps'][number]['candidates'] = [];
    if (g.okpd2 && cluster.region_code) {
      const need = needMatch({ okpd2: g.okpd2 });
      // The first buyer with coordinates centres the radius; without one, the whole region.
      const origin = options.radiusKm !== undefined ? (g.buyerPoints[0] ?? null) : null;
      const radiusKm = origin ? options.radiusKm! : null;
      const rows = await findSupplierCandidates(
        db,
        { origin, radiusKm, region: cluster.region_code },
        need,
        {
          clusterId: cluster.id,
          weights: RANK_WEIGHTS,
          limit: options.perGap,
          excludeIds: [...g.suppliers.keys(), ...g.buyers.keys()],
        },
      );
      candidates = rows.map((r) =>
        presentCandidate(r, { radiusKm, weights: RANK_WEIGHTS, need, cluster: true }),
      );
    }
    gaps.push({
      okpd2: g.okpd2,
      product: g.product,
      contracts: g.contracts,
      valueRub: g.valueRub,
      buyers: [...g.buyers].map(([id, name]) => ref('organisation', id, name)),
      outsideSuppliers: [...g.suppliers].map(([id, name]) => ref('organisation', id, name)),
      candidates,
    });
  }
  gaps.sort((a, b) => (b.valueRub ?? 0) - (a.valueRub ?? 0) || b.contracts - a.contracts);
  return {
    cluster: ref('cluster', cluster.id, cluster.name),
    region: region ? { code: region.code, name: region.name } : null,
    gaps,
  };
}
