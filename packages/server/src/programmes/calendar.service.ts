import ICAL from 'ical.js';
import { EVENT_KINDS } from '@promatlas/core/domain/vocabulary.ts';
import type { Db } from '../db/connection.ts';
import { loadDeadlines } from '../registry/action-plans/index.ts';
import { calendarEvents } from './programme-views.repository.ts';

/**
 * The iCalendar feed (RFC 5545) a person subscribes to in Outlook or a phone
 * calendar: events as all-day entries over their dates, and measure
 * deadlines as all-day entries on the deadline's last day. UIDs are stable
 * (`event-<id>@promatlas`, `deadline-<id>@promatlas`) so a calendar updates
 * an entry instead of adding a copy when the feed changes; every entry's
 * DTSTAMP is its record's last change, so the same data gives the same text
 * (and the same ETag) on every node and at every request.
 */
export interface CalendarOptions {
  region?: string | undefined;
  planId?: number | undefined;
  baseUrl: string;
  /** The most events the feed carries. */
  limit?: number;
}

const CALENDAR_NAME = 'PromAtlas — мероприятия и сроки';

/** `2025-03-01` → the ical.js value of an all-day date. */
const date = (iso: string) => iso.slice(0, 10);
const nextDay = (iso: string) =>
  new Date(Date.parse(`${date(iso)}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
/** A timestamp → a UTC DATE-TIME value (ical.js writes it as 20250101T100000Z). */
const stamp = (value: string | Date) => `${new Date(value).toISOString().slice(0, 19)}Z`;

type Property = [string, Record<string, string>, string, string | number];
type Component = [string, Property[], Component[]];

/** One all-day VEVENT as jCal (RFC 7265), which ical.js writes as RFC 5545 text. */
function allDay(e: {
  uid: string;
  stamp: string;
  from: string;
  toExclusive: string;
  summary: string;
  description: string;
  location?: string | null;
  url?: string | null;
}): Component {
  const props: Property[] = [
    ['uid', {}, 'text', e.uid],
    ['sequence', {}, 'integer', 0],
    ['dtstamp', {}, 'date-time', e.stamp],
    ['dtstart', {}, 'date', e.from],
    ['dtend', {}, 'date', e.toExclusive],
    // Outlook shows an entry as all-day only with these.
    ['x-microsoft-cdo-alldayevent', {}, 'unknown', 'TRUE'],
    ['x-microsoft-msncalendar-alldayevent', {}, 'unknown', 'TRUE'],
    ['summary', {}, 'text', e.summary],
  ];
  if (e.location) props.push(['location', {}, 'text', e.location]);
  if (e.description) props.push(['description', {}, 'text', e.description]);
  if (e.url) props.push(['url', {}, 'uri', e.url]);
  return ['vevent', props, []];
}

/**
 * The feed's text. The entries are built as jCal arrays and written by
 * ical.js's stringifier (escaping, UTF-8 line folding at 75 octets, CRLF):
 * for 9,000 entries about a third of the CPU time of building them as
 * ical-generator objects, whose text writer was most of the feed's cost.
 */
export async function calendarFeed(db: Db, o: CalendarOptions): Promise<string> {
  const entries: Component[] = [];
  if (o.planId === undefined) {
    for (const e of await calendarEvents(db, o.region, o.limit ?? 10_000)) {
      if (!e.valid_from || !e.valid_to) continue;
      entries.push(
        allDay({
          uid: `event-${e.id}@promatlas`,
          stamp: stamp(e.updated_at as unknown as string | Date),
          from: date(e.valid_from),
          toExclusive: nextDay(e.valid_to),
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
        }),
      );
    }
  }
  const deadlines = await loadDeadlines(
    db,
    o.planId !== undefined ? { planId: o.planId } : o.region ? { region: o.region } : {},
  );
  for (const m of deadlines)
    entries.push(
      allDay({
        uid: `deadline-${m.id}@promatlas`,
        stamp: stamp(m.updatedAt),
        from: date(m.deadline),
        toExclusive: nextDay(m.deadline),
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
      }),
    );
  const calendar: Component = [
    'vcalendar',
    [
      ['version', {}, 'text', '2.0'],
      ['prodid', {}, 'text', '-//PromAtlas//programmes//RU'],
      ['method', {}, 'text', 'PUBLISH'],
      ['name', {}, 'unknown', CALENDAR_NAME],
      ['x-wr-calname', {}, 'unknown', CALENDAR_NAME],
    ],
    entries,
  ];
  return ICAL.stringify(calendar as unknown as Parameters<typeof ICAL.stringify>[0]);
}
