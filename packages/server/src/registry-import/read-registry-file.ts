import { createHash } from 'node:crypto';
import {
  streamTable,
  TabularReadError,
  type StreamedTable,
  type TableRow,
  type TableSource,
  type TabularProblem,
} from '../imports/index.ts';
import { normaliseHeaderName, suggestColumnsOf, type FieldIssue } from './field-kit.ts';
import { DEFINITIONS, isFieldOf, type RegistryEntity } from './entities.ts';

/** How the file is read: which sheet, which header row (the tabular layer detects both otherwise). */
export interface RegistryReadOptions {
  sheet?: string | number | undefined;
  headerRow?: number | undefined;
}

/** header → field; a header mapped to '' (or absent) is not imported. */
export type ColumnMapping = Record<string, string>;

/** A row as read, checked: its cells by header, the mapped values, and what is wrong with it. */
export interface CheckedRow<C = unknown> {
  line: number;
  /** The cells by header (kept only for rows set aside, and for the preview). */
  raw?: Record<string, string>;
  values: Record<string, string>;
  /** What the row describes, as the entity's fields define it; absent when the row has issues. */
  candidate?: C;
  issues: Array<FieldIssue & { column: string | null }>;
  warnings: Array<FieldIssue & { column: string | null }>;
}

export interface ReadRegistryResult {
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  sheet: string | null;
  headers: string[];
  headerLine: number;
  signature: string;
  suggested: ColumnMapping;
  /** The mapping the rows were checked with, and where it came from. */
  mapping: ColumnMapping;
  mappingSource: 'given' | 'saved' | 'suggested';
  rowsTotal: number;
  rows: CheckedRow[];
}

export type ReadRegistryAnswer =
  { ok: true; result: ReadRegistryResult } | { ok: false; problems: TabularProblem[] };

/** The layout of a file, whatever its values: a hash of its normalised header names in order. */
export function headerSignature(headers: readonly string[]): string {
  const names = headers.map(normaliseHeaderName);
  while (names.length > 0 && names[names.length - 1] === '') names.pop();
  return createHash('sha256').update(JSON.stringify(names)).digest('hex').slice(0, 32);
}

const problem = (
  line: number | null,
  column: string | null,
  code: string,
  message: string,
  messageEn: string,
): TabularProblem => ({ line, column, code, message, messageEn });

/**
 * Refuses a mapping that cannot be applied: a column the file does not have,
 * a field that does not exist, two columns filling one field, no name.
 */
export function checkMapping(
  entity: RegistryEntity,
  headers: readonly string[],
  mapping: ColumnMapping,
  headerLine: number | null,
): TabularProblem[] {
  const definition = DEFINITIONS[entity];
  const problems: TabularProblem[] = [];
  const present = new Set(headers.map((h) => h.trim()));
  const byField = new Map<string, string[]>();
  for (const [header, field] of Object.entries(mapping)) {
    if (field === '' || field === null) continue;
    if (!present.has(header.trim()))
      problems.push(
        problem(
          headerLine,
          header,
          'unknown_column',
          `в файле нет столбца «${header}», указанного в сопоставлении`,
          `the file has no column "${header}" named in the mapping`,
        ),
      );
    if (!isFieldOf(entity, field)) {
      problems.push(
        problem(
          headerLine,
          header,
          'unknown_field',
          `столбцу «${header}» сопоставлено неизвестное поле «${field}»; поля: ${Object.keys(definition.fields).join(', ')}`,
          `column "${header}" is mapped to the unknown field "${field}"; fields: ${Object.keys(definition.fields).join(', ')}`,
        ),
      );
      continue;
    }
    byField.set(field, [...(byField.get(field) ?? []), header]);
  }
  for (const [field, columns] of byField)
    if (columns.length > 1) {
      const label = definition.fields[field]!;
      problems.push(
        problem(
          headerLine,
          columns[1]!,
          'field_mapped_twice',
          `поле «${label.ru}» сопоставлено двум столбцам: ${columns.map((c) => `«${c}»`).join(' и ')}; оставьте один`,
          `field "${label.en}" is mapped to two columns: ${columns.map((c) => `"${c}"`).join(' and ')}; keep one`,
        ),
      );
    }
  if (problems.length === 0)
    for (const group of definition.required)
      if (!group.anyOf.some((f) => byField.has(f)))
        problems.push(
          problem(
            headerLine,
            null,
            group.anyOf.includes('name') ? 'no_name_column' : 'required_column_missing',
            group.ru,
            group.en,
          ),
        );
  return problems;
}

/** What a registry file is, known before its rows: how it was read and the mapping applied. */
export type ReadRegistryHead = Omit<ReadRegistryResult, 'rows' | 'rowsTotal'>;

export type RegistryStreamAnswer =
  | { ok: false; problems: TabularProblem[] }
  | {
      ok: true;
      head: ReadRegistryHead;
      /** The file's size, for a progress estimate from `bytesRead`. */
      bytes: number;
      /** Checked rows in batches; a fault further into the file is a TabularReadError. */
      batches: AsyncIterable<{ rows: CheckedRow[]; bytesRead: number }>;
    };

export interface RegistryFileOptions extends RegistryReadOptions {
  entity: RegistryEntity;
  mapping?: ColumnMapping | undefined;
  /** Mappings saved for earlier files, by header signature: used when no mapping is given. */
  savedMappings?: Record<string, ColumnMapping> | undefined;
  okved: readonly string[];
}

/**
 * Reads a registry file through the tabular layer in batches and checks
 * every row against the mapping (the given, saved or suggested one). Only
 * rows with a problem keep their cells (`keepRaw` keeps them all, for the
 * preview), so memory holds one batch whatever the file's size.
 */
export async function streamRegistryFile(
  source: { path: string } | { bytes: Uint8Array },
  options: RegistryFileOptions & { batchSize: number; keepRaw?: boolean },
): Promise<RegistryStreamAnswer> {
  let table: StreamedTable;
  try {
    table = await streamTable(source, {
      sheet: options.sheet,
      header: options.headerRow,
      skipTitleRows: true,
      duplicateHeaders: 'error',
      trim: true,
      batchSize: options.batchSize,
    });
  } catch (error) {
    if (error instanceof TabularReadError) return { ok: false, problems: error.problems };
    throw error;
  }
  const t = table.head;
  if (!t.headers || t.headerLine === null) {
    await table.close?.();
    return {
      ok: false,
      problems: [
        problem(
          null,
          null,
          'empty_file',
          'в файле нет ни заголовка, ни строк',
          'the file has neither a header nor rows',
        ),
      ],
    };
  }
  const headers = t.headers;
  const definition = DEFINITIONS[options.entity];
  const suggested = suggestColumnsOf(definition.fields, headers);
  const signature = headerSignature(headers);
  const saved = options.savedMappings?.[signature];
  const mapping = options.mapping ?? saved ?? suggested;
  const mappingSource = options.mapping ? 'given' : saved ? 'saved' : 'suggested';
  const mappingProblems = checkMapping(options.entity, headers, mapping, t.headerLine);
  if (mappingProblems.length > 0) {
    await table.close?.();
    return { ok: false, problems: mappingProblems };
  }
  const columnOf = new Map<string, { index: number; header: string }>();
  headers.forEach((header, index) => {
    const field = mapping[header];
    if (field && isFieldOf(options.entity, field)) columnOf.set(field, { index, header });
  });
  const headerOf = (field: string | null) => (field ? (columnOf.get(field)?.header ?? null) : null);
  const ctx = { okved: new Set(options.okved), today: new Date().toISOString().slice(0, 10) };
  const check = (row: TableRow): CheckedRow => {
    const values: Record<string, string> = {};
    for (const [field, { index }] of columnOf) values[field] = row.cells[index] ?? '';
    const checked = definition.validate(values, ctx);
    const issues =
      'issues' in checked ? checked.issues.map((i) => ({ ...i, column: headerOf(i.field) })) : [];
    // Cells beyond the header have no column to go to: the row is set aside rather than cut.
    const extra = row.cells.slice(headers.length).filter((c) => c.trim() !== '').length;
    if (extra > 0)
      issues.push({
        field: null,
        column: null,
        code: 'too_many_cells',
        message: `в строке ${row.cells.length} значений, а в заголовке ${headers.length} столбцов: лишние значения не к чему отнести (проверьте разделитель и кавычки)`,
        messageEn: `the row has ${row.cells.length} values but the header ${headers.length} columns: the extra values belong to no column (check the separator and quotes)`,
      });
    const out: CheckedRow = {
      line: row.line,
      values,
      issues,
      warnings: checked.warnings.map((w) => ({ ...w, column: headerOf(w.field) })),
    };
    if ('candidate' in checked && issues.length === 0) out.candidate = checked.candidate;
    if (options.keepRaw || issues.length > 0) out.raw = rawOf(headers, row.cells);
    return out;
  };
  async function* batches() {
    for await (const batch of table.batches)
      yield { rows: batch.rows.map(check), bytesRead: batch.bytesRead };
  }
  return {
    ok: true,
    bytes: table.bytes,
    head: {
      format: t.format,
      encoding: t.encoding,
      delimiter: t.delimiter,
      sheet: t.sheet,
      headers,
      headerLine: t.headerLine,
      signature,
      suggested,
      mapping,
      mappingSource,
    },
    batches: batches(),
  };
}

/**
 * Reads a whole registry file: with `sample`, the first rows checked and
 * kept whole for the preview (the rest only counted); without, every row.
 */
export async function readRegistryFile(
  source: TableSource,
  options: RegistryFileOptions & { sample?: number | undefined },
): Promise<ReadRegistryAnswer> {
  const input = 'text' in source ? { bytes: Buffer.from(source.text, 'utf8') } : source;
  const sample = options.sample;
  const answer = await streamRegistryFile(input, {
    ...options,
    batchSize: 1000,
    keepRaw: sample !== undefined,
  });
  if (!answer.ok) return answer;
  const rows: CheckedRow[] = [];
  let rowsTotal = 0;
  try {
    for await (const batch of answer.batches) {
      rowsTotal += batch.rows.length;
      for (const row of batch.rows)
        if (sample === undefined || rows.length < sample) rows.push(row);
    }
  } catch (error) {
    if (error instanceof TabularReadError) return { ok: false, problems: error.problems };
    throw error;
  }
  return { ok: true, result: { ...answer.head, rowsTotal, rows } };
}

function rawOf(headers: readonly string[], cells: readonly string[]): Record<string, string> {
  const raw: Record<string, string> = {};
  const width = Math.max(headers.length, cells.length);
  for (let k = 0; k < width; k++) {
    const name = headers[k] || `столбец ${k + 1}`;
    raw[name] = cells[k] ?? '';
  }
  return raw;
}
