import { useState } from 'react';
import { createSourceRoute } from '@promatlas/core/api/contract/editing.ts';
import { getSourceRoute, listSourcesRoute } from '@promatlas/core/api/contract/registry.ts';
import { locateQuote } from '@promatlas/core/text/locate-quote.ts';
import type { RouteBody } from '@promatlas/core/api/contract/kit.ts';
import { api, useRoute } from '../api/api.ts';
import { formatDate } from '../lib/format.ts';
import { SOURCE_KINDS, label } from '../lib/labels.ts';
import { DateInput, EMPTY_DATE, toPartialDate, type DateValue } from './dates.tsx';
import { Field, FormError } from './fields.tsx';
import { messagesFor, schemaErrors, type FieldErrors } from './useForm.ts';

export interface SourceValue {
  sourceId: number | null;
  quote: string;
}
export const NO_SOURCE: SourceValue = { sourceId: null, quote: '' };

/**
 * The quote must be a fragment of the source's text (the server checks the
 * same with the same function, tolerant of whitespace): returns the message
 * to show, or null.
 */
export function useQuoteProblem(value: SourceValue): string | null {
  const source = useRoute(
    getSourceRoute,
    value.sourceId ? { params: { id: value.sourceId } } : null,
  );
  const quote = value.quote.trim();
  if (!quote) return null;
  if (!value.sourceId) return 'Выберите источник цитаты';
  if (!source.data || source.data.id !== value.sourceId) return null;
  return locateQuote(source.data.text, quote) ? null : 'Такого фрагмента нет в тексте источника';
}

/** The API's provenance members of a body. */
export function provenanceInput(value: SourceValue): { sourceId?: number; sourceQuote?: string } {
  return {
    ...(value.sourceId ? { sourceId: value.sourceId } : {}),
    ...(value.quote.trim() ? { sourceQuote: value.quote.trim() } : {}),
  };
}

interface NewSource {
  kind: string;
  title: string;
  publisher: string;
  published: DateValue;
  url: string;
  text: string;
}
const EMPTY_SOURCE: NewSource = {
  kind: 'press_release',
  title: '',
  publisher: '',
  published: EMPTY_DATE,
  url: '',
  text: '',
};

function newSourceInput(v: NewSource) {
  return {
    kind: v.kind,
    title: v.title,
    publisher: v.publisher.trim() || null,
    published: toPartialDate(v.published) ?? null,
    url: v.url.trim() || null,
    text: v.text,
  };
}

/** «Добавить источник»: a document with its full text, created inline (POST /api/sources) and selected. */
function NewSourceFields({
  onCreated,
  onCancel,
}: {
  onCreated: (id: number) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(EMPTY_SOURCE);
  const [touched, setTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const errors = touched ? schemaErrors(createSourceRoute.body, newSourceInput(value)) : {};
  const set = <K extends keyof NewSource>(key: K, v: NewSource[K]) =>
    setValue((previous) => ({ ...previous, [key]: v }));
  const save = async () => {
    setTouched(true);
    if (Object.keys(schemaErrors(createSourceRoute.body, newSourceInput(value))).length) return;
    setSaving(true);
    setError(null);
    try {
      // Checked above by the route's own body schema.
      const body = newSourceInput(value) as RouteBody<typeof createSourceRoute>;
      const created = await api(createSourceRoute, { body });
      onCreated(created.id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSaving(false);
    }
  };
  return (
    <fieldset className="inline-form" data-testid="new-source">
      <legend>Новый источник</legend>
      <FormError message={error} />
      <div className="form-row">
        <Field name="kind" label="Вид" errors={errors}>
          {(p) => (
            <select
              {...p}
              data-testid="source-kind"
              value={value.kind}
              onChange={(e) => set('kind', e.target.value)}
            >
              {['press_release', 'news', 'reference'].map((k) => (
                <option key={k} value={k}>
                  {label(SOURCE_KINDS, k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="published" label="Дата публикации" errors={errors}>
          {(p) => (
            <DateInput
              id={p.id}
              testId="source-published"
              value={value.published}
              onChange={(v) => set('published', v)}
            />
          )}
        </Field>
      </div>
      <Field name="title" label="Заголовок" errors={errors} required>
        {(p) => (
          <input
            {...p}
            data-testid="source-title"
            value={value.title}
            onChange={(e) => set('title', e.target.value)}
          />
        )}
      </Field>
      <div className="form-row">
        <Field name="publisher" label="Издатель" errors={errors}>
          {(p) => (
            <input
              {...p}
              data-testid="source-publisher"
              value={value.publisher}
              onChange={(e) => set('publisher', e.target.value)}
            />
          )}
        </Field>
        <Field name="url" label="Адрес (URL)" errors={errors}>
          {(p) => (
            <input
              {...p}
              data-testid="source-url"
              type="url"
              value={value.url}
              onChange={(e) => set('url', e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field name="text" label="Полный текст документа" errors={errors} required>
        {(p) => (
          <textarea
            {...p}
            data-testid="source-text"
            rows={6}
            value={value.text}
            onChange={(e) => set('text', e.target.value)}
          />
        )}
      </Field>
      <div className="form-buttons">
        <button
          type="button"
          className="button primary"
          disabled={saving}
          onClick={() => void save()}
          data-testid="save-source"
        >
          {saving ? 'Сохранение…' : 'Добавить источник'}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Отмена
        </button>
      </div>
    </fieldset>
  );
}

/** Source document and the quote from it that supports the record or fact. */
export function SourceFields({
  value,
  onChange,
  errors,
  quoteProblem,
}: {
  value: SourceValue;
  onChange: (value: SourceValue) => void;
  errors: FieldErrors;
  quoteProblem: string | null;
}) {
  const sources = useRoute(listSourcesRoute, { query: { pageSize: 200, sort: '-date' } });
  const [adding, setAdding] = useState(false);
  const quoteErrors: FieldErrors = { ...errors };
  if (quoteProblem && !messagesFor(errors, 'sourceQuote').length)
    quoteErrors['sourceQuote'] = quoteProblem;
  return (
    <div className="source-fields">
      <Field name="sourceId" label="Источник" errors={errors}>
        {(p) => (
          <div className="source-select">
            <select
              {...p}
              data-testid="source-select"
              value={value.sourceId ?? ''}
              onChange={(e) =>
                onChange({ ...value, sourceId: e.target.value ? Number(e.target.value) : null })
              }
            >
              <option value="">— без источника —</option>
              {(sources.data?.items ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title.length > 90 ? `${s.title.slice(0, 90)}…` : s.title}
                  {s.published ? ` (${formatDate(s.published)})` : ''}
                </option>
              ))}
            </select>
            {!adding ? (
              <button
                type="button"
                className="button small"
                data-testid="add-source"
                onClick={() => setAdding(true)}
              >
                Добавить источник
              </button>
            ) : null}
          </div>
        )}
      </Field>
      {adding ? (
        <NewSourceFields
          onCancel={() => setAdding(false)}
          onCreated={(id) => {
            setAdding(false);
            sources.reload();
            onChange({ ...value, sourceId: id });
          }}
        />
      ) : null}
      <Field
        name="sourceQuote"
        label="Цитата из источника"
        errors={quoteErrors}
        hint="Предложение из текста источника, которое подтверждает запись; его отметят в тексте документа."
      >
        {(p) => (
          <textarea
            {...p}
            rows={2}
            value={value.quote}
            onChange={(e) => onChange({ ...value, quote: e.target.value })}
          />
        )}
      </Field>
    </div>
  );
}
