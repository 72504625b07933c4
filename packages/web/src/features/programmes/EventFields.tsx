import type { User } from '@promatlas/core/api/accounts.schema.ts';
import { EVENT_KINDS, EVENT_STATUSES } from '@promatlas/core/domain/vocabulary.ts';
import { DateInput } from '../../shared/form/dates.tsx';
import { Field } from '../../shared/form/fields.tsx';
import { RegionSelect } from '../../shared/form/RegionSelect.tsx';
import type { useForm } from '../../shared/form/useForm.ts';
import type { EventValues } from './event-values.ts';
import { useLang } from './i18n.tsx';
import { RecordPicker } from './pickers.tsx';

export function EventFields({
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
