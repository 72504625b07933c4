import type { MeasureDto, Timeline as TimelineDto } from '@promatlas/core/api/programmes.schema.ts';
import { FLAG_REASONS } from '@promatlas/core/programmes/flags.ts';
import { MEASURE_FLAGS, MEASURE_STATUSES } from '@promatlas/core/domain/vocabulary.ts';
import type { TimelineBar } from './Timeline.tsx';
import type { Lang } from './work-i18n.ts';

/** The filters of the plan page, applied in the browser to the measures loaded once. */
export interface MeasureFilter {
  status: string;
  flag: string;
  owner: string;
  deadlineTo: string;
  theme: string;
}
export const NO_FILTER: MeasureFilter = {
  status: '',
  flag: '',
  owner: '',
  deadlineTo: '',
  theme: '',
};

export const ownerKey = (m: MeasureDto) => (m.owner ? `${m.owner.type}:${m.owner.id}` : '');

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
export function reasonIn(reason: string, lang: Lang): string {
  if (lang === 'ru') return reason;
  return Object.values(FLAG_REASONS).find((r) => r.ru === reason)?.en ?? reason;
}

export const statusLabel = (m: { status: MeasureDto['status'] }, lang: Lang) =>
  m.status ? MEASURE_STATUSES.label(m.status, lang) : lang === 'en' ? 'no data' : 'нет данных';

/**
 * A timeline row of a measure the plan page loaded: the same start (the first
 * day of its start) and end (the last day of its deadline) as the server's
 * timeline route, so the page need not ask for the same measures twice.
 */
export function timelineItemOf(m: MeasureDto): TimelineDto['items'][number] {
  return {
    id: m.id,
    title: m.title,
    theme: m.theme,
    start: m.start?.from ?? null,
    end: m.deadline?.to ?? null,
    status: m.status,
    flags: m.flags,
    progress: m.progress,
  };
}

/** The timeline's bars: measures with dates, coloured by flag first, then by status. */
export function timelineBars(items: TimelineDto['items'], lang: Lang): TimelineBar[] {
  return items.map((i) => ({
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
