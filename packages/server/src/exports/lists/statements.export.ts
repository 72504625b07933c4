import { ENTITY_TYPES } from '@promatlas/core/domain/vocabulary.ts';
import { regionCodes } from '../../registry/shared/list-query.ts';
import { organisationDisplayName } from '../../registry/shared/mappers.ts';
import { findStatementsForExport } from '../exports.repository.ts';
import { idColumn, type ListExport } from '../list-export.ts';

export interface StatementsExportQuery {
  region?: string | undefined;
  subjectType?: string | undefined;
  property?: string | undefined;
}
type StatementRow = Awaited<ReturnType<typeof findStatementsForExport>>[number];

/** The date a fact holds on, as the statements import reads it: a day, else the period's first day. */
const asOf = (r: StatementRow): string | null => r.valid_from ?? r.valid_to;

/**
 * Dated facts about registry records, in the columns the statements import
 * reads back («ИНН организации», «Организация», «Площадка», «Кластер»,
 * «Регион», «Показатель», «Значение», «Единица», «Уточнение», «По состоянию
 * на»), so a list exported and imported again changes nothing. «Регион» is the
 * subject's region (an organisation's, a site's, a cluster's) or the region
 * the fact is about; a fact about another kind of record names it only in
 * «Объект», which the import does not read.
 */
export const statementsExport: ListExport<StatementsExportQuery, StatementRow> = {
  name: 'statements',
  title: { ru: 'Факты', en: 'Statements' },
  columns: [
    idColumn(),
    {
      key: 'subjectType',
      ru: 'Вид объекта',
      en: 'Subject type',
      type: 'text',
      width: 16,
      value: (r, l) => ENTITY_TYPES.label(r.subject_type, l),
    },
    {
      key: 'subject',
      ru: 'Объект',
      en: 'Subject',
      type: 'text',
      width: 40,
      value: (r) =>
        r.subject_type === 'organisation'
          ? organisationDisplayName({
              name: r.organisation_name ?? r.subject_id,
              legal_form: r.organisation_legal_form,
            })
          : r.subject_type === 'region'
            ? (r.region_name ?? r.subject_id)
            : (r.place_name ?? `№${r.subject_id}`),
    },
    {
      key: 'organisationInn',
      ru: 'ИНН организации',
      en: 'Organisation INN',
      type: 'text',
      width: 14,
      value: (r) => (r.subject_type === 'organisation' ? r.organisation_inn : null),
    },
    {
      key: 'organisation',
      ru: 'Организация',
      en: 'Organisation',
      type: 'text',
      width: 40,
      value: (r) =>
        r.subject_type === 'organisation'
          ? organisationDisplayName({
              name: r.organisation_name ?? r.subject_id,
              legal_form: r.organisation_legal_form,
            })
          : null,
    },
    {
      key: 'site',
      ru: 'Площадка',
      en: 'Site',
      type: 'text',
      width: 36,
      value: (r) => (r.subject_type === 'site' ? r.place_name : null),
    },
    {
      key: 'cluster',
      ru: 'Кластер',
      en: 'Cluster',
      type: 'text',
      width: 36,
      value: (r) => (r.subject_type === 'cluster' ? r.place_name : null),
    },
    {
      key: 'region',
      ru: 'Регион',
      en: 'Region',
      type: 'text',
      width: 32,
      value: (r) =>
        ['organisation', 'region', 'site', 'cluster'].includes(r.subject_type)
          ? r.region_name
          : null,
    },
    {
      key: 'property',
      ru: 'Показатель',
      en: 'Property',
      type: 'text',
      width: 36,
      value: (r) => r.property,
    },
    {
      key: 'value',
      ru: 'Значение',
      en: 'Value',
      type: 'text',
      width: 16,
      // A number stays a number (a typed cell in XLSX); a text value is written as it is.
      value: (r) => (r.value_number !== null ? Number(r.value_number) : r.value_text),
    },
    { key: 'unit', ru: 'Единица', en: 'Unit', type: 'text', width: 12, value: (r) => r.unit },
    {
      key: 'qualifier',
      ru: 'Уточнение',
      en: 'Qualifier',
      type: 'text',
      width: 20,
      value: (r) => r.qualifier || null,
    },
    { key: 'asOf', ru: 'По состоянию на', en: 'As of', type: 'date', width: 12, value: asOf },
    {
      key: 'source',
      ru: 'Источник',
      en: 'Source',
      type: 'text',
      width: 40,
      value: (r) => r.source_title,
    },
  ],
  async *batches(db, q, { batchSize }) {
    const filter = {
      regions: regionCodes(q.region),
      subjectType: q.subjectType,
      property: q.property,
    };
    let after = 0;
    for (;;) {
      const rows = await findStatementsForExport(db, filter, after, batchSize);
      if (rows.length) yield rows;
      if (rows.length < batchSize) return;
      after = rows.at(-1)!.id;
    }
  },
};
