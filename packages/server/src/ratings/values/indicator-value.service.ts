import type { IndicatorValueList } from '@promatlas/core/api/ratings.schema.ts';
import type { Db } from '../../db/connection.ts';
import { SourceRefs } from '../../registry/shared/mappers.ts';
import { loadRatedObjects, missingObjectRef, type StoredObjectType } from '../rating-objects.ts';
import { findIndicatorValueRows } from './indicator-value.repository.ts';

/** Stored indicator values with their provenance, filtered by dataset, year and object. */
export async function listIndicatorValues(
  db: Db,
  filter: {
    dataset?: string | undefined;
    year?: number | undefined;
    objectType?: StoredObjectType | undefined;
    objectId?: string | undefined;
  },
): Promise<IndicatorValueList> {
  const rows = await findIndicatorValueRows(db, {
    dataset: filter.dataset,
    objectType: filter.objectType,
    objectId: filter.objectId,
    years: filter.year === undefined ? undefined : [filter.year],
  });
  const sources = await SourceRefs.load(
    db,
    rows.map((r) => r.source_id),
  );
  const refs = new Map<string, Awaited<ReturnType<typeof loadRatedObjects>>>();
  for (const type of ['site', 'cluster', 'region'] as const)
    refs.set(
      type,
      await loadRatedObjects(
        db,
        type,
        rows.filter((r) => r.object_type === type).map((r) => r.object_id),
      ),
    );
  return {
    items: rows.map((r) => ({
      id: r.id,
      dataset: r.dataset,
      object:
        refs.get(r.object_type)?.get(r.object_id)?.ref ??
        missingObjectRef(r.object_type, r.object_id),
      indicator: r.indicator,
      year: r.year,
      value: r.value,
      source: sources.of({ source_id: r.source_id, source_quote: null }),
      sourceText: r.source_text,
      provenance: r.provenance,
      illustrative: r.provenance === 'illustrative',
    })),
    total: rows.length,
  };
}
