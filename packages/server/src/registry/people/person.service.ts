import { sql } from 'kysely';
import type { Person, PersonListItem } from '@promatlas/core/api/registry.schema.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError } from '../../shared/domain-errors.ts';
import { offsetOf, parseSort } from '../shared/list-query.ts';
import {
  organisationDisplayName,
  periodOf,
  personFullName,
  ref,
  regionRef,
  SourceRefs,
  sourceIdsOf,
} from '../shared/mappers.ts';
import { paginate, textFilter } from '../shared/paginate.repository.ts';
import { roleLinks } from '../shared/role-links.ts';

/** The latest known title of each person (by the as-of date of the position). */
async function latestTitles(db: Db, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('position')
    .select(['person_id', 'title'])
    .distinctOn('person_id')
    .where('person_id', 'in', ids)
    .where('deleted_at', 'is', null)
    .orderBy('person_id')
    .orderBy('valid_from', (ob) => ob.desc().nullsLast())
    .orderBy('id', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.person_id, r.title]));
}

export async function listPeople(
  db: Db,
  p: {
    regions?: string[] | undefined;
    q?: string | undefined;
    sort: string;
    page: number;
    pageSize: number;
  },
) {
  const text = textFilter('person', p.q);
  const base = () => {
    let q = db.selectFrom('person').where('person.deleted_at', 'is', null);
    if (text) q = q.where(text);
    if (p.regions) {
      const regions = p.regions;
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
  const dir = parseSort(p.sort).direction;
  const { rows, total } = await paginate(
    base()
      .select(['person.id', 'person.last_name', 'person.first_name', 'person.patronymic'])
      .orderBy(sql`person.last_name COLLATE ru`, dir)
      .orderBy(sql`person.first_name COLLATE ru`, dir)
      .orderBy('person.id')
      .limit(p.pageSize)
      .offset(offsetOf(p.page, p.pageSize)),
    base().select((eb) => eb.fn.countAll<number>().as('n')),
  );
  const titles = await latestTitles(
    db,
    rows.map((r) => r.id),
  );
  const items: PersonListItem[] = rows.map((r) => ({
    id: r.id,
    fullName: personFullName(r),
    currentTitle: titles.get(r.id) ?? null,
  }));
  return { items, total, page: p.page, pageSize: p.pageSize };
}

export async function getPerson(db: Db, id: number): Promise<Person> {
  const row = await db
    .selectFrom('person')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Персона', 'Person', id);
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
  const sources = await SourceRefs.load(db, [
    row.source_id,
    ...sourceIdsOf(positions, events, agreements),
  ]);
  return {
    id: row.id,
    fullName: personFullName(row),
    currentTitle: positions[0]?.title ?? null,
    lastName: row.last_name,
    firstName: row.first_name,
    patronymic: row.patronymic,
    positions: positions.map((p) => ({
      id: p.id,
      title: p.title,
      organisation:
        p.organisation_id !== null && p.organisation_name !== null
          ? ref(
              'organisation',
              p.organisation_id,
              organisationDisplayName({ name: p.organisation_name, legal_form: p.legal_form }),
            )
          : null,
      region: regionRef(p),
      asOf: periodOf(p),
      source: sources.of(p),
    })),
    events: roleLinks(events, 'event', sources),
    agreements: roleLinks(agreements, 'agreement', sources),
    version: row.version,
    published: row.published,
    source: sources.of(row),
  };
}
