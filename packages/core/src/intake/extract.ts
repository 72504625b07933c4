import { findAgreements } from './agreements.ts';
import { findCounts } from './counts.ts';
import { findDates } from './dates.ts';
import { findEvents } from './events.ts';
import { findMoney } from './money.ts';
import { findOrganisations } from './organisations.ts';
import { findPeople } from './people.ts';
import { findPercents } from './percents.ts';
import { findPlaces } from './places.ts';
import { splitSentences } from './sentences.ts';
import { tokenize } from './tokens.ts';
import type { IntakeOptions, IntakeResult, Span } from './types.ts';

export function emptyIntakeResult(): IntakeResult {
  return {
    organisations: [],
    people: [],
    places: [],
    dates: [],
    money: [],
    counts: [],
    percents: [],
    events: [],
    agreements: [],
  };
}

/**
 * Proposes every fact of a Russian text: organisations, people with their
 * positions, places, dates, money, counts, percents, events and agreements,
 * each with its offsets (JavaScript string indices, end exclusive) and the
 * text between them. Pure: no I/O, no state between calls.
 */
export function extractIntake(text: string, options: IntakeOptions = {}): IntakeResult {
  if (!/\S/.test(text)) return emptyIntakeResult();
  if (text.length <= CHUNK) return extractChunk(text, options);
  // Long texts go in pieces cut at line breaks: every part stays linear in the text's length
  // (a 20 MB file must not take minutes); names repeated across pieces are found again in each.
  const result = emptyIntakeResult();
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + CHUNK);
    if (end < text.length) {
      const cut = Math.max(text.lastIndexOf('\n', end), text.lastIndexOf('. ', end) + 1);
      end = cut > start + CHUNK / 2 ? cut : Math.max(text.lastIndexOf(' ', end), start + 1);
    }
    const part = extractChunk(text.slice(start, end), options);
    for (const key of Object.keys(result) as (keyof IntakeResult)[]) {
      for (const item of part[key])
        (result[key] as Span[]).push({ ...item, start: item.start + start, end: item.end + start });
    }
    start = end;
  }
  return result;
}

/** Texts up to this many characters are read in one piece (a press release is 2–10 thousand). */
const CHUNK = 32_000;

function extractChunk(text: string, options: IntakeOptions): IntakeResult {
  if (!/\S/.test(text)) return emptyIntakeResult();
  const sentences = splitSentences(text);
  const sentenceOf = (offset: number): Span => {
    let lo = 0;
    let hi = sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (sentences[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return sentences[lo] ?? { text, start: 0, end: text.length };
  };
  const tokens = tokenize(text);
  const dates = findDates(text, options.published);
  const money = findMoney(text);
  const percents = findPercents(text);
  const counts = findCounts(text, [...dates, ...money, ...percents]);
  const people = findPeople(text, tokens, sentenceOf);
  const byPeople = (s: number, e: number) => people.some((p) => p.start < e && s < p.end);
  const organisations = findOrganisations(text, tokens, byPeople);
  const byPeopleOrOrganisations = (s: number, e: number) =>
    byPeople(s, e) || organisations.some((o) => o.start < e && s < o.end);
  const places = findPlaces(text, tokens, byPeople, byPeopleOrOrganisations);
  const events = findEvents(text, sentences, dates);
  const agreements = findAgreements(
    text,
    sentences,
    { organisations, people, places, dates },
    options.published,
  );
  return { organisations, people, places, dates, money, counts, percents, events, agreements };
}
