import { checkInn } from '@promatlas/core/identifiers/inn.ts';
import { checkOgrn } from '@promatlas/core/identifiers/ogrn.ts';
import { matchFederalSubject } from '@promatlas/core/regions/match-federal-subject.ts';
import { FEDERAL_SUBJECTS } from '@promatlas/core/regions/federal-subjects.ts';
import { parseSpreadsheetNumber } from '../imports/index.ts';

/**
 * What every entity's field definitions are made of: a field's labels and
 * the header spellings Russian registries use for it, and the checks of the
 * cell values several entities share (identifiers, regions, dates, numbers).
 */
export interface FieldLabel {
  ru: string;
  en: string;
  headers: readonly string[];
}
export type FieldSet = Readonly<Record<string, FieldLabel>>;

/** A problem of one cell, by field, in Russian and English. */
export interface FieldIssue {
  field: string | null;
  code: string;
  message: string;
  messageEn: string;
}

export const issue = (field: string | null, code: string, ru: string, en: string): FieldIssue => ({
  field,
  code,
  message: ru,
  messageEn: en,
});

/** A header as compared: lower case, ё → е, punctuation and numbering dropped, spaces collapsed. */
export function normaliseHeaderName(header: string): string {
  return header
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^\p{L}\p{N}-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Suggests the field of each column from its header: an exact spelling
 * first; then a header that ends with a spelling (a column under a merged
 * group title: «Место работы ИНН организации»), then one that begins with it
 * («ИНН организации (10 знаков)»), then one that contains it as whole words;
 * on the same footing the longer, more specific spelling wins. Each field
 * goes to one column at most, the best match winning (the leftmost on a tie).
 */
export function suggestColumnsOf(
  fields: FieldSet,
  headers: readonly string[],
): Record<string, string> {
  const keys = Object.keys(fields);
  const scored: Array<{ column: number; field: string; score: number; length: number }> = [];
  headers.forEach((header, column) => {
    const name = normaliseHeaderName(header);
    if (name === '') return;
    for (const field of keys) {
      let best = 0;
      let length = 0;
      for (const spelling of fields[field]!.headers) {
        const s = normaliseHeaderName(spelling);
        const score =
          name === s
            ? 4
            : name.endsWith(` ${s}`)
              ? 3
              : name.startsWith(`${s} `)
                ? 2
                : ` ${name} `.includes(` ${s} `)
                  ? 1
                  : 0;
        if (score > best || (score === best && score > 0 && s.length > length)) {
          best = score;
          length = s.length;
        }
      }
      if (best > 0) scored.push({ column, field, score: best, length });
    }
  });
  scored.sort((a, b) => b.score - a.score || b.length - a.length || a.column - b.column);
  const out: Record<string, string> = {};
  const usedColumns = new Set<number>();
  const usedFields = new Set<string>();
  for (const s of scored) {
    if (usedColumns.has(s.column) || usedFields.has(s.field)) continue;
    usedColumns.add(s.column);
    usedFields.add(s.field);
    out[headers[s.column]!] = s.field;
  }
  return out;
}

const EXCEL_ERROR = /^#(REF!|VALUE!|N\/A|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/i;
export const SPACES = /[\s\u00a0\u202f]/g;

/**
 * The non-empty cells of a row by field, trimmed; a cell holding an Excel
 * formula error (#REF! …) is an issue of its field and gives no value.
 */
export function cellTexts<F extends string>(
  values: Partial<Record<F, string>>,
  keys: readonly F[],
  issues: FieldIssue[],
): Partial<Record<F, string>> {
  const text: Partial<Record<F, string>> = {};
  for (const field of keys) {
    const v = values[field]?.trim();
    if (v === undefined || v === '') continue;
    if (EXCEL_ERROR.test(v)) {
      issues.push(
        issue(
          field,
          'formula_error',
          `в ячейке ошибка формулы Excel ${v.toUpperCase()}: исправьте формулу или вставьте значения`,
          `the cell holds the Excel formula error ${v.toUpperCase()}: fix the formula or paste values`,
        ),
      );
      continue;
    }
    text[field] = v;
  }
  return text;
}

/**
 * ИНН / ОГРН as Excel leaves them: spaces between digit groups are removed
 * (and said so), a number in exponential form or one digit short — Excel
 * dropped the leading zero of a number-formatted cell — is refused with the
 * likely value named, never repaired silently.
 */
export function identifier(
  kind: 'inn' | 'ogrn',
  field: string,
  text: string,
  issues: FieldIssue[],
  warnings: FieldIssue[],
): string | undefined {
  const label = kind === 'inn' ? 'ИНН' : 'ОГРН';
  const compact = text.replace(SPACES, '');
  if (/^\d+([.,]\d+)?e\+?\d+$/i.test(compact)) {
    issues.push(
      issue(
        field,
        'exponent',
        `${label} «${text}» записан Excel как число в экспоненциальной форме, цифры потеряны: задайте столбцу текстовый формат и выгрузите файл заново`,
        `${label} "${text}" was written by Excel in exponential notation and its digits are lost: format the column as text and export again`,
      ),
    );
    return undefined;
  }
  if (compact !== text)
    warnings.push(
      issue(
        field,
        'spaces_removed',
        `пробелы в ${label} «${text}» удалены`,
        `spaces removed from ${label} "${text}"`,
      ),
    );
  if (!/^\d+$/.test(compact)) {
    issues.push(
      issue(
        field,
        'format',
        `${label} «${text}» должен состоять из цифр`,
        `${label} "${text}" must consist of digits`,
      ),
    );
    return undefined;
  }
  const check = kind === 'inn' ? checkInn : checkOgrn;
  const lengths = kind === 'inn' ? [10, 12] : [13, 15];
  const result = check(compact);
  if (result.valid) return compact;
  if (lengths.includes(compact.length + 1) && check(`0${compact}`).valid) {
    issues.push(
      issue(
        field,
        'lost_leading_zero',
        `${label} «${text}» на одну цифру короче: по-видимому, Excel отбросил ведущий ноль (должно быть «0${compact}»); задайте столбцу текстовый формат или исправьте значение`,
        `${label} "${text}" is one digit short: Excel apparently dropped the leading zero (it should be "0${compact}"); format the column as text or correct the value`,
      ),
    );
    return undefined;
  }
  if (result.problem === 'format')
    issues.push(
      issue(
        field,
        'format',
        `${label} «${text}»: ожидается ${lengths.join(' или ')} цифр, а их ${compact.length}`,
        `${label} "${text}": ${lengths.join(' or ')} digits expected, got ${compact.length}`,
      ),
    );
  else
    issues.push(
      issue(
        field,
        'checksum',
        `${label} «${text}»: контрольная цифра не сходится — номер записан с ошибкой`,
        `${label} "${text}": the check digit does not match — the number is mistyped`,
      ),
    );
  return undefined;
}

const SUBJECT_BY_CODE = new Map(FEDERAL_SUBJECTS.map((s) => [s.code, s]));

/** A federal subject by its two-digit code or any common spelling of its name. */
export function regionCodeOf(
  field: string,
  text: string,
  issues: FieldIssue[],
): string | undefined {
  const subject = /^\d{2}$/.test(text) ? SUBJECT_BY_CODE.get(text) : matchFederalSubject(text);
  if (subject) return subject.code;
  issues.push(
    issue(
      field,
      'unknown_region',
      `регион «${text}» не найден среди субъектов РФ`,
      `region "${text}" is not a federal subject of Russia`,
    ),
  );
  return undefined;
}

const isRealDate = (y: number, m: number, d: number) => {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date as registries write it: 01.02.2024, 1.2.2024, 2024-02-01, or a year
 * alone (the 1st of January of it); an XLSX date cell arrives as 2024-02-01.
 */
export function dateOf(field: string, text: string, issues: FieldIssue[]): string | undefined {
  const t = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s*г\.?)?$/.exec(t);
  if (match) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t)))
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{4})(?:\s*г\.?)?$/.exec(t))) [y, m, d] = [Number(match[1]), 1, 1];
  else {
    issues.push(
      issue(
        field,
        'not_a_date',
        `«${text}» — не дата (ожидается ДД.ММ.ГГГГ)`,
        `"${text}" is not a date (DD.MM.YYYY expected)`,
      ),
    );
    return undefined;
  }
  if (!isRealDate(y, m, d) || y < 1900 || y > 2100) {
    issues.push(
      issue(
        field,
        'not_a_date',
        `даты «${text}» не существует`,
        `the date "${text}" does not exist`,
      ),
    );
    return undefined;
  }
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** A number with a Russian decimal comma and grouping spaces; «₽», «руб.» after it are dropped. */
export function numberOf(
  field: string,
  text: string,
  issues: FieldIssue[],
  range?: { min: number; max: number },
): number | undefined {
  const bare = text.replace(/\s*(₽|руб\.?|рублей|р\.)$/i, '');
  const n = parseSpreadsheetNumber(bare);
  if (typeof n !== 'number') {
    issues.push(issue(field, 'not_a_number', `«${text}» — не число`, `"${text}" is not a number`));
    return undefined;
  }
  if (range && (n < range.min || n > range.max)) {
    issues.push(
      issue(
        field,
        'out_of_range',
        `«${text}» вне диапазона ${range.min}…${range.max}`,
        `"${text}" is outside ${range.min}…${range.max}`,
      ),
    );
    return undefined;
  }
  return n;
}

/** A value of a vocabulary by its code or its Russian or English label, case and punctuation ignored. */
export function vocabularyMatcher<K extends string>(
  vocabulary: {
    values: readonly K[];
    terms: Record<K, { ru: string; en: string }>;
  },
  extra: Record<string, K> = {},
): (text: string) => K | undefined {
  const byLabel = new Map<string, K>();
  for (const key of vocabulary.values) {
    byLabel.set(key, key);
    byLabel.set(normaliseHeaderName(vocabulary.terms[key].ru), key);
    byLabel.set(normaliseHeaderName(vocabulary.terms[key].en), key);
  }
  for (const [label, key] of Object.entries(extra)) byLabel.set(normaliseHeaderName(label), key);
  return (text) => byLabel.get(text) ?? byLabel.get(normaliseHeaderName(text));
}

/** An organisation a row refers to: by ИНН when given, else by name (and region, when the row has one). */
export interface OrganisationRef {
  inn?: string;
  name?: string;
}

/**
 * The organisation of a row from its ИНН and name cells; a row may give
 * either. The ИНН is checked like the organisation's own.
 */
export function organisationRef(
  innField: string,
  nameField: string,
  innText: string | undefined,
  nameText: string | undefined,
  issues: FieldIssue[],
  warnings: FieldIssue[],
): OrganisationRef | undefined {
  const ref: OrganisationRef = {};
  if (innText !== undefined) {
    const inn = identifier('inn', innField, innText, issues, warnings);
    if (!inn) return undefined;
    ref.inn = inn;
  }
  if (nameText !== undefined) ref.name = nameText.replace(/\s+/g, ' ');
  return ref.inn || ref.name ? ref : undefined;
}

/** A name as matched: case, ё, quotes and spacing ignored. */
export function plainNameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/["'«»„“”]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
