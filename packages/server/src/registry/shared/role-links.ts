import type { EntityRef } from '@promatlas/core/api/common.schema.ts';
import type { RoleLink } from '@promatlas/core/api/registry.schema.ts';
import { periodOf, ref, type SourceRefs } from './mappers.ts';

export interface RoleLinkRow {
  role?: RoleLink['role'];
  valid_from: string | null;
  valid_to: string | null;
  valid_precision: string | null;
  source_id: number | null;
  source_quote: string | null;
  target_id: number | string;
  target_title: string;
}

/** Maps joined relation rows (membership, participation, party…) to RoleLink objects. */
export function roleLinks(
  rows: RoleLinkRow[],
  type: EntityRef['type'],
  sources: SourceRefs,
  defaultRole: RoleLink['role'] = 'participant',
): RoleLink[] {
  return rows.map((r) => ({
    role: r.role ?? defaultRole,
    target: ref(type, r.target_id, r.target_title),
    asOf: periodOf(r),
    source: sources.of(r),
  }));
}
