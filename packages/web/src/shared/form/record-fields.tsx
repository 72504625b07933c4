import { Field } from './fields.tsx';
import { SourceFields, useQuoteProblem, type SourceValue } from './SourceFields.tsx';
import type { FieldErrors } from './useForm.ts';

/** «Другие названия», one per line — the same field on every record form. */
export function AliasesField({
  value,
  onChange,
  errors,
}: {
  value: string;
  onChange: (value: string) => void;
  errors: FieldErrors;
}) {
  return (
    <Field name="aliases" label="Другие названия" errors={errors} hint="По одному в строке">
      {(p) => <textarea {...p} rows={2} value={value} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

/**
 * The end of every record form: the source and quote the record comes from
 * (the quote checked against the source text as it is typed) and whether
 * public readers see it.
 */
export function ProvenanceAndPublication({
  source,
  onSourceChange,
  published,
  onPublishedChange,
  publishedLabel,
  errors,
}: {
  source: SourceValue;
  onSourceChange: (source: SourceValue) => void;
  published: boolean;
  onPublishedChange: (published: boolean) => void;
  publishedLabel: string;
  errors: FieldErrors;
}) {
  const quoteProblem = useQuoteProblem(source);
  return (
    <>
      <SourceFields
        value={source}
        onChange={onSourceChange}
        errors={errors}
        quoteProblem={quoteProblem}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={published}
          onChange={(e) => onPublishedChange(e.target.checked)}
        />{' '}
        {publishedLabel}
      </label>
    </>
  );
}
