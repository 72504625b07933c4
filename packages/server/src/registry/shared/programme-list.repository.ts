import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { paginate, textFilter } from './paginate.repository.ts';

/** What a page of programme documents is filtered by: the regions that are a party, a text. */
export interface ProgrammeFilter {
  regions?: string[] | undefined;
  q?: string | undefined;
}

export interface ProgrammeSort {
  column: string;
  direction: 'asc' | 'desc';
}

/** One agreement or action plan in a list. */
export interface ProgrammeRow {
  id: number;
  title: string;
  valid_from: string | null;
  valid_to: string | null;
  valid_precision: string | null;
  themes?: string[];
}

/*
 * Agreements and action plans are listed the same way (live records, a text
 * filter, the regions that are a party, sorted by date newest first or by
 * title). One function per table keeps every column typed, so the schema-drift
 * test covers both queries.
 */

/** A page of agreements. */
export async function findAgreementPage(
  db: Db,
  f: ProgrammeFilter,
  sort: ProgrammeSort,
  limit: number,
  offset: number,
): Promise<{ rows: ProgrammeRow[]; total: number }> {
  const text = textFilter('agreement', f.q);
  const base = () => {
    let q = db.selectFrom('agreement').where('agreement.deleted_at', 'is', null);
    if (text) q = q.where(text);
    if (f.regions) {
      const regions = f.regions;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('agreement_party as party')
            .select(sql`1`.as('one'))
            .whereRef('party.agreement_id', '=', 'agreement.id')
            .where('party.region_code', 'in', regions),
        ),
      );
    }
    return q;
  };
  const ordered =
    sort.column === 'date'
      ? base().orderBy('agreement.valid_from', (ob) =>
          (sort.direction === 'asc' ? ob.asc() : ob.desc()).nullsLast(),
        )
      : base().orderBy(sql`${sql.ref('agreement.title')} COLLATE ru`, sort.direction);
  return paginate(
    ordered
      .select([
        'agreement.id',
        'agreement.title',
        'agreement.valid_from',
        'agreement.valid_to',
        'agreement.valid_precision',
      ])
      .orderBy('agreement.id')
      .limit(limit)
      .offset(offset),
    base().select((eb) => eb.fn.countAll<number>().as('n')),
  );
}

/** A page of action plans, with their themes when asked for. */
export async function findActionPlanPage(
  db: Db,
  f: ProgrammeFilter,
  sort: ProgrammeSort,
  limit: number,
  offset: number,
  withThemes: boolean,
): Promise<{ rows: ProgrammeRow[]; total: number }> {
  const text = textFilter('action_plan', f.q);
  const base = () => {
    let q = db.selectFrom('action_plan').where('action_plan.deleted_at', 'is', null);
    if (text) q = q.where(text);
    if (f.regions) {
      const regions = f.regions;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('action_plan_party as party')
            .select(sql`1`.as('one'))
            .whereRef('party.action_plan_id', '=', 'action_plan.id')
            .where('party.region_code', 'in', regions),
        ),
      );
    }
    return q;
  };
  const ordered =
    sort.column === 'date'
      ? base().orderBy('action_plan.valid_from', (ob) =>
          (sort.direction === 'asc' ? ob.asc() : ob.desc()).nullsLast(),
        )
      : base().orderBy(sql`${sql.ref('action_plan.title')} COLLATE ru`, sort.direction);
  const columns = [
    'action_plan.id',
    'action_plan.title',
    'action_plan.valid_from',
    'action_plan.valid_to',
    'action_plan.valid_precision',
  ] as const;
  const page = ordered.orderBy('action_plan.id').limit(limit).offset(offset);
  const count = base().select((eb) => eb.fn.countAll<number>().as('n'));
  return withThemes
    ? paginate(page.select([...columns, 'action_plan.themes']), count)
    : paginate(page.select(columns), count);
}
