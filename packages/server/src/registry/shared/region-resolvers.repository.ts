import type { Db } from '../../db/connection.ts';

/** The lookups behind the regional editor's access check (region-resolvers.ts). */

/** A record's region (null: national); undefined when there is no such record. */
export async function findRecordRegion(
  db: Db,
  table: 'organisation' | 'site' | 'cluster' | 'event' | 'project',
  id: number,
) {
  return db.selectFrom(table).select('region_code').where('id', '=', id).executeTakeFirst();
}

/** A position's own region and its organisation's, for every live position of a person. */
export async function findPersonPositionPlaces(db: Db, personId: number) {
  return db
    .selectFrom('position as p')
    .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select(['p.region_code', 'p.organisation_id', 'o.region_code as organisation_region'])
    .where('p.person_id', '=', personId)
    .where('p.deleted_at', 'is', null)
    .execute();
}

export async function findPersonId(db: Db, id: number) {
  return db.selectFrom('person').select('id').where('id', '=', id).executeTakeFirst();
}

/** The cluster's and the member organisation's regions of one membership. */
export async function findMembershipRegions(db: Db, id: number) {
  return db
    .selectFrom('cluster_member as m')
    .innerJoin('cluster as c', 'c.id', 'm.cluster_id')
    .innerJoin('organisation as o', 'o.id', 'm.organisation_id')
    .select(['c.region_code', 'o.region_code as organisation_region'])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

/** One position's own region and its organisation's. */
export async function findPositionPlace(db: Db, id: number) {
  return db
    .selectFrom('position as p')
    .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select(['p.region_code', 'p.organisation_id', 'o.region_code as organisation_region'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}

export async function findStatementSubject(db: Db, id: number) {
  return db
    .selectFrom('statement')
    .select(['subject_type', 'subject_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}
