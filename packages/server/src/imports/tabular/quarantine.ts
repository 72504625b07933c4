import type { TabularProblem } from './tabular-problem.ts';

/** A row set aside with its reason, never dropped silently: kept verbatim for the user to fix. */
export interface QuarantinedRow<Code extends string = string> {
  line: number;
  /** The row as read: header name (or «столбец N») → cell. */
  raw: Record<string, string>;
  code: Code;
  /** Russian, naming the line and the column. */
  message: string;
  messageEn: string;
  column: string | null;
}

/** The row as a record for quarantine: unnamed columns are «столбец N». */
export function rawRow(
  headers: readonly string[] | null,
  cells: readonly string[],
): Record<string, string> {
  const raw: Record<string, string> = {};
  const width = Math.max(headers?.length ?? 0, cells.length);
  for (let k = 0; k < width; k++) raw[headers?.[k] || `столбец ${k + 1}`] = cells[k] ?? '';
  return raw;
}

/** Collects quarantined rows; counts them by reason for an import's summary. */
export class Quarantine<Code extends string = string> {
  readonly entries: QuarantinedRow<Code>[] = [];

  add(entry: QuarantinedRow<Code>): void {
    this.entries.push(entry);
  }

  /** Sets a row aside for a problem found by the reader or the row mapper. */
  addProblem(
    problem: TabularProblem & { line: number; code: Code },
    raw: Record<string, string>,
  ): void {
    this.add({
      line: problem.line,
      raw,
      code: problem.code,
      message: problem.message,
      messageEn: problem.messageEn,
      column: problem.column,
    });
  }

  /** Rows set aside, by reason, most frequent first (then by code). */
  byCode(): { code: Code; rows: number }[] {
    return countByCode(this.entries);
  }
}

/** Counts entries by their code; the order is stable: most frequent first, then by code. */
export function countByCode<Code extends string>(
  entries: readonly { code: Code }[],
): { code: Code; rows: number }[] {
  const counts = new Map<Code, number>();
  for (const e of entries) counts.set(e.code, (counts.get(e.code) ?? 0) + 1);
  return [...counts]
    .map(([code, rows]) => ({ code, rows }))
    .sort((a, b) => b.rows - a.rows || a.code.localeCompare(b.code));
}
