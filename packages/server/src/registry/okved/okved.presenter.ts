import type { OkvedItem } from '@promatlas/core/api/registry.schema.ts';
import type { OkvedRow } from './okved.repository.ts';

export function okvedItem(r: OkvedRow): OkvedItem {
  return {
    code: r.code,
    name: r.name,
    level: r.level,
    section: r.section,
    parentCode: r.parent_code,
  };
}
