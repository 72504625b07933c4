import { sql, type Kysely } from 'kysely';
import type { Db } from '../../db/connection.ts';
import { offsetOf, parseSort } from './list-query.ts';
import { paginate, textFilter } from './paginate.ts';

/** The programme documents listed the same way: agreements and action plans, with their party tables. */
const PROGRAMMES = {
  agreement: { partyTable: 'agreement_party', partyKey: 'agreement_id' },
  action_plan: { partyTable: 'action_plan_party', partyKey: 'action_plan_id' },
} as const;

export interface ProgrammeListParams {
  regions?: string[] | undefined;
  q?: string | undefined;
  sort: string;
  page: number;
  pageSize: number;
}

export interface ProgrammeRow {
  id: number;
  title: string;
  valid_from: string | null;
  valid_to: string | null;
  valid_precision: string | null;
  themes?: string[];
}

/**
 * A page of agreements or action plans: live records, a text filter, the
 * regions that are a party, sorted by date (newest first) or title.
 */
export async function findProgrammes(
  db: Db,
  table: keyof typeof PROGRAMMES,
  p: ProgrammeListParams,
  extraColumns: readonly string[] = [],
): Promise<{ rows: ProgrammeRow[]; total: number }> {
  const { partyTable, partyKey } = PROGRAMMES[table];
  // The two tables share every column used here; one loosely typed handle serves both.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const k = db as Kysely<any>;
  const text = textFilter(table, p.q);
  const base = () => {
    let q = k.selectFrom(table).where(`${table}.deleted_at`, 'is', null);
    if (text) q = q.where(text);
    if (p.regions) {
      const regions = p.regions;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom(`${partyTable} as party`)
            .select(sql`1`.as('one'))
            .whereRef(`party.${partyKey}`, '=', `${table}.id`)
            .where('party.region_code', 'in', regions),
        ),
      );
    }
    return q;
  };
  const sort = parseSort(p.sort);
  const ordered =
    sort.column === 'date'
      ? base().orderBy(`${table}.valid_from`, (ob) =>
          (sort.direction === 'asc' ? ob.asc() : ob.desc()).nullsLast(),
        )
      : base().orderBy(sql`${sql.ref(`${table}.title`)} COLLATE ru`, sort.direction);
  const columns = ['id', 'title', 'valid_from', 'valid_to', 'valid_precision', ...extraColumns].map(
    (c) => `${table}.${c}`,
  );
  const result = await paginate(
    ordered
      .select(columns)
      .orderBy(`${table}.id`)
      .limit(p.pageSize)
      .offset(offsetOf(p.page, p.pageSize)),
    base().select((eb) => eb.fn.countAll<number>().as('n')),
  );
  return { rows: result.rows as ProgrammeRow[], total: result.total };
}
