import { sql } from 'kysely';
import type { Source, SourceListItem } from '@promatlas/core/api/registry.schema.ts';
import { quoteLocator } from '@promatlas/core/text/locate-quote.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError } from '../../shared/domain-errors.ts';
import { resolveEntityRefs } from '../shared/entity-refs.ts';
import { PROPERTY_LABELS } from '../shared/facts.ts';
import { offsetOf, parseSort } from '../shared/list-query.ts';
import { toPartialDate } from '../shared/mappers.ts';
import { paginate, textFilter } from '../shared/paginate.repository.ts';

function listItem(r: {
  id: number;
  kind: SourceListItem['kind'];
  title: string;
  publisher: string | null;
  published_from: string | null;
  published_to: string | null;
  published_precision: string | null;
}): SourceListItem {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    publisher: r.publisher,
    published: toPartialDate(r.published_from, r.published_to, r.published_precision),
  };
}

export async function listSources(
  db: Db,
  p: { q?: string | undefined; sort: string; page: number; pageSize: number },
) {
  const text = textFilter('source_document', p.q);
  const base = () =>
    text ? db.selectFrom('source_document').where(text) : db.selectFrom('source_document');
  const sort = parseSort(p.sort);
  const ordered =
    sort.column === 'date'
      ? base().orderBy('published_from', (ob) =>
          (sort.direction === 'asc' ? ob.asc() : ob.desc()).nullsLast(),
        )
      : base().orderBy(sql`title COLLATE ru`, sort.direction);
  const { rows, total } = await paginate(
    ordered
      .select([
        'id',
        'kind',
        'title',
        'publisher',
        'published_from',
        'published_to',
        'published_precision',
      ])
      .orderBy('id')
      .limit(p.pageSize)
      .offset(offsetOf(p.page, p.pageSize)),
    base().select((eb) => eb.fn.countAll<number>().as('n')),
  );
  return { items: rows.map(listItem), total, page: p.page, pageSize: p.pageSize };
}

/** Which record tables cite sources, how to name what a citation supports, and the record's type. */
const CITING_TABLES = [
  { table: 'organisation', type: 'organisation', what: 'Запись об организации' },
  { table: 'person', type: 'person', what: 'Запись о персоне' },
  { table: 'site', type: 'site', what: 'Запись о площадке' },
  { table: 'cluster', type: 'cluster', what: 'Запись о кластере' },
  { table: 'event', type: 'event', what: 'Запись о мероприятии' },
  { table: 'agreement', type: 'agreement', what: 'Запись о соглашении' },
  { table: 'action_plan', type: 'action_plan', what: 'Запись о плане действий' },
  { table: 'project', type: 'project', what: 'Запись о проекте' },
] as const;

/**
 * A source document with its full text and every citation of it: records,
 * positions, participations and statements, each with the span of the quoted
 * sentence in the text so the interface can mark it.
 */
export async function getSource(db: Db, id: number): Promise<Source> {
  const row = await db
    .selectFrom('source_document')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Источник', 'Source', id);
  const cites: Array<{ type: string; id: string; what: string; quote: string }> = [];
  for (const t of CITING_TABLES) {
    const rows = await db
      .selectFrom(t.table)
      .select(['id', 'source_quote'])
      .where('source_id', '=', id)
      .where('deleted_at', 'is', null)
      .where('source_quote', 'is not', null)
      .execute();
    for (const r of rows)
      cites.push({ type: t.type, id: String(r.id), what: t.what, quote: r.source_quote! });
  }
  const positions = await db
    .selectFrom('position')
    .select(['person_id', 'title', 'source_quote'])
    .where('source_id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
  for (const p of positions)
    if (p.source_quote)
      cites.push({
        type: 'person',
        id: String(p.person_id),
        what: `Должность: ${p.title}`,
        quote: p.source_quote,
      });
  const participations = await db
    .selectFrom('event_participant')
    .select(['event_id', 'role', 'source_quote'])
    .where('source_id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
  for (const p of participations)
    if (p.source_quote)
      cites.push({
        type: 'event',
        id: String(p.event_id),
        what: 'Участие в мероприятии',
        quote: p.source_quote,
      });
  const statements = await db
    .selectFrom('statement')
    .select(['subject_type', 'subject_id', 'property', 'source_quote'])
    .where('source_id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
  for (const s of statements)
    if (s.source_quote)
      cites.push({
        type: s.subject_type,
        id: s.subject_id,
        what: `Факт: ${PROPERTY_LABELS[s.property] ?? s.property}`,
        quote: s.source_quote,
      });
  const ratings = await db
    .selectFrom('rating_result')
    .select(['object_id', 'edition_label', 'place', 'source_quote'])
    .where('source_id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
  for (const r of ratings)
    if (r.source_quote)
      cites.push({
        type: 'site',
        id: String(r.object_id),
        what: `Рейтинг: ${r.place}-е место (${r.edition_label})`,
        quote: r.source_quote,
      });

  const refs = await resolveEntityRefs(db, cites);
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
  return { ...listItem(row), url: row.url, text: row.text, citations };
}
