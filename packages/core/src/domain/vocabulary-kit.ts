/** The shape of a controlled vocabulary: values with a Russian and an English label. */

/** A label in both languages of the interface and the API. */
export interface Term {
  ru: string;
  en: string;
}

export type Locale = keyof Term;

export interface Vocabulary<K extends string> {
  /** The stored values, in display order; the tuple `z.enum` wants. */
  values: readonly [K, ...K[]];
  /** Both labels of every value. */
  terms: Readonly<Record<K, Term>>;
  /** Russian labels (the interface language). */
  labels: Readonly<Record<K, string>>;
  /** English labels (API clients, exports). */
  labelsEn: Readonly<Record<K, string>>;
  /** Whether a stored string is one of the values. */
  has(value: string): value is K;
  /** The label of a value; an unknown value is returned as it is rather than hidden. */
  label(value: string | null | undefined, locale?: Locale): string;
}

export function vocabulary<const T extends Record<string, Term>>(
  terms: T,
): Vocabulary<keyof T & string> {
  type K = keyof T & string;
  const values = Object.keys(terms) as K[];
  const pick = (locale: Locale) =>
    Object.fromEntries(values.map((v) => [v, terms[v]![locale]])) as Record<K, string>;
  const has = (value: string): value is K => Object.hasOwn(terms, value);
  return {
    values: values as [K, ...K[]],
    terms,
    labels: pick('ru'),
    labelsEn: pick('en'),
    has,
    label: (value, locale = 'ru') => (value ? (has(value) ? terms[value]![locale] : value) : ''),
  };
}

/** The value type of a vocabulary: `ValueOf<typeof SITE_KINDS>` is `'sez' | 'technopark' | …`. */
export type ValueOf<V> = V extends Vocabulary<infer K> ? K : never;
