import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { MeasureDto } from '@promatlas/core/api/programmes.schema.ts';
import {
  deleteActionPlanRoute,
  planPageRoute,
  restoreActionPlanRoute,
  updateMeasureRoute,
} from '@promatlas/core/api/contract/plans.ts';
import { getEventRoute } from '@promatlas/core/api/contract/registry.ts';
import { api, useRoute } from '../../shared/api/api.ts';
import { canEditRegistry } from '../../shared/auth/permissions.ts';
import { useSession } from '../../shared/auth/session.ts';
import { ErrorMessage, Loading } from '../../shared/components/common.tsx';
import { formatDate } from '../../shared/lib/format.ts';
import { useTitle } from '../../shared/lib/useTitle.ts';
import { MeasureDialog } from './MeasureDialog.tsx';
import { MeasureRow, type RowAction } from './MeasureRow.tsx';
import { PlanFilters } from './PlanFilters.tsx';
import {
  matches,
  NO_FILTER,
  ownerKey,
  timelineBars,
  timelineItemOf,
  type MeasureFilter,
} from './plan-filter.ts';
import { PlanDialog } from './PlanForm.tsx';
import { ReportDialog } from './ReportDialog.tsx';
import { messageIn, useLang } from './work-i18n.ts';
import './programmes.css';

// ECharts loads with the timeline only: the programme lists share this chunk. The plan page
// asks for it as it opens, so the chunk arrives while the plan's data does, not after.
const loadTimeline = () => import('./Timeline.tsx');
const Timeline = lazy(loadTimeline);

type Editing =
  | { kind: 'measure'; measure: MeasureDto | null; theme?: string | null }
  | { kind: 'report'; measure: MeasureDto }
  | { kind: 'plan' }
  | null;

/**
 * The plan at work: measures grouped by theme with their flags and the
 * reasons for them, filtered in the browser (status, flag, owner, deadline,
 * theme) — the list and the timeline re-filter without asking the server
 * again; editors add and change measures, report progress, edit the plan.
 */
export function PlanWorkPage() {
  const { id } = useParams();
  const { t, lang, toggle } = useLang();
  const session = useSession();
  const page = useRoute(planPageRoute, id ? { params: { id } } : null);
  const [filter, setFilter] = useState<MeasureFilter>(NO_FILTER);
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<{ version: number } | null>(null);
  const data = page.data;
  useTitle(data?.plan.title);

  const all = useMemo(() => (data ? data.themes.flatMap((g) => g.measures) : []), [data]);
  const shownIds = useMemo(
    () => new Set(all.filter((m) => matches(m, filter)).map((m) => m.id)),
    [all, filter],
  );
  const owners = useMemo(() => {
    const seen = new Map<string, string>();
    for (const m of all) if (m.owner) seen.set(ownerKey(m), m.owner.title);
    return [...seen].sort((a, b) => a[1].localeCompare(b[1], 'ru'));
  }, [all]);
  useEffect(() => {
    void loadTimeline();
  }, []);
  // Every bar is made once per load; a filter change only picks the shown ones.
  const allBars = useMemo(() => timelineBars(all.map(timelineItemOf), lang), [all, lang]);
  const bars = useMemo(
    () => allBars.filter((b) => shownIds.has(Number(b.id))),
    [allBars, shownIds],
  );
  // The timeline's milestones, as the server's timeline route gives them: the approving event's
  // date (read from the event, a small answer) and the end of the plan's period.
  const eventId = data?.plan.event?.id;
  const event = useRoute(getEventRoute, eventId ? { params: { id: eventId } } : null);
  const marks = useMemo(
    () => [
      ...(event.data?.date && eventId
        ? [{ date: event.data.date.from, title: event.data.title }]
        : []),
      ...(data?.plan.period ? [{ date: data.plan.period.to, title: t('planEnd') }] : []),
    ],
    [event.data, eventId, data, t],
  );
  const { reload: reloadPage } = page;
  const reload = useCallback(() => {
    setEditing(null);
    reloadPage();
  }, [reloadPage]);
  const onAction = useCallback(
    (action: RowAction, m: MeasureDto) => {
      if (action === 'edit') return setEditing({ kind: 'measure', measure: m });
      if (action === 'report') return setEditing({ kind: 'report', measure: m });
      setNotice(null);
      api(updateMeasureRoute, {
        params: { id: m.id },
        body: { version: m.version, status: 'done' },
      }).then(reload, (error: unknown) => setNotice(messageIn(lang, error)));
    },
    [reload, lang],
  );

  if (deleted && data) {
    return (
      <article className="plan-work">
        <h1>{data.plan.title}</h1>
        <p className="notice" data-testid="plan-deleted">
          {t('planDeleted')}
        </p>
        {session.user?.role === 'administrator' ? (
          <button
            type="button"
            className="button"
            data-testid="restore-plan"
            onClick={async () => {
              await api(restoreActionPlanRoute, { params: { id: data.plan.id } });
              setDeleted(null);
              page.reload();
            }}
          >
            {t('restorePlan')}
          </button>
        ) : null}
      </article>
    );
  }
  if (page.error) return <ErrorMessage error={page.error} />;
  if (!data) return page.loading ? <Loading /> : null;

  const editable = canEditRegistry(session.user);
  const removePlan = async () => {
    if (!window.confirm(t('confirmDelete'))) return;
    try {
      const result = await api(deleteActionPlanRoute, {
        params: { id: data.plan.id },
        query: { version: data.plan.version },
      });
      setDeleted({ version: result.version });
    } catch (error) {
      setNotice(messageIn(lang, error));
    }
  };
  const groups = data.themes;
  const rules = t('rulesText')
    .replace('{n}', String(data.rules.atRiskWithinDays))
    .replace('{m}', String(data.rules.staleReportDays));

  return (
    <article className="plan-work" data-testid="plan-work">
      <p className="muted small">
        <Link to={`/action-plans/${data.plan.id}`}>{t('card')}</Link> ·{' '}
        <button type="button" className="link-button" onClick={toggle} data-testid="lang">
          {t('language')}
        </button>
      </p>
      <h1>{data.plan.title}</h1>
      <p>
        {formatDate(data.plan.period) ?? t('noPeriod')} · {t('parties')}:{' '}
        {data.plan.parties.map((p) => p.title).join('; ') || '—'}
      </p>
      <p data-testid="plan-counts">
        {t('total')}: {data.counts.total}; {t('overdue')}: {data.counts.overdue}; {t('atRisk')}:{' '}
        {data.counts.atRisk} ({t('rulesOn')} {data.today}; {t('rules')}: {rules})
      </p>
      {editable ? (
        <p className="toolbar">
          <button
            type="button"
            className="button primary"
            onClick={() => setEditing({ kind: 'measure', measure: null })}
            data-testid="add-measure"
          >
            {t('addMeasure')}
          </button>{' '}
          <button
            type="button"
            className="button"
            onClick={() => setEditing({ kind: 'plan' })}
            data-testid="edit-plan"
          >
            {t('editPlan')}
          </button>{' '}
          <button
            type="button"
            className="button danger-outline"
            onClick={removePlan}
            data-testid="delete-plan"
          >
            {t('deletePlan')}
          </button>
        </p>
      ) : null}
      {notice ? (
        <div className="error" role="alert" data-testid="plan-notice">
          {notice}
        </div>
      ) : null}
      <PlanFilters
        planId={data.plan.id}
        themes={data.plan.themes}
        owners={owners}
        filter={filter}
        onChange={setFilter}
      />
      {shownIds.size === 0 && <p>{t('nothing')}</p>}
      {groups.map((group) => (
        <section
          key={group.theme ?? '—'}
          data-theme={group.theme ?? ''}
          hidden={!group.measures.some((m) => shownIds.has(m.id))}
        >
          <h2>{group.theme ?? t('noTheme')}</h2>
          <div className="table-wrap">
            <table className="table compact">
              <thead>
                <tr>
                  <th className="measure-col">{t('measure')}</th>
                  <th>{t('owner')}</th>
                  <th>{t('deadline')}</th>
                  <th>{t('status')}</th>
                  <th>{t('flags')}</th>
                  <th>{t('progress')}</th>
                  {editable ? <th>{t('actions')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {group.measures.map((m) => (
                  <MeasureRow
                    key={m.id}
                    m={m}
                    hidden={!shownIds.has(m.id)}
                    editable={editable}
                    onAction={onAction}
                    t={t}
                    lang={lang}
                  />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
      <section>
        <h2>{t('timeline')}</h2>
        {bars.some((b) => b.start || b.end) ? (
          <Suspense fallback={<Loading />}>
            <Timeline
              bars={bars}
              marks={marks}
              today={data.today}
              lang={lang}
              caption={`${t('timeline')}: ${data.plan.title}`}
            />
          </Suspense>
        ) : (
          <p className="muted" data-testid="timeline-empty">
            {t('timelineEmpty')}
          </p>
        )}
      </section>
      {editing?.kind === 'measure' ? (
        <MeasureDialog
          planId={data.plan.id}
          themes={data.plan.themes}
          measure={editing.measure}
          defaultTheme={editing.theme}
          onClose={() => setEditing(null)}
          onSaved={reload}
          t={t}
          lang={lang}
        />
      ) : null}
      {editing?.kind === 'report' ? (
        <ReportDialog
          measure={editing.measure}
          onClose={() => setEditing(null)}
          onSaved={reload}
          t={t}
        />
      ) : null}
      {editing?.kind === 'plan' ? (
        <PlanDialog
          plan={data.plan}
          onClose={() => setEditing(null)}
          onSaved={reload}
          t={t}
          lang={lang}
        />
      ) : null}
    </article>
  );
}
