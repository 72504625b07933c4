import type { QuarantineReason } from '@promatlas/core/domain/vocabulary.ts';
import { ValidationError } from '../../shared/domain-errors.ts';

/** One row of an imported file, before regions and activities are matched. */
export interface SourceRow {
  /** 1-based line (CSV) or row number (XLSX) in the file. */
  line: number;
  /** The row as read, kept verbatim in quarantine. */
  raw: Record<string, string>;
  /** Region as written (may carry indentation). */
  region: string;
  /** Activity or category, code or name, as written. */
  industry: string;
  /**
   * ОКВЭД2 level implied by the layout (Rosstat indents 0/4/8/12 spaces for
   * section/division/group/subgroup); undefined when the layout says nothing.
   */
  industryLevel?: 'section' | 'division' | 'group' | 'subgroup' | 'type' | undefined;
  /** ОКВЭД2 section the row lies under in the layout (Rosstat lists sections first). */
  sectionHint?: string | undefined;
  /** Value cells: one per year. */
  cells: SourceCell[];
}

export interface SourceCell {
  year: number;
  /** Column name or header text, for messages («поле «2019»»). */
  field: string;
  text: string;
  /** The year as written, when it came from a cell (long tables with a year column). */
  yearText?: string | undefined;
  yearField?: string | undefined;
}

/** A row set aside with the reason, never dropped silently. */
export interface QuarantineEntry {
  line: number;
  raw: Record<string, string>;
  reasonCode: QuarantineReasonCode;
  /** Russian, naming line and field. */
  reason: string;
}

/** The reasons are a core vocabulary, so the API, the database CHECK and the labels agree. */
export type QuarantineReasonCode = QuarantineReason;

/** A file that cannot be imported at all (missing columns, no years): every problem, in Russian and English. */
export class DatasetImportError extends ValidationError {
  constructor(readonly problems: { ru: string; en: string }[]) {
    super(
      `Файл не импортирован: ${problems.map((p) => p.ru).join('; ')}`,
      `File not imported: ${problems.map((p) => p.en).join('; ')}`,
      { code: 'import_invalid' },
    );
  }
}

/**
 * A number cell: digits with spaces between groups («1 234»), a decimal comma
 * or point. Rosstat's «-» (no such activity) is 0; «…», «...», «x»/«х»
 * (confidential or not published) and empty cells are `null`: no value, not 0.
 * `undefined` when the text is not a number.
 */
export function parseValue(text: string): number | null | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '' || /^(…|\.\.\.|x|х|X|Х)$/.test(compact)) return null;
  if (/^[-–—]$/.test(compact)) return 0;
  const normalised = /^[+-]?\d+,\d+$/.test(compact) ? compact.replace(',', '.') : compact;
  if (!/^[+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(normalised)) return undefined;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : undefined;
}
