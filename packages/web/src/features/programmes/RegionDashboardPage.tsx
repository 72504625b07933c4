import { Link, useNavigate, useParams } from 'react-router';
import { regionProgrammesRoute } from '@promatlas/core/api/contract/programme-work.ts';
import { planPageRoute } from '@promatlas/core/api/contract/plans.ts';
import { getRegionRoute, listRegionsRoute } from '@promatlas/core/api/contract/registry.ts';
import type { EntityRef } from '@promatlas/core/api/common.schema.ts';
import { EVENT_KINDS, MEASURE_STATUSES } from '@promatlas/core/domain/vocabulary.ts';
import { useRoute } from '../../shared/api/api.ts';
import { EntityLink, ErrorMessage, Loading, Section } from '../../shared/components/common.tsx';
import { formatDate } from '../../shared/lib/format.ts';
import { useTitle } from '../../shared/lib/useTitle.ts';
import { LangToggle, useLang } from './i18n.tsx';
import { MeasureTable, ShownOf } from './MeasureTable.tsx';
import { COUNTS_ONLY } from './plan-queries.ts';
import './programmes.css';

/** One plan of the region: its measures by status, overdue and at risk, the share done. */
function PlanSummary({ plan }: { plan: EntityRef }) {
  const { t, label } = useLang();
  const page = useRoute(planPageRoute, { params: { id: plan.id }, query: COUNTS_ONLY });
  const counts = page.data?.counts;
  const by = (status: string) => counts?.byStatus[status] ?? 0;
  const counted = counts ? counts.total - by('cancelled') : 0;
  const done = counted ? Math.round((by('done') / counted) * 100) : null;
  return (
    <tr data-plan={plan.id} data-testid="dashboard-plan">
      <td>
        <Link to={`/action-plans/${plan.id}/work`}>{plan.title}</Link>
      </td>
      {counts ? (
        <>
          <td data-testid="plan-total">{counts.total}</td>
          {[...MEASURE_STATUSES.values, 'none' as const].map((s) => (
            <td
              key={s}
              data-status={s}
              title={s === 'none' ? t('нет данных', 'no data') : label(MEASURE_STATUSES, s)}
            >
              {by(s)}
            </td>
          ))}
          <td data-testid="plan-overdue" className={counts.overdue ? 'flag-overdue' : ''}>
            {counts.overdue}
          </td>
          <td data-testid="plan-at-risk">{counts.atRisk}</td>
          <td data-testid="plan-progress">
            {done === null ? (
              '—'
            ) : (
              <>
                <progress max={100} value={done} aria-label={t('Выполнено', 'Done')} /> {done} %
              </>
            )}
          </td>
        </>
      ) : (
        <td colSpan={9}>{page.error ? page.error.message : <Loading />}</td>
      )}
    </tr>
  );
}

function PlansOfRegion({ code }: { code: string }) {
  const { t, label } = useLang();
  const region = useRoute(getRegionRoute, { params: { code } });
  const plans = region.data?.actionPlans ?? [];
  if (!region.data) return null;
  return (
    <Section title={t('Планы действий региона', 'Action plans of the region')} count={plans.length}>
      {plans.length === 0 ? (
        <p className="muted">{t('Планов нет.', 'No plans.')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table compact" data-testid="dashboard-plans">
            <thead>
              <tr>
                <th>{t('План', 'Plan')}</th>
                <th>{t('Всего', 'Total')}</th>
                {MEASURE_STATUSES.values.map((s) => (
                  <th key={s}>{label(MEASURE_STATUSES, s)}</th>
                ))}
                <th>{t('Нет данных', 'No data')}</th>
                <th>{t('Просрочено', 'Overdue')}</th>
                <th>{t('Под угрозой', 'At risk')}</th>
                <th>{t('Выполнено', 'Done')}</th>
              </tr>
            </thead>
            <tbody>
              {plans.map((p) => (
                <PlanSummary key={p.id} plan={p} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="muted small">
        {t(
          'Доля выполненного — выполненные мероприятия среди неотменённых.',
          'Done — the share of measures done among those not cancelled.',
        )}
      </p>
    </Section>
  );
}

/** Chooses the region whose dashboard to open (the programmes menu leads here). */
function RegionChooser({ code }: { code: string | undefined }) {
  const { t } = useLang();
  const navigate = useNavigate();
  const regions = useRoute(listRegionsRoute, { query: { pageSize: 200 } });
  return (
    <label>
      {t('Регион', 'Region')}{' '}
      <select
        value={code ?? ''}
        data-testid="dashboard-region"
        onChange={(e) => e.target.value && navigate(`/regions/${e.target.value}/programmes`)}
      >
        <option value="">{t('— выберите регион —', '— choose a region —')}</option>
        {[...(regions.data?.items ?? [])]
          .sort((a, b) => a.name.localeCompare(b.name, 'ru'))
          .map((r) => (
            <option key={r.code} value={r.code}>
              {r.name}
            </option>
          ))}
      </select>
    </label>
  );
}

/**
 * A region's programmes at a glance: its plans with their measures by status,
 * the open, overdue and upcoming measures (the server sends the first 100 of
 * each, with the full counts), upcoming events and agreements in force.
 */
export function RegionDashboardPage() {
  const { code } = useParams();
  const { t, label } = useLang();
  const dashboard = useRoute(regionProgrammesRoute, code ? { params: { code } } : null);
  const data = dashboard.data;
  useTitle(
    data
      ? `${t('Программы', 'Programmes')}: ${data.region.name}`
      : t('Программы региона', 'Programmes of a region'),
  );
  const lists = data
    ? ([
        ['overdue', t('Просроченные мероприятия', 'Overdue measures'), data.overdue],
        [
          'upcoming',
          t(
            `Срок в ближайшие ${data.rules.atRiskWithinDays} дн.`,
            `Due within ${data.rules.atRiskWithinDays} days`,
          ),
          data.upcoming,
        ],
        ['open', t('Открытые мероприятия', 'Open measures'), data.open],
      ] as const)
    : [];
  return (
    <div className="page region-dashboard" data-testid="region-dashboard">
      <p className="muted small">
        {data ? (
          <>
            <Link to={`/regions/${data.region.code}`}>
              {t('← профиль региона', '← region profile')}
            </Link>{' '}
            ·{' '}
          </>
        ) : null}
        <Link to="/calendar">{t('календарь', 'calendar')}</Link> · <LangToggle />
      </p>
      <h1>
        {data
          ? `${t('Программы региона', 'Programmes of the region')}: ${data.region.name}`
          : t('Программы региона', 'Programmes of a region')}
      </h1>
      <p className="filters">
        <RegionChooser code={code} />
      </p>
      {dashboard.error ? <ErrorMessage error={dashboard.error} /> : null}
      {code && !data && dashboard.loading ? <Loading /> : null}
      {data ? (
        <>
          <p data-testid="dashboard-totals">
            {t('Открыто', 'Open')}: <strong>{data.totals.open}</strong> ·{' '}
            {t('просрочено', 'overdue')}: <strong>{data.totals.overdue}</strong> ·{' '}
            {t('срок скоро', 'due soon')}: <strong>{data.totals.upcoming}</strong>{' '}
            <span className="muted small">
              ({t('на', 'as of')} {data.today})
            </span>
          </p>
          <PlansOfRegion code={data.region.code} />
          {lists.map(([key, title, measures]) => (
            <Section key={key} title={title} count={data.totals[key]}>
              <div data-testid={`dashboard-${key}`}>
                {measures.length ? (
                  <>
                    <MeasureTable measures={measures} />
                    <ShownOf shown={measures.length} total={data.totals[key]} />
                  </>
                ) : (
                  <p className="muted">{t('Нет.', 'None.')}</p>
                )}
              </div>
            </Section>
          ))}
          <Section
            title={t('Предстоящие мероприятия', 'Upcoming events')}
            count={data.upcomingEvents.length}
          >
            <ul className="ref-list" data-testid="dashboard-events">
              {data.upcomingEvents.map((e) => (
                <li key={e.event.id}>
                  <EntityLink entity={e.event} />{' '}
                  <span className="muted">
                    · {label(EVENT_KINDS, e.kind)}
                    {e.date ? ` · ${formatDate(e.date)}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          </Section>
          <Section
            title={t('Действующие соглашения', 'Agreements in force')}
            count={data.agreementsInForce.length}
          >
            <ul className="ref-list" data-testid="dashboard-agreements">
              {data.agreementsInForce.map((a) => (
                <li key={a.agreement.id}>
                  <EntityLink entity={a.agreement} />
                  {a.date ? <span className="muted"> · {formatDate(a.date)}</span> : null}
                </li>
              ))}
            </ul>
          </Section>
        </>
      ) : null}
    </div>
  );
}
