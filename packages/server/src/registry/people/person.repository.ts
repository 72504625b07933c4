import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { paginate, textFilter } from '../shared/paginate.repository.ts';

export interface PersonFilter {
  regions?: string[] | undefined;
  q?: string | undefined;
}

/** A person as listed. */
export interface PersonListRow {
  id: number;
  last_name: string;
  first_name: string | null;
  patronymic: string | null;
}

export async function findPeople(
  db: Db,
  f: PersonFilter,
  direction: 'asc' | 'desc',
  limit: number,
  offset: number,
): Promise<{ rows: PersonListRow[]; total: number }> {
  const text = textFilter('person', f.q);
  const base = () => {
    let q = db.selectFrom('person').where('person.deleted_at', 'is', null);
    if (text) q = q.where(text);
    if (f.regions) {
      const regions = f.regions;
      // A person belongs to the regions of the positions held (directly or through the organisation).
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('position as pos')
            .leftJoin('organisation as o', 'o.id', 'pos.organisation_id')
            .select(sql`1`.as('one'))
            .whereRef('pos.person_id', '=', 'person.id')
            .where((w) =>
              w.or([w('pos.region_code', 'in', regions), w('o.region_code', 'in', regions)]),
            ),
        ),
      );
    }
    return q;
  };
  return paginate(
    base()
      .select(['person.id', 'person.last_name', 'person.first_name', 'person.patronymic'])
      .orderBy(sql`person.last_name COLLATE ru`, direction)
      .orderBy(sql`person.first_name COLLATE ru`, direction)
      .orderBy('person.id')
      .limit(limit)
      .offset(offset),
    base().select((eb) => eb.fn.countAll<number>().as('n')),
  );
}

/** The latest known title of each person (by the as-of date of the position). */
export async function findLatestTitles(db: Db, ids: number[]) {
  return db
    .selectFrom('position')
    .select(['person_id', 'title'])
    .distinctOn('person_id')
    .where('person_id', 'in', ids)
    .where('deleted_at', 'is', null)
    .orderBy('person_id')
    .orderBy('valid_from', (ob) => ob.desc().nullsLast())
    .orderBy('id', 'desc')
    .execute();
}

export async function getPersonRow(db: Db, id: number) {
  return db
    .selectFrom('person')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export type PersonRow = NonNullable<Awaited<ReturnType<typeof getPersonRow>>>;

/** A person's positions (newest first), event participations and agreements signed. */
export async function getPersonLinks(db: Db, id: number) {
  const positions = await db
    .selectFrom('position as p')
    .leftJoin('organisation as o', 'o.id', 'p.organisation_id')
    .leftJoin('region as r', 'r.code', 'p.region_code')
    .select([
      'p.id',
      'p.title',
      'p.valid_from',
      'p.valid_to',
      'p.valid_precision',
      'p.source_id',
      'p.source_quote',
      'o.id as organisation_id',
      'o.name as organisation_name',
      'o.legal_form',
      'p.region_code',
      'r.name as region_name',
    ])
    .where('p.person_id', '=', id)
    .where('p.deleted_at', 'is', null)
    .orderBy('p.valid_from', (ob) => ob.desc().nullsLast())
    .execute();
  const events = await db
    .selectFrom('event_participant as p')
    .innerJoin('event as e', 'e.id', 'p.event_id')
    .select([
      'p.role',
      'e.valid_from',
      'e.valid_to',
      'e.valid_precision',
      'p.source_id',
      'p.source_quote',
      'e.id as target_id',
      'e.title as target_title',
    ])
    .where('p.person_id', '=', id)
    .where('p.deleted_at', 'is', null)
    .orderBy('e.valid_from', 'desc')
    .execute();
  const agreements = await db
    .selectFrom('agreement_party as p')
    .innerJoin('agreement as a', 'a.id', 'p.agreement_id')
    .select([
      sql<'signatory'>`'signatory'`.as('role'),
      'a.valid_from',
      'a.valid_to',
      'a.valid_precision',
      'p.source_id',
      'p.source_quote',
      'a.id as target_id',
      'a.title as target_title',
    ])
    .where('p.signatory_person_id', '=', id)
    .where('p.deleted_at', 'is', null)
    .execute();
  return { positions, events, agreements };
}

export type PersonLinks = Awaited<ReturnType<typeof getPersonLinks>>;
