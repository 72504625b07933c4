import type { Db } from '../../db/connection.ts';
import { offsetOf, parseSort } from './list-query.ts';
import {
  findActionPlanPage,
  findAgreementPage,
  type ProgrammeRow,
} from './programme-list.repository.ts';

export type { ProgrammeRow };

export interface ProgrammeListParams {
  regions?: string[] | undefined;
  q?: string | undefined;
  sort: string;
  page: number;
  pageSize: number;
}

/**
 * A page of agreements or action plans: live records, a text filter, the
 * regions that are a party, sorted by date (newest first) or title.
 */
export async function findProgrammes(
  db: Db,
  table: 'agreement' | 'action_plan',
  p: ProgrammeListParams,
  extraColumns: readonly 'themes'[] = [],
): Promise<{ rows: ProgrammeRow[]; total: number }> {
  const filter = { regions: p.regions, q: p.q };
  const sort = parseSort(p.sort);
  const offset = offsetOf(p.page, p.pageSize);
  return table === 'agreement'
    ? findAgreementPage(db, filter, sort, p.pageSize, offset)
    : findActionPlanPage(db, filter, sort, p.pageSize, offset, extraColumns.includes('themes'));
}
