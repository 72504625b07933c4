import type { EntityTypeName } from '@promatlas/core/api/common.schema.ts';

/** URL segment of each entity type's list and profile pages. */
export const ENTITY_PATHS: Partial<Record<EntityTypeName, string>> = {
  region: '/regions',
  organisation: '/organisations',
  person: '/people',
  site: '/sites',
  cluster: '/clusters',
  event: '/events',
  agreement: '/agreements',
  action_plan: '/action-plans',
  project: '/projects',
  source: '/sources',
};

/** The profile URL of a record, or null for types without a page of their own. */
export function entityPath(ref: { type: string; id: string | number }): string | null {
  if (ref.type === 'rating') return `/ratings#rating-${ref.id}`;
  const base = ENTITY_PATHS[ref.type as EntityTypeName];
  return base ? `${base}/${encodeURIComponent(String(ref.id))}` : null;
}

export function sourcePath(sourceId: number, quote?: string | null): string {
  return quote ? `/sources/${sourceId}?quote=${encodeURIComponent(quote)}` : `/sources/${sourceId}`;
}
