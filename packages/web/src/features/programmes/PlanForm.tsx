import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { PlanPage } from '@promatlas/core/api/programmes.schema.ts';
import {
  createActionPlanRoute,
  planPageRoute,
  updateActionPlanRoute,
} from '@promatlas/core/api/contract/plans.ts';
import {
  ActionPlanCreateSchema,
  ActionPlanUpdateSchema,
} from '@promatlas/core/api/programmes.schema.ts';
import { formatPartialDate } from '@promatlas/core/dates/partial-date.ts';
import { api } from '../../shared/api/api.ts';
import { ApiError } from '../../shared/api/client.ts';
import { useSession } from '../../shared/auth/session.ts';
import { Loading } from '../../shared/components/common.tsx';
import { Dialog, Field, FormError } from '../../shared/form/fields.tsx';
import { ProvenanceAndPublication } from '../../shared/form/record-fields.tsx';
import { NO_SOURCE, provenanceInput, type SourceValue } from '../../shared/form/SourceFields.tsx';
import { useForm } from '../../shared/form/useForm.ts';
import { ConflictDialog } from '../../shared/record-form/ConflictDialog.tsx';
import { linesOf, nullIfEmpty } from '../../shared/record-form/convert.ts';
import { useTitle } from '../../shared/lib/useTitle.ts';
import { PartyPicker, type PartyValue } from './PartyPicker.tsx';
import { messageIn, useLang, type Lang, type T } from './work-i18n.ts';

interface PlanValues extends Record<string, unknown> {
  title: string;
  period: string;
  themes: string;
  parties: PartyValue[];
  published: boolean;
  source: SourceValue;
}

type Plan = PlanPage['plan'];

function fromPlan(p: Plan): PlanValues {
  return {
    title: p.title,
    period: p.period ? formatPartialDate(p.period) : '',
    themes: p.themes.join('\n'),
    parties: p.parties,
    published: p.published,
    source: NO_SOURCE,
  };
}

function toInput(v: PlanValues) {
  return {
    title: v.title,
    period: nullIfEmpty(v.period),
    themes: linesOf(v.themes),
    parties: v.parties.map((p) =>
      p.type === 'region' ? { regionCode: p.id } : { organisationId: Number(p.id) },
    ),
    published: v.published,
    ...provenanceInput(v.source),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** A plan's title, period, themes and parties; creates a plan or changes one with the version check. */
function PlanFields({
  plan,
  onDone,
  onCancel,
  t,
  lang,
}: {
  plan: Plan | null;
  onDone: (id: number) => void;
  onCancel: () => void;
  t: T;
  lang: Lang;
}) {
  const initial: PlanValues = plan
    ? fromPlan(plan)
    : { title: '', period: '', themes: '', parties: [], published: true, source: NO_SOURCE };
  const [version, setVersion] = useState(plan?.version ?? 1);
  const [adding, setAdding] = useState(0);
  const [conflict, setConflict] = useState<{ message: string; current: Plan } | null>(null);
  const form = useForm(
    initial,
    plan ? ActionPlanUpdateSchema : ActionPlanCreateSchema,
    plan ? (v: PlanValues) => ({ ...toInput(v), version }) : toInput,
  );
  const { values: v, set, errors } = form;

  const save = async (withVersion: number) => {
    try {
      if (!plan) {
        const created = await api(createActionPlanRoute, { body: toInput(v) });
        onDone(created.id);
        return;
      }
      const mine = toInput(v);
      const loaded = toInput(initial);
      const body = Object.fromEntries(
        Object.entries(mine).filter(([k, x]) => !same(x, loaded[k as keyof typeof loaded])),
      );
      if (Object.keys(body).length)
        await api(updateActionPlanRoute, {
          params: { id: plan.id },
          body: { ...body, version: withVersion },
        });
      onDone(plan.id);
    } catch (error) {
      if (plan && error instanceof ApiError && error.code === 'conflict') {
        // The plan's 409 names only the current version: the page shows what it is now.
        const page = await api(planPageRoute, { params: { id: plan.id } });
        setConflict({ message: messageIn(lang, error), current: page.plan });
        return;
      }
      throw error;
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(() => save(version));
  };

  return (
    <form className="record-form" onSubmit={onSubmit} noValidate data-testid="plan-form">
      <FormError message={form.formError} />
      <Field name="title" label={t('title')} errors={errors} required>
        {(p) => (
          <textarea
            {...p}
            rows={2}
            value={v.title}
            onChange={(e) => set('title', e.target.value)}
          />
        )}
      </Field>
      <Field name="period" label={t('period')} errors={errors} hint={t('partialHint')}>
        {(p) => <input {...p} value={v.period} onChange={(e) => set('period', e.target.value)} />}
      </Field>
      <Field name="themes" label={t('themes')} errors={errors}>
        {(p) => (
          <textarea
            {...p}
            rows={5}
            value={v.themes}
            onChange={(e) => set('themes', e.target.value)}
          />
        )}
      </Field>
      <Field name="parties" label={t('parties')} errors={errors}>
        {(p) => (
          <div data-testid="plan-parties">
            {v.parties.map((party, k) => (
              <div key={`${party.type}:${party.id}`} className="picked">
                <span className="muted small">{t(party.type)}: </span>
                {party.title}{' '}
                <button
                  type="button"
                  className="link-button"
                  onClick={() =>
                    set(
                      'parties',
                      v.parties.filter((_, i) => i !== k),
                    )
                  }
                >
                  {t('remove')}
                </button>
              </div>
            ))}
            <PartyPicker
              key={adding}
              id={p.id}
              testId="plan-party"
              types={['organisation', 'region']}
              value={null}
              onChange={(party) => {
                if (party && !v.parties.some((x) => x.type === party.type && x.id === party.id))
                  set('parties', [...v.parties, party]);
                setAdding((n) => n + 1);
              }}
              t={t}
            />
          </div>
        )}
      </Field>
      <ProvenanceAndPublication
        source={v.source}
        onSourceChange={(source) => set('source', source)}
        published={v.published}
        onPublishedChange={(published) => set('published', published)}
        publishedLabel={t('published')}
        errors={errors}
      />
      <div className="form-buttons">
        <button
          type="submit"
          className="button primary"
          disabled={form.submitting}
          data-testid="submit"
        >
          {plan ? t('save') : t('create')}
        </button>
        <button type="button" className="button" onClick={onCancel} data-testid="cancel">
          {t('cancel')}
        </button>
      </div>
      {conflict ? (
        <ConflictDialog
          message={conflict.message}
          fields={(
            [
              ['title', 'title'],
              ['period', 'period'],
              ['themes', 'themes'],
              ['parties', 'parties'],
            ] as const
          ).map(([key, word]) => {
            const show = (x: PlanValues) =>
              key === 'parties' ? x.parties.map((p) => p.title).join('; ') : String(x[key]);
            return { label: t(word), mine: show(v), theirs: show(fromPlan(conflict.current)) };
          })}
          currentVersion={conflict.current.version}
          onClose={() => setConflict(null)}
          onReapply={() => {
            const next = conflict.current.version;
            setConflict(null);
            setVersion(next);
            void form.submit(() => save(next));
          }}
          onTakeCurrent={() => {
            setVersion(conflict.current.version);
            form.reset(fromPlan(conflict.current));
            setConflict(null);
          }}
        />
      ) : null}
    </form>
  );
}

/** Editing a plan from its page, in a dialog. */
export function PlanDialog({
  plan,
  onClose,
  onSaved,
  t,
  lang,
}: {
  plan: Plan;
  onClose: () => void;
  onSaved: () => void;
  t: T;
  lang: Lang;
}) {
  return (
    <Dialog title={t('editPlan')} onClose={onClose} wide testId="plan-dialog">
      <PlanFields plan={plan} onDone={onSaved} onCancel={onClose} t={t} lang={lang} />
    </Dialog>
  );
}

/** «Новый план действий»: created, then its page opens. */
export function PlanCreatePage() {
  const { t, lang, toggle } = useLang();
  const session = useSession();
  const navigate = useNavigate();
  useTitle(t('newPlan'));
  return (
    <div className="page form-page">
      <p className="muted small">
        <button type="button" className="link-button" onClick={toggle} data-testid="lang">
          {t('language')}
        </button>
      </p>
      <h1>{t('newPlan')}</h1>
      {!session.ready ? (
        <Loading />
      ) : !session.user ? (
        <p className="notice">{t('signInToEdit')}</p>
      ) : (
        <PlanFields
          plan={null}
          onDone={(id) => navigate(`/action-plans/${id}/work`)}
          onCancel={() => navigate(-1)}
          t={t}
          lang={lang}
        />
      )}
    </div>
  );
}
