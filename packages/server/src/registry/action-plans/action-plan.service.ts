import { sql } from 'kysely';
import type { ActionPlan, ActionPlanListItem } from '@promatlas/core/api/registry.schema.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError } from '../../http/errors.ts';
import { offsetOf, parseSort } from '../shared/list-query.ts';
import { periodOf, ref, SourceRefs } from '../shared/mappers.ts';
import { paginate, textFilter } from '../shared/paginate.ts';
import { loadParties } from '../shared/parties.ts';

export async function listActionPlans(
  db: Db,
  p: {
    regions?: string[] | undefined;
    q?: string | undefined;
    sort: string;
    page: number;
    pageSize: number;
  },
) {
  const text = textFilter('action_plan', p.q);
  const base = () => {
    let q = db.selectFrom('action_plan').where('action_plan.deleted_at', 'is', null);
    if (text) q = q.where(text);
    if (p.regions) {
      const regions = p.regions;
      q = q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('action_plan_party as pp')
            .select(sql`1`.as('one'))
            .whereRef('pp.action_plan_id', '=', 'action_plan.id')
            .where('pp.region_code', 'in', regions),
        ),
      );
    }
    return q;
  };
  const sort = parseSort(p.sort);
  const ordered =
    sort.column === 'date'
      ? base().orderBy('action_plan.valid_from', (ob) =>
          (sort.direction === 'asc' ? ob.asc() : ob.desc()).nullsLast(),
        )
      : base().orderBy(sql`action_plan.title COLLATE ru`, sort.direction);
  const { rows, total } = await paginate(
    ordered
      .select([
        'action_plan.id',
        'action_plan.title',
        'action_plan.themes',
        'action_plan.valid_from',
        'action_plan.valid_to',
        'action_plan.valid_precision',
      ])
      .orderBy('action_plan.id')
      .limit(p.pageSize)
      .offset(offsetOf(p.page, p.pageSize)),
    base().select((eb) => eb.fn.countAll<number>().as('n')),
  );
  const items: ActionPlanListItem[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    period: periodOf(r),
    themes: r.themes,
  }));
  return { items, total, page: p.page, pageSize: p.pageSize };
}

export async function getActionPlan(db: Db, id: number): Promise<ActionPlan> {
  const row = await db
    .selectFrom('action_plan')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('План действий', 'Action plan', id);
  const event =
    row.approved_at_event_id === null
      ? undefined
      : await db
          .selectFrom('event')
          .select(['id', 'title'])
          .where('id', '=', row.approved_at_event_id)
          .executeTakeFirst();
  const parties = await loadParties(db, 'action_plan', id);
  const sources = await SourceRefs.load(db, [row.source_id]);
  return {
    id: row.id,
    title: row.title,
    period: periodOf(row),
    themes: row.themes,
    approvedAt: event ? ref('event', event.id, event.title) : null,
    parties,
    source: sources.of(row),
  };
}
