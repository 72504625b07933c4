import type {
  AgreementMention,
  CountMention,
  DateMention,
  EventMention,
  IntakeResult,
  MoneyMention,
  OrganisationMention,
  PercentMention,
  PersonMention,
  PlaceMention,
} from './types.ts';

/**
 * The published JSON of `promatlas intake extract` (and of the intake API's
 * mentions): exactly the keys the contract lists, every one present on every
 * item (null where unknown), and `iso` always `YYYY-MM-DD`, `YYYY-MM` or
 * `YYYY`. The extractor keeps richer values internally (an ISO 8601-2 season
 * or quarter code, a `start/end` interval, a count's upper bound); they are
 * reduced here, and only here.
 */
export interface IntakeContract {
  organisations: Array<
    Pick<OrganisationMention, 'text' | 'start' | 'end' | 'name' | 'legalForm' | 'kind'>
  >;
  people: Array<Pick<PersonMention, 'text' | 'start' | 'end' | 'fullName' | 'positions'>>;
  places: Array<
    Pick<PlaceMention, 'text' | 'start' | 'end' | 'normalized' | 'level' | 'regionCode'>
  >;
  dates: Array<Pick<DateMention, 'text' | 'start' | 'end' | 'iso' | 'precision'>>;
  money: Array<
    Pick<MoneyMention, 'text' | 'start' | 'end' | 'amountRub' | 'amountRubMax' | 'qualifier'>
  >;
  counts: Array<Pick<CountMention, 'text' | 'start' | 'end' | 'value' | 'qualifier' | 'of'>>;
  percents: Array<Pick<PercentMention, 'text' | 'start' | 'end' | 'value' | 'qualifier'>>;
  events: Array<Pick<EventMention, 'text' | 'start' | 'end' | 'type' | 'date'>>;
  agreements: Array<
    Pick<AgreementMention, 'text' | 'start' | 'end' | 'parties' | 'signatories' | 'date'>
  >;
}

/** First month of each ISO 8601-2 sub-year code: seasons 21–24 (spring…winter), quarters 33–36. */
const SUB_YEAR_START: Record<string, string> = {
  '21': '03',
  '22': '06',
  '23': '09',
  // Winter of a year begins in the December before it (dates/partial-date.ts).
  '24': '12',
  '33': '01',
  '34': '04',
  '35': '07',
  '36': '10',
};

/**
 * A date as the contract gives it: a day, a month or a year. A season or a
 * quarter becomes the month it starts in; a range becomes its start, at the
 * start's own coarseness ('2013-10-09/2013-10-10' → '2013-10-09',
 * '2020/2022' → '2020'). The mention's precision still says season, quarter
 * or range.
 */
export function contractIso(iso: string): string {
  const start = iso.split('/')[0]!;
  const sub = /^(\d{4})-(2[1-4]|3[3-6])$/.exec(start);
  if (!sub) return start;
  const year = sub[2] === '24' ? Number(sub[1]) - 1 : Number(sub[1]);
  return `${year}-${SUB_YEAR_START[sub[2]!]}`;
}

const span = (m: { text: string; start: number; end: number }) => ({
  text: m.text,
  start: m.start,
  end: m.end,
});

export function toIntakeContract(r: IntakeResult): IntakeContract {
  return {
    organisations: r.organisations.map((m) => ({
      ...span(m),
      name: m.name,
      legalForm: m.legalForm ?? null,
      kind: m.kind,
    })),
    people: r.people.map((m) => ({
      ...span(m),
      fullName: m.fullName,
      positions: m.positions.map((p) => ({ title: p.title, organisation: p.organisation ?? null })),
    })),
    places: r.places.map((m) => ({
      ...span(m),
      normalized: m.normalized,
      level: m.level,
      regionCode: m.regionCode ?? null,
    })),
    dates: r.dates.map((m) => ({ ...span(m), iso: contractIso(m.iso), precision: m.precision })),
    money: r.money.map((m) => ({
      ...span(m),
      amountRub: m.amountRub,
      amountRubMax: m.amountRubMax ?? null,
      qualifier: m.qualifier,
    })),
    counts: r.counts.map((m) => ({ ...span(m), value: m.value, qualifier: m.qualifier, of: m.of })),
    percents: r.percents.map((m) => ({ ...span(m), value: m.value, qualifier: m.qualifier })),
    events: r.events.map((m) => ({
      ...span(m),
      type: m.type,
      date: m.date === null ? null : contractIso(m.date),
    })),
    agreements: r.agreements.map((m) => ({
      ...span(m),
      parties: [...m.parties],
      signatories: [...m.signatories],
      date: m.date === null ? null : contractIso(m.date),
    })),
  };
}

/** The keys of every item, per array, in the contract's order (tests compare against it). */
export const INTAKE_CONTRACT_KEYS = {
  organisations: ['text', 'start', 'end', 'name', 'legalForm', 'kind'],
  people: ['text', 'start', 'end', 'fullName', 'positions'],
  places: ['text', 'start', 'end', 'normalized', 'level', 'regionCode'],
  dates: ['text', 'start', 'end', 'iso', 'precision'],
  money: ['text', 'start', 'end', 'amountRub', 'amountRubMax', 'qualifier'],
  counts: ['text', 'start', 'end', 'value', 'qualifier', 'of'],
  percents: ['text', 'start', 'end', 'value', 'qualifier'],
  events: ['text', 'start', 'end', 'type', 'date'],
  agreements: ['text', 'start', 'end', 'parties', 'signatories', 'date'],
} as const satisfies Record<keyof IntakeContract, readonly string[]>;
