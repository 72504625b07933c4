import {
  computeEdition,
  type Edition,
  type IndicatorValue,
  type Methodology,
} from '@promatlas/core/ratings/index.ts';
import type { EntityRef } from '@promatlas/core/api/common.schema.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError, PreconditionError } from '../../shared/domain-errors.ts';
import { loadMethodology } from '../methodologies/methodology.service.ts';
import {
  loadRatedObjects,
  missingObjectRef,
  storedObjectType,
  type StoredObjectType,
} from '../rating-objects.ts';
import { findEditionInputs, findEditionRow, type EditionRow } from './edition.repository.ts';

/**
 * The values a computed edition used, as stored in rating_edition.inputs:
 * object id, peer group, indicator code, value (null = known gap) and the id
 * of the rating_indicator_value row it came from (its provenance).
 */
export interface EditionInput {
  objectId: string;
  peerGroup: string | null;
  indicator: string;
  value: number | null;
  valueId: number | null;
}

export interface LoadedComputedEdition {
  row: EditionRow;
  methodology: Methodology;
  inputs: EditionInput[];
  edition: Edition;
  objectType: StoredObjectType;
  refOf(objectId: string): EntityRef;
}

export function toIndicatorValues(inputs: readonly EditionInput[]): IndicatorValue[] {
  return inputs.map((i) => ({
    objectId: i.objectId,
    peerGroup: i.peerGroup,
    indicator: i.indicator,
    value: i.value,
  }));
}

/**
 * Rebuilds a computed edition from its input snapshot and pinned methodology
 * version. computeEdition is deterministic, so this gives exactly the cached
 * scores and places, plus the per-indicator breakdown the cache does not keep.
 */
export async function loadComputedEdition(db: Db, id: number): Promise<LoadedComputedEdition> {
  const row = await findEditionRow(db, id);
  if (!row) throw new NotFoundError('Издание рейтинга', 'Rating edition', id);
  if (row.kind !== 'computed' || row.methodology_id === null)
    throw new PreconditionError(
      'Это опубликованное издание: издатель сообщил только места, баллов и показателей нет, поэтому разложение, чувствительность и пересчёт недоступны',
      'This is a published edition: only places are known, so there is nothing to explain, perturb or recompute',
      { code: 'published_edition' },
    );
  const { methodology } = await loadMethodology(db, row.methodology_id);
  const inputs = ((await findEditionInputs(db, id)) ?? []) as EditionInput[];
  const edition = computeEdition(methodology, toIndicatorValues(inputs));
  const objectType = storedObjectType(methodology.objectType);
  const objects = await loadRatedObjects(
    db,
    objectType,
    edition.objects.map((o) => o.objectId),
  );
  return {
    row,
    methodology,
    inputs,
    edition,
    objectType,
    refOf: (objectId) => objects.get(objectId)?.ref ?? missingObjectRef(objectType, objectId),
  };
}
