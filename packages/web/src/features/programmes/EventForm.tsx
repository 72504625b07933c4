import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import type { User } from '@promatlas/core/api/accounts.schema.ts';
import type { PartialDate } from '@promatlas/core/dates/partial-date.ts';
import { getEventRoute } from '@promatlas/core/api/contract/registry.ts';
import { eventWorkRoute, eventWrites } from '@promatlas/core/api/contract/programme-work.ts';
import type { Event } from '@promatlas/core/api/registry.schema.ts';
import type { EventWork } from '@promatlas/core/api/programmes.schema.ts';
import { EVENT_KINDS, EVENT_STATUSES } from '@promatlas/core/domain/vocabulary.ts';
import { api } from '../../shared/api/api.ts';
import { ApiError } from '../../shared/api/client.ts';

import {
  DateInput,
  fromPartialDate,
  toPartialDate,
  type DateValue,
} from '../../shared/form/dates.tsx';
import { Field, FormButtons, FormError } from '../../shared/form/fields.tsx';
import { RegionSelect } from '../../shared/form/RegionSelect.tsx';
import { useForm } from '../../shared/form/useForm.ts';
import { formatDate } from '../../shared/lib/format.ts';

import { ConflictDialog, type ComparedField } from '../../shared/record-form/ConflictDialog.tsx';
import { linesOf, nullIfEmpty } from '../../shared/record-form/convert.ts';
import { useLang } from './i18n.tsx';
import { WorkFormPage } from './WorkFormPage.tsx';
import { RecordPicker, type Picked } from './pickers.tsx';

/** The event as its form holds it: strings, one list item per line. */
export interface EventValues extends Record<string, unknown> {
  kind: string;
  status: string;
  title: string;
  date: DateValue;
  /** The last day of a multi-day event (9–10 October), empty for one day or a month. */
  dateTo: string;
  place: string;
  regionCode: string;
  agenda: string;
  participantCategories: string;
  topics: string;
  goals: string;
  outcomes: string;
  plannedParticipants: string;
  follows: Picked | null;
  published: boolean;
}

const emptyEvent = (user: User): EventValues => ({
  kind: 'strategic_session',
  status: 'planned',
  title: '',
  date: { precision: 'day', value: '' },
  dateTo: '',
  place: '',
  regionCode: user.role === 'regional_editor' ? (user.regions[0] ?? '') : '',
  agenda: '',
  participantCategories: '',
  topics: '',
  goals: '',
  outcomes: '',
  plannedParticipants: '',
  follows: null,
  published: true,
});

export function eventValues(event: Event, work: EventWork): EventValues {
  const ranged = event.date?.precision === 'range';
  return {
    kind: event.kind,
    status: event.status,
    title: event.title,
    date: ranged ? { precision: 'day', value: event.date!.from } : fromPartialDate(event.date),
    dateTo: ranged ? event.date!.to : '',
    place: event.place ?? '',
    regionCode: event.region?.code ?? '',
    agenda: work.agenda ?? '',
    participantCategories: event.participantCategories.join('\n'),
    topics: event.topics.join('\n'),
    goals: event.goals.join('\n'),
    outcomes: event.outcomes.join('\n'),
    plannedParticipants: work.plannedParticipants === null ? '' : String(work.plannedParticipants),
    follows: event.follows ? { id: Number(event.follows.id), title: event.follows.title } : null,
    published: work.published,
  };
}

function dateOf(values: EventValues): PartialDate | null | undefined {
  const start = toPartialDate(values.date);
  if (!start || !values.dateTo) return start;
  return { from: start.from, to: values.dateTo, precision: 'range' };
}

export function eventInput(values: EventValues) {
  const planned = values.plannedParticipants.trim();
  return {
    kind: values.kind,
    status: values.status,
    title: values.title,
    date: dateOf(values) ?? null,
    place: nullIfEmpty(values.place),
    regionCode: values.regionCode || null,
    agenda: values.agenda.trim() ? values.agenda : null,
    participantCategories: linesOf(values.participantCategories),
    topics: linesOf(values.topics),
    goals: linesOf(values.goals),
    outcomes: linesOf(values.outcomes),
    plannedParticipants: planned === '' ? null : Number(planned),
    followsEventId: values.follows?.id ?? null,
    published: values.published,
  };
}

/**
 * In English the browser does not check the input with the shared schemas
 * (their messages are Russian): the server's field messages, which come in
 * both languages, are shown at the fields instead.
 */
const ANY = z.unknown();

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields the conflict dialog shows side by side. */
function comparedFields(
  t: (ru: string, en: string) => string,
  mine: EventValues,
  theirs: EventValues,
): ComparedField[] {
  const a = eventInput(mine);
  const b = eventInput(theirs);
  const show = (key: keyof ReturnType<typeof eventInput>, v: ReturnType<typeof eventInput>) => {
    const value = v[key];
    if (key === 'date') return formatDate(value as PartialDate | null) ?? '';
    if (Array.isArray(value)) return value.join('; ');
    if (typeof value === 'boolean') return value ? t('да', 'yes') : t('нет', 'no');
    return value === null || value === undefined ? '' : String(value);
  };
  const rows: Array<[string, keyof ReturnType<typeof eventInput>]> = [
    [t('Название', 'Title'), 'title'],
    [t('Вид', 'Kind'), 'kind'],
    [t('Статус', 'Status'), 'status'],
    [t('Дата', 'Date'), 'date'],
    [t('Место', 'Place'), 'place'],
    [t('Регион', 'Region'), 'regionCode'],
    [t('Повестка', 'Agenda'), 'agenda'],
    [t('Темы', 'Topics'), 'topics'],
    [t('Цели', 'Goals'), 'goals'],
    [t('Итоги', 'Outcomes'), 'outcomes'],
    [t('Категории участников', 'Participant categories'), 'participantCategories'],
    [t('Планируемое число участников', 'Planned participants'), 'plannedParticipants'],
    [t('Продолжение мероприятия', 'Follows event'), 'followsEventId'],
  ];
  return rows.map(([label, key]) => ({
    label,
    mine: key === 'followsEventId' ? (mine.follows?.title ?? '') : show(key, a),
    theirs: key === 'followsEventId' ? (theirs.follows?.title ?? '') : show(key, b),
  }));
}

function EventFields({
  form,
  user,
  selfId,
}: {
  form: ReturnType<typeof useForm<EventValues>>;
  user: User;
  selfId?: string;
}) {
  const { t, label } = useLang();
  const { values, set, errors } = form;
  const lines = (name: keyof EventValues & string, ru: string, en: string) => (
    <Field
      name={name}
      label={t(ru, en)}
      errors={errors}
      hint={t('по одному на строке', 'one per line')}
    >
      {(p) => (
        <textarea
          {...p}
          rows={3}
          value={values[name] as string}
          onChange={(e) => set(name, e.target.value)}
        />
      )}
    </Field>
  );
  return (
    <>
      <Field name="title" label={t('Название', 'Title')} errors={errors} required>
        {(p) => (
          <input {...p} value={values.title} onChange={(e) => set('title', e.target.value)} />
        )}
      </Field>
      <div className="form-row">
        <Field name="kind" label={t('Вид мероприятия', 'Kind of event')} errors={errors} required>
          {(p) => (
            <select {...p} value={values.kind} onChange={(e) => set('kind', e.target.value)}>
              {EVENT_KINDS.values.map((k) => (
                <option key={k} value={k}>
                  {label(EVENT_KINDS, k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field name="status" label={t('Статус', 'Status')} errors={errors}>
          {(p) => (
            <select {...p} value={values.status} onChange={(e) => set('status', e.target.value)}>
              {EVENT_STATUSES.values.map((k) => (
                <option key={k} value={k}>
                  {label(EVENT_STATUSES, k)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="form-row">
        <Field
          name="date"
          label={t('Дата', 'Date')}
          errors={errors}
          hint={t('день, месяц или год', 'a day, a month or a year')}
        >
          {(p) => (
            <DateInput
              id={p.id}
              testId={p['data-testid']}
              aria-invalid={p['aria-invalid']}
              aria-describedby={p['aria-describedby']}
              allowFuture
              value={values.date}
              onChange={(v) => set('date', v)}
            />
          )}
        </Field>
        <Field
          name="dateTo"
          label={t('по (последний день)', 'to (last day)')}
          errors={errors}
          hint={t('для мероприятий в несколько дней', 'for events of several days')}
        >
          {(p) => (
            <input
              {...p}
              type="date"
              value={values.dateTo}
              disabled={values.date.precision !== 'day'}
              onChange={(e) => set('dateTo', e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="form-row">
        <Field name="place" label={t('Место', 'Place')} errors={errors}>
          {(p) => (
            <input {...p} value={values.place} onChange={(e) => set('place', e.target.value)} />
          )}
        </Field>
        <Field name="regionCode" label={t('Регион', 'Region')} errors={errors}>
          {(p) => (
            <RegionSelect
              {...p}
              user={user}
              allowEmpty
              value={values.regionCode}
              onChange={(code) => set('regionCode', code)}
            />
          )}
        </Field>
      </div>
      <Field name="agenda" label={t('Повестка', 'Agenda')} errors={errors}>
        {(p) => (
          <textarea
            {...p}
            rows={5}
            value={values.agenda}
            onChange={(e) => set('agenda', e.target.value)}
          />
        )}
      </Field>
      {lines('goals', 'Цели', 'Goals')}
      {lines('topics', 'Темы', 'Topics')}
      {lines('participantCategories', 'Категории участников', 'Participant categories')}
      {lines('outcomes', 'Итоги', 'Outcomes')}
      <div className="form-row">
        <Field
          name="plannedParticipants"
          label={t('Планируемое число участников', 'Planned participants')}
          errors={errors}
        >
          {(p) => (
            <input
              {...p}
              inputMode="numeric"
              value={values.plannedParticipants}
              onChange={(e) => set('plannedParticipants', e.target.value)}
            />
          )}
        </Field>
        <Field
          name="followsEventId"
          label={t('Продолжение мероприятия', 'Follows event')}
          errors={errors}
          hint={t(
            'предыдущее мероприятие, если это его продолжение',
            'the earlier event this one continues',
          )}
        >
          {(p) => (
            <RecordPicker
              id={p.id}
              testId={p['data-testid']}
              types="event"
              value={values.follows}
              onChange={(v) => set('follows', v && String(v.id) === selfId ? null : v)}
            />
          )}
        </Field>
      </div>
      <Field name="published" label={t('Опубликовано', 'Published')} errors={errors}>
        {(p) => (
          <input
            {...p}
            type="checkbox"
            checked={values.published}
            onChange={(e) => set('published', e.target.checked)}
          />
        )}
      </Field>
    </>
  );
}

interface Conflict {
  message: string;
  current: EventValues;
  currentVersion: number;
}

function EventForm({
  user,
  initial,
  initialVersion,
  id,
}: {
  user: User;
  initial: EventValues;
  initialVersion?: number;
  id?: string;
}) {
  const { t, lang, localise } = useLang();
  const navigate = useNavigate();
  const [original, setOriginal] = useState(initial);
  const [version, setVersion] = useState(initialVersion ?? 1);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const schema = lang === 'en' ? ANY : id ? eventWrites.update.body : eventWrites.create.body;
  const form = useForm(initial, schema, (v: EventValues) =>
    id ? { ...eventInput(v), version } : eventInput(v),
  );

  const save = async (withVersion: number) => {
    try {
      if (!id) {
        const created = await api(eventWrites.create, {
          body: eventInput(form.values) as z.input<typeof eventWrites.create.body>,
        });
        navigate(`/events/${created.id}`);
        return;
      }
      const mine = eventInput(form.values);
      const loaded = eventInput(original);
      const changes = Object.fromEntries(
        Object.entries(mine).filter(
          ([key, value]) => !same(value, loaded[key as keyof typeof loaded]),
        ),
      );
      if (Object.keys(changes).length)
        await api(eventWrites.update, {
          params: { id },
          body: { ...changes, version: withVersion } as z.input<typeof eventWrites.update.body>,
        });
      navigate(`/events/${id}`);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict' && id) {
        // The conflict names the event by id and version: read it as it is now to compare.
        const [event, work] = await Promise.all([
          api(getEventRoute, { params: { id } }),
          api(eventWorkRoute, { params: { id } }),
        ]);
        const localised = localise(error) as ApiError;
        setConflict({
          message: localised.message,
          current: eventValues(event, work),
          currentVersion: work.version,
        });
        return;
      }
      throw localise(error);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(() => save(version));
  };

  return (
    <form className="record-form" onSubmit={onSubmit} noValidate data-testid="event-form">
      <FormError message={form.formError} />
      <EventFields form={form} user={user} selfId={id} />
      <FormButtons
        submitting={form.submitting}
        label={id ? t('Сохранить', 'Save') : t('Создать', 'Create')}
        onCancel={() => (id ? navigate(`/events/${id}`) : navigate(-1))}
      />
      {conflict ? (
        <ConflictDialog
          message={conflict.message}
          fields={comparedFields(t, form.values, conflict.current)}
          currentVersion={conflict.currentVersion}
          onClose={() => setConflict(null)}
          onReapply={() => {
            const next = conflict.currentVersion;
            setConflict(null);
            setVersion(next);
            void form.submit(() => save(next));
          }}
          onTakeCurrent={() => {
            const current = conflict.current;
            setConflict(null);
            setVersion(conflict.currentVersion);
            setOriginal(current);
            form.reset(current);
          }}
        />
      ) : null}
    </form>
  );
}

const loadEvent = (id: string) =>
  Promise.all([
    api(getEventRoute, { params: { id } }),
    api(eventWorkRoute, { params: { id } }),
  ]).then(([event, work]) => ({ event, work }));

/** «Новое мероприятие» and «Изменить мероприятие»: the signed-in editor's form. */
function EventFormPage({ mode }: { mode: 'create' | 'edit' }) {
  return (
    <WorkFormPage
      mode={mode}
      load={loadEvent}
      titles={{
        create: ['Новое мероприятие', 'New event'],
        editing: ['Изменение мероприятия', 'Editing an event'],
        edit: (r) => r.event.title,
      }}
      back={{ path: (id) => `/events/${id}`, label: ['к мероприятию', 'back to the event'] }}
      form={(user, r, id) =>
        r ? (
          <EventForm
            key={id}
            user={user}
            id={id}
            initial={eventValues(r.event, r.work)}
            initialVersion={r.work.version}
          />
        ) : (
          <EventForm user={user} initial={emptyEvent(user)} />
        )
      }
    />
  );
}

export const EventCreatePage = () => <EventFormPage mode="create" />;
export const EventEditPage = () => <EventFormPage mode="edit" />;
