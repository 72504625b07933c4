import type { EntityRef } from '@promatlas/core/api/common.schema.ts';
import type { RatingObjectType } from '@promatlas/core/ratings/index.ts';
import type { Db } from '../db/connection.ts';
import { findRatedClusters, findRatedRegions, findRatedSites } from './rating-object.repository.ts';

/** How rated objects are stored: sites and clusters by id, regions by code. */
export type StoredObjectType = 'site' | 'cluster' | 'region';

/** Table a methodology's objects live in. */
export function storedObjectType(objectType: RatingObjectType): StoredObjectType {
  if (objectType === 'cluster') return 'cluster';
  if (objectType === 'region') return 'region';
  return 'site';
}

/**
 * Site SEZ types (vocabulary.ts) → peer-group codes of core's sezPeerGroups.
 * The two vocabularies spell the tourist type differently.
 */
const SEZ_TYPE_PEER_GROUP: Record<string, string> = {
  industrial_production: 'industrial_production',
  technology_innovation: 'technology_innovation',
  tourist_recreational: 'tourism_recreation',
  tourism_recreation: 'tourism_recreation',
  port: 'port',
};

export interface RatedObject {
  ref: EntityRef;
  /** Site kind (sez, technopark…) for sites; null otherwise. */
  siteKind: string | null;
  /** Peer-group candidate derived from the record (SEZ type), before checking the methodology. */
  peerGroupCandidate: string | null;
}

/** Names and peer-group candidates of stored objects, keyed by their id as text. */
export async function loadRatedObjects(
  db: Db,
  type: StoredObjectType,
  ids: readonly string[],
): Promise<Map<string, RatedObject>> {
  const out = new Map<string, RatedObject>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return out;
  if (type === 'site') {
    const numeric = unique.map(Number).filter((n) => Number.isInteger(n));
    if (numeric.length === 0) return out;
    const rows = await findRatedSites(db, numeric);
    for (const r of rows)
      out.set(String(r.id), {
        ref: { type: 'site', id: String(r.id), title: r.name },
        siteKind: r.kind,
        peerGroupCandidate: r.sez_type ? (SEZ_TYPE_PEER_GROUP[r.sez_type] ?? r.sez_type) : null,
      });
  } else if (type === 'cluster') {
    const numeric = unique.map(Number).filter((n) => Number.isInteger(n));
    if (numeric.length === 0) return out;
    const rows = await findRatedClusters(db, numeric);
    for (const r of rows)
      out.set(String(r.id), {
        ref: { type: 'cluster', id: String(r.id), title: r.name },
        siteKind: null,
        peerGroupCandidate: r.kind,
      });
  } else {
    const rows = await findRatedRegions(db, unique);
    for (const r of rows)
      out.set(r.code, {
        ref: { type: 'region', id: r.code, title: r.name },
        siteKind: null,
        peerGroupCandidate: r.kind,
      });
  }
  return out;
}

/** A reference for an object that is gone from the registry (kept in old editions). */
export function missingObjectRef(type: StoredObjectType, id: string): EntityRef {
  return {
    type,
    id,
    title: `${type === 'site' ? 'Площадка' : type === 'cluster' ? 'Кластер' : 'Регион'} № ${id} (нет в реестре)`,
  };
}
