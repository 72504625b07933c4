import type { ReportCell, ReportLang } from '@promatlas/core/api/reports.schema.ts';
import { numberIn, wordsOf } from './report-lang.ts';

type Pair = { ru: string; en: string };

/** The ПП 779 requirements and verdicts as a reader sees them in the passport. */
export const REQUIREMENT_TITLES: Record<string, Pair> = {
  cooperation: { ru: 'Кооперационные связи участников', en: 'Cooperation between participants' },
  functional_dependence: { ru: 'Функциональная зависимость', en: 'Functional dependence' },
  composition: { ru: 'Состав участников', en: 'Composition' },
  specialised_organisation: {
    ru: 'Специализированная организация',
    en: 'Specialised organisation',
  },
  decision_validity: {
    ru: 'Срок действия заключения Минпромторга',
    en: 'Validity of the Minpromtorg decision',
  },
};

export const requirementTitle = (lang: ReportLang, code: string): string =>
  REQUIREMENT_TITLES[code]?.[lang] ?? code;

export const VERDICT_TITLES: Record<'met' | 'not_met' | 'insufficient_data', Pair> = {
  met: { ru: 'соответствует', en: 'met' },
  not_met: { ru: 'не соответствует', en: 'not met' },
  insufficient_data: { ru: 'недостаточно данных', en: 'insufficient data' },
};

/** How an award's amount is qualified in its source («более 600 млн ₽»). */
export const AMOUNT_QUALIFIERS: Record<string, Pair> = {
  exact: { ru: '', en: '' },
  about: { ru: 'около', en: 'about' },
  more_than: { ru: 'более', en: 'more than' },
  less_than: { ru: 'менее', en: 'less than' },
  up_to: { ru: 'до', en: 'up to' },
  at_least: { ru: 'не менее', en: 'at least' },
};

const COMPOSITION_KEYS: Record<string, Pair> = {
  industrialEnterprises: { ru: 'промышленных предприятий', en: 'industrial enterprises' },
  infrastructureOrganisations: {
    ru: 'организаций инфраструктуры',
    en: 'infrastructure organisations',
  },
};

/**
 * The check's assumptions in English: the compliance check states them in
 * Russian; a sentence not listed here stays as the check wrote it.
 */
export const ASSUMPTIONS_EN: Record<string, string> = {
  'Вид участника — по его роли в кластере (специализированная организация, инфраструктура, образование, наука, финансы), иначе по виду организации':
    'A participant’s kind is its role in the cluster (specialised organisation, infrastructure, education, research, finance), otherwise the organisation’s kind',
  'Якорный участник — промышленное предприятие и производитель конечной продукции; поставщик комплектующих — промышленное предприятие; о других предприятиях это неизвестно':
    'An anchor participant is an industrial enterprise and a finished-product maker; a component supplier is an industrial enterprise; for other enterprises this is unknown',
  'Дата вступления — самое раннее начало участия; без даты у любой из ролей — неизвестна':
    'The joining date is the earliest start of participation; unknown when any role lacks a date',
  'Кооперационные договоры — договоры, обе стороны которых участники кластера, подписанные не позже даты проверки':
    'Cooperation contracts are contracts whose both parties are cluster participants, signed no later than the check date',
  'Территории — по отметкам территорий (справочник): отметка региона относится ко всем участникам из этого региона, моногорода — к участникам, чей город совпадает с названием моногорода':
    'Territories come from the territory flags (reference data): a region’s flag applies to every participant from that region, a single-industry town’s to participants whose town matches its name',
  'Участник без отметки считается вне отмеченных территорий, только если известен его регион, загружены все учитываемые перечни и (когда учитываются моногорода) известен его город; иначе его территория неизвестна':
    'A participant without a flag counts as outside flagged territories only if its region is known, every list considered is loaded and (when single-industry towns count) its town is known; otherwise its territory is unknown',
  'Дата заключения Минпромторга — из статуса кластера в реестре; у кандидата заключения нет; статус не указан — неизвестна':
    'The Minpromtorg decision date comes from the cluster’s registry status; a candidate has no decision; without a status it is unknown',
};

/**
 * A verdict's value or threshold as text: a share in per cent for the
 * functional dependence, counts with their meaning for the composition, the
 * rest as it is; «—» when the check could not determine it.
 */
export function formatRequirementValue(
  code: string,
  value: unknown,
  lang: ReportLang = 'ru',
): string {
  const w = wordsOf(lang);
  if (value === null || value === undefined) return '—';
  if (code === 'functional_dependence' && typeof value === 'number')
    return `${numberIn(lang, value * 100, 1)} %`;
  if (code === 'decision_validity' && typeof value === 'number')
    return `${value} ${w('лет', 'years')}`;
  if (code === 'cooperation' && typeof value === 'number')
    return `${value} ${w('без договора', 'without a contract')}`;
  if (typeof value === 'object' && !Array.isArray(value))
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) =>
        k === 'verified'
          ? v
            ? w('сверено с текстом постановления', 'verified against the text of the regulation')
            : w(
                'не сверено с текстом постановления',
                'not verified against the text of the regulation',
              )
          : `${COMPOSITION_KEYS[k]?.[lang] ?? k}: ${v === null ? '—' : String(v)}`,
      )
      .join('; ');
  return String(value);
}

/**
 * The participant × participant matrix of contracts: row — the buyer (first
 * party), column — the supplier, in the participants' order; the count of
 * contracts and the sum of their known values in million ₽ (null where no
 * contract of the pair has a value).
 */
export function cooperationMatrix(
  participants: number[],
  contracts: { buyer_id: number; supplier_id: number; value_rub: number | string | null }[],
): { count: number[][]; valueMln: ReportCell[][] } {
  const index = new Map(participants.map((id, k) => [id, k]));
  const n = participants.length;
  const count = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const value = Array.from({ length: n }, () => new Array<number | null>(n).fill(null));
  for (const c of contracts) {
    const i = index.get(c.buyer_id);
    const j = index.get(c.supplier_id);
    if (i === undefined || j === undefined) continue;
    count[i]![j]! += 1;
    if (c.value_rub !== null) value[i]![j] = (value[i]![j] ?? 0) + Number(c.value_rub);
  }
  return {
    count,
    valueMln: value.map((row) =>
      row.map((v) => (v === null ? null : Math.round(v / 10_000) / 100)),
    ),
  };
}
