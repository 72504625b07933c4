import { spreadsheetCell } from '@promatlas/core/format/spreadsheet-cell.ts';
import {
  computeEdition,
  parseMethodology,
  type IndicatorValue,
  type Methodology,
} from '@promatlas/core/ratings/index.ts';
import { bindColumns, readCsvTable, TabularReadError, type Table } from '../imports/index.ts';
import { parseIndicatorNumber } from './parse-indicator-number.ts';

// Use case behind `npx promatlas ratings compute --methodology <file>
// --values <csv> --out <csv>`: text in, text out, so the CLI only reads and
// writes files and the HTTP API can reuse it for uploads.

export interface RatingsComputeInput {
  /** Methodology as JSON (see methodology.schema.ts in core). */
  methodologyJson: string;
  /**
   * Values CSV: header `object,indicator,value[,year][,peer_group][,source]`;
   * text, or the file's bytes (UTF-8 or Windows-1251, see imports/tabular).
   */
  valuesCsv: string | Uint8Array;
  /** Which year to rate when the CSV holds several; rows of other years are ignored. */
  year?: number;
}

export interface RatingsInputProblem {
  /** 1-based line of the CSV (the header is line 1); null for the file as a whole or the methodology. */
  line: number | null;
  field: string;
  /** Russian, with the English in parentheses. */
  message: string;
}

/** Every problem found in the input, so the user can fix them all in one pass. */
export class RatingsInputError extends Error {
  readonly problems: RatingsInputProblem[];
  constructor(problems: RatingsInputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'RatingsInputError';
    this.problems = problems;
  }
}

const REQUIRED_COLUMNS = ['object', 'indicator', 'value'] as const;
const OPTIONAL_COLUMNS = ['year', 'peer_group', 'source'] as const;
type Column = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

/**
 * Computes a rating edition from a methodology and a CSV of indicator values
 * and returns the result as CSV: `object,peer_group,score,place,disqualified`
 * followed by one `score_<group code>` column per indicator group. Rows are
 * grouped by peer group and ordered by place; scores have six decimals; an
 * empty cell means "no value" (e.g. the score of a disqualified object).
 *
 * Input rules: the tabular layer's (imports/tabular): the separator is
 * detected («,» or «;» as Excel in a Russian locale writes), a byte-order mark
 * is ignored, bytes may be UTF-8 or Windows-1251; values may use a decimal comma and spaces between digit groups
 * («1 234,5»); an empty value is a known gap, handled by the methodology's
 * missing-value rule. Rows without a year count for any year. The source
 * column is checked for nothing and does not enter the calculation; it is
 * accepted so that the same file can later be imported with its provenance.
 * Throws RatingsInputError listing every problem, each naming its line and
 * field.
 */
export function runRatingsCompute(input: RatingsComputeInput): string {
  const methodology = readMethodology(input.methodologyJson);
  const values = readValues(input.valuesCsv, methodology, input.year);
  const edition = computeEdition(methodology, values);

  const header = [
    'object',
    'peer_group',
    'score',
    'place',
    'disqualified',
    ...methodology.groups.map((g) => `score_${g.code}`),
  ];
  const lines = [header.join(',')];
  for (const o of edition.objects)
    lines.push(
      [
        o.objectId,
        o.peerGroup ?? '',
        formatNumber(o.score),
        o.place === null ? '' : String(o.place),
        String(o.disqualified),
        ...o.groups.map((g) => formatNumber(g.score)),
      ]
        .map(csvField)
        .join(','),
    );
  return lines.join('\n') + '\n';
}

function readMethodology(json: string): Methodology {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new RatingsInputError([
      {
        line: null,
        field: 'methodology',
        message: `методика не является корректным JSON (methodology is not valid JSON): ${(error as Error).message}`,
      },
    ]);
  }
  const parsed = parseMethodology(data);
  if (parsed.success) return parsed.methodology;
  throw new RatingsInputError(
    parsed.errors.map((message) => ({
      line: null,
      field: `methodology.${message.slice(0, message.indexOf(':'))}`,
      message: `${message.slice(message.indexOf(':') + 2)} (invalid methodology)`,
    })),
  );
}

interface Row {
  line: number;
  objectId: string;
  indicator: string;
  value: number | null;
  year: number | null;
  peerGroup: string | null;
}

function readValues(
  csv: string | Uint8Array,
  methodology: Methodology,
  year: number | undefined,
): IndicatorValue[] {
  let table: Table;
  try {
    // Repeated columns are reported by bindColumns, naming the column.
    table = readCsvTable(typeof csv === 'string' ? { text: csv } : { bytes: csv }, {
      trim: true,
      duplicateHeaders: 'allow',
    });
  } catch (error) {
    if (!(error instanceof TabularReadError)) throw error;
    throw new RatingsInputError(
      error.problems.map((p) => ({
        line: p.line,
        field: p.column ?? 'csv',
        message: `${p.message} (${p.messageEn})`,
      })),
    );
  }

  const problems: RatingsInputProblem[] = [];
  const problem = (line: number | null, field: string, ru: string, en: string) =>
    problems.push({ line, field, message: `${ru} (${en})` });

  if (!table.headers) {
    problem(null, 'csv', 'файл пуст', 'the file is empty');
    throw new RatingsInputError(problems);
  }
  const width = table.headers.length;
  const specs = Object.fromEntries(
    [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].map((column) => [
      column,
      {
        names: [column] as [string],
        optional: !(REQUIRED_COLUMNS as readonly string[]).includes(column),
      },
    ]),
  ) as Record<Column, { names: [string]; optional: boolean }>;
  const { index: columns, problems: headerProblems } = bindColumns(table.headers, specs, {
    headerLine: table.headerLine,
  });
  for (const p of headerProblems) problem(p.line, p.column ?? 'csv', p.message, p.messageEn);
  if (problems.length > 0) throw new RatingsInputError(problems);

  const indicatorCodes = new Set(methodology.indicators.map((i) => i.code));
  const peerGroupCodes = new Set(methodology.peerGroups.groups.map((g) => g.code));
  const cell = (record: string[], column: Column) => {
    const k = columns.get(column);
    return k === undefined ? '' : (record[k] ?? '');
  };

  const rows: Row[] = [];
  for (const { line, cells: record } of table.rows) {
    if (record.length !== width) {
      problem(
        line,
        'csv',
        `в строке ${record.length} полей, а в заголовке ${width}`,
        `the row has ${record.length} fields, the header ${width}`,
      );
      continue;
    }
    const objectId = cell(record, 'object');
    if (objectId === '') problem(line, 'object', 'не указан объект', 'object is empty');
    const indicator = cell(record, 'indicator');
    if (!indicatorCodes.has(indicator))
      problem(
        line,
        'indicator',
        `показатель «${indicator}» не описан в методике «${methodology.id}»`,
        `indicator "${indicator}" is not in methodology "${methodology.id}"`,
      );
    const rawValue = cell(record, 'value');
    const value = parseIndicatorNumber(rawValue);
    if (value === undefined)
      problem(
        line,
        'value',
        `значение «${rawValue}» не число`,
        `value "${rawValue}" is not a number`,
      );
    const rawYear = cell(record, 'year');
    let rowYear: number | null = null;
    if (rawYear !== '') {
      rowYear = Number(rawYear);
      if (!Number.isInteger(rowYear) || rowYear < 1900 || rowYear > 2100)
        problem(line, 'year', `год «${rawYear}» не год`, `year "${rawYear}" is not a year`);
    }
    const peerGroup = cell(record, 'peer_group') || null;
    if (peerGroup !== null && peerGroupCodes.size > 0 && !peerGroupCodes.has(peerGroup))
      problem(
        line,
        'peer_group',
        `группа сравнения «${peerGroup}» не описана в методике; допустимы: ${[...peerGroupCodes].join(', ')}`,
        `peer group "${peerGroup}" is not in the methodology; allowed: ${[...peerGroupCodes].join(', ')}`,
      );
    rows.push({ line, objectId, indicator, value: value ?? null, year: rowYear, peerGroup });
  }

  const years = [...new Set(rows.map((r) => r.year).filter((y): y is number => y !== null))].sort();
  if (year === undefined && years.length > 1)
    problem(
      null,
      'year',
      `в файле несколько лет (${years.join(', ')}); укажите, какой год рассчитывать`,
      `the file holds several years (${years.join(', ')}); say which year to compute`,
    );
  const selected =
    year === undefined ? rows : rows.filter((r) => r.year === null || r.year === year);

  const firstLineOf = new Map<string, number>();
  const peerGroupOf = new Map<string, { peerGroup: string | null; line: number }>();
  for (const r of selected) {
    const key = `${r.objectId}\u0000${r.indicator}`;
    const earlier = firstLineOf.get(key);
    if (earlier !== undefined)
      problem(
        r.line,
        'indicator',
        `значение показателя «${r.indicator}» объекта «${r.objectId}» уже указано в строке ${earlier}`,
        `indicator "${r.indicator}" of "${r.objectId}" is already given on line ${earlier}`,
      );
    else firstLineOf.set(key, r.line);
    const known = peerGroupOf.get(r.objectId);
    if (!known) peerGroupOf.set(r.objectId, { peerGroup: r.peerGroup, line: r.line });
    else if (known.peerGroup !== r.peerGroup)
      problem(
        r.line,
        'peer_group',
        `у объекта «${r.objectId}» другая группа сравнения, чем в строке ${known.line} («${known.peerGroup ?? ''}»)`,
        `"${r.objectId}" has a different peer group than on line ${known.line} ("${known.peerGroup ?? ''}")`,
      );
  }

  if (problems.length > 0) throw new RatingsInputError(problems);
  return selected.map((r) => ({
    objectId: r.objectId,
    peerGroup: r.peerGroup,
    indicator: r.indicator,
    value: r.value,
  }));
}

function formatNumber(x: number | null): string {
  return x === null ? '' : x.toFixed(6);
}

function csvField(cell: string): string {
  const text = spreadsheetCell(cell);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function formatProblem(p: RatingsInputProblem): string {
  const where = p.line === null ? '' : `Строка ${p.line} (line ${p.line}), `;
  return `${where}поле «${p.field}» (field "${p.field}"): ${p.message}`;
}
