import { spreadsheetCell } from '@promatlas/core/format/spreadsheet-cell.ts';
import {
  clusterStars,
  clusterStrength,
  locationQuotient,
  strongClusters,
  type EmploymentMatrix,
} from '@promatlas/core/analytics/index.ts';
import {
  bindColumns,
  parseSpreadsheetNumber,
  readCsvTable,
  TabularReadError,
  type Table as ReadTable,
} from '../../imports/index.ts';

// Use case behind
//   npx promatlas clusters map --input <csv> [--reference <csv>] --out <csv> [--summary <csv>]
// Text in, text out: the CLI only reads and writes files, and the HTTP API can
// reuse it for uploads. The computations are the pure functions of
// @promatlas/core/analytics; this file is parsing, validation and formatting.

export interface ClusterMapInput {
  /**
   * Header `region,industry,employment[,establishments]`, one row per region ×
   * industry: text, or the file's bytes (UTF-8 or Windows-1251, see imports/tabular).
   */
  inputCsv: string | Uint8Array;
  /** Header `industry,employment`: the benchmark. Without it, the input's own sums are used. */
  referenceCsv?: string | Uint8Array;
}

export interface ClusterMapOutput {
  /** Header `region,industry,employment,lq,strong,stars`, one row per input row, input order. */
  out: string;
  /** Header `region,traded_employment,strong_employment,cluster_strength`, regions in input order. */
  summary: string;
  /** Zero totals and the like, each in Russian with the English in parentheses. */
  warnings: string[];
}

export interface ClusterMapInputProblem {
  file: 'input' | 'reference';
  /** 1-based line of the CSV (the header is line 1); null for the file as a whole. */
  line: number | null;
  field: string;
  /** Russian, with the English in parentheses. */
  message: string;
}

/** Every problem found in the input files, so the user can fix them all in one pass. */
export class ClusterMapInputError extends Error {
  readonly problems: ClusterMapInputProblem[];
  constructor(problems: ClusterMapInputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ClusterMapInputError';
    this.problems = problems;
  }
}

/**
 * Maps clusters from a region × industry employment table:
 * - `lq`: location quotient against all input industries (the ECO "total
 *   employment" denominator), benchmarked against the reference when given
 *   (E_i from its rows, E = the sum of all its rows), else against the input's
 *   own column sums and total;
 * - `strong`: U.S. Cluster Mapping Project rule over regions with employment > 0
 *   in the industry: LQ ≥ Q75, LQ ≥ 1, employment > Q25 and, when the
 *   `establishments` column is present, establishments > Q25 (R-7 quantiles);
 * - `stars`: European Cluster Observatory size + specialisation + focus, 0–3,
 *   without establishments;
 * - summary: every input industry counts as traded; cluster strength is strong
 *   employment / traded employment (0 when the region has none).
 *
 * A region × industry pair absent from the input counts as employment 0 (it gets
 * no output row). Numbers are written with up to 6 decimals, trailing zeros
 * dropped. Input rules: the tabular layer's (imports/tabular): the separator
 * is detected («,» or «;» as Excel in a Russian locale writes), a byte-order
 * mark is ignored, bytes may be UTF-8 or Windows-1251; numbers may use a decimal comma and spaces between digit groups
 * («1 234»). Throws ClusterMapInputError listing every problem with its line and
 * field.
 */
export function runClusterMap(input: ClusterMapInput): ClusterMapOutput {
  const rows = readInput(input.inputCsv);
  const regionIds = unique(rows.map((row) => row.region));
  const industryIds = unique(rows.map((row) => row.industry));
  const reference =
    input.referenceCsv === undefined ? undefined : readReference(input.referenceCsv, industryIds);

  const regionIndex = new Map(regionIds.map((id, r) => [id, r]));
  const industryIndex = new Map(industryIds.map((id, i) => [id, i]));
  const industryCount = industryIds.length;
  const hasEstablishments = rows.some((row) => row.establishments !== null);
  const values = new Float64Array(regionIds.length * industryCount);
  const establishments = hasEstablishments ? new Float64Array(values.length) : undefined;
  const cellOf = rows.map((row) => {
    const cell = regionIndex.get(row.region)! * industryCount + industryIndex.get(row.industry)!;
    values[cell] = row.employment;
    if (establishments) establishments[cell] = row.establishments!;
    return cell;
  });
  const matrix: EmploymentMatrix = { regionIds, industryIds, values };

  const lq = locationQuotient(matrix, reference ? { reference } : {});
  const flags = strongClusters(matrix, lq.values, establishments ? { establishments } : {});
  const stars = clusterStars(matrix, lq.values);
  const strength = clusterStrength(matrix, flags.strong);

  const out = [['region', 'industry', 'employment', 'lq', 'strong', 'stars']];
  rows.forEach((row, k) => {
    const cell = cellOf[k]!;
    out.push([
      row.region,
      row.industry,
      formatNumber(row.employment),
      formatNumber(lq.values[cell]!),
      String(flags.strong[cell]),
      String(stars.stars[cell]),
    ]);
  });
  const summary = [['region', 'traded_employment', 'strong_employment', 'cluster_strength']];
  regionIds.forEach((region, r) => {
    summary.push([
      region,
      formatNumber(strength.tradedEmployment[r]!),
      formatNumber(strength.strongEmployment[r]!),
      formatNumber(strength.clusterStrength[r]!),
    ]);
  });

  const warnings: string[] = [];
  for (const note of lq.notes) {
    if (note.kind === 'zeroRegionTotal')
      warnings.push(
        `у региона «${note.regionId}» нулевая занятость: его коэффициенты локализации равны 0 ` +
          `(region "${note.regionId}" has no employment: its location quotients are 0)`,
      );
    else if (note.kind === 'zeroIndustryTotal')
      warnings.push(
        `у отрасли «${note.industryId}» нулевая занятость в базе сравнения: её коэффициенты локализации равны 0 ` +
          `(industry "${note.industryId}" has no benchmark employment: its location quotients are 0)`,
      );
    else if (note.kind === 'zeroTotal')
      warnings.push(
        'общая занятость базы сравнения равна 0: все коэффициенты локализации равны 0 ' +
          '(the benchmark total is 0: every location quotient is 0)',
      );
  }
  return { out: toCsv(out), summary: toCsv(summary), warnings };
}

interface InputRow {
  line: number;
  region: string;
  industry: string;
  employment: number;
  establishments: number | null;
}

const INPUT_COLUMNS = ['region', 'industry', 'employment', 'establishments'] as const;
const REFERENCE_COLUMNS = ['industry', 'employment'] as const;

function readInput(csv: string | Uint8Array): InputRow[] {
  const problems: ClusterMapInputProblem[] = [];
  const table = readTable(csv, 'input', INPUT_COLUMNS, ['establishments'], problems);
  if (!table) throw new ClusterMapInputError(problems);
  const problem = (line: number, field: string, ru: string, en: string) =>
    problems.push({ file: 'input', line, field, message: `${ru} (${en})` });

  const rows: InputRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { line, cell } of table.records) {
    const region = cell('region');
    const industry = cell('industry');
    if (region === '') problem(line, 'region', 'не указан регион', 'region is empty');
    if (industry === '') problem(line, 'industry', 'не указана отрасль', 'industry is empty');
    const employment = readCount(cell('employment'), line, 'employment', problem);
    const establishments = table.has('establishments')
      ? readCount(cell('establishments'), line, 'establishments', problem)
      : null;
    if (region !== '' && industry !== '') {
      const key = `${region}\u0000${industry}`;
      const earlier = firstLineOf.get(key);
      if (earlier !== undefined)
        problem(
          line,
          'industry',
          `пара регион × отрасль «${region}» × «${industry}» уже указана в строке ${earlier}`,
          `region × industry "${region}" × "${industry}" is already given on line ${earlier}`,
        );
      else firstLineOf.set(key, line);
    }
    rows.push({ line, region, industry, employment: employment ?? 0, establishments });
  }
  if (rows.length === 0 && problems.length === 0)
    problems.push({
      file: 'input',
      line: null,
      field: 'csv',
      message: 'в файле нет строк с данными (the file has no data rows)',
    });
  if (problems.length > 0) throw new ClusterMapInputError(problems);
  return rows;
}

function readReference(
  csv: string | Uint8Array,
  industryIds: readonly string[],
): { industryEmployment: Map<string, number>; totalEmployment: number } {
  const problems: ClusterMapInputProblem[] = [];
  const table = readTable(csv, 'reference', REFERENCE_COLUMNS, [], problems);
  if (!table) throw new ClusterMapInputError(problems);
  const problem = (line: number | null, field: string, ru: string, en: string) =>
    problems.push({ file: 'reference', line, field, message: `${ru} (${en})` });

  const industryEmployment = new Map<string, number>();
  const lineOf = new Map<string, number>();
  let totalEmployment = 0;
  for (const { line, cell } of table.records) {
    const industry = cell('industry');
    if (industry === '') problem(line, 'industry', 'не указана отрасль', 'industry is empty');
    const employment = readCount(cell('employment'), line, 'employment', problem);
    const earlier = lineOf.get(industry);
    if (industry !== '' && earlier !== undefined)
      problem(
        line,
        'industry',
        `отрасль «${industry}» уже указана в строке ${earlier}`,
        `industry "${industry}" is already given on line ${earlier}`,
      );
    else if (industry !== '' && employment !== null) {
      lineOf.set(industry, line);
      industryEmployment.set(industry, employment);
      totalEmployment += employment;
    }
  }
  // Without a benchmark figure an input industry's LQ would silently be 0.
  if (problems.length === 0)
    for (const industry of industryIds)
      if (!industryEmployment.has(industry))
        problem(
          null,
          'industry',
          `в справочном файле нет отрасли «${industry}» из входного файла`,
          `industry "${industry}" of the input is missing from the reference`,
        );
  if (problems.length > 0) throw new ClusterMapInputError(problems);
  return { industryEmployment, totalEmployment };
}

interface Table<Column extends string> {
  has(column: Column): boolean;
  records: { line: number; cell(column: Column): string }[];
}

/** Reads a CSV through the tabular layer, checks its header; null (with problems recorded) when it cannot go on. */
function readTable<Column extends string>(
  csv: string | Uint8Array,
  file: 'input' | 'reference',
  allowed: readonly Column[],
  optional: readonly Column[],
  problems: ClusterMapInputProblem[],
): Table<Column> | null {
  const problem = (line: number | null, field: string, ru: string, en: string) =>
    problems.push({ file, line, field, message: `${ru} (${en})` });
  let table: ReadTable;
  try {
    // Repeated columns are reported by bindColumns, naming the column.
    table = readCsvTable(typeof csv === 'string' ? { text: csv } : { bytes: csv }, {
      trim: true,
      duplicateHeaders: 'allow',
    });
  } catch (error) {
    if (!(error instanceof TabularReadError)) throw error;
    for (const p of error.problems) problem(p.line, p.column ?? 'csv', p.message, p.messageEn);
    return null;
  }
  if (!table.headers) {
    problem(null, 'csv', 'файл пуст', 'the file is empty');
    return null;
  }
  const width = table.headers.length;
  const specs = Object.fromEntries(
    allowed.map((column) => [
      column,
      { names: [column] as [string], optional: optional.includes(column) },
    ]),
  ) as Record<Column, { names: [string]; optional: boolean }>;
  const { index: columns, problems: headerProblems } = bindColumns(table.headers, specs, {
    headerLine: table.headerLine,
  });
  for (const p of headerProblems) problem(p.line, p.column ?? 'csv', p.message, p.messageEn);
  if (problems.length > 0) return null;

  const records: Table<Column>['records'] = [];
  for (const { line, cells } of table.rows) {
    if (cells.length !== width) {
      problem(
        line,
        'csv',
        `в строке ${cells.length} полей, а в заголовке ${width}`,
        `the row has ${cells.length} fields, the header ${width}`,
      );
      continue;
    }
    records.push({ line, cell: (column) => cells[columns.get(column)!] ?? '' });
  }
  return { has: (column) => columns.has(column), records };
}

/** A finite number ≥ 0, or null after recording a problem. */
function readCount(
  text: string,
  line: number,
  field: string,
  problem: (line: number, field: string, ru: string, en: string) => void,
): number | null {
  const value = parseSpreadsheetNumber(text);
  if (value === null) {
    problem(line, field, 'значение не указано', 'value is empty');
    return null;
  }
  if (value === undefined || value < 0) {
    problem(
      line,
      field,
      `значение «${text}» не является неотрицательным числом`,
      `value "${text}" is not a non-negative number`,
    );
    return null;
  }
  return value;
}

/** Up to 6 decimals, trailing zeros dropped: 0.75, 3.5, 5, 0.333333. */
function formatNumber(x: number): string {
  const rounded = Number(x.toFixed(6));
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

function toCsv(rows: string[][]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\n') + '\n';
}

/** RFC 4180 quoting: fields with a comma, quote, line break or edge spaces are quoted. */
function csvField(cell: string): string {
  const text = spreadsheetCell(cell);
  return /[",\r\n;]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}

function formatProblem(p: ClusterMapInputProblem): string {
  const file = p.file === 'input' ? 'входной файл (input)' : 'справочный файл (reference)';
  const where = p.line === null ? '' : `строка ${p.line} (line ${p.line}), `;
  return `${file}: ${where}поле «${p.field}» (field "${p.field}"): ${p.message}`;
}
