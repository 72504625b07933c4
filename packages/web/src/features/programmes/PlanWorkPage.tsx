import { lazy, memo, Suspense, useCallback, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { MeasureDto, Timeline as TimelineDto } from '@promatlas/core/api/programmes.schema.ts';
import {
  deleteActionPlanRoute,
  planPageRoute,
  planTimelineRoute,
  restoreActionPlanRoute,
  updateMeasureRoute,
} from '@promatlas/core/api/contract/plans.ts';
import { STATUS_TRANSITIONS } from '@promatlas/core/programmes/status.ts';
import { FLAG_REASONS } from '@promatlas/core/programmes/flags.ts';
import { MEASURE_FLAGS, MEASURE_STATUSES } from '@promatlas/core/domain/vocabulary.ts';
import { api, useRoute } from '../../shared/api/api.ts';
import { canEditRegistry } from '../../shared/auth/permissions.ts';
import { useSession } from '../../shared/auth/session.ts';
import { ErrorMessage, Loading } from '../../shared/components/common.tsx';
import { formatDate } from '../../shared/lib/format.ts';
import { useTitle } from '../../shared/lib/useTitle.ts';
import { MeasureDialog } from './MeasureDialog.tsx';
import { PlanDialog } from './PlanForm.tsx';
import { ReportDialog } from './ReportDialog.tsx';
import type { TimelineBar } from './Timeline.tsx';
import { messageIn, useLang, type Lang, type T } from './work-i18n.ts';

// ECharts loads with the timeline only: the programme lists share this chunk.
const Timeline = lazy(() => import('./Timeline.tsx'));

/** The filters of the plan page, applied in the browser to the measures loaded once. */
export interface MeasureFilter {
  status: string;
  flag: string;
  owner: string;
  deadlineTo: string;
  theme: string;
}
const NO_FILTER: MeasureFilter = { status: '', flag: '', owner: '', deadlineTo: '', theme: '' };

const ownerKey = (m: MeasureDto) => (m.owner ? `${m.owner.type}:${m.owner.id}` : '');

/** The same rules as the server's plan page filter (status, flag, owner, deadline, theme). */
export function matches(m: MeasureDto, f: MeasureFilter): boolean {
  return (
    (!f.status || (m.status ?? 'none') === f.status) &&
    (!f.flag || m.flags.includes(f.flag as MeasureDto['flags'][number])) &&
    (!f.owner || ownerKey(m) === f.owner) &&
    (!f.deadlineTo || (m.deadline !== null && m.deadline.to <= f.deadlineTo)) &&
    (!f.theme || (m.theme ?? '') === f.theme)
  );
}

/** A flag's reason in the page's language (the API gives the Russian words of core's reasons). */
function reasonIn(reason: string, lang: Lang): string {
  if (lang === 'ru') return reason;
  return Object.values(FLAG_REASONS).find((r) => r.ru === reason)?.en ?? reason;
}

const statusLabel = (m: { status: MeasureDto['status'] }, lang: Lang) =>
  m.status ? MEASURE_STATUSES.label(m.status, lang) : lang === 'en' ? 'no data' : 'нет данных';

/** The timeline's bars: measures with dates, coloured by flag first, then by status. */
export function timelineBars(timeline: TimelineDto, lang: Lang): TimelineBar[] {
  return timeline.items.map((i) => ({
    id: i.id,
    title: i.title,
    start: i.start,
    end: i.end,
    tone: i.flags.includes('overdue')
      ? 'overdue'
      : i.flags.includes('at_risk')
        ? 'at_risk'
        : (i.status ?? 'none'),
    state: [
      statusLabel(i, lang),
      ...i.flags.map((f) => MEASURE_FLAGS.label(f, lang)),
      i.progress !== null ? `${i.progress} %` : '',
    ]
      .filter(Boolean)
      .join(' · '),
  }));
}

type RowAction = 'edit' | 'report' | 'done';

/**
 * One measure of the plan. Every row stays mounted and a filter only hides
 * it, with props that do not change otherwise (memo): re-filtering a plan of
 * thousands of measures then touches the rows whose visibility changed.
 */
const MeasureRow = memo(function MeasureRow({
  m,
  hidden,
  editable,
  onAction,
  t,
  lang,
}: {
  m: MeasureDto;
  hidden: boolean;
  editable: boolean;
  onAction: (action: RowAction, m: MeasureDto) => void;
  t: T;
  lang: Lang;
}) {
  const canBeDone = m.status === null || STATUS_TRANSITIONS[m.status].includes('done');
  return (
    <tr
      data-measure={m.id}
      className={m.flags.join(' ')}
      data-status={m.status ?? 'none'}
      hidden={hidden}
    >
      <td>{m.title}</td>
      <td data-testid="measure-owner">{m.owner?.title ?? '—'}</td>
      <td data-testid="measure-deadline">{formatDate(m.deadline) ?? '—'}</td>
      <td data-testid="measure-status">{statusLabel(m, lang)}</td>
      <td data-testid="measure-flags">
        {m.flags.length ? (
          <>
            {m.flags.map((f) => (
              <strong key={f} className={`flag flag-${f}`}>
                {MEASURE_FLAGS.label(f, lang)}{' '}
              </strong>
            ))}
            <div className="muted small" data-testid="measure-flag-reasons">
              {m.flagReasons.map((r) => reasonIn(r, lang)).join('; ')}
            </div>
          </>
        ) : (
          '—'
        )}
      </td>
      <td data-testid="measure-progress">
        {m.progress === null ? '—' : `${m.progress} %`}
        {m.lastReportOn ? <div className="muted small">{m.lastReportOn}</div> : null}
      </td>
      {editable ? (
        <td className="actions">
          <button
            type="button"
            className="button small"
            onClick={() => onAction('edit', m)}
            data-testid="edit-measure"
          >
            {t('edit')}
          </button>{' '}
          <button
            type="button"
            className="button small"
            onClick={() => onAction('report', m)}
            data-testid="report-measure"
          >
            {t('report')}
          </button>{' '}
          {m.status !== 'done' && canBeDone ? (
            <button
              type="button"
              className="button small"
              onClick={() => onAction('done', m)}
              data-testid="done-measure"
            >
              {t('markDone')}
            </button>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
});

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
  const timeline = useRoute(planTimelineRoute, id ? { params: { id } } : null);
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
  const bars = useMemo(
    () =>
      timeline.data
        ? timelineBars(timeline.data, lang).filter((b) => shownIds.has(Number(b.id)))
        : [],
    [timeline.data, shownIds, lang],
  );
  const { reload: reloadPage } = page;
  const { reload: reloadTimeline } = timeline;
  const reload = useCallback(() => {
    setEditing(null);
    reloadPage();
    reloadTimeline();
  }, [reloadPage, reloadTimeline]);
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
              timeline.reload();
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
  const set = <K extends keyof MeasureFilter>(key: K, value: string) =>
    setFilter((f) => ({ ...f, [key]: value }));
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
      <form className="filters" onSubmit={(e) => e.preventDefault()} data-testid="plan-filters">
        <label>
          {t('status')}{' '}
          <select
            value={filter.status}
            onChange={(e) => set('status', e.target.value)}
            data-testid="filter-status"
          >
            <option value="">{t('all')}</option>
            {MEASURE_STATUSES.values.map((s) => (
              <option key={s} value={s}>
                {MEASURE_STATUSES.label(s, lang)}
              </option>
            ))}
            <option value="none">{lang === 'en' ? 'no data' : 'нет данных'}</option>
          </select>
        </label>{' '}
        <label>
          {t('flag')}{' '}
          <select
            value={filter.flag}
            onChange={(e) => set('flag', e.target.value)}
            data-testid="filter-flag"
          >
            <option value="">{t('any')}</option>
            {MEASURE_FLAGS.values.map((f) => (
              <option key={f} value={f}>
                {MEASURE_FLAGS.label(f, lang)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('owner')}{' '}
          <select
            value={filter.owner}
            onChange={(e) => set('owner', e.target.value)}
            data-testid="filter-owner"
          >
            <option value="">{t('anyone')}</option>
            {owners.map(([key, title]) => (
              <option key={key} value={key}>
                {title}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('theme')}{' '}
          <select
            value={filter.theme}
            onChange={(e) => set('theme', e.target.value)}
            data-testid="filter-theme"
          >
            <option value="">{t('all')}</option>
            {data.plan.themes.map((th) => (
              <option key={th} value={th}>
                {th}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('deadlineTo')}{' '}
          <input
            type="date"
            value={filter.deadlineTo}
            onChange={(e) => set('deadlineTo', e.target.value)}
            data-testid="filter-deadline"
          />
        </label>{' '}
        <a href={`/api/action-plans/${data.plan.id}/export?format=xlsx`}>XLSX</a>{' '}
        <a href={`/api/action-plans/${data.plan.id}/export?format=csv`}>CSV</a>{' '}
        <a href={`/api/calendar.ics?plan=${data.plan.id}`}>
          {lang === 'en' ? 'Calendar' : 'Календарь'} (.ics)
        </a>{' '}
        <Link to={`/reports/plan-status/${data.plan.id}`} data-testid="plan-status-report">
          {lang === 'en' ? 'Status report (print, PDF)' : 'Отчёт о статусе (печать, PDF)'}
        </Link>
      </form>
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
                  <th>{t('measure')}</th>
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
        {timeline.error ? <ErrorMessage error={timeline.error} /> : null}
        {timeline.data ? (
          bars.some((b) => b.start || b.end) ? (
            <Suspense fallback={<Loading />}>
              <Timeline
                bars={bars}
                marks={timeline.data.milestones.map((m) => ({ date: m.date, title: m.title }))}
                today={timeline.data.today}
                lang={lang}
                caption={`${t('timeline')}: ${data.plan.title}`}
              />
            </Suspense>
          ) : (
            <p className="muted" data-testid="timeline-empty">
              {t('timelineEmpty')}
            </p>
          )
        ) : null}
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
