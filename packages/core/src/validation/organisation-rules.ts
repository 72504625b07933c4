import { checkInn } from '../identifiers/inn.ts';
import { checkOgrn } from '../identifiers/ogrn.ts';
import { isValidKpp } from '../identifiers/kpp.ts';
import { findLegalForm } from '../legal-forms/legal-forms.ts';
import { isOkvedCode } from '../okved/okved-code.ts';

/**
 * Field rules for organisations, shared by the server (API validation) and
 * the browser (validation as the user types). Each returns a Russian message
 * for the field, or null when the value is acceptable.
 */
export function innProblem(inn: string): string | null {
  const check = checkInn(inn);
  if (check.valid) return null;
  return check.problem === 'format'
    ? 'ИНН состоит из 10 цифр (организация) или 12 цифр (физическое лицо, ИП)'
    : 'ИНН не проходит проверку контрольного числа — проверьте цифры';
}

export function ogrnProblem(ogrn: string, legalForm?: string | null): string | null {
  const check = checkOgrn(ogrn);
  if (!check.valid) {
    if (check.problem === 'format') return 'ОГРН состоит из 13 цифр, ОГРНИП — из 15 цифр';
    if (check.problem === 'sign') return 'ОГРН начинается с 1 или 5, ОГРНИП — с 3';
    return 'ОГРН не проходит проверку контрольного числа — проверьте цифры';
  }
  const form = legalForm ? findLegalForm(legalForm) : undefined;
  if (form && form.registration !== check.kind) {
    return form.registration === 'individual_entrepreneur'
      ? `У формы «${form.abbreviation}» регистрационный номер — 15-значный ОГРНИП`
      : `У формы «${form.abbreviation}» регистрационный номер — 13-значный ОГРН, а не ОГРНИП`;
  }
  return null;
}

/** An individual entrepreneur has a 12-digit ИНН; an organisation a 10-digit one. */
export function innMatchesLegalForm(inn: string, legalForm?: string | null): string | null {
  const form = legalForm ? findLegalForm(legalForm) : undefined;
  const check = checkInn(inn);
  if (!form || !check.valid) return null;
  if (form.registration === 'individual_entrepreneur' && check.kind !== 'individual')
    return 'У индивидуального предпринимателя ИНН из 12 цифр';
  if (form.registration === 'legal_entity' && check.kind !== 'legal_entity')
    return `У формы «${form.abbreviation}» ИНН из 10 цифр`;
  return null;
}

export function kppProblem(kpp: string): string | null {
  return isValidKpp(kpp)
    ? null
    : 'КПП — 9 символов: 4 цифры, 2 цифры или заглавные латинские буквы, 3 цифры';
}

export function legalFormProblem(legalForm: string): string | null {
  return findLegalForm(legalForm)
    ? null
    : 'Неизвестная организационно-правовая форма (ООО, АО, ПАО, ЗАО, ОАО, ИП, ФГБОУ ВО, …)';
}

export function okvedProblem(code: string): string | null {
  return isOkvedCode(code) ? null : `«${code}» — не код ОКВЭД2 (пример: 28.30 или 25.11)`;
}

/** A past event cannot be dated in the future; planned events can. */
export function pastDateProblem(isoDate: string, today: string): string | null {
  return isoDate > today ? 'Дата прошедшего события не может быть в будущем' : null;
}
