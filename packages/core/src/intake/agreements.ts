import type {
  AgreementMention,
  DateMention,
  OrganisationMention,
  PersonMention,
  PlaceMention,
  Span,
} from './types.ts';

const AGREEMENT =
  /соглашени\p{L}*|меморандум\p{L}*|договор(?![\p{L}]*ён)\p{L}*|план\p{L}*\s+действий/giu;
const SIGNING =
  /подписал|подписали|заключили|заключил|подписан|утвержд[её]н|утвердили|подписание/iu;

/**
 * Agreements: a sentence that names an agreement and its signing or approval.
 * Parties are the organisations and federal subjects or countries named in
 * that sentence, signatories the people in it, the date the sentence's date.
 */
export function findAgreements(
  text: string,
  sentences: Span[],
  found: {
    organisations: OrganisationMention[];
    people: PersonMention[];
    places: PlaceMention[];
    dates: DateMention[];
  },
  published?: string,
): AgreementMention[] {
  const out: AgreementMention[] = [];
  for (const s of sentences) {
    if (!SIGNING.test(s.text)) continue;
    AGREEMENT.lastIndex = 0;
    const m = AGREEMENT.exec(s.text);
    if (!m) continue;
    const inside = <T extends Span>(list: T[]) =>
      list.filter((x) => x.start >= s.start && x.end <= s.end);
    const parties = new Set<string>();
    for (const o of inside(found.organisations)) parties.add(o.name);
    for (const p of inside(found.places)) {
      if (p.level === 'subject' || p.level === 'country') {
        const withinOrg = found.organisations.some((o) => o.start <= p.start && p.end <= o.end);
        if (!withinOrg) parties.add(p.normalized);
      }
    }
    const signatories = [...new Set(inside(found.people).map((p) => p.fullName))];
    // 'был утвержден совместный план действий. Документ рассчитан на 2025 год': the next sentence may date it.
    const next = sentences[sentences.indexOf(s) + 1];
    const nextDate = next
      ? found.dates.find((d) => d.start >= next.start && d.end <= next.end)?.iso
      : undefined;
    const date = inside(found.dates)[0]?.iso ?? nextDate ?? published ?? null;
    const start = s.start + (m.index ?? 0);
    // A later sentence about the same agreement (a party in common) adds to the first mention.
    const same = out.find((a) => a.parties.some((p) => parties.has(p)));
    if (same) {
      for (const p of parties) if (!same.parties.includes(p)) same.parties.push(p);
      for (const p of signatories) if (!same.signatories.includes(p)) same.signatories.push(p);
      same.date ??= date;
      continue;
    }
    if (parties.size === 0 && signatories.length === 0) continue;
    out.push({
      text: text.slice(start, start + m[0].length),
      start,
      end: start + m[0].length,
      parties: [...parties],
      signatories,
      date,
    });
  }
  return out;
}
