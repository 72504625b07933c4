import { useState } from 'react';
import { Link } from 'react-router';
import { listEventsRoute, listRegionsRoute } from '@promatlas/core/api/contract/registry.ts';
import {
  calendarFeedRoute,
  myTasksRoute,
  regionProgrammesRoute,
} from '@promatlas/core/api/contract/programme-work.ts';
import type { MeasureDto } from '@promatlas/core/api/programmes.schema.ts';
import { EVENT_KINDS, MEASURE_FLAGS } from '@promatlas/core/domain/vocabulary.ts';
import { apiPath, useRoute } from '../../shared/api/api.ts';
import { useSession } from '../../shared/auth/session.ts';
import { useTitle } from '../../shared/lib/useTitle.ts';
import { LangToggle, useLang } from './i18n.tsx';
import './programmes.css';

/** One entry of the calendar: an event on its days, or a task on its deadline. */
interface Entry {
  key: string;
  kind: 'event' | 'deadline';
  from: string;
  to: string;
  title: string;
  href: string;
  note: string;
  overdue: boolean;
}

const MONTHS_RU = [
  'Январь',
  'Февраль',
  'Март',
  'Апрель',
  'Май',
  'Июнь',
  'Июль',
  'Август',
  'Сентябрь',
  'Октябрь',
  'Ноябрь',
  'Декабрь',
];
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEEKDAYS_RU = ['Пн', 'Вт', 'Ср', 'Чт', 'Пт', 'Сб', 'Вс'];
const WEEKDAYS_EN = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The days of a month's grid, Monday first, padded with the neighbouring months' days. */
function gridDays(year: number, month: number): Array<{ date: string; inMonth: boolean }> {
  const first = new Date(Date.UTC(year, month, 1));
  const lead = (first.getUTCDay() + 6) % 7;
  const days: Array<{ date: string; inMonth: boolean }> = [];
  for (let i = -lead; days.length < 42; i++) {
    const d = new Date(Date.UTC(year, month, 1 + i));
    days.push({
      date: iso(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()),
      inMonth: d.getUTCMonth() === month,
    });
  }
  return days.length > 35 && !days[35]!.inMonth ? days.slice(0, 35) : days;
}

function deadlineEntries(measures: MeasureDto[], prefix: string): Entry[] {
  return measures
    .filter((m) => m.deadline)
    .map((m) => ({
      key: `${prefix}-${m.id}`,
      kind: 'deadline' as const,
      from: m.deadline!.to,
      to: m.deadline!.to,
      title: m.title,
      href: m.plan
        ? `/action-plans/${m.plan.id}/work`
        : m.agreement
          ? `/agreements/${m.agreement.id}`
          : m.decision
            ? `/events/${m.decision.event.id}`
            : '/my-tasks',
      note: m.owner?.title ?? '',
      overdue: m.flags.includes('overdue'),
    }));
}

/**
 * Events and deadlines by month (a grid) or as an agenda list, with the
 * iCalendar feed to subscribe to in Outlook or a phone calendar.
 */
export function CalendarPage() {
  const { t, lang, label } = useLang();
  const { user } = useSession();
  useTitle(t('Календарь', 'Calendar'));
  const today = new Date();
  const [month, setMonth] = useState({ year: today.getFullYear(), month: today.getMonth() });
  const [view, setView] = useState<'month' | 'agenda'>('month');
  const [region, setRegion] = useState('');
  const regions = useRoute(listRegionsRoute, { query: { pageSize: 200 } });
  const events = useRoute(listEventsRoute, {
    query: { sort: '-date', pageSize: 200, region: region || undefined },
  });
  const tasks = useRoute(myTasksRoute, user ? { query: {} } : null);
  const dashboard = useRoute(regionProgrammesRoute, region ? { params: { code: region } } : null);

  const entries: Entry[] = [
    ...(events.data?.items ?? [])
      .filter((e) => e.date)
      .map((e) => ({
        key: `event-${e.id}`,
        kind: 'event' as const,
        from: e.date!.from,
        to: e.date!.to,
        title: e.title,
        href: `/events/${e.id}`,
        note: label(EVENT_KINDS, e.kind),
        overdue: false,
      })),
    ...deadlineEntries(tasks.data?.items ?? [], 'mine'),
    ...deadlineEntries(
      [...(dashboard.data?.open ?? []), ...(dashboard.data?.overdue ?? [])].filter(
        (m) => !(tasks.data?.items ?? []).some((x) => x.id === m.id),
      ),
      'region',
    ),
  ].filter((entry, index, all) => all.findIndex((x) => x.key === entry.key) === index);

  const months = lang === 'en' ? MONTHS_EN : MONTHS_RU;
  const days = gridDays(month.year, month.month);
  const monthStart = iso(month.year, month.month, 1);
  const monthEnd = iso(
    month.year,
    month.month,
    new Date(Date.UTC(month.year, month.month + 1, 0)).getUTCDate(),
  );
  // An event «in 2025» (a year's precision) would fill every day: only events of up to a month are placed on days.
  const onDay = (date: string) =>
    entries.filter(
      (e) =>
        e.from <= date &&
        date <= e.to &&
        (e.kind === 'deadline' || e.to.slice(0, 7) === e.from.slice(0, 7)),
    );
  const inMonth = entries
    .filter((e) => e.from <= monthEnd && e.to >= monthStart)
    .sort((a, b) => a.from.localeCompare(b.from) || a.title.localeCompare(b.title));
  const shift = (delta: number) =>
    setMonth(({ year, month: m }) => {
      const d = new Date(Date.UTC(year, m + delta, 1));
      return { year: d.getUTCFullYear(), month: d.getUTCMonth() };
    });
  const feed = apiPath(calendarFeedRoute, { query: { region: region || undefined } });
  const todayIso = iso(today.getFullYear(), today.getMonth(), today.getDate());
  const dateText = (e: Entry) =>
    e.from === e.to
      ? e.from.split('-').reverse().join('.')
      : `${e.from.split('-').reverse().join('.')} – ${e.to.split('-').reverse().join('.')}`;

  return (
    <div className="page calendar-page">
      <h1>{t('Календарь мероприятий и сроков', 'Calendar of events and deadlines')}</h1>
      <p className="calendar-tools">
        <a href={feed} data-testid="ics-link">
          {t('Подписаться на календарь (.ics)', 'Subscribe to the calendar (.ics)')}
        </a>{' '}
        <span className="muted small">
          {t(
            '— адрес для Outlook или календаря телефона',
            '— the address for Outlook or a phone calendar',
          )}
        </span>{' '}
        · <LangToggle />
      </p>
      <div className="filters">
        <button type="button" className="button" onClick={() => shift(-1)} data-testid="month-prev">
          ←
        </button>{' '}
        <strong data-testid="month-title">
          {months[month.month]} {month.year}
        </strong>{' '}
        <button type="button" className="button" onClick={() => shift(1)} data-testid="month-next">
          →
        </button>{' '}
        <label>
          {t('Вид', 'View')}{' '}
          <select
            value={view}
            onChange={(e) => setView(e.target.value as 'month' | 'agenda')}
            data-testid="calendar-view"
          >
            <option value="month">{t('месяц', 'month')}</option>
            <option value="agenda">{t('список', 'agenda')}</option>
          </select>
        </label>{' '}
        <label>
          {t('Регион', 'Region')}{' '}
          <select
            value={region}
            onChange={(e) => setRegion(e.target.value)}
            data-testid="calendar-region"
          >
            <option value="">{t('все регионы', 'all regions')}</option>
            {[...(regions.data?.items ?? [])]
              .sort((a, b) => a.name.localeCompare(b.name, 'ru'))
              .map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name}
                </option>
              ))}
          </select>
        </label>
      </div>
      <p className="muted small">
        <span className="calendar-chip event">{t('мероприятие', 'event')}</span>{' '}
        <span className="calendar-chip deadline">{t('срок задачи', 'task deadline')}</span>{' '}
        <span className="calendar-chip deadline overdue">{label(MEASURE_FLAGS, 'overdue')}</span>
        {user ? null : (
          <>
            {' · '}
            <Link to="/login?next=/calendar">{t('Войдите', 'Sign in')}</Link>
            {t(', чтобы видеть сроки своих задач', ' to see your tasks’ deadlines')}
          </>
        )}
      </p>
      {view === 'month' ? (
        <table className="calendar-grid" data-testid="calendar-grid">
          <thead>
            <tr>
              {(lang === 'en' ? WEEKDAYS_EN : WEEKDAYS_RU).map((d) => (
                <th key={d}>{d}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: days.length / 7 }, (_, week) => (
              <tr key={week}>
                {days.slice(week * 7, week * 7 + 7).map((day) => (
                  <td
                    key={day.date}
                    className={`${day.inMonth ? '' : 'other-month'}${day.date === todayIso ? ' today' : ''}`}
                    data-date={day.date}
                  >
                    <div className="day-number">{Number(day.date.slice(8))}</div>
                    {onDay(day.date).map((e) => (
                      <Link
                        key={e.key}
                        to={e.href}
                        className={`calendar-chip ${e.kind}${e.overdue ? ' overdue' : ''}`}
                        data-testid={`calendar-${e.kind}`}
                        title={e.note ? `${e.title} · ${e.note}` : e.title}
                      >
                        {e.title}
                      </Link>
                    ))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <ul className="calendar-agenda" data-testid="calendar-agenda">
          {inMonth.length === 0 ? (
            <li className="muted">{t('В этом месяце ничего нет', 'Nothing this month')}</li>
          ) : null}
          {inMonth.map((e) => (
            <li key={e.key} data-testid={`agenda-${e.kind}`}>
              <span className="agenda-date">{dateText(e)}</span>{' '}
              <span className={`calendar-chip ${e.kind}${e.overdue ? ' overdue' : ''}`}>
                {e.kind === 'event' ? t('мероприятие', 'event') : t('срок', 'deadline')}
              </span>{' '}
              <Link to={e.href}>{e.title}</Link>
              {e.note ? <span className="muted"> · {e.note}</span> : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
