import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import type { User } from '@promatlas/core/api/accounts.schema.ts';
import { getAgreementRoute } from '@promatlas/core/api/contract/registry.ts';
import {
  agreementWorkRoute,
  agreementWrites,
} from '@promatlas/core/api/contract/programme-work.ts';
import { api } from '../../shared/api/api.ts';
import { ApiError } from '../../shared/api/client.ts';
import { DateInput, toPartialDate } from '../../shared/form/dates.tsx';
import { Field, FormButtons, FormError } from '../../shared/form/fields.tsx';
import { useForm } from '../../shared/form/useForm.ts';
import { formatDate } from '../../shared/lib/format.ts';
import { ConflictDialog, type ComparedField } from '../../shared/record-form/ConflictDialog.tsx';
import { PartiesEditor } from './AgreementParties.tsx';
import {
  agreementInput,
  agreementValues,
  emptyAgreement,
  partiesText,
  type AgreementValues,
} from './agreement-values.ts';
import { useLang } from './i18n.tsx';
import { RecordPicker } from './pickers.tsx';
import { WorkFormPage } from './WorkFormPage.tsx';

/** In English the server's field messages (both languages) are shown instead of the schemas' Russian ones. */
const ANY = z.unknown();
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function AgreementForm({
  user,
  initial,
  initialVersion,
  id,
}: {
  user: User;
  initial: AgreementValues;
  initialVersion?: number;
  id?: string;
}) {
  const { t, lang, localise } = useLang();
  const navigate = useNavigate();
  const [original, setOriginal] = useState(initial);
  const [version, setVersion] = useState(initialVersion ?? 1);
  const [conflict, setConflict] = useState<{
    message: string;
    current: AgreementValues;
    currentVersion: number;
  } | null>(null);
  const creating = !id;
  const schema =
    lang === 'en' ? ANY : creating ? agreementWrites.create.body : agreementWrites.update.body;
  const form = useForm(initial, schema, (v: AgreementValues) =>
    creating ? agreementInput(v, true) : { ...agreementInput(v, false), version },
  );
  const { values, set, errors } = form;

  const save = async (withVersion: number) => {
    try {
      if (!id) {
        const created = await api(agreementWrites.create, {
          body: agreementInput(values, true) as z.input<typeof agreementWrites.create.body>,
        });
        navigate(`/agreements/${created.id}`);
        return;
      }
      const mine = agreementInput(values, false);
      const loaded = agreementInput(original, false);
      const changes = Object.fromEntries(
        Object.entries(mine).filter(([k, v]) => !same(v, loaded[k as keyof typeof loaded])),
      );
      if (Object.keys(changes).length)
        await api(agreementWrites.update, {
          params: { id },
          body: { ...changes, version: withVersion } as z.input<typeof agreementWrites.update.body>,
        });
      navigate(`/agreements/${id}`);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict' && id) {
        const [agreement, work] = await Promise.all([
          api(getAgreementRoute, { params: { id } }),
          api(agreementWorkRoute, { params: { id } }),
        ]);
        setConflict({
          message: (localise(error) as ApiError).message,
          current: agreementValues(agreement, work),
          currentVersion: work.version,
        });
        return;
      }
      throw localise(error);
    }
  };

  const compared = (): ComparedField[] => {
    if (!conflict) return [];
    const a = values;
    const b = conflict.current;
    return [
      [t('Название', 'Title'), a.title, b.title],
      [t('Предмет', 'Subject'), a.subject, b.subject],
      [
        t('Дата', 'Date'),
        formatDate(toPartialDate(a.date) ?? null) ?? '',
        formatDate(toPartialDate(b.date) ?? null) ?? '',
      ],
      [t('Место', 'Place'), a.place, b.place],
      [t('Мероприятие', 'Event'), a.event?.title ?? '', b.event?.title ?? ''],
      [t('Стороны', 'Parties'), partiesText(a), partiesText(b)],
    ].map(([label, mine, theirs]) => ({ label: label!, mine: mine!, theirs: theirs! }));
  };

  return (
    <form
      className="record-form"
      noValidate
      data-testid="agreement-form"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        void form.submit(() => save(version));
      }}
    >
      <FormError message={form.formError} />
      <Field name="title" label={t('Название', 'Title')} errors={errors} required>
        {(p) => (
          <input {...p} value={values.title} onChange={(e) => set('title', e.target.value)} />
        )}
      </Field>
      <Field name="subject" label={t('Предмет соглашения', 'Subject')} errors={errors}>
        {(p) => (
          <textarea
            {...p}
            rows={3}
            value={values.subject}
            onChange={(e) => set('subject', e.target.value)}
          />
        )}
      </Field>
      <div className="form-row">
        <Field name="date" label={t('Дата подписания', 'Signed on')} errors={errors}>
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
        <Field name="place" label={t('Место', 'Place')} errors={errors}>
          {(p) => (
            <input {...p} value={values.place} onChange={(e) => set('place', e.target.value)} />
          )}
        </Field>
      </div>
      <Field
        name="eventId"
        label={t('Подписано на мероприятии', 'Signed at the event')}
        errors={errors}
        hint={t('например, ПМЭФ-2022', 'e.g. SPIEF 2022')}
      >
        {(p) => (
          <RecordPicker
            id={p.id}
            testId={p['data-testid']}
            types="event"
            value={values.event}
            onChange={(v) => set('event', v)}
          />
        )}
      </Field>
      <PartiesEditor form={form} user={user} />
      {creating ? (
        <Field
          name="directions"
          label={t('Направления', 'Directions')}
          errors={errors}
          hint={t('по одному на строке', 'one per line')}
        >
          {(p) => (
            <textarea
              {...p}
              rows={4}
              value={values.directions}
              onChange={(e) => set('directions', e.target.value)}
            />
          )}
        </Field>
      ) : null}
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
      <FormButtons
        submitting={form.submitting}
        label={id ? t('Сохранить', 'Save') : t('Создать', 'Create')}
        onCancel={() => (id ? navigate(`/agreements/${id}`) : navigate(-1))}
      />
      {conflict ? (
        <ConflictDialog
          message={conflict.message}
          fields={compared()}
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

const loadAgreement = (id: string) =>
  Promise.all([
    api(getAgreementRoute, { params: { id } }),
    api(agreementWorkRoute, { params: { id } }),
  ]).then(([agreement, work]) => ({ agreement, work }));

/** «Новое соглашение» and «Изменить соглашение»: the signed-in editor's form. */
function AgreementFormPage({ mode }: { mode: 'create' | 'edit' }) {
  return (
    <WorkFormPage
      mode={mode}
      load={loadAgreement}
      titles={{
        create: ['Новое соглашение', 'New agreement'],
        editing: ['Изменение соглашения', 'Editing an agreement'],
        edit: (r) => r.agreement.title,
      }}
      back={{ path: (id) => `/agreements/${id}`, label: ['к соглашению', 'back to the agreement'] }}
      form={(user, r, id) =>
        r ? (
          <AgreementForm
            key={id}
            user={user}
            id={id}
            initial={agreementValues(r.agreement, r.work)}
            initialVersion={r.work.version}
          />
        ) : (
          <AgreementForm user={user} initial={emptyAgreement(user)} />
        )
      }
    />
  );
}

export const AgreementCreatePage = () => <AgreementFormPage mode="create" />;
export const AgreementEditPage = () => <AgreementFormPage mode="edit" />;
