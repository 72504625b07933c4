import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import type { User } from '@promatlas/core/api/accounts.schema.ts';
import { getAgreementRoute } from '@promatlas/core/api/contract/registry.ts';
import {
  agreementWorkRoute,
  agreementWrites,
} from '@promatlas/core/api/contract/programme-work.ts';
import type { Agreement } from '@promatlas/core/api/registry.schema.ts';
import type { AgreementWork } from '@promatlas/core/api/programmes.schema.ts';
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
import { messagesFor, useForm } from '../../shared/form/useForm.ts';
import { formatDate } from '../../shared/lib/format.ts';

import { ConflictDialog, type ComparedField } from '../../shared/record-form/ConflictDialog.tsx';
import { linesOf, nullIfEmpty } from '../../shared/record-form/convert.ts';
import { useLang } from './i18n.tsx';
import { WorkFormPage } from './WorkFormPage.tsx';
import { PositionSelect, RecordPicker, type Picked } from './pickers.tsx';

interface PartyRow {
  kind: 'organisation' | 'region';
  organisation: Picked | null;
  regionCode: string;
  signatory: Picked | null;
  signatoryPositionId: number | null;
}

export interface AgreementValues extends Record<string, unknown> {
  title: string;
  subject: string;
  date: DateValue;
  place: string;
  event: Picked | null;
  parties: PartyRow[];
  /** Only when creating: afterwards directions are edited one by one on the agreement's page. */
  directions: string;
  published: boolean;
}

const emptyParty = (user: User): PartyRow => ({
  kind: 'region',
  organisation: null,
  regionCode: user.role === 'regional_editor' ? (user.regions[0] ?? '') : '',
  signatory: null,
  signatoryPositionId: null,
});

const emptyAgreement = (user: User): AgreementValues => ({
  title: '',
  subject: '',
  date: { precision: 'day', value: '' },
  place: '',
  event: null,
  parties: [emptyParty(user)],
  directions: '',
  published: true,
});

export function agreementValues(agreement: Agreement, work: AgreementWork): AgreementValues {
  return {
    title: agreement.title,
    subject: work.subject ?? '',
    date: fromPartialDate(agreement.date),
    place: agreement.place ?? '',
    event: agreement.event
      ? { id: Number(agreement.event.id), title: agreement.event.title }
      : null,
    parties: work.parties.map((p) => ({
      kind: p.organisation ? 'organisation' : 'region',
      organisation: p.organisation
        ? { id: Number(p.organisation.id), title: p.organisation.title }
        : null,
      regionCode: p.region?.code ?? '',
      signatory: p.signatory ? { id: Number(p.signatory.id), title: p.signatory.title } : null,
      signatoryPositionId: p.signatoryPosition?.id ?? null,
    })),
    directions: '',
    published: work.published,
  };
}

function agreementInput(values: AgreementValues, creating: boolean) {
  return {
    title: values.title,
    subject: nullIfEmpty(values.subject),
    date: toPartialDate(values.date) ?? null,
    place: nullIfEmpty(values.place),
    eventId: values.event?.id ?? null,
    parties: values.parties.map((p) => ({
      organisationId: p.kind === 'organisation' ? (p.organisation?.id ?? null) : null,
      regionCode: p.kind === 'region' ? p.regionCode || null : null,
      signatoryPersonId: p.signatory?.id ?? null,
      signatoryPositionId: p.signatory ? p.signatoryPositionId : null,
    })),
    ...(creating ? { directions: linesOf(values.directions) } : {}),
    published: values.published,
  };
}

/** In English the server's field messages (both languages) are shown instead of the schemas' Russian ones. */
const ANY = z.unknown();
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function partiesText(values: AgreementValues): string {
  return values.parties
    .map(
      (p) =>
        (p.kind === 'organisation' ? (p.organisation?.title ?? '') : p.regionCode) +
        (p.signatory ? ` (${p.signatory.title})` : ''),
    )
    .join('; ');
}

function PartiesEditor({
  form,
  user,
}: {
  form: ReturnType<typeof useForm<AgreementValues>>;
  user: User;
}) {
  const { t } = useLang();
  const { values, set, errors } = form;
  const update = (index: number, patch: Partial<PartyRow>) =>
    set(
      'parties',
      values.parties.map((p, i) => (i === index ? { ...p, ...patch } : p)),
    );
  return (
    <fieldset className="form-fieldset" data-testid="field-parties">
      <legend>{t('Стороны и подписанты', 'Parties and signatories')}</legend>
      {values.parties.map((party, index) => (
        <div key={index} className="party-row" data-testid="party-row">
          <select
            aria-label={t('Сторона', 'Party')}
            data-testid={`party-${index}-kind`}
            value={party.kind}
            onChange={(e) => update(index, { kind: e.target.value as PartyRow['kind'] })}
          >
            <option value="region">{t('Регион', 'Region')}</option>
            <option value="organisation">{t('Организация', 'Organisation')}</option>
          </select>{' '}
          {party.kind === 'region' ? (
            <RegionSelect
              user={{ ...user, role: 'administrator' }}
              id={`party-${index}-region`}
              data-testid={`party-${index}-region`}
              value={party.regionCode}
              onChange={(regionCode) => update(index, { regionCode })}
            />
          ) : (
            <RecordPicker
              types="organisation"
              value={party.organisation}
              onChange={(organisation) => update(index, { organisation })}
              testId={`party-${index}-organisation`}
            />
          )}{' '}
          <span className="muted">{t('подписант', 'signatory')}</span>{' '}
          <RecordPicker
            types="person"
            value={party.signatory}
            onChange={(signatory) => update(index, { signatory, signatoryPositionId: null })}
            testId={`party-${index}-signatory`}
          />{' '}
          {party.signatory ? (
            <PositionSelect
              personId={party.signatory.id}
              value={party.signatoryPositionId}
              onChange={(signatoryPositionId) => update(index, { signatoryPositionId })}
              testId={`party-${index}-position`}
            />
          ) : null}{' '}
          <button
            type="button"
            className="link-button"
            onClick={() =>
              set(
                'parties',
                values.parties.filter((_, i) => i !== index),
              )
            }
          >
            {t('убрать', 'remove')}
          </button>
          {messagesFor(errors, `parties.${index}`).map((message) => (
            <p
              key={message}
              className="field-error"
              role="alert"
              data-testid={`error-parties.${index}`}
            >
              {message}
            </p>
          ))}
        </div>
      ))}
      <button
        type="button"
        className="button small"
        data-testid="party-add"
        onClick={() => set('parties', [...values.parties, emptyParty(user)])}
      >
        {t('Добавить сторону', 'Add a party')}
      </button>
    </fieldset>
  );
}

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
