import type { EntityRef } from '@promatlas/core/api/common.schema.ts';
import type {
  RatingEditionList,
  RatingEditionResponse,
  RatingEditionSummary,
  RatingRow,
} from '@promatlas/core/api/ratings.schema.ts';
import type { Methodology, ObjectGroupScore } from '@promatlas/core/ratings/index.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError } from '../../shared/domain-errors.ts';
import { organisationDisplayName, ref, SourceRefs } from '../../registry/shared/mappers.ts';
import { loadMethodology } from '../methodologies/methodology.service.ts';
import {
  EDITION_KIND_LABELS,
  ILLUSTRATIVE_DATASET,
  ILLUSTRATIVE_LABEL,
  tieRuleLabel,
} from '../rating-labels.ts';
import { loadRatedObjects, missingObjectRef, type StoredObjectType } from '../rating-objects.ts';
import {
  countEditionResults,
  findEditionResultRows,
  findEditionRow,
  findEditionRows,
  findPublishedResultRows,
  findRatingRows,
  type EditionResultRow,
  type EditionRow,
  type PublishedResultRow,
} from './edition.repository.ts';

/** Object references for result rows of any type, loaded in one query per type. */
async function objectRefs(db: Db, keys: { object_type: string; object_id: string | number }[]) {
  const byType = new Map<StoredObjectType, string[]>();
  for (const k of keys) {
    const t = k.object_type as StoredObjectType;
    if (!byType.has(t)) byType.set(t, []);
    byType.get(t)!.push(String(k.object_id));
  }
  const loaded = new Map<string, EntityRef>();
  for (const [type, ids] of byType)
    for (const [id, o] of await loadRatedObjects(db, type, ids)) loaded.set(`${type}:${id}`, o.ref);
  return (type: string, id: string | number): EntityRef =>
    loaded.get(`${type}:${id}`) ?? missingObjectRef(type as StoredObjectType, String(id));
}

/** Peer-group code → name for each methodology version the rows use. */
async function peerGroupNamers(db: Db, methodologyIds: (number | null)[]) {
  const names = new Map<number, Map<string, string>>();
  for (const id of new Set(methodologyIds))
    if (id !== null) {
      const { methodology } = await loadMethodology(db, id);
      names.set(id, new Map(methodology.peerGroups.groups.map((g) => [g.code, g.name])));
    }
  return (methodologyId: number | null) =>
    (code: string | null): string | null =>
      code === null
        ? null
        : methodologyId === null
          ? code
          : (names.get(methodologyId)?.get(code) ?? code);
}

async function summarise(db: Db, rows: EditionRow[]): Promise<RatingEditionSummary[]> {
  const computed = rows.filter((r) => r.kind === 'computed').map((r) => r.id);
  const published = rows.filter((r) => r.kind === 'published').map((r) => r.id);
  const [leaders, counts, places, sources] = [
    await findEditionResultRows(db, computed, { leadersOnly: true }),
    await countEditionResults(db, computed),
    await findPublishedResultRows(db, published),
    await SourceRefs.load(
      db,
      rows.map((r) => r.source_id),
    ),
  ];
  const refOf = await objectRefs(db, [...leaders, ...places]);
  const namer = await peerGroupNamers(
    db,
    rows.map((r) => r.methodology_id),
  );
  const out: RatingEditionSummary[] = [];
  for (const r of rows) {
    const name = namer(r.methodology_id);
    const mine: (EditionResultRow | PublishedResultRow)[] =
      r.kind === 'computed'
        ? leaders.filter((l) => l.edition_id === r.id)
        : places.filter((p) => p.edition_id === r.id);
    out.push({
      id: r.id,
      kind: r.kind,
      kindLabel: EDITION_KIND_LABELS[r.kind],
      status: r.status,
      year: r.year,
      label: r.label,
      editionNumber: r.edition_number,
      rating:
        r.rating_id !== null && r.rating_name !== null
          ? { id: r.rating_id, title: r.rating_name }
          : null,
      methodology:
        r.methodology_id !== null
          ? {
              id: r.methodology_id,
              code: r.methodology_code!,
              version: r.methodology_version!,
              title: r.methodology_title!,
              isDefault: r.methodology_is_default ?? false,
            }
          : null,
      dataset: r.dataset,
      illustrative: r.dataset === ILLUSTRATIVE_DATASET || r.label.includes(ILLUSTRATIVE_LABEL),
      objectCount: r.kind === 'computed' ? (counts.get(r.id) ?? 0) : mine.length,
      leaders: mine
        .filter((l) => l.place === 1)
        .map((l) => ({
          peerGroup: l.peer_group,
          peerGroupName: name(l.peer_group),
          object: refOf(l.object_type, l.object_id),
          place: 1,
        })),
      computedAt: r.computed_at ? new Date(r.computed_at).toISOString() : null,
      source: sources.of(r),
    });
  }
  return out;
}

/** Every registry rating with its editions — computed and published side by side — and computed editions of no rating. */
export async function listEditions(db: Db): Promise<RatingEditionList> {
  const [ratings, rows] = [await findRatingRows(db), await findEditionRows(db)];
  const summaries = await summarise(db, rows);
  return {
    ratings: ratings.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      publisher:
        r.publisher_organisation_id !== null && r.publisher_name
          ? ref(
              'organisation',
              r.publisher_organisation_id,
              organisationDisplayName({
                name: r.publisher_name,
                legal_form: r.publisher_legal_form,
              }),
            )
          : null,
      methodologyCode: r.methodology_code,
      editions: summaries.filter((s) => s.rating?.id === r.id),
    })),
    otherEditions: summaries.filter((s) => s.rating === null),
  };
}

export async function getEditionSummary(db: Db, id: number): Promise<RatingEditionSummary> {
  const row = await findEditionRow(db, id);
  if (!row) throw new NotFoundError('Издание рейтинга', 'Rating edition', id);
  return (await summarise(db, [row]))[0]!;
}

/** An edition with its ranking table per peer group (scores and group scores for computed editions, places for published ones). */
export async function getEdition(db: Db, id: number): Promise<RatingEditionResponse> {
  const row = await findEditionRow(db, id);
  if (!row) throw new NotFoundError('Издание рейтинга', 'Rating edition', id);
  const summary = (await summarise(db, [row]))[0]!;
  if (row.kind === 'published') {
    const places = await findPublishedResultRows(db, [id]);
    const refOf = await objectRefs(db, places);
    const tables = new Map<string | null, RatingRow[]>();
    for (const p of places) {
      if (!tables.has(p.peer_group)) tables.set(p.peer_group, []);
      tables.get(p.peer_group)!.push({
        object: refOf(p.object_type, p.object_id),
        place: p.place,
        score: p.score,
        disqualified: false,
        groupScores: [],
        missingIndicators: [],
      });
    }
    return {
      ...summary,
      tieRule: 'как у издателя рейтинга',
      groups: [],
      peerGroups: [...tables].map(([peerGroup, rows]) => ({
        peerGroup,
        name: peerGroup ?? 'Общий зачёт',
        rows,
      })),
    };
  }
  const { methodology } = await loadMethodology(db, row.methodology_id!);
  const results = await findEditionResultRows(db, [id]);
  const refOf = await objectRefs(db, results);
  return {
    ...summary,
    tieRule: tieRuleLabel(methodology.tieRule),
    groups: methodology.groups.map((g) => ({ code: g.code, name: g.name, weight: g.weight })),
    peerGroups: peerGroupTables(
      methodology,
      results.map((r) => ({
        peerGroup: r.peer_group,
        row: {
          object: refOf(r.object_type, r.object_id),
          place: r.place,
          score: r.score,
          disqualified: r.disqualified,
          groupScores: r.group_scores as ObjectGroupScore[],
          missingIndicators: r.missing_indicators,
        },
      })),
    ),
  };
}

/** Rows split into one table per peer group, in the methodology's order of peer groups, the common table last. */
export function peerGroupTables<R>(
  methodology: Methodology,
  rows: { peerGroup: string | null; row: R }[],
): { peerGroup: string | null; name: string; rows: R[] }[] {
  const order = methodology.peerGroups.groups.map((g) => g.code);
  const names = new Map(methodology.peerGroups.groups.map((g) => [g.code, g.name]));
  const tables = new Map<string | null, R[]>();
  for (const r of rows) {
    if (!tables.has(r.peerGroup)) tables.set(r.peerGroup, []);
    tables.get(r.peerGroup)!.push(r.row);
  }
  const rank = (code: string | null) =>
    code === null
      ? order.length
      : order.indexOf(code) < 0
        ? order.length - 0.5
        : order.indexOf(code);
  return [...tables]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([peerGroup, rows]) => ({
      peerGroup,
      name:
        peerGroup === null
          ? order.length === 0
            ? 'Все объекты'
            : 'Вне групп сравнения методики'
          : (names.get(peerGroup) ?? peerGroup),
      rows,
    }));
}
