import type { User } from '@promatlas/core/api/accounts.schema.ts';
import type { PartialDate } from '@promatlas/core/dates/partial-date.ts';
import type { Event } from '@promatlas/core/api/registry.schema.ts';
import type { EventWork } from '@promatlas/core/api/programmes.schema.ts';
import { fromPartialDate, toPartialDate, type DateValue } from '../../shared/form/dates.tsx';
import { formatDate } from '../../shared/lib/format.ts';
import type { ComparedField } from '../../shared/record-form/ConflictDialog.tsx';
import { linesOf, nullIfEmpty } from '../../shared/record-form/convert.ts';
import type { Picked } from './pickers.tsx';

/** The event as its form holds it: strings, one list item per line. */
export interface EventValues extends Record<string, unknown> {
  kind: string;
  status: string;
  title: string;
  date: DateValue;
  /** The last day of a multi-day event (9–10 October), empty for one day or a month. */
  dateTo: string;
  place: string;
  regionCode: string;
  agenda: string;
  participantCategories: string;
  topics: string;
  goals: string;
  outcomes: string;
  plannedParticipants: string;
  follows: Picked | null;
  published: boolean;
}

export const emptyEvent = (user: User): EventValues => ({
  kind: 'strategic_session',
  status: 'planned',
  title: '',
  date: { precision: 'day', value: '' },
  dateTo: '',
  place: '',
  regionCode: user.role === 'regional_editor' ? (user.regions[0] ?? '') : '',
  agenda: '',
  participantCategories: '',
  topics: '',
  goals: '',
  outcomes: '',
  plannedParticipants: '',
  follows: null,
  published: true,
});

export function eventValues(event: Event, work: EventWork): EventValues {
  const ranged = event.date?.precision === 'range';
  return {
    kind: event.kind,
    status: event.status,
    title: event.title,
    date: ranged ? { precision: 'day', value: event.date!.from } : fromPartialDate(event.date),
    dateTo: ranged ? event.date!.to : '',
    place: event.place ?? '',
    regionCode: event.region?.code ?? '',
    agenda: work.agenda ?? '',
    participantCategories: event.participantCategories.join('\n'),
    topics: event.topics.join('\n'),
    goals: event.goals.join('\n'),
    outcomes: event.outcomes.join('\n'),
    plannedParticipants: work.plannedParticipants === null ? '' : String(work.plannedParticipants),
    follows: event.follows ? { id: Number(event.follows.id), title: event.follows.title } : null,
    published: work.published,
  };
}

function dateOf(values: EventValues): PartialDate | null | undefined {
  const start = toPartialDate(values.date);
  if (!start || !values.dateTo) return start;
  return { from: start.from, to: values.dateTo, precision: 'range' };
}

export function eventInput(values: EventValues) {
  const planned = values.plannedParticipants.trim();
  return {
    kind: values.kind,
    status: values.status,
    title: values.title,
    date: dateOf(values) ?? null,
    place: nullIfEmpty(values.place),
    regionCode: values.regionCode || null,
    agenda: values.agenda.trim() ? values.agenda : null,
    participantCategories: linesOf(values.participantCategories),
    topics: linesOf(values.topics),
    goals: linesOf(values.goals),
    outcomes: linesOf(values.outcomes),
    plannedParticipants: planned === '' ? null : Number(planned),
    followsEventId: values.follows?.id ?? null,
    published: values.published,
  };
}

/** The fields the conflict dialog shows side by side. */
export function comparedFields(
  t: (ru: string, en: string) => string,
  mine: EventValues,
  theirs: EventValues,
): ComparedField[] {
  const a = eventInput(mine);
  const b = eventInput(theirs);
  const show = (key: keyof ReturnType<typeof eventInput>, v: ReturnType<typeof eventInput>) => {
    const value = v[key];
    if (key === 'date') return formatDate(value as PartialDate | null) ?? '';
    if (Array.isArray(value)) return value.join('; ');
    if (typeof value === 'boolean') return value ? t('да', 'yes') : t('нет', 'no');
    return value === null || value === undefined ? '' : String(value);
  };
  const rows: Array<[string, keyof ReturnType<typeof eventInput>]> = [
    [t('Название', 'Title'), 'title'],
    [t('Вид', 'Kind'), 'kind'],
    [t('Статус', 'Status'), 'status'],
    [t('Дата', 'Date'), 'date'],
    [t('Место', 'Place'), 'place'],
    [t('Регион', 'Region'), 'regionCode'],
    [t('Повестка', 'Agenda'), 'agenda'],
    [t('Темы', 'Topics'), 'topics'],
    [t('Цели', 'Goals'), 'goals'],
    [t('Итоги', 'Outcomes'), 'outcomes'],
    [t('Категории участников', 'Participant categories'), 'participantCategories'],
    [t('Планируемое число участников', 'Planned participants'), 'plannedParticipants'],
    [t('Продолжение мероприятия', 'Follows event'), 'followsEventId'],
  ];
  return rows.map(([label, key]) => ({
    label,
    mine: key === 'followsEventId' ? (mine.follows?.title ?? '') : show(key, a),
    theirs: key === 'followsEventId' ? (theirs.follows?.title ?? '') : show(key, b),
  }));
}
