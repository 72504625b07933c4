import type { DateMention, EventMention, EventType, Span } from './types.ts';

const EVENT_PATTERNS: [RegExp, EventType][] = [
  [/стратегическ\p{L}*\s+сесси\p{L}*/giu, 'strategic_session'],
  [/установочн\p{L}*\s+сесси\p{L}*/giu, 'setup_session'],
  [
    /(?:подписал\p{L}*|заключил\p{L}*|подписани\p{L}*|заключени\p{L}*)\s+(?:\p{L}+\s+){0,2}?соглашени\p{L}*/giu,
    'agreement_signing',
  ],
  [/(?<![\p{L}])(?:[\p{L}]+\s+)?форум\p{L}*|ПМЭФ(?:-\d{4})?/giu, 'forum'],
  [
    /(?<![\p{L}])(?:встреч[аеиуй]|совещани\p{L}*|заседани\p{L}*|переговор\p{L}*)(?![\p{L}])/giu,
    'meeting',
  ],
  [/(?<![\p{L}])(?:открыти[еяюи]|торжественн\p{L}*\s+открыти\p{L}*)(?![\p{L}])/giu, 'opening'],
  [
    /(?<![\p{L}])(?:конференци\p{L}*|выставк\p{L}*|семинар\p{L}*|круглы\p{L}*\s+стол\p{L}*)(?![\p{L}])/giu,
    'other',
  ],
];

/** Events: sessions, forums, signings, meetings, openings; the date is the nearest one in the same sentence. */
export function findEvents(text: string, sentences: Span[], dates: DateMention[]): EventMention[] {
  const out: EventMention[] = [];
  for (const [re, type] of EVENT_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (out.some((e) => e.start < end && start < e.end)) continue;
      // A forum named by its adjective ('Петербургского международного экономического форума') keeps the name.
      const sentence = sentences.find((s) => s.start <= start && start < s.end);
      const inSentence = sentence
        ? dates.filter((d) => d.start >= sentence.start && d.end <= sentence.end)
        : [];
      const nearest = inSentence.sort(
        (a, b) => Math.abs(a.start - start) - Math.abs(b.start - start),
      )[0];
      out.push({ text: text.slice(start, end), start, end, type, date: nearest?.iso ?? null });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
