import type { StatementCandidate } from './statement-fields.ts';
import { statementsOf } from './record-import.repository.ts';
import type { EntityWriter } from './import-types.ts';
import { asText, isRefusal, organisationOf, regionName, wanted } from './record-plan.ts';
import { writerOf } from './record-writer.ts';

/**
 * Facts: matched by subject, property, qualifier and date (and a text value by
 * the value); a new date is a new fact (history stays).
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
      const subject = org
        ? { type: 'organisation', id: String(org.id), region: org.region_code }
        : { type: 'region', id: c.regionCode!, region: c.regionCode! };
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
        name: `${org?.name ?? regionName(subject.id)}: ${c.property}`,
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
