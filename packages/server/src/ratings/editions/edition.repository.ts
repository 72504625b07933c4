import { sql } from 'kysely';
import type { Db } from '../../db/connection.ts';

/** SQL of rating_edition, rating_edition_result and the published places in rating_result. */

export interface EditionRow {
  id: number;
  rating_id: number | null;
  rating_name: string | null;
  methodology_id: number | null;
  methodology_code: string | null;
  methodology_version: string | null;
  methodology_title: string | null;
  methodology_is_default: boolean | null;
  kind: 'computed' | 'published';
  year: number;
  label: string;
  edition_number: number | null;
  status: 'draft' | 'final';
  dataset: string | null;
  computed_at: Date | null;
  source_id: number | null;
  source_quote: string | null;
}

function editionQuery(db: Db) {
  return db
    .selectFrom('rating_edition as e')
    .leftJoin('rating as r', 'r.id', 'e.rating_id')
    .leftJoin('rating_methodology as m', 'm.id', 'e.methodology_id')
    .select([
      'e.id',
      'e.rating_id',
      'r.name as rating_name',
      'e.methodology_id',
      'm.code as methodology_code',
      'm.version as methodology_version',
      'm.title as methodology_title',
      'm.is_default as methodology_is_default',
      'e.kind',
      'e.year',
      'e.label',
      'e.edition_number',
      'e.status',
      'e.dataset',
      'e.computed_at',
      'e.source_id',
      'e.source_quote',
    ]);
}

export async function findEditionRows(db: Db): Promise<EditionRow[]> {
  return (await editionQuery(db)
    .orderBy('e.year', 'desc')
    .orderBy('e.kind', 'desc')
    .orderBy('e.id')
    .execute()) as EditionRow[];
}

export async function findEditionRow(db: Db, id: number): Promise<EditionRow | undefined> {
  return (await editionQuery(db).where('e.id', '=', id).executeTakeFirst()) as
    EditionRow | undefined;
}

export async function findEditionInputs(db: Db, id: number): Promise<unknown> {
  const row = await db
    .selectFrom('rating_edition')
    .select('inputs')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.inputs ?? null;
}

export interface EditionResultRow {
  edition_id: number;
  object_type: string;
  object_id: string;
  peer_group: string | null;
  score: number | null;
  place: number | null;
  disqualified: boolean;
  group_scores: unknown;
  missing_indicators: string[];
}

export async function findEditionResultRows(
  db: Db,
  editionIds: number[],
  options: { leadersOnly?: boolean } = {},
): Promise<EditionResultRow[]> {
  if (editionIds.length === 0) return [];
  let q = db.selectFrom('rating_edition_result').selectAll().where('edition_id', 'in', editionIds);
  if (options.leadersOnly) q = q.where('place', '=', 1);
  return (await q
    .orderBy('edition_id')
    .orderBy(sql`place IS NULL`)
    .orderBy('place')
    .orderBy('score', 'desc')
    .orderBy('object_id')
    .execute()) as EditionResultRow[];
}

export async function countEditionResults(
  db: Db,
  editionIds: number[],
): Promise<Map<number, number>> {
  if (editionIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('rating_edition_result')
    .select(['edition_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('edition_id', 'in', editionIds)
    .groupBy('edition_id')
    .execute();
  return new Map(rows.map((r) => [r.edition_id, Number(r.n)]));
}

export interface PublishedResultRow {
  edition_id: number;
  peer_group: string | null;
  object_type: string;
  object_id: number;
  place: number;
  score: number | null;
  source_id: number | null;
  source_quote: string | null;
}

export async function findPublishedResultRows(
  db: Db,
  editionIds: number[],
): Promise<PublishedResultRow[]> {
  if (editionIds.length === 0) return [];
  return (await db
    .selectFrom('rating_result')
    .select([
      'edition_id',
      'peer_group',
      'object_type',
      'object_id',
      'place',
      'score',
      'source_id',
      'source_quote',
    ])
    .where('edition_id', 'in', editionIds)
    .where('deleted_at', 'is', null)
    .orderBy('edition_id')
    .orderBy('peer_group')
    .orderBy('place')
    .execute()) as PublishedResultRow[];
}

export async function findComputedEditionId(
  db: Db,
  key: { methodologyId: number; year: number; dataset: string; label: string },
): Promise<{ id: number; status: string } | undefined> {
  return db
    .selectFrom('rating_edition')
    .select(['id', 'status'])
    .where('kind', '=', 'computed')
    .where('methodology_id', '=', key.methodologyId)
    .where('year', '=', key.year)
    .where('dataset', '=', key.dataset)
    .where('label', '=', key.label)
    .executeTakeFirst();
}

export interface ComputedEditionWrite {
  ratingId: number | null;
  methodologyId: number;
  year: number;
  dataset: string;
  label: string;
  status: 'draft' | 'final';
  inputs: unknown;
  results: Omit<EditionResultRow, 'edition_id'>[];
}

/** Inserts a computed edition, or replaces the inputs and results of an existing draft (existingId). */
export async function saveComputedEdition(
  db: Db,
  existingId: number | null,
  e: ComputedEditionWrite,
): Promise<number> {
  const values = {
    rating_id: e.ratingId,
    methodology_id: e.methodologyId,
    kind: 'computed' as const,
    year: e.year,
    label: e.label,
    status: e.status,
    dataset: e.dataset,
    inputs: JSON.stringify(e.inputs),
    computed_at: new Date(),
  };
  let id: number;
  if (existingId === null) {
    id = (
      await db.insertInto('rating_edition').values(values).returning('id').executeTakeFirstOrThrow()
    ).id;
  } else {
    id = existingId;
    await db.updateTable('rating_edition').set(values).where('id', '=', id).execute();
    await db.deleteFrom('rating_edition_result').where('edition_id', '=', id).execute();
  }
  for (let i = 0; i < e.results.length; i += 500)
    await db
      .insertInto('rating_edition_result')
      .values(
        e.results.slice(i, i + 500).map((r) => ({
          ...r,
          edition_id: id,
          group_scores: JSON.stringify(r.group_scores),
        })),
      )
      .execute();
  return id;
}

/** The single registry rating computed with a methodology family, if exactly one names it. */
export async function findRatingIdForMethodology(
  db: Db,
  methodologyCode: string,
): Promise<number | null> {
  const rows = await db
    .selectFrom('rating')
    .select('id')
    .where('methodology_code', '=', methodologyCode)
    .where('deleted_at', 'is', null)
    .execute();
  return rows.length === 1 ? rows[0]!.id : null;
}

export async function ratingExists(db: Db, id: number): Promise<boolean> {
  return (
    (await db
      .selectFrom('rating')
      .select('id')
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()) !== undefined
  );
}

export interface RatingRow {
  id: number;
  code: string | null;
  name: string;
  methodology_code: string | null;
  publisher_organisation_id: number | null;
  publisher_name: string | null;
  publisher_legal_form: string | null;
}

export async function findRatingRows(db: Db): Promise<RatingRow[]> {
  return db
    .selectFrom('rating')
    .leftJoin('organisation as o', 'o.id', 'rating.publisher_organisation_id')
    .select([
      'rating.id',
      'rating.code',
      'rating.name',
      'rating.methodology_code',
      'rating.publisher_organisation_id',
      'o.name as publisher_name',
      'o.legal_form as publisher_legal_form',
    ])
    .where('rating.deleted_at', 'is', null)
    .orderBy('rating.id')
    .execute();
}

/**
 * Groups published rating_result rows that have no edition yet into
 * published editions (one per rating, year and edition label) and links
 * them. Idempotent; the demo loader calls it after loading the seed places.
 */
export async function linkPublishedEditions(db: Db): Promise<number> {
  const loose = await db
    .selectFrom('rating_result')
    .select([
      'id',
      'rating_id',
      'year',
      'edition_label',
      'edition_number',
      'source_id',
      'source_quote',
    ])
    .where('edition_id', 'is', null)
    .where('kind', '=', 'published')
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  for (const r of loose) {
    let edition = await db
      .selectFrom('rating_edition')
      .select('id')
      .where('kind', '=', 'published')
      .where('rating_id', '=', r.rating_id)
      .where('year', '=', r.year)
      .where('label', '=', r.edition_label)
      .executeTakeFirst();
    if (!edition)
      edition = await db
        .insertInto('rating_edition')
        .values({
          rating_id: r.rating_id,
          kind: 'published',
          year: r.year,
          label: r.edition_label,
          edition_number: r.edition_number,
          status: 'final',
          dataset: null,
          inputs: null,
          source_id: r.source_id,
          source_quote: r.source_quote,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    await db
      .updateTable('rating_result')
      .set({ edition_id: edition.id })
      .where('id', '=', r.id)
      .execute();
  }
  return loose.length;
}
