import { z } from 'zod';
import type { Table, TableRow } from './read-table.ts';
import type { TabularProblem } from './tabular-problem.ts';

/** One column of a typed table: the header spellings it answers to and the schema of its cell. */
export interface ColumnSpec<T = unknown> {
  /** Accepted header spellings, matched ignoring case and surrounding spaces; the first is the canonical name. */
  names: readonly [string, ...string[]];
  /** Parses the cell text (trimmed); its issues become row errors. */
  schema: z.ZodType<T, string>;
  /** A missing required column refuses the table; an absent optional one gives its schema ''. */
  optional?: boolean;
}

export type ColumnSpecs = Record<string, ColumnSpec>;
export type TypedRow<S extends ColumnSpecs> = { [K in keyof S]: z.output<S[K]['schema']> };

/** A problem of one cell (or one row): the file's line, the column as the header names it, the reason. */
export interface RowError extends TabularProblem {
  line: number;
  column: string;
  /** The cell as written. */
  value: string;
}

export interface BoundColumns<K extends string> {
  /** Column key → index in each row, for the columns present. */
  index: Map<K, number>;
  /** Unknown, repeated and missing columns, in the order of the header, then the missing ones. */
  problems: TabularProblem[];
}

/**
 * Matches a header against column specs. Unknown columns are problems unless
 * `unknownColumns: 'ignore'`; a column named twice (two spellings of one
 * column) and a missing required column are always problems.
 */
export function bindColumns<K extends string>(
  headers: readonly string[],
  specs: Record<K, Pick<ColumnSpec, 'names' | 'optional'>>,
  options: { headerLine?: number | null; unknownColumns?: 'error' | 'ignore' } = {},
): BoundColumns<K> {
  const line = options.headerLine ?? 1;
  const keys = Object.keys(specs) as K[];
  const byName = new Map<string, K>();
  for (const key of keys) for (const name of specs[key].names) byName.set(name.toLowerCase(), key);
  const allowed = keys.map((k) => specs[k].names[0]).join(', ');
  const index = new Map<K, number>();
  const problems: TabularProblem[] = [];
  headers.forEach((header, k) => {
    const name = header.trim();
    const key = byName.get(name.toLowerCase());
    if (key === undefined) {
      if ((options.unknownColumns ?? 'error') === 'error' && name !== '')
        problems.push({
          line,
          column: name,
          code: 'unknown_column',
          message: `неизвестный столбец «${name}»; допустимы: ${allowed}`,
          messageEn: `unknown column "${name}"; allowed: ${allowed}`,
        });
      return;
    }
    const canonical = specs[key].names[0];
    if (index.has(key))
      problems.push({
        line,
        column: canonical,
        code: 'duplicate_column',
        message: `столбец «${canonical}» повторяется`,
        messageEn: `column "${canonical}" is repeated`,
      });
    else index.set(key, k);
  });
  for (const key of keys) {
    const canonical = specs[key].names[0];
    if (!specs[key].optional && !index.has(key))
      problems.push({
        line,
        column: canonical,
        code: 'missing_column',
        message: `нет обязательного столбца «${canonical}»`,
        messageEn: `required column "${canonical}" is missing`,
      });
  }
  return { index, problems };
}

const ru = z.locales.ru().localeError;
const en = z.locales.en().localeError;

function localised(map: typeof ru, issue: z.core.$ZodIssue): string {
  const result = map(issue as unknown as z.core.$ZodRawIssue);
  if (typeof result === 'string') return result;
  return result?.message ?? issue.message;
}

/**
 * Maps a table's rows to typed rows through one zod schema per column. A row
 * with any bad cell is left out and each bad cell gives a RowError naming the
 * line, the column and the reason: the `ru` / `en` / `code` params of a
 * custom issue (see `cellIssue`) when the schema gives them, else zod's own
 * message in Russian and English.
 */
export function mapRows<S extends ColumnSpecs>(
  table: Pick<Table, 'headers' | 'headerLine' | 'rows'>,
  specs: S,
  options: { unknownColumns?: 'error' | 'ignore' } = {},
): {
  rows: { line: number; value: TypedRow<S> }[];
  errors: RowError[];
  headerProblems: TabularProblem[];
} {
  const { index, problems } = bindColumns(table.headers ?? [], specs, {
    headerLine: table.headerLine,
    ...options,
  });
  if (problems.length > 0) return { rows: [], errors: [], headerProblems: problems };
  const rows: { line: number; value: TypedRow<S> }[] = [];
  const errors: RowError[] = [];
  for (const row of table.rows) {
    const mapped = mapRow(row, specs, index);
    if ('errors' in mapped) errors.push(...mapped.errors);
    else rows.push({ line: row.line, value: mapped.value });
  }
  return { rows, errors, headerProblems: [] };
}

function mapRow<S extends ColumnSpecs>(
  row: TableRow,
  specs: S,
  index: Map<keyof S & string, number>,
): { value: TypedRow<S> } | { errors: RowError[] } {
  const value: Record<string, unknown> = {};
  const errors: RowError[] = [];
  for (const key of Object.keys(specs) as (keyof S & string)[]) {
    const spec = specs[key]!;
    const k = index.get(key);
    const text = k === undefined ? '' : (row.cells[k] ?? '').trim();
    const parsed = spec.schema.safeParse(text);
    if (parsed.success) {
      value[key] = parsed.data;
      continue;
    }
    for (const issue of parsed.error.issues) {
      const params = (issue as { params?: { ru?: string; en?: string; code?: string } }).params;
      errors.push({
        line: row.line,
        column: spec.names[0],
        value: text,
        code: params?.code ?? issue.code,
        message: params?.ru ?? `«${text}»: ${localised(ru, issue)}`,
        messageEn: params?.en ?? `"${text}": ${localised(en, issue)}`,
      });
    }
  }
  return errors.length > 0 ? { errors } : { value: value as TypedRow<S> };
}

/** Adds a custom issue with its Russian and English reason to a zod refinement context. */
export function cellIssue(
  ctx: z.RefinementCtx,
  code: string,
  ruMessage: string,
  enMessage: string,
): void {
  ctx.addIssue({
    code: 'custom',
    message: enMessage,
    params: { code, ru: ruMessage, en: enMessage },
  });
}

/** Cell schemas for the common cases, each with its reason in Russian and English. */
export const cell = {
  /** Text; empty is an error unless `optional` (then null). */
  text(options: { optional?: boolean } = {}) {
    return z.string().transform((text, ctx) => {
      if (text !== '') return text;
      if (options.optional) return null;
      cellIssue(ctx, 'empty', 'значение не указано', 'value is empty');
      return z.NEVER;
    });
  },
  /**
   * A number as Russian spreadsheets write it: spaces between digit groups,
   * a decimal comma or point. Empty is null when `optional`, else an error.
   */
  number(options: { optional?: boolean; min?: number } = {}) {
    return z.string().transform((text, ctx) => {
      const value = parseSpreadsheetNumber(text);
      if (value === null) {
        if (options.optional) return null;
        cellIssue(ctx, 'empty', 'значение не указано', 'value is empty');
        return z.NEVER;
      }
      if (value === undefined) {
        cellIssue(
          ctx,
          'not_a_number',
          `значение «${text}» не число`,
          `value "${text}" is not a number`,
        );
        return z.NEVER;
      }
      if (options.min !== undefined && value < options.min) {
        cellIssue(
          ctx,
          'too_small',
          `значение «${text}» меньше ${options.min}`,
          `value "${text}" is less than ${options.min}`,
        );
        return z.NEVER;
      }
      return value;
    });
  },
  /** A year 1900–2100; empty is null when `optional`. */
  year(options: { optional?: boolean } = {}) {
    return z.string().transform((text, ctx) => {
      if (text === '' && options.optional) return null;
      const year = Number(text);
      if (/^\d{4}$/.test(text) && year >= 1900 && year <= 2100) return year;
      cellIssue(ctx, 'not_a_year', `«${text}» — не год`, `"${text}" is not a year`);
      return z.NEVER;
    });
  },
};

/** Number, null for an empty cell, undefined when the text is not a number. */
export function parseSpreadsheetNumber(text: string): number | null | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return null;
  const normalised = /^[+-]?\d+,\d+$/.test(compact) ? compact.replace(',', '.') : compact;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(normalised)) return undefined;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : undefined;
}
