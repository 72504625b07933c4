import ical, { ICalCalendarMethod } from 'ical-generator';
import { EVENT_KINDS } from '@promatlas/core/domain/vocabulary.ts';
import type { Db } from '../db/connection.ts';
import { loadDeadlines } from '../registry/action-plans/index.ts';
import { calendarEvents } from './programme-views.repository.ts';

/**
 * The iCalendar feed (RFC 5545) a person subscribes to in Outlook or a phone
 * calendar: events as all-day entries over their dates, and measure
 * deadlines as all-day entries on the deadline's last day. UIDs are stable
 * (`event-<id>@promatlas`, `deadline-<id>@promatlas`) so a calendar updates
 * an entry instead of adding a copy when the feed changes.
 */
export interface CalendarOptions {
  region?: string | undefined;
  planId?: number | undefined;
  baseUrl: string;
  today: string;
  /** The most events the feed carries. */
  limit?: number;
}

const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export async function calendarFeed(db: Db, o: CalendarOptions): Promise<string> {
  const cal = ical({
    name: 'PromAtlas — мероприятия и сроки',
    prodId: { company: 'PromAtlas', product: 'programmes', language: 'RU' },
    method: ICalCalendarMethod.PUBLISH,
  });
  if (o.planId === undefined) {
    for (const e of await calendarEvents(db, o.region, o.limit ?? 10_000)) {
      if (!e.valid_from || !e.valid_to) continue;
      cal.createEvent({
        id: `event-${e.id}@promatlas`,
        start: day(e.valid_from),
        end: nextDay(e.valid_to),
        allDay: true,
        summary: e.title,
        description: [
          EVENT_KINDS.label(e.kind),
          e.valid_precision !== 'day' && e.valid_precision !== 'range'
            ? 'Дата указана приблизительно'
            : null,
        ]
          .filter(Boolean)
          .join('. '),
        location: [e.place, e.region_name].filter(Boolean).join(', ') || null,
        url: `${o.baseUrl}/events/${e.id}`,
        stamp: new Date(e.updated_at as unknown as string | Date),
      });
    }
  }
  const deadlines = await loadDeadlines(
    db,
    o.planId !== undefined ? { planId: o.planId } : o.region ? { region: o.region } : {},
  );
  for (const m of deadlines) {
    cal.createEvent({
      id: `deadline-${m.id}@promatlas`,
      start: day(m.deadline),
      end: nextDay(m.deadline),
      allDay: true,
      summary: `Срок: ${m.title}`,
      description: [
        m.plan
          ? `План: ${m.plan.title}`
          : m.agreementTitle
            ? `Соглашение: ${m.agreementTitle}`
            : null,
        m.ownerTitle ? `Ответственный: ${m.ownerTitle}` : null,
        `Статус: ${m.statusLabel}`,
      ]
        .filter(Boolean)
        .join('\n'),
      url: m.plan ? `${o.baseUrl}/action-plans/${m.plan.id}` : null,
    });
  }
  return cal.toString();
}
