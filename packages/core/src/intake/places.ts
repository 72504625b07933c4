import { FEDERAL_SUBJECTS, type FederalSubject } from '../regions/federal-subjects.ts';
import {
  COUNTRIES,
  COUNTRY_CANONICAL,
  FOREIGN_CITIES,
  NOT_COUNTRY,
  PLACE_DESCRIPTORS,
  RUSSIAN_CITIES,
} from './gazetteer-places.ts';
import { adjectiveToNominative, phraseForms, wordForms } from './inflect.ts';
import { fold, type Token } from './tokens.ts';
import type { PlaceLevel, PlaceMention } from './types.ts';

interface PlaceEntry {
  normalized: string;
  level: PlaceLevel;
  regionCode: string | null;
}

/** 'Египет|Египта,Египте' → the name and its extra case forms. */
function splitEntry(entry: string): { name: string; extra: string[] } {
  const [name, extra] = entry.split('|');
  return { name: name!, extra: extra === undefined ? [] : extra.split(',').filter(Boolean) };
}

function subjectForms(spelling: string): string[] {
  // 'Республика Татарстан': only 'Республика' declines; '… — Чувашия', '(Якутия)' parts are dropped.
  const plain = spelling
    .replace(/\s*\(.*\)\s*/g, ' ')
    .replace(/\s+—.*$/, '')
    .trim();
  const words = plain.split(' ');
  if (/^республика$/i.test(words[0] ?? '') && words.length > 1) {
    const rest = words.slice(1).join(' ');
    return wordForms(words[0]!).map((f) => `${f} ${rest}`);
  }
  return phraseForms(plain);
}

function buildIndex(): Map<string, PlaceEntry> {
  const index = new Map<string, PlaceEntry>();
  const add = (form: string, entry: PlaceEntry, override = false) => {
    const key = fold(form).replace(/\s*-\s*/g, '-');
    if (override || !index.has(key)) index.set(key, entry);
  };
  for (const c of COUNTRIES) {
    const { name, extra } = splitEntry(c);
    const canonical = COUNTRY_CANONICAL[name] ?? name;
    const entry: PlaceEntry = {
      normalized: canonical,
      level: NOT_COUNTRY.has(name) ? 'other' : 'country',
      regionCode: null,
    };
    const forms = c.includes('|') ? [name, ...extra] : phraseForms(name);
    for (const f of forms) add(f, entry);
  }
  for (const c of FOREIGN_CITIES) {
    const { name, extra } = splitEntry(c);
    const entry: PlaceEntry = { normalized: name, level: 'city', regionCode: null };
    for (const f of c.includes('|') ? [name, ...extra] : phraseForms(name)) add(f, entry);
  }
  for (const [c, code] of Object.entries(RUSSIAN_CITIES)) {
    const { name, extra } = splitEntry(c);
    const entry: PlaceEntry = { normalized: name, level: 'city', regionCode: code };
    for (const f of c.includes('|') ? [name, ...extra] : phraseForms(name)) add(f, entry);
  }
  for (const s of FEDERAL_SUBJECTS) {
    const entry = subjectEntry(s);
    for (const spelling of new Set([s.name, s.shortName, ...s.aliases])) {
      if (/\d/.test(spelling)) continue;
      for (const f of subjectForms(spelling)) add(f, entry, true);
    }
  }
  return index;
}

function subjectEntry(s: FederalSubject): PlaceEntry {
  return { normalized: s.name, level: 'subject', regionCode: s.code };
}

let INDEX: Map<string, PlaceEntry> | undefined;
function index(): Map<string, PlaceEntry> {
  INDEX ??= buildIndex();
  return INDEX;
}

const DESCRIPTORS = new Map<string, string>();
for (const d of PLACE_DESCRIPTORS) {
  const { name, extra } = splitEntry(d);
  for (const f of d.includes('|') ? [name, ...extra] : wordForms(name))
    DESCRIPTORS.set(fold(f), name);
}

/** Descriptors written before a name in the nominative ('реке Славянка'): the name keeps its form. */
const DESCRIPTORS_BEFORE = new Map<string, string>();
for (const d of [
  'река',
  'район',
  'штат',
  'город',
  'поселок',
  'посёлок',
  'село|села,селе,селу',
  'деревня',
  'станица',
  'площадь',
  'улица',
  'проспект',
  'остров',
  'провинция',
  'озеро|озера,озере,озеру',
  'остров',
  'пролив',
  'залив',
  'полуостров',
  'область',
  'округ',
  'регион',
]) {
  const { name, extra } = splitEntry(d);
  for (const f of d.includes('|') ? [name, ...extra] : wordForms(name))
    DESCRIPTORS_BEFORE.set(fold(f), name);
}

const FEMININE_DESCRIPTORS = new Set([
  'площадь',
  'улица',
  'набережная',
  'река',
  'деревня',
  'станица',
]);
const NEUTER_DESCRIPTORS = new Set(['озеро', 'море', 'шоссе', 'село']);

const COUNTRY_ADJECTIVES: [RegExp, string][] = [
  [/^белорусск/, 'Беларусь'],
  [/^российск/, 'Россия'],
  [/^китайск/, 'Китай'],
  [/^американск/, 'США'],
  [/^(немецк|германск)/, 'Германия'],
  [/^французск/, 'Франция'],
  [/^итальянск/, 'Италия'],
  [/^японск/, 'Япония'],
  [/^казахстанск/, 'Казахстан'],
  [/^украинск/, 'Украина'],
  [/^турецк/, 'Турция'],
  [/^индийск/, 'Индия'],
  [/^южнокорейск/, 'Южная Корея'],
  [/^британск/, 'Великобритания'],
  [/^финск/, 'Финляндия'],
  [/^шведск/, 'Швеция'],
  [/^узбекск/, 'Узбекистан'],
  [/^армянск/, 'Армения'],
  [/^иранск/, 'Иран'],
];
function countryOfAdjective(word: string): string | undefined {
  if (!/(ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|им|ими)$/.test(word)) return undefined;
  return COUNTRY_ADJECTIVES.find(([re]) => re.test(word))?.[1];
}
const ORG_NOUN_AFTER_ADJECTIVE =
  /^(холдинг|компани|концерн|корпораци|групп|завод|производител|банк|фирм|инвестор|предприяти|партнер|партнёр)/;

/** Words that begin a sentence or a name but are never places on their own. */
const NOT_A_PLACE = new Set([
  'владимир',
  'владимира',
  'владимиру',
  'владимиром',
  'владимире',
  'ростов',
  'киров',
  'курган',
  'орел',
  'чита',
  'грозный',
  'магас',
  'софия',
  'софии',
  'кирова',
]);

/**
 * Places in a token stream: longest match of up to five words against the
 * gazetteer (federal subjects with their codes, countries, cities), 'г.' and
 * 'с.' prefixes for towns and villages, and 'Тверская площадь'-style named
 * places with a descriptor noun. `blocked` marks characters already taken by
 * people.
 */
export function findPlaces(
  text: string,
  tokens: Token[],
  blocked: (start: number, end: number) => boolean,
  /** Characters where a guessed place must not be proposed (organisations' names). */
  blockedForGuess: (start: number, end: number) => boolean = blocked,
): PlaceMention[] {
  const out: PlaceMention[] = [];
  const idx = index();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.word) continue;
    // 'г.Липецк', 'г. Елец', 'с.Хлевное'
    if (
      (t.lower === 'г' || t.lower === 'с' || t.lower === 'пос' || t.lower === 'д') &&
      tokens[i + 1]?.text === '.'
    ) {
      const n = tokens[i + 2];
      if (n?.word && n.upper && !blocked(n.start, n.end)) {
        const known = idx.get(n.lower);
        const level: PlaceLevel = t.lower === 'г' ? 'city' : 'settlement';
        out.push({
          text: text.slice(n.start, n.end),
          start: n.start,
          end: n.end,
          normalized: known?.normalized ?? n.text,
          level: known?.level ?? level,
          regionCode: known?.regionCode ?? null,
        });
        i += 2;
        continue;
      }
    }
    // 'белорусский холдинг «Амкодор»': the country of an organisation, written as an adjective.
    if (!t.upper) {
      const country = countryOfAdjective(t.lower);
      if (
        country &&
        ORG_NOUN_AFTER_ADJECTIVE.test(tokens[i + 1]?.lower ?? '') &&
        !blocked(t.start, t.end)
      )
        out.push({
          text: t.text,
          start: t.start,
          end: t.end,
          normalized: country,
          level: 'country',
          regionCode: null,
        });
      continue;
    }
    let matched = false;
    for (let len = 5; len >= 1 && !matched; len--) {
      const span = tokens.slice(i, i + len);
      if (span.length < len || span.some((s) => !s.word)) continue;
      const key = span.map((s) => s.lower).join(' ');
      const entry = idx.get(key);
      if (!entry) continue;
      if (len === 1 && NOT_A_PLACE.has(key)) continue;
      // Adjective-only forms ('Липецкой' alone) are not names; require the noun.
      const last = span[len - 1]!;
      if (blocked(t.start, last.end)) continue;
      out.push({
        text: text.slice(t.start, last.end),
        start: t.start,
        end: last.end,
        ...entry,
      });
      i += len - 1;
      matched = true;
    }
    if (matched) continue;
    // 'района Отрадное', 'реке Славянка', 'штата Аризона', 'площади Тяньаньмынь': descriptor before the name.
    const prevT = tokens[i - 1];
    if (
      prevT?.word &&
      !prevT.upper &&
      DESCRIPTORS_BEFORE.has(prevT.lower) &&
      /^\p{Lu}[\p{Ll}-]+$/u.test(t.text) &&
      !blocked(prevT.start, t.end) &&
      !out.some((p) => p.end > prevT.start && p.start < t.end)
    ) {
      let e = i;
      if (
        tokens[i + 1]?.word &&
        tokens[i + 1]!.upper &&
        /^\p{Lu}[\p{Ll}-]+$/u.test(tokens[i + 1]!.text)
      )
        e = i + 1;
      const noun = DESCRIPTORS_BEFORE.get(prevT.lower)!;
      out.push({
        text: text.slice(prevT.start, tokens[e]!.end),
        start: prevT.start,
        end: tokens[e]!.end,
        normalized: `${noun} ${text.slice(t.start, tokens[e]!.end)}`,
        level:
          noun === 'район'
            ? 'municipality'
            : noun === 'город'
              ? 'city'
              : noun === 'поселок' ||
                  noun === 'посёлок' ||
                  noun === 'село' ||
                  noun === 'деревня' ||
                  noun === 'станица'
                ? 'settlement'
                : 'other',
        regionCode: null,
      });
      i = e;
      continue;
    }
    // 'Тверской площади', 'площади Революции' are handled one way: adjective + descriptor.
    const next = tokens[i + 1];
    if (
      next?.word &&
      !next.upper &&
      DESCRIPTORS.has(next.lower) &&
      /(ой|ая|ую|ий|ый|ого|ому|ым|ом|ое|ем|ей)$/.test(t.lower) &&
      i > 0 &&
      tokens[i - 1]!.text !== '.' &&
      !blocked(t.start, next.end)
    ) {
      const noun = DESCRIPTORS.get(next.lower)!;
      const gender = FEMININE_DESCRIPTORS.has(noun)
        ? 'f'
        : NEUTER_DESCRIPTORS.has(noun)
          ? 'n'
          : 'm';
      out.push({
        text: text.slice(t.start, next.end),
        start: t.start,
        end: next.end,
        normalized: `${adjectiveToNominative(t.text, gender)} ${noun}`,
        level:
          noun === 'район' || noun === 'округ'
            ? 'municipality'
            : noun === 'поселок' ||
                noun === 'посёлок' ||
                noun === 'село' ||
                noun === 'деревня' ||
                noun === 'станица'
              ? 'settlement'
              : 'other',
        regionCode: null,
      });
      i += 1;
    }
  }
  return learnedPlaces(text, tokens, out, blockedForGuess);
}

const LOCATIVE = new Set(['в', 'во', 'из']);
const NOT_LEARNED =
  /^(январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр|интернет|сети)/i;

/**
 * Unknown towns and countries: a capitalised noun after 'в', 'во', 'из' inside a
 * sentence ('в Дюссельдорфе', 'из Бристоля'), and afterwards the same word in
 * other case forms. The nominative is a guess (the ending dropped), level 'other'.
 */
function learnedPlaces(
  text: string,
  tokens: Token[],
  found: PlaceMention[],
  blocked: (start: number, end: number) => boolean,
): PlaceMention[] {
  const out = found.slice();
  const has = (s: number, e: number) => out.some((p) => p.start < e && s < p.end);
  const stems = new Map<string, string>();
  const stemOf = (w: string) => fold(w).replace(/(ом|ем|ой|ей|ью|а|я|у|ю|е|и|ы|ь)$/, '');
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1]!;
    if (
      !LOCATIVE.has(prev.lower) ||
      !t.upper ||
      !/^\p{Lu}[\p{Ll}-]{3,}$/u.test(t.text) ||
      NOT_LEARNED.test(t.text)
    )
      continue;
    if (/(ого|ому|ой|ом|ых|их|ий|ый|ая|ое|ые|ем|ей)$/.test(t.lower) && !/(ом|ем|ей)$/.test(t.lower))
      continue;
    const next = tokens[i + 1];
    if (next?.word && next.upper) continue;
    if (has(t.start, t.end) || blocked(t.start, t.end)) continue;
    const stem = stemOf(t.text);
    if (stem.length < 4) continue;
    const normalized = nominativeGuess(t.text);
    stems.set(stem, normalized);
    out.push({
      text: t.text,
      start: t.start,
      end: t.end,
      normalized,
      level: 'other',
      regionCode: null,
    });
  }
  if (stems.size) {
    for (const t of tokens) {
      if (!t.word || !t.upper || has(t.start, t.end) || blocked(t.start, t.end)) continue;
      const n = stems.get(stemOf(t.text));
      if (n && /^\p{Lu}[\p{Ll}-]+$/u.test(t.text))
        out.push({
          text: t.text,
          start: t.start,
          end: t.end,
          normalized: n,
          level: 'other',
          regionCode: null,
        });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function nominativeGuess(word: string): string {
  if (/[бвгджзклмнпрстфхцчшщ](е|а|у|ом)$/.test(word)) return word.replace(/(е|а|у|ом)$/, '');
  if (/(ии|ию|ией)$/.test(word)) return word.replace(/(ии|ию|ией)$/, 'ия');
  if (/[бвгджзклмнпрстфхцчшщ](ы|и)$/.test(word)) return word.replace(/(ы|и)$/, 'а');
  return word;
}

/** Exposed for the organisation and people extractors: the place a phrase names, if any. */
export function lookupPlace(phrase: string): PlaceEntry | undefined {
  return index().get(fold(phrase));
}
