import type { SearchResponse } from '@promatlas/core/api/search.schema.ts';
import type { ReadSchema } from '../db/read-db.ts';
import {
  CLUSTER_KINDS,
  EVENT_KINDS,
  ORGANISATION_KINDS,
  PROJECT_KINDS,
  SITE_KINDS,
  SOURCE_KINDS,
} from '@promatlas/core/domain/vocabulary.ts';
import { formatPartialDate } from '@promatlas/core/dates/partial-date.ts';
import type { Db } from '../db/connection.ts';
import { toPartialDate } from '../registry/shared/mappers.ts';
import { SEARCHABLE_TYPES, searchEntities, type SearchHitRow } from './search.repository.ts';
import { toCorrectedTsQuery, toFuzzyText, toPrefixTsQuery } from './search-query.ts';
import { findCorrections } from './search-words.repository.ts';
import { ValidationError } from '../shared/domain-errors.ts';

const KIND_LABELS: Record<string, Record<string, string>> = {
  organisation: ORGANISATION_KINDS.labels,
  site: SITE_KINDS.labels,
  cluster: CLUSTER_KINDS.labels,
  event: EVENT_KINDS.labels,
  project: PROJECT_KINDS.labels,
  source: SOURCE_KINDS.labels,
};
const REGION_KIND_LABELS: Record<string, string> = {
  republic: 'Республика',
  krai: 'Край',
  oblast: 'Область',
  federal_city: 'Город федерального значения',
  autonomous_oblast: 'Автономная область',
  autonomous_okrug: 'Автономный округ',
};
const TYPE_LABELS: Record<string, string> = {
  agreement: 'Соглашение',
  action_plan: 'План действий',
  person: 'Персона',
};

function subtitle(row: SearchHitRow): string | null {
  const kind =
    row.type === 'region'
      ? REGION_KIND_LABELS[row.kind ?? '']
      : (KIND_LABELS[row.type]?.[row.kind ?? ''] ?? TYPE_LABELS[row.type]);
  const date = toPartialDate(row.date_from, row.date_to, row.date_precision);
  const parts = [
    kind,
    row.type === 'region' ? null : row.region_name,
    date ? formatPartialDate(date) : null,
  ];
  const text = parts.filter(Boolean).join(' · ');
  return text || null;
}

export interface SearchParams {
  q: string;
  types?: string | undefined;
  limit: number;
  offset: number;
}

/**
 * Search across every entity type: Russian full text with morphology and
 * prefixes first; when that finds nothing, the same with each word corrected
 * to the closest known words, and then trigram similarity, so a typo such as
 * «Липецкй» still finds «Липецкая область».
 */
export async function searchRegistry(
  db: Db,
  params: SearchParams,
  schema: ReadSchema,
): Promise<SearchResponse> {
  const types = params.types
    ? params.types
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean)
    : SEARCHABLE_TYPES;
  const unknown = types.filter((t) => !SEARCHABLE_TYPES.includes(t));
  if (unknown.length) {
    throw new ValidationError(
      `Неизвестный тип в параметре types: ${unknown.join(', ')}`,
      `Unknown type in types: ${unknown.join(', ')}`,
    );
  }
  const tsQuery = toPrefixTsQuery(params.q);
  const fuzzyText = toFuzzyText(params.q);
  if (!tsQuery || !fuzzyText) return { items: [], total: 0, counts: {}, fuzzy: false };
  let fuzzy = false;
  let result = await searchEntities(db, {
    tsQuery,
    fuzzyText,
    types,
    limit: params.limit,
    offset: params.offset,
    mode: 'text',
    schema,
  });
  const found = () => Object.keys(result.counts).length > 0;
  if (!found()) {
    fuzzy = true;
    // First the typed words corrected to the closest known words, searched as text (indexed,
    // tens of ms); only when that finds nothing, trigram similarity against every record's
    // text (a typo that splits or joins words), which ranks thousands of candidates.
    const words = fuzzyText.split(' ');
    const corrections = await findCorrections(db, words);
    if (corrections.some((c) => c.length > 0)) {
      result = await searchEntities(db, {
        tsQuery: toCorrectedTsQuery(words, corrections),
        fuzzyText,
        types,
        limit: params.limit,
        offset: params.offset,
        mode: 'text',
        schema,
      });
      for (const row of result.rows) if (row.match === 'text') row.match = 'fuzzy';
    }
  }
  if (!found()) {
    result = await searchEntities(db, {
      tsQuery,
      fuzzyText,
      types,
      limit: params.limit,
      offset: params.offset,
      mode: 'fuzzy',
      schema,
    });
  }
  const total = Object.values(result.counts).reduce((a, b) => a + b, 0);
  return {
    items: result.rows.map((r) => ({
      type: r.type as SearchResponse['items'][number]['type'],
      id: r.id,
      title: r.title,
      subtitle: subtitle(r),
      region: r.region_code && r.region_name ? { code: r.region_code, name: r.region_name } : null,
      score: Math.round(r.score * 1000) / 1000,
      match: r.match,
    })),
    total,
    counts: result.counts,
    fuzzy,
  };
}
