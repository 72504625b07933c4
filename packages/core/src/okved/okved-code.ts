import { OKVED_DIVISIONS, OKVED_SECTIONS } from './okved-top-levels.ts';

/**
 * Levels of ОКВЭД2 (ОК 029-2014): section 'C', division '28', group '28.1',
 * subgroup '28.11', type '28.11.1', subtype '28.11.11'.
 */
export type OkvedLevel = 'section' | 'division' | 'group' | 'subgroup' | 'type' | 'subtype';

export interface OkvedCode {
  code: string;
  level: OkvedLevel;
  /** The code one level up; a division's parent is its section letter; null for a section. */
  parent: string | null;
  /** Two-digit division; null for a section. */
  division: string | null;
  /** Section letter. */
  section: string;
}

// Each level adds one digit, except that a subgroup ('28.11') is written
// without the group's dot, so '28.1.1' is not a code.
const NUMERIC_CODE = /^\d{2}(\.\d(\d(\.\d{1,2})?)?)?$/;

const SECTION_CODES = new Set(OKVED_SECTIONS.map((s) => s.code));
const SECTION_OF_DIVISION = new Map(OKVED_DIVISIONS.map((d) => [d.code, d.section]));

const LEVEL_BY_LENGTH: Record<number, OkvedLevel> = {
  2: 'division',
  4: 'group',
  5: 'subgroup',
  7: 'type',
  8: 'subtype',
};

/** True when parseOkvedCode would accept the code. */
export function isOkvedCode(code: string): boolean {
  return tryParse(code.trim()) !== undefined;
}

/**
 * Parses an ОКВЭД2 code ('C', '28', '28.1', '28.11', '28.11.1', '28.11.11';
 * surrounding spaces are ignored) into its level and parent. Checks the
 * format and that the section or division exists in the classifier; it does
 * not check that deeper codes exist. Throws a RangeError otherwise.
 */
export function parseOkvedCode(code: string): OkvedCode {
  const parsed = tryParse(code.trim());
  if (!parsed) throw new RangeError(`Not an ОКВЭД2 code: ${JSON.stringify(code)}`);
  return parsed;
}

function tryParse(code: string): OkvedCode | undefined {
  if (SECTION_CODES.has(code)) {
    return { code, level: 'section', parent: null, division: null, section: code };
  }
  if (!NUMERIC_CODE.test(code)) return undefined;
  const division = code.slice(0, 2);
  const section = SECTION_OF_DIVISION.get(division);
  const level = LEVEL_BY_LENGTH[code.length];
  if (section === undefined || level === undefined) return undefined;
  return { code, level, parent: parentOf(code, level, section), division, section };
}

function parentOf(code: string, level: OkvedLevel, section: string): string {
  switch (level) {
    case 'division':
      return section;
    case 'group': // '28.1' → '28'
      return code.slice(0, 2);
    case 'type': // '28.11.1' → '28.11'
      return code.slice(0, 5);
    default: // subgroup '28.11' → '28.1'; subtype '28.11.11' → '28.11.1'
      return code.slice(0, -1);
  }
}
