import { contractIso } from './contract.ts';
import { splitSentences } from './sentences.ts';
import type {
  DateMention,
  DatePrecision,
  EventType,
  IntakeResult,
  OrganisationKind,
  OrganisationMention,
  PersonMention,
  PlaceLevel,
  Qualifier,
  Span,
} from './types.ts';

/**
 * Proposed facts of one document, built from the extractor's mentions: what a
 * reviewer accepts, edits or rejects. Pure; matching against the registry is
 * the server's. A thing mentioned several times is one proposal with several
 * mentions, and each proposal's key depends only on what it proposes (kind
 * and normalised identity), so running intake again on the same text gives
 * the same keys and nothing is proposed twice.
 */
export type ProposalKind = 'organisation' | 'person' | 'place' | 'event' | 'agreement' | 'fact';
export const PROPOSAL_KINDS: ProposalKind[] = [
  'organisation',
  'person',
  'place',
  'event',
  'agreement',
  'fact',
];

/** The kind of a highlighted mention (the extractor's arrays). */
export type MentionType =
  | 'organisation'
  | 'person'
  | 'place'
  | 'date'
  | 'money'
  | 'count'
  | 'percent'
  | 'event'
  | 'agreement';

export interface ProposalMention {
  start: number;
  end: number;
  type: MentionType;
}

export interface PartialDateValue {
  from: string;
  to: string;
  precision: DatePrecision;
}

export interface OrganisationProposalData {
  name: string;
  legalForm: string | null;
  kind: OrganisationKind;
  inn: string | null;
  ogrn: string | null;
  regionCode: string | null;
  /** How the region was found: in the name, the town after it, or the document's region. */
  regionFrom: 'name' | 'town' | 'document' | null;
  town: string | null;
}
export interface PersonProposalData {
  fullName: string;
  lastName: string;
  firstName: string | null;
  patronymic: string | null;
  positions: Array<{ title: string; organisation: string | null; organisationKey: string | null }>;
  regionCode: string | null;
}
export interface PlaceProposalData {
  normalized: string;
  level: PlaceLevel;
  regionCode: string | null;
}
export interface EventProposalData {
  type: EventType;
  title: string;
  date: PartialDateValue | null;
  /** Held when its date is on or before the publication date (or unknown), else planned. */
  status: 'held' | 'planned';
  regionCode: string | null;
  participants: Array<{ key: string; role: 'organiser' | 'opener' | 'participant' }>;
}
export interface AgreementProposalData {
  title: string;
  date: PartialDateValue | null;
  parties: Array<{ key: string | null; name: string; regionCode: string | null }>;
  signatories: Array<{ key: string | null; name: string }>;
}
export interface FactProposalData {
  /** The record the fact is about: an organisation proposal's key, or a region. */
  subject: { key: string | null; regionCode: string | null; label: string };
  property: 'amount_rub' | 'count' | 'percent';
  valueNumber: number;
  valueMax: number | null;
  qualifier: Qualifier;
  unit: string | null;
  /** What is counted ('резидентов'), or what the money is for when the sentence says. */
  of: string | null;
  asOf: PartialDateValue | null;
}

interface Base<K extends ProposalKind, D> {
  key: string;
  kind: K;
  /** One line a reviewer reads: «ОЭЗ «Липецк» — резидентов: 60 (на 14.03.2024)». */
  label: string;
  /** The sentence of the first mention, exactly as in the text. */
  quote: string;
  quoteStart: number;
  mentions: ProposalMention[];
  data: D;
}
export type Proposal =
  | Base<'organisation', OrganisationProposalData>
  | Base<'person', PersonProposalData>
  | Base<'place', PlaceProposalData>
  | Base<'event', EventProposalData>
  | Base<'agreement', AgreementProposalData>
  | Base<'fact', FactProposalData>;

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[«»"“”„'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const SUB_YEAR: Record<string, [string, string]> = {
  '21': ['03-01', '05-31'],
  '22': ['06-01', '08-31'],
  '23': ['09-01', '11-30'],
  '33': ['01-01', '03-31'],
  '34': ['04-01', '06-30'],
  '35': ['07-01', '09-30'],
  '36': ['10-01', '12-31'],
};
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const p2 = (n: number) => String(n).padStart(2, '0');

/** One bound of a date as a day range: '2024' → 2024-01-01..2024-12-31, '2024-03' → the month. */
function bounds(iso: string): [string, string] | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (m) return [iso, iso];
  m = /^(\d{4})-(2[1-4]|3[3-6])$/.exec(iso);
  if (m) {
    const y = Number(m[1]);
    if (m[2] === '24') return [`${y - 1}-12-01`, `${y}-02-${p2(lastDay(y, 2))}`];
    const [a, b] = SUB_YEAR[m[2]!]!;
    return [`${y}-${a}`, `${y}-${b}`];
  }
  m = /^(\d{4})-(\d{2})$/.exec(iso);
  if (m) return [`${iso}-01`, `${iso}-${p2(lastDay(Number(m[1]), Number(m[2])))}`];
  m = /^(\d{4})$/.exec(iso);
  if (m) return [`${iso}-01-01`, `${iso}-12-31`];
  return null;
}

/** The extractor's date as the registry's partial date (an inclusive day range and its precision). */
export function partialDateOf(iso: string, precision: DatePrecision): PartialDateValue | null {
  const [a, b] = iso.split('/');
  const from = bounds(a!);
  const to = b ? bounds(b) : from;
  if (!from || !to) return null;
  return { from: from[0], to: to[1], precision };
}

const IDENT = /(ИНН|ОГРН)\s*:?\s*(\d{10,15})/gu;

/** «ООО «Ромашка»» as a reviewer reads it. */
export function organisationLabel(
  name: string,
  legalForm: string | null,
  kind?: OrganisationKind,
): string {
  if (legalForm) return `${legalForm} «${name}»`;
  // A zone or a cluster is named by its type and its name in quotes, as the releases write it.
  if (kind === 'special_zone' && !/ОЭЗ|зон/iu.test(name)) return `ОЭЗ «${name}»`;
  if (kind === 'cluster' && !/кластер/iu.test(name)) return `кластер «${name}»`;
  return name;
}

function splitName(fullName: string): [string, string | null, string | null] {
  const parts = fullName.split(/\s+/);
  return [parts[0] ?? fullName, parts[1] ?? null, parts[2] ?? null];
}

const EVENT_TITLES: Record<EventType, string> = {
  strategic_session: 'Стратегическая сессия',
  setup_session: 'Установочная сессия',
  forum: 'Форум',
  agreement_signing: 'Подписание соглашения',
  meeting: 'Встреча',
  opening: 'Открытие',
  other: 'Мероприятие',
};

const RUB = (n: number) => {
  if (n >= 1e9) return `${(n / 1e9).toLocaleString('ru-RU', { maximumFractionDigits: 2 })} млрд ₽`;
  if (n >= 1e6) return `${(n / 1e6).toLocaleString('ru-RU', { maximumFractionDigits: 2 })} млн ₽`;
  return `${n.toLocaleString('ru-RU')} ₽`;
};
const QUALIFIER_RU: Record<Qualifier, string> = {
  exact: '',
  about: 'около ',
  more_than: 'более ',
  up_to: 'до ',
  range: '',
};
const fmtDay = (d: PartialDateValue | null) =>
  d
    ? d.from.split('-').reverse().join('.') +
      (d.to !== d.from ? '–' + d.to.split('-').reverse().join('.') : '')
    : '';

/** A federal subject named in a phrase the extractor normalised ('… Тамбовской области'). */
function regionNamedIn(phrase: string, r: IntakeResult): string | null {
  const n = norm(phrase);
  for (const p of r.places)
    if (p.level === 'subject' && p.regionCode && n.includes(norm(p.text))) return p.regionCode;
  return null;
}

export function buildProposals(
  text: string,
  r: IntakeResult,
  options: { published?: string | undefined } = {},
): Proposal[] {
  const sentences = splitSentences(text);
  const sentenceOf = (offset: number): Span =>
    sentences.find((s) => s.start <= offset && offset < s.end) ?? {
      text: text,
      start: 0,
      end: text.length,
    };
  const inside = (a: Span, b: Span) => a.start >= b.start && a.end <= b.end;

  // The document's region: the federal subject its places name most often.
  const regionVotes = new Map<string, number>();
  for (const p of r.places)
    if (p.regionCode) regionVotes.set(p.regionCode, (regionVotes.get(p.regionCode) ?? 0) + 1);
  const documentRegion = [...regionVotes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;

  const out: Proposal[] = [];
  const byKey = new Map<string, Proposal>();
  const add = (p: Proposal, mention: ProposalMention) => {
    const existing = byKey.get(p.key);
    if (existing) {
      existing.mentions.push(mention);
      return existing;
    }
    p.mentions.push(mention);
    byKey.set(p.key, p);
    out.push(p);
    return p;
  };
  const quoteOf = (m: Span) => {
    const s = sentenceOf(m.start);
    return { quote: s.text, quoteStart: s.start };
  };

  // Organisations.
  const orgKeyByName = new Map<string, string>();
  const orgKeyOf = (o: OrganisationMention) => `organisation:${norm(o.name)}`;
  for (const o of r.organisations) {
    const key = orgKeyOf(o);
    const sentence = sentenceOf(o.start);
    const inName = r.places.find((p) => inside(p, o) && p.regionCode);
    // '(г.Липецк)' right after the name: the organisation's town.
    const after = text.slice(o.end, o.end + 40);
    const town = /^\s*\((?:г\.|с\.|пос\.|п\.)?\s*[^)]{2,30}\)/u.test(after)
      ? r.places.find((p) => p.start > o.end && p.start < o.end + 30 && p.level !== 'subject')
      : undefined;
    let inn: string | null = null;
    let ogrn: string | null = null;
    for (const m of sentence.text.matchAll(IDENT)) {
      if (m[1] === 'ИНН' && !inn && /^\d{10}(\d{2})?$/.test(m[2]!)) inn = m[2]!;
      if (m[1] === 'ОГРН' && !ogrn && /^\d{13}(\d{2})?$/.test(m[2]!)) ogrn = m[2]!;
    }
    const regionCode = inName?.regionCode ?? town?.regionCode ?? documentRegion;
    const p = add(
      {
        key,
        kind: 'organisation',
        label: organisationLabel(o.name, o.legalForm, o.kind),
        ...quoteOf(o),
        mentions: [],
        data: {
          name: o.name,
          legalForm: o.legalForm,
          kind: o.kind,
          inn,
          ogrn,
          regionCode,
          regionFrom: inName
            ? 'name'
            : town?.regionCode
              ? 'town'
              : documentRegion
                ? 'document'
                : null,
          town: town?.normalized ?? null,
        },
      },
      { start: o.start, end: o.end, type: 'organisation' },
    );
    if (p.kind === 'organisation') {
      p.data.inn ??= inn;
      p.data.ogrn ??= ogrn;
      p.data.town ??= town?.normalized ?? null;
    }
    orgKeyByName.set(norm(o.name), key);
  }
  const orgKeyFor = (name: string | null) => (name ? (orgKeyByName.get(norm(name)) ?? null) : null);

  // People with their positions.
  const personKeyOf = (p: PersonMention) => `person:${norm(p.fullName)}`;
  for (const m of r.people) {
    const [lastName, firstName, patronymic] = splitName(m.fullName);
    const positions = m.positions.map((pos) => ({
      title: pos.title,
      organisation: pos.organisation,
      organisationKey: orgKeyFor(pos.organisation),
    }));
    // A position lies where its organisation does; else a region named in the sentence, else the document's.
    const orgRegion = positions
      .map((pos) => byKey.get(pos.organisationKey ?? ''))
      .map((o) => (o?.kind === 'organisation' ? o.data.regionCode : null))
      .find((c) => c !== null && c !== undefined);
    const titleRegion = m.positions
      .map((pos) => regionNamedIn(pos.title + ' ' + (pos.organisation ?? ''), r))
      .find((c) => c !== null);
    const positionRegion =
      orgRegion ??
      titleRegion ??
      r.places.find((pl) => pl.regionCode && inside(pl, sentenceOf(m.start)))?.regionCode ??
      documentRegion;
    const label =
      m.fullName +
      (positions.length
        ? ' — ' +
          positions
            .map((pos) => pos.title + (pos.organisation ? `, ${pos.organisation}` : ''))
            .join('; ')
        : '');
    const p = add(
      {
        key: personKeyOf(m),
        kind: 'person',
        label,
        ...quoteOf(m),
        mentions: [],
        data: {
          fullName: m.fullName,
          lastName,
          firstName,
          patronymic,
          positions,
          regionCode: positionRegion,
        },
      },
      { start: m.start, end: m.end, type: 'person' },
    );
    if (p.kind === 'person') {
      for (const pos of positions)
        if (
          !p.data.positions.some(
            (x) => x.title === pos.title && x.organisation === pos.organisation,
          )
        )
          p.data.positions.push(pos);
    }
  }

  // Places.
  for (const m of r.places) {
    add(
      {
        key: `place:${m.level}:${norm(m.normalized)}`,
        kind: 'place',
        label: m.normalized,
        ...quoteOf(m),
        mentions: [],
        data: { normalized: m.normalized, level: m.level, regionCode: m.regionCode },
      },
      { start: m.start, end: m.end, type: 'place' },
    );
  }

  const dateAt = (d: DateMention) => partialDateOf(d.iso, d.precision);
  const published = options.published ?? null;

  // Events: each dated mention of a type with a new date is an event; an undated mention is the
  // nearest event of its type before it (or the first after it); a type never dated is one event.
  // Participants are the organisations and people named from its sentence up to the next event.
  const eventMentions = r.events.filter(
    (e) => e.type !== 'agreement_signing' || r.agreements.length === 0,
  );
  const starts: typeof eventMentions = [];
  for (const e of eventMentions) {
    const sameType = starts.filter((x) => x.type === e.type);
    if (e.date !== null ? !sameType.some((x) => x.date === e.date) : sameType.length === 0)
      starts.push(e);
  }
  // An undated first mention gives way to the type's first dated one.
  for (let i = starts.length - 1; i >= 0; i--) {
    const e = starts[i]!;
    if (e.date === null && eventMentions.some((x) => x.type === e.type && x.date !== null))
      starts.splice(i, 1);
  }
  starts.sort((a, b) => a.start - b.start);
  const ownerOf = (x: (typeof eventMentions)[number]) => {
    const same = starts.filter((e) => e.type === x.type);
    if (x.date !== null) return same.find((e) => e.date === x.date);
    return [...same].reverse().find((e) => e.start <= x.start) ?? same[0];
  };
  for (const [i, e] of starts.entries()) {
    const sentence = sentenceOf(e.start);
    const next = starts[i + 1];
    const until = next ? sentenceOf(next.start).start : text.length;
    const d = e.date ? r.dates.find((x) => x.iso === e.date && inside(x, sentence)) : undefined;
    const date = d ? dateAt(d) : null;
    const status: 'held' | 'planned' =
      date && published && date.from > published ? 'planned' : 'held';
    const region =
      r.places.find((p) => p.level === 'subject' && p.regionCode && inside(p, sentence))
        ?.regionCode ?? documentRegion;
    const participants: EventProposalData['participants'] = [];
    const seen = new Set<string>();
    const from = Math.min(
      sentence.start,
      ...eventMentions.filter((x) => ownerOf(x) === e).map((x) => sentenceOf(x.start).start),
    );
    for (const o of r.organisations) {
      if (o.start < from || o.start >= until) continue;
      const key = orgKeyOf(o);
      if (seen.has(key)) continue;
      seen.add(key);
      participants.push({ key, role: inside(o, sentence) ? 'organiser' : 'participant' });
    }
    for (const m of r.people) {
      if (m.start < from || m.start >= until) continue;
      const key = personKeyOf(m);
      if (seen.has(key)) continue;
      seen.add(key);
      const opened = /открыл/iu.test(sentenceOf(m.start).text);
      participants.push({ key, role: opened ? 'opener' : 'participant' });
    }
    const title = `${EVENT_TITLES[e.type]}${date ? ' ' + fmtDay(date) : ''}`;
    const key = `event:${e.type}:${date ? date.from : ''}`;
    const p = add(
      {
        key,
        kind: 'event',
        label: title + (participants.length ? ` — участников: ${participants.length}` : ''),
        ...quoteOf(e),
        mentions: [],
        data: { type: e.type, title, date, status, regionCode: region, participants },
      },
      { start: e.start, end: e.end, type: 'event' },
    );
    for (const x of eventMentions)
      if (x !== e && ownerOf(x) === e)
        p.mentions.push({ start: x.start, end: x.end, type: 'event' });
  }

  // Agreements.
  for (const a of r.agreements) {
    const d = a.date ? r.dates.find((x) => x.iso === a.date) : undefined;
    const date = d ? dateAt(d) : null;
    const parties = a.parties.map((name) => {
      const place = r.places.find((p) => p.normalized === name && p.level === 'subject');
      return { key: orgKeyFor(name), name, regionCode: place?.regionCode ?? null };
    });
    const signatories = a.signatories.map((name) => {
      const person = r.people.find((p) => p.fullName === name);
      return { key: person ? personKeyOf(person) : null, name };
    });
    const title = `Соглашение: ${a.parties.join(' — ') || 'стороны не названы'}`;
    add(
      {
        key: `agreement:${norm(a.parties.join(' '))}:${date?.from ?? ''}`,
        kind: 'agreement',
        label: title + (date ? ` (${fmtDay(date)})` : ''),
        ...quoteOf(a),
        mentions: [],
        data: { title, date, parties, signatories },
      },
      { start: a.start, end: a.end, type: 'agreement' },
    );
  }

  // Facts: money, counts, percents, each about the organisation (or region) named nearest before it in its sentence.
  const nearestSubject = (at: Span): FactProposalData['subject'] => {
    const s = sentenceOf(at.start);
    const orgs = r.organisations.filter((o) => inside(o, s));
    // A cluster, a zone or a company is what a figure is about; a ministry or a department is who
    // gives the support, so it is the subject only when nothing else is named.
    const rank = (o: OrganisationMention) =>
      o.kind === 'cluster' || o.kind === 'special_zone' ? 0 : o.kind === 'government' ? 2 : 1;
    const o = [...orgs].sort(
      (a, b) =>
        rank(a) - rank(b) ||
        Number(a.end > at.start) - Number(b.end > at.start) ||
        Math.abs(at.start - a.end) - Math.abs(at.start - b.end),
    )[0];
    // A bare «ОЭЗ» or «ТОР» is the zone named last before it.
    const zone =
      o && /^(ОЭЗ|ТОР|ТОСЭР)$/u.test(o.name)
        ? r.organisations.filter((x) => x.kind === 'special_zone' && x.end <= o.start).at(-1)
        : undefined;
    const subject = zone ?? o;
    if (subject)
      return {
        key: orgKeyOf(subject),
        regionCode: null,
        label: organisationLabel(subject.name, subject.legalForm, subject.kind),
      };
    const place = r.places.find((p) => p.level === 'subject' && p.regionCode && inside(p, s));
    if (place) return { key: null, regionCode: place.regionCode, label: place.normalized };
    const named = r.places.find((p) => p.level === 'subject' && p.regionCode === documentRegion);
    return { key: null, regionCode: documentRegion, label: named?.normalized ?? '—' };
  };
  const asOfFor = (at: Span): PartialDateValue | null => {
    const s = sentenceOf(at.start);
    const d = r.dates.find((x) => inside(x, s));
    if (d) return dateAt(d);
    return published ? { from: published, to: published, precision: 'day' } : null;
  };
  const fact = (
    m: Span,
    type: MentionType,
    property: FactProposalData['property'],
    value: number,
    valueMax: number | null,
    qualifier: Qualifier,
    unit: string | null,
    of: string | null,
    shown: string,
  ) => {
    const subject = nearestSubject(m);
    const asOf = asOfFor(m);
    const label = `${subject.label} — ${of ? of + ': ' : ''}${shown}${asOf ? ` (на ${fmtDay(asOf)})` : ''}`;
    add(
      {
        key: `fact:${subject.key ?? 'region:' + (subject.regionCode ?? '')}:${property}:${value}:${norm(of ?? '')}`,
        kind: 'fact',
        label,
        ...quoteOf(m),
        mentions: [],
        data: { subject, property, valueNumber: value, valueMax, qualifier, unit, of, asOf },
      },
      { start: m.start, end: m.end, type },
    );
  };
  for (const m of r.money) {
    const shown =
      QUALIFIER_RU[m.qualifier] +
      (m.amountRubMax !== null ? `${RUB(m.amountRub)}–${RUB(m.amountRubMax)}` : RUB(m.amountRub));
    fact(m, 'money', 'amount_rub', m.amountRub, m.amountRubMax, m.qualifier, 'RUB', null, shown);
  }
  for (const m of r.counts) {
    // A count of years is a duration, not a fact about the subject ('на ближайшие три года').
    if (/^(год|года|лет)$/iu.test(m.of) && m.qualifier !== 'range') continue;
    // A number inside a name ('ООО «Ромашка 5»') or before a legal form counts nothing.
    if (r.organisations.some((o) => o.start < m.end && m.start < o.end)) continue;
    if (!/\p{Ll}/u.test(m.of)) continue;
    const shown =
      QUALIFIER_RU[m.qualifier] +
      (m.valueMax !== null ? `${m.value}–${m.valueMax}` : String(m.value));
    fact(m, 'count', 'count', m.value, m.valueMax, m.qualifier, null, m.of, shown);
  }
  for (const m of r.percents)
    fact(
      m,
      'percent',
      'percent',
      m.value,
      null,
      m.qualifier,
      '%',
      null,
      `${QUALIFIER_RU[m.qualifier]}${m.value} %`,
    );

  return out;
}

/** Every mention of the text for highlighting, by type (dates too, which propose nothing alone). */
export function highlightMentions(r: IntakeResult): ProposalMention[] {
  const all: ProposalMention[] = [
    ...r.organisations.map((m) => ({ start: m.start, end: m.end, type: 'organisation' as const })),
    ...r.people.map((m) => ({ start: m.start, end: m.end, type: 'person' as const })),
    ...r.places.map((m) => ({ start: m.start, end: m.end, type: 'place' as const })),
    ...r.dates.map((m) => ({ start: m.start, end: m.end, type: 'date' as const })),
    ...r.money.map((m) => ({ start: m.start, end: m.end, type: 'money' as const })),
    ...r.counts.map((m) => ({ start: m.start, end: m.end, type: 'count' as const })),
    ...r.percents.map((m) => ({ start: m.start, end: m.end, type: 'percent' as const })),
    ...r.events.map((m) => ({ start: m.start, end: m.end, type: 'event' as const })),
  ];
  return all.sort((a, b) => a.start - b.start || b.end - a.end);
}

export { contractIso };
