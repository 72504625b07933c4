import type { Db } from '../db/connection.ts';

/** The registry rows a rating's objects are: sites and clusters by id, regions by code. */

export async function findRatedSites(db: Db, ids: number[]) {
  return db
    .selectFrom('site')
    .select(['id', 'name', 'kind', 'sez_type'])
    .where('id', 'in', ids)
    .execute();
}

export async function findRatedClusters(db: Db, ids: number[]) {
  return db.selectFrom('cluster').select(['id', 'name', 'kind']).where('id', 'in', ids).execute();
}

export async function findRatedRegions(db: Db, codes: string[]) {
  return db
    .selectFrom('region')
    .select(['code', 'name', 'kind'])
    .where('code', 'in', codes)
    .execute();
}
