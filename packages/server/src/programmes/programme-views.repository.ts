import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import { jsonRows } from '../db/json-rows.ts';
import { isRowId } from '../registry/shared/region-resolvers.ts';

/** Reads and writes of the programme views: a user's affiliation, a region's events and agreements. */

export async function affiliationOf(db: Db, userId: number) {
  return db
    .selectFrom('app_user')
    .select(['organisation_id', 'person_id'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function setAffiliation(
  db: Db,
  userId: number,
  values: { organisation_id: number | null; person_id: number | null },
) {
  if (!isRowId(userId)) return undefined;
  return db
    .updateTable('app_user')
    .set(values)
    .where('id', '=', userId)
    .returning(['id', 'organisation_id', 'person_id'])
    .executeTakeFirst();
}

export async function userExists(db: Db, userId: number) {
  if (!isRowId(userId)) return undefined;
  return db
    .selectFrom('app_user')
    .select(['id', 'organisation_id', 'person_id'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function organisationTitle(db: Db, id: number) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'legal_form'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function personTitle(db: Db, id: number) {
  return db
    .selectFrom('person')
    .select(['id', 'last_name', 'first_name', 'patronymic'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Events of a region (by its own region or an organiser's) from a day on, soonest first. */
export async function upcomingEvents(db: Db, region: string, from: string, limit: number) {
  return db
    .selectFrom('event as e')
    .select(['e.id', 'e.title', 'e.kind', 'e.valid_from', 'e.valid_to', 'e.valid_precision'])
    .where('e.deleted_at', 'is', null)
    .where('e.valid_to', '>=', from)
    .where((eb) =>
      eb.or([
        eb('e.region_code', '=', region),
        eb.exists(
          eb
            .selectFrom('event_participant as p')
            .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
            .select('p.id')
            .whereRef('p.event_id', '=', 'e.id')
            .where('p.deleted_at', 'is', null)
            .where('p.role', 'in', ['organiser', 'supporter', 'partner'])
            .where('o.region_code', '=', region),
        ),
      ]),
    )
    .orderBy('e.valid_from')
    .orderBy('e.id')
    .limit(limit)
    .execute();
}

/** Agreements with the region as a party (or a party's organisation in it), signed by `today`. */
export async function agreementsOfRegion(db: Db, region: string, today: string) {
  return db
    .selectFrom('agreement as a')
    .select(['a.id', 'a.title', 'a.valid_from', 'a.valid_to', 'a.valid_precision'])
    .where('a.deleted_at', 'is', null)
    .where((eb) => eb.or([eb('a.valid_from', 'is', null), eb('a.valid_from', '<=', today)]))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('agreement_party as p')
          .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
          .select('p.id')
          .whereRef('p.agreement_id', '=', 'a.id')
          .where('p.deleted_at', 'is', null)
          .where((e) => e.or([e('p.region_code', '=', region), e('o.region_code', '=', region)])),
      ),
    )
    .orderBy('a.valid_from', 'desc')
    .orderBy('a.id')
    .execute();
}

/** Dated events for the calendar feed. */
export async function calendarEvents(db: Db, region: string | undefined, limit: number) {
  let q = db
    .selectFrom('event as e')
    .leftJoin('region as r', 'r.code', 'e.region_code')
    .select([
      'e.id',
      'e.title',
      'e.kind',
      'e.place',
      'e.valid_from',
      'e.valid_to',
      'e.valid_precision',
      'e.updated_at',
      'r.name as region_name',
    ])
    .where('e.deleted_at', 'is', null)
    .where('e.valid_from', 'is not', null);
  if (region) q = q.where('e.region_code', '=', region);
  // Thousands of rows for a region's feed: received as one JSON text (db/json-rows.ts).
  return jsonRows(
    db,
    q.orderBy('e.valid_from').orderBy('e.id').limit(limit),
    sql`ORDER BY x.valid_from, x.id`,
  );
}
