/**
 * A problem of a table as read: where it is (the file's line, or null for the
 * file as a whole; the column as the header names it, or null), a stable code
 * and the reason in Russian and English.
 */
export interface TabularProblem {
  line: number | null;
  column: string | null;
  code: string;
  message: string;
  messageEn: string;
}

/** A table that cannot be read at all (binary, unknown encoding, broken quoting, repeated headers). */
export class TabularReadError extends Error {
  constructor(readonly problems: TabularProblem[]) {
    super(problems.map((p) => p.messageEn).join('; '));
    this.name = 'TabularReadError';
  }
}
