/** A field-level problem of an input file, in Russian and English. */
export interface InputProblem {
  /** Where the problem is, e.g. `contracts[3].parties`; `` for the whole document. */
  readonly field: string;
  /** Machine-readable reason, e.g. `unknown_participant`, or zod's issue code. */
  readonly code: string;
  readonly message: string;
  readonly messageEn: string;
}

/** The outcome of validating an input: the parsed value, or every problem found. */
export type Validated<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly InputProblem[] };
