import { computeEdition, type Methodology } from '@promatlas/core/ratings/index.ts';
import type { Db } from '../../db/connection.ts';
import { writeAudit, type AuditActor } from '../../audit/index.ts';
import { ConflictError, NotFoundError, PreconditionError } from '../../shared/domain-errors.ts';
import { loadMethodology } from '../methodologies/methodology.service.ts';
import { ILLUSTRATIVE_DATASET, ILLUSTRATIVE_LABEL } from '../rating-labels.ts';
import { loadRatedObjects, storedObjectType } from '../rating-objects.ts';
import { findIndicatorValueRows } from '../values/indicator-value.repository.ts';
import {
  findComputedEditionId,
  findRatingIdForMethodology,
  ratingExists,
  saveComputedEdition,
} from './edition.repository.ts';
import type { EditionInput } from './load-computed-edition.ts';

export interface ComputeRatingEditionInput {
  methodologyId: number;
  year: number;
  dataset: string;
  label?: string | undefined;
  ratingId?: number | undefined;
  status: 'draft' | 'final';
}

/**
 * Computes an edition: the methodology version's indicators for every object
 * of its kind that has values in the dataset for the year, scored and placed
 * with core's computeEdition and stored (input snapshot + cached results).
 *
 * - Objects: sites of the methodology's kind (sez, technopark,
 *   industrial_park), clusters or regions with at least one value.
 * - Peer group: a site's SEZ type when the methodology lists it as a peer
 *   group, else none — objects without a listed peer group are ranked
 *   together in one table.
 * - Ties: the methodology's tie rule (competition ranking by default: equal
 *   scores within the tolerance share a place and the next place is skipped).
 * - Computing again with the same methodology version, year, dataset and label
 *   replaces a draft edition; a final edition is frozen (409).
 * - Values of the illustrative dataset are never presented as real: the label
 *   always ends with «Иллюстративные данные».
 */
export async function computeRatingEdition(
  db: Db,
  input: ComputeRatingEditionInput,
  actor?: AuditActor,
): Promise<number> {
  const { methodology } = await loadMethodology(db, input.methodologyId);
  const objectType = storedObjectType(methodology.objectType);
  const rows = await findIndicatorValueRows(db, {
    dataset: input.dataset,
    objectType,
    years: [input.year],
    indicators: methodology.indicators.map((i) => i.code),
  });
  const objects = await loadRatedObjects(
    db,
    objectType,
    rows.map((r) => r.object_id),
  );
  const peerGroupCodes = new Set(methodology.peerGroups.groups.map((g) => g.code));
  const inputs: EditionInput[] = [];
  for (const r of rows) {
    const object = objects.get(r.object_id);
    if (!object) continue; // deleted from the registry since the import
    if (objectType === 'site' && object.siteKind !== methodology.objectType) continue;
    const candidate = object.peerGroupCandidate;
    inputs.push({
      objectId: r.object_id,
      peerGroup: candidate !== null && peerGroupCodes.has(candidate) ? candidate : null,
      indicator: r.indicator,
      value: r.value,
      valueId: r.id,
    });
  }
  if (inputs.length === 0)
    throw new PreconditionError(
      `В наборе «${input.dataset}» нет значений показателей методики «${methodology.id}» за ${input.year} год для объектов этого типа`,
      `Dataset "${input.dataset}" has no values of methodology "${methodology.id}" for ${input.year}`,
      { code: 'no_values' },
    );
  const edition = computeEdition(methodology, inputs);

  let ratingId = input.ratingId ?? null;
  if (ratingId !== null && !(await ratingExists(db, ratingId)))
    throw new NotFoundError({
      ru: `Рейтинг с идентификатором «${ratingId}» не найден`,
      en: `Rating "${ratingId}" not found`,
    });
  ratingId ??= await findRatingIdForMethodology(db, methodology.id);
  const label = editionLabel(methodology, input);

  // Inside a caller's transaction (the demo loader) the work joins it; otherwise it gets its own.
  const inTransaction = <T>(work: (trx: Db) => Promise<T>) =>
    db.isTransaction ? work(db) : db.transaction().execute(work);
  return inTransaction(async (trx) => {
    const existing = await findComputedEditionId(trx, {
      methodologyId: input.methodologyId,
      year: input.year,
      dataset: input.dataset,
      label,
    });
    if (existing?.status === 'final')
      throw new ConflictError(
        `Издание «${label}» окончательное и не пересчитывается; дайте новому расчёту другое название`,
        `Edition "${label}" is final and is not recomputed; give the new computation another label`,
      );
    const id = await saveComputedEdition(trx, existing?.id ?? null, {
      ratingId,
      methodologyId: input.methodologyId,
      year: input.year,
      dataset: input.dataset,
      label,
      status: input.status,
      inputs,
      results: edition.objects.map((o) => ({
        object_type: objectType,
        object_id: o.objectId,
        peer_group: o.peerGroup,
        score: o.score,
        place: o.place,
        disqualified: o.disqualified,
        group_scores: o.groups,
        missing_indicators: o.missingIndicators,
      })),
    });
    // The journal names the computation and counts its results; the scores are in the edition.
    const summary = {
      ratingId,
      methodologyId: input.methodologyId,
      year: input.year,
      dataset: input.dataset,
      label,
      status: input.status,
      objects: edition.objects.length,
    };
    if (actor)
      await writeAudit(trx, {
        userId: actor.userId,
        action: existing ? 'update' : 'create',
        entityType: 'rating_edition',
        entityId: id,
        before: existing ? { id, status: existing.status, recomputed: true } : null,
        after: { id, ...summary },
      });
    return id;
  });
}

function editionLabel(m: Methodology, input: ComputeRatingEditionInput): string {
  const illustrative = input.dataset === ILLUSTRATIVE_DATASET;
  const base =
    input.label ??
    `Расчёт PromAtlas: ${m.title} (версия ${m.version}), ${input.year} год${illustrative ? '' : `, набор «${input.dataset}»`}`;
  return illustrative && !base.includes(ILLUSTRATIVE_LABEL)
    ? `${base} — ${ILLUSTRATIVE_LABEL}`
    : base;
}
