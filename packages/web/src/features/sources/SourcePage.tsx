import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { getSourceRoute } from '@promatlas/core/api/contract/registry.ts';
import type { Source } from '@promatlas/core/api/registry.schema.ts';
import { locateQuote } from '@promatlas/core/text/locate-quote.ts';
import { useRoute } from '../../shared/api/api.ts';
import {
  EntityLink,
  ErrorMessage,
  Fields,
  Loading,
  Section,
} from '../../shared/components/common.tsx';
import { formatDate } from '../../shared/lib/format.ts';
import { entityTypeLabel, SOURCE_KINDS, label } from '../../shared/lib/labels.ts';
import { entityPath, sourcePath } from '../../shared/lib/paths.ts';
import { useTitle } from '../../shared/lib/useTitle.ts';

type Citation = Source['citations'][number];
interface Span {
  start: number;
  end: number;
  citation: Citation;
}

/** Where each citation stands in the text: the stored offsets if they still hold, else a whitespace-tolerant search. */
function citationSpans(text: string, citations: Citation[]): Span[] {
  const spans: Span[] = [];
  for (const citation of citations) {
    const { start, end } = citation;
    if (
      start !== null &&
      end !== null &&
      start >= 0 &&
      end <= text.length &&
      end > start &&
      locateQuote(text.slice(start, end), citation.quote)
    ) {
      spans.push({ start, end, citation });
      continue;
    }
    const found = locateQuote(text, citation.quote);
    if (found) spans.push({ start: found.start, end: found.end, citation });
  }
  return spans;
}

/**
 * Splits text[from, to) at every citation boundary; each piece covered by a
 * citation becomes a <mark> linking to the record the most specific (shortest)
 * covering citation supports. Text stays text: React escapes it.
 */
function renderRange(
  text: string,
  from: number,
  to: number,
  spans: Span[],
  keyPrefix: string,
): ReactNode[] {
  const cuts = new Set([from, to]);
  for (const s of spans) {
    if (s.start > from && s.start < to) cuts.add(s.start);
    if (s.end > from && s.end < to) cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const nodes: ReactNode[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    const piece = text.slice(a, b);
    const covering = spans
      .filter((s) => s.start <= a && s.end >= b)
      .sort((x, y) => x.end - x.start - (y.end - y.start));
    const best = covering[0];
    if (!best) {
      nodes.push(piece);
      continue;
    }
    const path = entityPath(best.citation.entity);
    const title = [
      ...new Map(
        covering.map((s) => [
          `${s.citation.entity.type}:${s.citation.entity.id}:${s.citation.what}`,
          s,
        ]),
      ).values(),
    ]
      .map((s) => `${s.citation.what}: ${s.citation.entity.title}`)
      .join('\n');
    nodes.push(
      <mark
        key={`${keyPrefix}${a}`}
        className="citation"
        title={title}
        data-entity={`${best.citation.entity.type}:${best.citation.entity.id}`}
      >
        {path ? <Link to={path}>{piece}</Link> : piece}
      </mark>,
    );
  }
  return nodes;
}

export function SourcePage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const quote = params.get('quote');
  const source = useRoute(getSourceRoute, { params: { id } });
  const data = source.loading ? undefined : source.data;
  useTitle(data ? data.title : source.error ? 'Источник не найден' : 'Источник');
  const targetRef = useRef<HTMLElement>(null);

  const spans = useMemo(() => (data ? citationSpans(data.text, data.citations) : []), [data]);
  const target = useMemo(
    () => (data && quote ? locateQuote(data.text, quote) : null),
    [data, quote],
  );

  useEffect(() => {
    targetRef.current?.scrollIntoView({ block: 'center' });
  }, [target]);

  if (source.error)
    return (
      <div className="page">
        <ErrorMessage error={source.error} />
      </div>
    );
  if (!data)
    return (
      <div className="page">
        <Loading />
      </div>
    );

  const text = data.text;
  const body: ReactNode[] = target
    ? [
        ...renderRange(text, 0, target.start, spans, 'a'),
        <mark
          key="target"
          className="quote-target"
          data-testid="quote-target"
          ref={targetRef}
          tabIndex={-1}
        >
          {renderRange(text, target.start, target.end, spans, 't')}
        </mark>,
        ...renderRange(text, target.end, text.length, spans, 'b'),
      ]
    : renderRange(text, 0, text.length, spans, 'a');

  const unlocated = data.citations.filter((c) => !spans.some((s) => s.citation === c));

  return (
    <div className="page source-page">
      <header className="profile-header">
        <p className="profile-type">Источник · {label(SOURCE_KINDS, data.kind)}</p>
        <h1 data-testid="profile-title">{data.title}</h1>
        <Fields
          rows={[
            ['Издатель', data.publisher],
            ['Дата публикации', formatDate(data.published), { always: true }],
            [
              'Адрес',
              data.url ? (
                <a href={data.url} rel="noopener noreferrer" target="_blank">
                  {data.url}
                </a>
              ) : null,
            ],
          ]}
        />
      </header>
      {quote && !target ? (
        <p className="notice" role="status">
          Цитата «{quote}» в тексте не найдена.
        </p>
      ) : null}
      <div className="source-layout">
        <article className="source-text" data-testid="source-text" aria-label="Текст документа">
          {body}
        </article>
        <aside className="citations">
          <Section title="Подтверждаемые сведения" count={data.citations.length}>
            <p className="muted small">
              Выделенные предложения подтверждают записи реестра. Нажмите на выделение, чтобы
              открыть запись.
            </p>
            <ul className="ref-list">
              {data.citations.map((c, index) => (
                <li key={index}>
                  <span className="muted">{entityTypeLabel(c.entity.type)}:</span>{' '}
                  <EntityLink entity={c.entity} /> — {c.what}{' '}
                  <Link className="small" to={sourcePath(data.id, c.quote)} replace>
                    в тексте
                  </Link>
                </li>
              ))}
            </ul>
            {unlocated.length ? (
              <p className="muted small">Не найдено в тексте: {unlocated.length}.</p>
            ) : null}
          </Section>
        </aside>
      </div>
    </div>
  );
}
