import {
  COOPERATION_CONTRACT_TYPES,
  type CooperationContractType,
} from '@promatlas/core/domain/vocabulary.ts';
import {
  cellTexts,
  dateOf,
  issue,
  numberOf,
  organisationRef,
  SPACES,
  vocabularyMatcher,
  type FieldIssue,
  type OrganisationRef,
} from './field-kit.ts';

/** The fields a cooperation contracts file may fill. */
export const CONTRACT_FIELDS = {
  buyerInn: { ru: 'ИНН покупателя', en: 'Buyer INN', headers: ['инн покупателя', 'инн заказчика'] },
  buyer: {
    ru: 'Покупатель',
    en: 'Buyer',
    headers: ['покупатель', 'заказчик', 'наименование покупателя', 'первая сторона', 'buyer'],
  },
  supplierInn: {
    ru: 'ИНН поставщика',
    en: 'Supplier INN',
    headers: ['инн поставщика', 'инн исполнителя'],
  },
  supplier: {
    ru: 'Поставщик',
    en: 'Supplier',
    headers: ['поставщик', 'исполнитель', 'наименование поставщика', 'вторая сторона', 'supplier'],
  },
  contractType: {
    ru: 'Тип договора',
    en: 'Contract type',
    headers: ['тип договора', 'вид договора', 'тип', 'contract type'],
  },
  okpd2: { ru: 'ОКПД2', en: 'ОКПД2', headers: ['окпд2', 'код окпд2', 'окпд', 'okpd2'] },
  product: {
    ru: 'Продукция',
    en: 'Product',
    headers: ['продукция', 'предмет договора', 'наименование продукции', 'product'],
  },
  signedOn: {
    ru: 'Дата подписания',
    en: 'Signed on',
    headers: ['дата подписания', 'дата договора', 'дата заключения', 'подписан', 'signed on'],
  },
  validFrom: {
    ru: 'Действует с',
    en: 'Valid from',
    headers: ['действует с', 'срок действия с', 'начало срока', 'valid from'],
  },
  validTo: {
    ru: 'Действует по',
    en: 'Valid to',
    headers: ['действует по', 'срок действия по', 'окончание срока', 'valid to'],
  },
  valueRub: {
    ru: 'Сумма, ₽',
    en: 'Value, ₽',
    headers: ['сумма', 'сумма договора', 'сумма руб', 'стоимость', 'цена договора', 'value'],
  },
  source: {
    ru: 'Источник',
    en: 'Source',
    headers: ['источник', 'источник сведений', 'source'],
  },
} as const;
export type ContractField = keyof typeof CONTRACT_FIELDS;
const KEYS = Object.keys(CONTRACT_FIELDS) as ContractField[];

export interface ContractCandidate {
  buyer: OrganisationRef;
  supplier: OrganisationRef;
  contractType: CooperationContractType;
  okpd2?: string;
  product?: string;
  signedOn: string;
  validFrom?: string;
  validTo?: string;
  valueRub?: number;
  /** The title of the source document the contract is known from. */
  source?: string;
}

const typeOf = vocabularyMatcher(COOPERATION_CONTRACT_TYPES, {
  поставка: 'supply',
  'договор поставки': 'supply',
  спик: 'spic',
  импортозамещение: 'import_substitution_project',
  иной: 'other',
});

export function validateContract(
  values: Partial<Record<string, string>>,
):
  | { candidate: ContractCandidate; warnings: FieldIssue[] }
  | { issues: FieldIssue[]; warnings: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const text = cellTexts(values as Partial<Record<ContractField, string>>, KEYS, issues);
  const c: Partial<ContractCandidate> = {};
  const buyer = organisationRef('buyerInn', 'buyer', text.buyerInn, text.buyer, issues, warnings);
  if (buyer) c.buyer = buyer;
  else if (text.buyerInn === undefined)
    issues.push(
      issue(
        'buyer',
        'empty',
        'покупатель не указан (ИНН или наименование)',
        'the buyer is not given (INN or name)',
      ),
    );
  const supplier = organisationRef(
    'supplierInn',
    'supplier',
    text.supplierInn,
    text.supplier,
    issues,
    warnings,
  );
  if (supplier) c.supplier = supplier;
  else if (text.supplierInn === undefined)
    issues.push(
      issue(
        'supplier',
        'empty',
        'поставщик не указан (ИНН или наименование)',
        'the supplier is not given (INN or name)',
      ),
    );
  if (buyer?.inn && supplier?.inn && buyer.inn === supplier.inn)
    issues.push(
      issue(
        'supplierInn',
        'same_party',
        'поставщик не может быть покупателем',
        'the supplier cannot be the buyer',
      ),
    );
  if (text.contractType === undefined) c.contractType = 'supply';
  else {
    const t = typeOf(text.contractType);
    if (t) c.contractType = t;
    else
      issues.push(
        issue(
          'contractType',
          'unknown_contract_type',
          `тип договора «${text.contractType}» не распознан; типы: ${COOPERATION_CONTRACT_TYPES.values.map((v) => COOPERATION_CONTRACT_TYPES.terms[v].ru).join('; ')}`,
          `contract type "${text.contractType}" is not recognised`,
        ),
      );
  }
  if (text.okpd2 !== undefined) {
    // Excel turns «28.30» into the number 28,3: the decimal comma is read back as a point.
    const code = text.okpd2.replace(SPACES, '').replace(/^(\d\d),(\d)/, '$1.$2');
    if (/^\d{2}(\.\d{1,2}){0,3}(\.\d{3})?$/.test(code)) c.okpd2 = code;
    else
      issues.push(
        issue(
          'okpd2',
          'okpd2_format',
          `«${text.okpd2}» — не код ОКПД2 (ожидается вида 28.30.2)`,
          `"${text.okpd2}" is not an ОКПД2 code (expected like 28.30.2)`,
        ),
      );
  }
  if (text.product) c.product = text.product.replace(/\s+/g, ' ');
  if (text.signedOn === undefined)
    issues.push(
      issue('signedOn', 'empty', 'дата подписания не указана', 'the signing date is empty'),
    );
  else {
    const d = dateOf('signedOn', text.signedOn, issues);
    if (d) c.signedOn = d;
  }
  for (const field of ['validFrom', 'validTo'] as const) {
    const t = text[field];
    if (t === undefined) continue;
    const d = dateOf(field, t, issues);
    if (d) c[field] = d;
  }
  if (c.validFrom && c.validTo && c.validFrom > c.validTo)
    issues.push(
      issue(
        'validTo',
        'period_reversed',
        'окончание срока действия раньше его начала',
        'the end is before the start',
      ),
    );
  if (text.valueRub !== undefined) {
    const n = numberOf('valueRub', text.valueRub, issues, { min: 0, max: 1e15 });
    if (n !== undefined) c.valueRub = Math.round(n * 100) / 100;
  }
  if (text.source) c.source = text.source.replace(/\s+/g, ' ');
  if (issues.length > 0) return { issues, warnings };
  return { candidate: c as ContractCandidate, warnings };
}
