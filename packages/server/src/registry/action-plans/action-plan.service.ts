import type { ActionPlan, ActionPlanListItem } from '@promatlas/core/api/registry.schema.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError } from '../../shared/domain-errors.ts';
import { periodOf, ref, SourceRefs } from '../shared/mappers.ts';
import { findProgrammes, type ProgrammeListParams } from '../shared/programme-list.ts';
import { loadParties } from '../shared/parties.ts';
import { getActionPlanRow, getApprovingEvent } from './action-plan.repository.ts';

export async function listActionPlans(db: Db, p: ProgrammeListParams) {
  const { rows, total } = await findProgrammes(db, 'action_plan', p, ['themes']);
  const items: ActionPlanListItem[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    period: periodOf(r),
    themes: r.themes ?? [],
  }));
  return { items, total, page: p.page, pageSize: p.pageSize };
}

export async function getActionPlan(db: Db, id: number): Promise<ActionPlan> {
  const row = await getActionPlanRow(db, id);
  if (!row) throw new NotFoundError('План действий', 'Action plan', id);
  const event =
    row.approved_at_event_id === null
      ? undefined
      : await getApprovingEvent(db, row.approved_at_event_id);
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
