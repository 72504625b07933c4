import { Link } from 'react-router';
import { MEASURE_FLAGS, MEASURE_STATUSES } from '@promatlas/core/domain/vocabulary.ts';
import type { MeasureFilter } from './plan-filter.ts';
import { useLang } from './work-i18n.ts';

/**
 * The plan page's filters (status, flag, owner, theme, deadline), applied in
 * the browser, and the plan's exports, calendar feed and status report.
 */
export function PlanFilters({
  planId,
  themes,
  owners,
  filter,
  onChange,
}: {
  planId: number;
  themes: string[];
  /** The owners of the plan's measures: key (type:id) and title, sorted. */
  owners: Array<[string, string]>;
  filter: MeasureFilter;
  onChange: (change: (f: MeasureFilter) => MeasureFilter) => void;
}) {
  const { t, lang } = useLang();
  const set = <K extends keyof MeasureFilter>(key: K, value: string) =>
    onChange((f) => ({ ...f, [key]: value }));
  return (
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
          {themes.map((th) => (
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
      <a href={`/api/action-plans/${planId}/export?format=xlsx`}>XLSX</a>{' '}
      <a href={`/api/action-plans/${planId}/export?format=csv`}>CSV</a>{' '}
      <a href={`/api/calendar.ics?plan=${planId}`}>
        {lang === 'en' ? 'Calendar' : 'Календарь'} (.ics)
      </a>{' '}
      <Link to={`/reports/plan-status/${planId}`} data-testid="plan-status-report">
        {lang === 'en' ? 'Status report (print, PDF)' : 'Отчёт о статусе (печать, PDF)'}
      </Link>
    </form>
  );
}
