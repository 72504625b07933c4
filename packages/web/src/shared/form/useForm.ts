import { useCallback, useState } from 'react';
import type { z, ZodType } from 'zod';
import { ApiError } from '../api/client.ts';

/** Field path → message, e.g. { inn: 'ИНН не проходит проверку…', 'okved.1.code': '…' }. */
export type FieldErrors = Record<string, string>;

/** The first message of each field path, from the shared zod schema (the server's own rules). */
export function schemaErrors(schema: ZodType, input: unknown): FieldErrors {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Messages for one field: its own path and everything under it (okved → okved.0.code). */
export function messagesFor(errors: FieldErrors, name: string): string[] {
  return Object.entries(errors)
    .filter(([key]) => key === name || key.startsWith(`${name}.`))
    .map(([, message]) => message);
}

/** Form values that stand for API fields of other names (their messages belong to the form value). */
const API_FIELDS: Record<string, string[]> = {
  source: ['sourceId', 'sourceQuote'],
  organisation: ['organisationId'],
  managementOrganisation: ['managementOrganisationId'],
  specialisedOrganisation: ['specialisedOrganisationId'],
  value: ['valueNumber', 'valueText'],
  otherProperty: ['property'],
};
const namesOf = (name: string) => [name, ...(API_FIELDS[name] ?? [])];

export interface Form<V, B = unknown> {
  values: V;
  set: <K extends keyof V>(name: K, value: V[K]) => void;
  reset: (values: V) => void;
  /** Errors to show: the schema's for fields already edited (all after a submit), and the server's. */
  errors: FieldErrors;
  /** True when the schema accepts the input. */
  valid: boolean;
  /** The error not tied to a field (403, network, …). */
  formError: string | null;
  setFormError: (message: string | null) => void;
  submitting: boolean;
  /**
   * Marks every field as shown, and when the input is valid runs `save`;
   * an ApiError's field messages are put next to their fields.
   */
  submit: (save: () => Promise<void>) => Promise<void>;
  /** Puts an API error's messages next to their fields (or above the form). */
  showApiError: (error: unknown) => void;
  /**
   * The API body of the current values, typed by the schema the form checks
   * (pass the route's own body schema, so a body the route does not take
   * fails the typecheck). Inside `submit`'s `save` the schema accepts it.
   */
  body: () => B;
}

/**
 * Form state validated as the user types with a shared zod schema:
 * `toInput` turns the form's strings into the API body the schema checks;
 * `check` adds what the schema cannot know (a number typed in Russian
 * format, a quote missing from its source); its messages win.
 */
export function useForm<V extends Record<string, unknown>, S extends ZodType = ZodType>(
  initial: V,
  schema: S,
  toInput: (values: V) => unknown,
  check?: (values: V) => FieldErrors,
): Form<V, z.input<S>> {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  // Small forms: validating on every render is cheaper than memoising it correctly.
  const clientErrors: FieldErrors = {
    ...schemaErrors(schema, toInput(values)),
    ...check?.(values),
  };
  const shown: FieldErrors = {};
  for (const [key, message] of Object.entries(clientErrors)) {
    if (submitted || touched.has(key.split('.')[0]!)) shown[key] = message;
  }
  const errors = { ...shown, ...serverErrors };
  const clientErrorCount = Object.keys(clientErrors).length;

  const set = useCallback(<K extends keyof V>(name: K, value: V[K]) => {
    setValues((previous) => ({ ...previous, [name]: value }));
    const names = namesOf(String(name));
    setTouched((previous) => new Set([...previous, ...names]));
    setServerErrors((previous) => {
      const next = { ...previous };
      for (const key of Object.keys(next))
        if (names.some((n) => key === n || key.startsWith(`${n}.`))) delete next[key];
      return next;
    });
  }, []);

  const reset = useCallback((next: V) => {
    setValues(next);
    setServerErrors({});
    setFormError(null);
  }, []);

  const showApiError = useCallback((error: unknown) => {
    if (error instanceof ApiError) {
      if (error.fields.length) {
        const byField: FieldErrors = {};
        for (const f of error.fields) byField[f.field] ??= f.message;
        setServerErrors(byField);
        setFormError(error.message);
      } else {
        setFormError(error.message);
      }
    } else {
      setFormError(String(error));
    }
  }, []);

  const submit = useCallback(
    async (save: () => Promise<void>) => {
      setSubmitted(true);
      setFormError(null);
      if (clientErrorCount) {
        setFormError('Исправьте отмеченные поля');
        return;
      }
      setSubmitting(true);
      try {
        await save();
      } catch (error) {
        showApiError(error);
      } finally {
        setSubmitting(false);
      }
    },
    [clientErrorCount, showApiError],
  );

  return {
    values,
    set,
    reset,
    errors,
    valid: clientErrorCount === 0,
    formError,
    setFormError,
    submitting,
    submit,
    showApiError,
    // Checked by schemaErrors above: submit runs save only when there are none.
    body: () => toInput(values) as z.input<S>,
  };
}
