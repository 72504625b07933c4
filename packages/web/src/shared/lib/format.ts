import { formatPartialDate, type PartialDate } from '@promatlas/core/dates/partial-date.ts';
import {
  formatMoney,
  formatNumber,
  plural,
  QUALIFIER_LABELS,
} from '@promatlas/core/format/russian.ts';
import type { Fact } from '@promatlas/core/api/common.schema.ts';
import { SEZ_TYPES, label } from './labels.ts';

export { formatPartialDate, formatMoney, formatNumber, plural };

export function formatDate(date: PartialDate | null | undefined): string | null {
  return date ? formatPartialDate(date) : null;
}

/**
 * Plural forms by property, so a count reads naturally: «60 резидентов»,
 * «4 новых завода». The unit stored with the fact is the fallback.
 */
const PLURALS_BY_PROPERTY: Record<string, readonly [string, string, string]> = {
  residents: ['резидент', 'резидента', 'резидентов'],
  plants_to_open: ['новый завод', 'новых завода', 'новых заводов'],
  education_production_clusters: ['кластер', 'кластера', 'кластеров'],
  education_clusters: ['кластер', 'кластера', 'кластеров'],
  planned_participants: ['участник', 'участника', 'участников'],
  supported_projects: ['проект', 'проекта', 'проектов'],
};

const PLURALS_BY_UNIT: Record<string, readonly [string, string, string]> = {
  резидентов: ['резидент', 'резидента', 'резидентов'],
  заводов: ['завод', 'завода', 'заводов'],
  кластеров: ['кластер', 'кластера', 'кластеров'],
  кластер: ['кластер', 'кластера', 'кластеров'],
  участников: ['участник', 'участника', 'участников'],
  проекта: ['проект', 'проекта', 'проектов'],
  проектов: ['проект', 'проекта', 'проектов'],
};

const MONEY_UNITS = new Set(['RUB', 'USD', 'EUR', 'BYN', 'CNY']);

function withQualifier(qualifier: string, text: string): string {
  const word = QUALIFIER_LABELS[qualifier as keyof typeof QUALIFIER_LABELS] ?? '';
  return word ? `${word} ${text}` : text;
}

/** A money amount with its qualifier: «более 600 млн ₽». */
export function formatAmount(amount: number, currency: string, qualifier = 'exact'): string {
  return withQualifier(qualifier, formatMoney(amount, currency));
}

/** The value of a fact as a Russian phrase: «60 резидентов», «более 600 млн ₽», «до 50 %». */
export function formatFactValue(fact: Fact): string {
  if (fact.valueNumber !== null) {
    const n = fact.valueNumber;
    const unit = fact.unit ?? '';
    let text: string;
    if (MONEY_UNITS.has(unit)) text = formatMoney(n, unit);
    else if (unit === '%') text = `${formatNumber(n)} %`;
    else {
      const forms = PLURALS_BY_PROPERTY[fact.property] ?? PLURALS_BY_UNIT[unit];
      text = forms ? plural(n, forms) : unit ? `${formatNumber(n)} ${unit}` : formatNumber(n);
    }
    return withQualifier(fact.qualifier, text);
  }
  if (fact.valueText !== null) {
    if (fact.property === 'sez_type') return label(SEZ_TYPES, fact.valueText);
    return withQualifier(fact.qualifier, fact.valueText);
  }
  return 'не указано';
}

/** «ОАО «Энергия»» whether or not the title already carries the legal form. */
export function withLegalForm(title: string, legalForm: string | null | undefined): string {
  if (!legalForm || title.startsWith(legalForm + ' ')) return title;
  return `${legalForm} ${title}`;
}
