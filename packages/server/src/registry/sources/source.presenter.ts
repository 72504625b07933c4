import type { EntityRef } from '@promatlas/core/api/common.schema.ts';
import type { Source, SourceListItem } from '@promatlas/core/api/registry.schema.ts';
import { quoteLocator } from '@promatlas/core/text/locate-quote.ts';
import { PROPERTY_LABELS } from '../shared/facts.ts';
import { toPartialDate } from '../shared/mappers.ts';
import type {
  CitingTable,
  OtherCitationRows,
  SourceListRow,
  SourceRow,
} from './source.repository.ts';

/** One quotation of a source: what cites it, what the citation supports, the quoted text. */
export interface Citation {
  type: string;
  id: string;
  what: string;
  quote: string;
}

export function sourceListItem(r: SourceListRow): SourceListItem {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    publisher: r.publisher,
    published: toPartialDate(r.published_from, r.published_to, r.published_precision),
  };
}

/** Which record tables cite sources, how to name what a citation supports, and the record's type. */
export const CITING_TABLES: ReadonlyArray<{ table: CitingTable; type: string; what: string }> = [
  { table: 'organisation', type: 'organisation', what: 'Запись об организации' },
  { table: 'person', type: 'person', what: 'Запись о персоне' },
  { table: 'site', type: 'site', what: 'Запись о площадке' },
  { table: 'cluster', type: 'cluster', what: 'Запись о кластере' },
  { table: 'event', type: 'event', what: 'Запись о мероприятии' },
  { table: 'agreement', type: 'agreement', what: 'Запись о соглашении' },
  { table: 'action_plan', type: 'action_plan', what: 'Запись о плане действий' },
  { table: 'project', type: 'project', what: 'Запись о проекте' },
];

/** The quotations in positions, participations, statements and rating results, named by what they support. */
export function otherCitations(rows: OtherCitationRows): Citation[] {
  const cites: Citation[] = [];
  for (const p of rows.positions)
    if (p.source_quote)
      cites.push({
        type: 'person',
        id: String(p.person_id),
        what: `Должность: ${p.title}`,
        quote: p.source_quote,
      });
  for (const p of rows.participations)
    if (p.source_quote)
      cites.push({
        type: 'event',
        id: String(p.event_id),
        what: 'Участие в мероприятии',
        quote: p.source_quote,
      });
  for (const s of rows.statements)
    if (s.source_quote)
      cites.push({
        type: s.subject_type,
        id: s.subject_id,
        what: `Факт: ${PROPERTY_LABELS[s.property] ?? s.property}`,
        quote: s.source_quote,
      });
  for (const r of rows.ratings)
    if (r.source_quote)
      cites.push({
        type: 'site',
        id: String(r.object_id),
        what: `Рейтинг: ${r.place}-е место (${r.edition_label})`,
        quote: r.source_quote,
      });
  return cites;
}

/**
 * A source with its full text and its citations, each with the span of the
 * quoted sentence in the text (in text order) so the interface can mark it;
 * citations of records that no longer resolve are left out.
 */
export function sourceProfile(
  row: SourceRow,
  cites: Citation[],
  refs: Map<string, EntityRef>,
): Source {
  const locateQuote = quoteLocator(row.text);
  const citations = cites
    .map((c) => {
      const entity = refs.get(`${c.type}:${c.id}`);
      if (!entity) return null;
      const span = locateQuote(c.quote);
      return {
        entity,
        what: c.what,
        quote: c.quote,
        start: span?.start ?? null,
        end: span?.end ?? null,
      };
    })
    .filter((c): c is NonNullable<typeof c> => c !== null)
    .sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity));
  return { ...sourceListItem(row), url: row.url, text: row.text, citations };
}
