import type { StatementCandidate } from './statement-fields.ts';
import { placesNamed, statementsOf } from './record-import.repository.ts';
import type { EntityWriter } from './import-types.ts';
import {
  asText,
  isRefusal,
  organisationOf,
  problem,
  regionName,
  wanted,
  type Refusal,
  type RowContext,
} from './record-plan.ts';
import { writerOf } from './record-writer.ts';

interface Place {
  id: number;
  name: string;
  region_code: string | null;
}

const PLACE_WORDS = {
  site: { ru: 'площадки', en: 'site', many: 'площадок', it: 'её' },
  cluster: { ru: 'кластера', en: 'cluster', many: 'кластеров', it: 'его' },
} as const;

/**
 * The site or cluster a row names, by its name within the row's region (in
 * any region when the row gives none): none, or more than one, is a refusal
 * naming the column — a fact is never pinned on a guess.
 */
async function placeOf(
  ctx: RowContext,
  table: 'site' | 'cluster',
  name: string,
  region: string | undefined,
): Promise<Place | Refusal> {
  const found = (await placesNamed(ctx.db, table, name)).filter(
    (p) => region === undefined || p.region_code === region,
  );
  const w = PLACE_WORDS[table];
  const where = region ? ` в регионе «${regionName(region)}»` : '';
  const whereEn = region ? ` in region ${region}` : '';
  if (found.length === 0)
    return {
      reasonCode: 'invalid_value',
      problems: [
        problem(
          ctx.columns,
          table,
          `unknown_${table}`,
          `${w.ru} «${name}»${where} нет в реестре: сначала импортируйте или создайте ${w.it}`,
          `no ${w.en} "${name}"${whereEn} is in the registry: import or create it first`,
        ),
      ],
    };
  if (found.length > 1)
    return {
      reasonCode: 'ambiguous_match',
      problems: [
        problem(
          ctx.columns,
          table,
          'ambiguous_match',
          `${w.many} «${name}»${where} в реестре несколько (№${found.map((p) => p.id).join(', №')}): укажите регион`,
          `several ${w.en}s "${name}"${whereEn} match (${found.map((p) => p.id).join(', ')}): give the region`,
        ),
      ],
    };
  return found[0]!;
}

/**
 * Facts about an organisation, a site, a cluster or a region: matched by
 * subject, property, qualifier and date (and a text value by the value); a
 * new date is a new fact (history stays).
 */
export const statementWriter = (): EntityWriter =>
  writerOf<StatementCandidate>({
    table: 'statement',
    async plan(ctx, c) {
      const org = c.organisation
        ? await organisationOf(
            ctx,
            c.organisation,
            { inn: 'organisationInn', name: 'organisation' },
            c.regionCode,
          )
        : undefined;
      if (isRefusal(org)) return org;
      const placeTable = c.site !== undefined ? 'site' : c.cluster !== undefined ? 'cluster' : null;
      const place = placeTable
        ? await placeOf(ctx, placeTable, (c.site ?? c.cluster)!, c.regionCode)
        : undefined;
      if (isRefusal(place)) return place;
      // The subject's own region decides who may import the fact (a regional editor: theirs only).
      const subject = org
        ? { type: 'organisation', id: String(org.id), region: org.region_code, name: org.name }
        : place && placeTable
          ? { type: placeTable, id: String(place.id), region: place.region_code, name: place.name }
          : {
              type: 'region',
              id: c.regionCode!,
              region: c.regionCode!,
              name: regionName(c.regionCode),
            };
      // A text fact is also told apart by its value: a region's key industries on one date
      // are several facts of one property, not one fact written over.
      const text = c.valueText;
      const key = `statement:${subject.type}:${subject.id}|${c.property.toLowerCase()}|${c.qualifier}|${c.asOf ?? ''}${text !== undefined ? `|${text}` : ''}`;
      const match =
        ctx.planned.get(key) ??
        (await statementsOf(ctx.db, subject.type, subject.id, c.property)).find(
          (s) =>
            (s['qualifier'] ?? '') === c.qualifier &&
            (asText(s['valid_from']) ?? '') === (c.asOf ?? '') &&
            (text === undefined ? s['value_text'] === null : s['value_text'] === text),
        );
      return {
        key,
        name: `${subject.name}: ${c.property}`,
        regions: [subject.region],
        main: wanted(
          'statement',
          match,
          { value_number: c.valueNumber ?? null, value_text: c.valueText ?? null, unit: c.unit },
          { value_number: 'value', value_text: 'value', unit: 'unit' },
          () => ({
            subject_type: subject.type,
            subject_id: subject.id,
            property: c.property,
            qualifier: c.qualifier,
            ...(c.asOf ? { valid_from: c.asOf, valid_to: c.asOf, valid_precision: 'day' } : {}),
          }),
        ),
      };
    },
  });
