import type { EntityRef } from '@promatlas/core/api/common.schema.ts';
import type { Db } from '../../db/connection.ts';
import {
  findNamedRecords,
  findOrganisationNames,
  findPersonNames,
  findRegionNames,
  findTitledRecords,
} from './entity-refs.repository.ts';
import { organisationDisplayName, personFullName, ref } from './mappers.ts';

/**
 * Resolves polymorphic (type, id) pairs — statement objects, citations — to
 * titled references, one query per type present.
 */
export async function resolveEntityRefs(
  db: Db,
  pairs: ReadonlyArray<{ type: string; id: string }>,
): Promise<Map<string, EntityRef>> {
  const byType = new Map<string, string[]>();
  for (const p of pairs) byType.set(p.type, [...(byType.get(p.type) ?? []), p.id]);
  const out = new Map<string, EntityRef>();
  const put = (r: EntityRef) => out.set(`${r.type}:${r.id}`, r);
  const ids = (type: string) => (byType.get(type) ?? []).map(Number).filter(Number.isInteger);
  for (const type of byType.keys()) {
    switch (type) {
      case 'region':
        for (const r of await findRegionNames(db, byType.get(type)!))
          put(ref('region', r.code, r.name));
        break;
      case 'organisation':
        for (const r of await findOrganisationNames(db, ids(type)))
          put(ref('organisation', r.id, organisationDisplayName(r)));
        break;
      case 'person':
        for (const r of await findPersonNames(db, ids(type)))
          put(ref('person', r.id, personFullName(r)));
        break;
      case 'site':
      case 'cluster':
      case 'support_measure':
        for (const r of await findNamedRecords(db, type, ids(type))) put(ref(type, r.id, r.name));
        break;
      case 'event':
      case 'project':
      case 'agreement':
      case 'action_plan':
        for (const r of await findTitledRecords(db, type, ids(type))) put(ref(type, r.id, r.title));
        break;
      default:
        break;
    }
  }
  return out;
}
