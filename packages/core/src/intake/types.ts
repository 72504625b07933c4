/** What the intake extractor proposes for one text. Offsets are JavaScript string indices, end exclusive. */
export interface Span {
  text: string;
  start: number;
  end: number;
}

export type Qualifier = 'exact' | 'about' | 'more_than' | 'up_to' | 'range';

export type OrganisationKind =
  | 'company'
  | 'government'
  | 'education'
  | 'science'
  | 'association'
  | 'cluster'
  | 'special_zone'
  | 'media'
  | 'political'
  | 'other';

export interface OrganisationMention extends Span {
  name: string;
  /** ОКОПФ abbreviation as in core's legal-forms table ('ООО', 'ОАУ'), or null. */
  legalForm: string | null;
  kind: OrganisationKind;
}

export interface Position {
  title: string;
  organisation: string | null;
}

export interface PersonMention extends Span {
  /** Surname first, nominative: 'Шпиленко Андрей Викторович', 'Егоров Максим'. */
  fullName: string;
  positions: Position[];
}

export type PlaceLevel = 'country' | 'subject' | 'city' | 'municipality' | 'settlement' | 'other';

export interface PlaceMention extends Span {
  normalized: string;
  level: PlaceLevel;
  /** Federal subject code from core's region table (for a subject, or the subject a city is in). */
  regionCode: string | null;
}

export type DatePrecision = 'day' | 'month' | 'season' | 'quarter' | 'year' | 'range';

export interface DateMention extends Span {
  /**
   * 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' by precision; a season or quarter in the
   * ISO 8601-2 (EDTF) sub-year form 'YYYY-21'…'YYYY-24' (spring…winter),
   * 'YYYY-33'…'YYYY-36' (Q1…Q4); a range as an ISO 8601 interval 'start/end'.
   */
  iso: string;
  precision: DatePrecision;
}

export interface MoneyMention extends Span {
  amountRub: number;
  amountRubMax: number | null;
  qualifier: Qualifier;
}

export interface CountMention extends Span {
  value: number;
  /** Upper bound of a range ('от 14 до 35 лет'), otherwise null. */
  valueMax: number | null;
  qualifier: Qualifier;
  /** What is counted, as written after the number: 'резидентов', 'новых завода'. */
  of: string;
}

export interface PercentMention extends Span {
  value: number;
  qualifier: Qualifier;
}

export type EventType =
  | 'strategic_session'
  | 'setup_session'
  | 'forum'
  | 'agreement_signing'
  | 'meeting'
  | 'opening'
  | 'other';

export interface EventMention extends Span {
  type: EventType;
  /** iso of the date stated in the same sentence, if any. */
  date: string | null;
}

export interface AgreementMention extends Span {
  parties: string[];
  signatories: string[];
  date: string | null;
}

export interface IntakeResult {
  organisations: OrganisationMention[];
  people: PersonMention[];
  places: PlaceMention[];
  dates: DateMention[];
  money: MoneyMention[];
  counts: CountMention[];
  percents: PercentMention[];
  events: EventMention[];
  agreements: AgreementMention[];
}

export interface IntakeOptions {
  /** Publication date 'YYYY-MM-DD': resolves '9 июля', 'в четверг', 'весной'. */
  published?: string;
}
