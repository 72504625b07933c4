import { useState } from 'react';
import { Link } from 'react-router';
import {
  createPlanOfEventRoute,
  linkPlanToEventRoute,
} from '@promatlas/core/api/contract/programme-work.ts';
import { planPageRoute } from '@promatlas/core/api/contract/plans.ts';
import type { Event } from '@promatlas/core/api/registry.schema.ts';
import type { EventWork } from '@promatlas/core/api/programmes.schema.ts';
import { api } from '../../shared/api/api.ts';
import { EntityLink, Section } from '../../shared/components/common.tsx';
import { useLang } from './i18n.tsx';
import { COUNTS_ONLY } from './plan-queries.ts';
import { RecordPicker, type Picked } from './pickers.tsx';
import { ActionError, useAction } from './work-actions.tsx';

/** The programmes (action plans) the event produced, a new one started from it, or an existing one linked. */
export function ProducedPlans({
  work,
  event,
  canEdit,
  onChanged,
}: {
  work: EventWork;
  event: Event;
  canEdit: boolean;
  onChanged: () => void;
}) {
  const { t } = useLang();
  const [title, setTitle] = useState('');
  const action = useAction();
  if (!canEdit && work.producedPlans.length === 0) return null;
  return (
    <Section
      title={t('Порождённые программы (планы)', 'Programmes produced (plans)')}
      count={work.producedPlans.length}
    >
      <ul className="ref-list" data-testid="produced-plans">
        {work.producedPlans.map((p) => (
          <li key={p.id}>
            <EntityLink entity={p} /> ·{' '}
            <Link to={`/action-plans/${p.id}/work`}>{t('мероприятия плана', 'plan measures')}</Link>
          </li>
        ))}
      </ul>
      {canEdit ? (
        <form
          className="work-form"
          data-testid="plan-form"
          onSubmit={(e) => {
            e.preventDefault();
            void action
              .run(() =>
                api(createPlanOfEventRoute, {
                  body: {
                    title,
                    eventId: Number(work.event.id),
                    period: null,
                    parties: event.region ? [{ regionCode: event.region.code }] : [],
                  },
                }),
              )
              .then((ok) => {
                if (ok) {
                  setTitle('');
                  onChanged();
                }
              });
          }}
        >
          <input
            aria-label={t('Название плана', 'Plan title')}
            placeholder={t(
              'Например: программа развития кластера на 3 года',
              'E.g. a 3-year cluster development programme',
            )}
            data-testid="plan-title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />{' '}
          <button type="submit" className="button" disabled={action.busy} data-testid="plan-create">
            {t('Создать план по итогам', 'Start a plan from this event')}
          </button>
          <ActionError error={action.error} />
        </form>
      ) : null}
      {canEdit ? <LinkExistingPlan eventId={Number(work.event.id)} onLinked={onChanged} /> : null}
    </Section>
  );
}

/**
 * «Привязать существующий план»: a plan written before (or apart from) the
 * event becomes one it produced. A plan names one event, so linking it here
 * moves it from any other; the plan's version is read just before the change.
 */
function LinkExistingPlan({ eventId, onLinked }: { eventId: number; onLinked: () => void }) {
  const { t } = useLang();
  const [plan, setPlan] = useState<Picked | null>(null);
  const action = useAction();
  return (
    <form
      className="work-form"
      data-testid="plan-link-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!plan) return;
        void action
          .run(async () => {
            const page = await api(planPageRoute, { params: { id: plan.id }, query: COUNTS_ONLY });
            await api(linkPlanToEventRoute, {
              params: { id: plan.id },
              body: { version: page.plan.version, eventId },
            });
          })
          .then((ok) => {
            if (ok) {
              setPlan(null);
              onLinked();
            }
          });
      }}
    >
      <span>{t('Привязать существующий план', 'Link an existing plan')}:</span>{' '}
      <RecordPicker types="action_plan" value={plan} onChange={setPlan} testId="plan-link" />{' '}
      <button
        type="submit"
        className="button"
        disabled={!plan || action.busy}
        data-testid="plan-link-submit"
      >
        {t('Привязать', 'Link')}
      </button>
      <ActionError error={action.error} />
    </form>
  );
}
