import { day, month, year, type PartialDate } from '@promatlas/core/dates/partial-date.ts';

/** A date as typed: the precision chosen and the input's value (YYYY-MM-DD, YYYY-MM or YYYY). */
export interface DateValue {
  precision: 'day' | 'month' | 'year';
  value: string;
}

export const EMPTY_DATE: DateValue = { precision: 'day', value: '' };

/** Today in the browser's time zone, YYYY-MM-DD. */
export function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The partial date the API expects, null when empty, undefined when unreadable. */
export function toPartialDate(date: DateValue): PartialDate | null | undefined {
  const text = date.value.trim();
  if (!text) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [
    Number(m[1]),
    m[2] ? Number(m[2]) : undefined,
    m[3] ? Number(m[3]) : undefined,
  ];
  if (date.precision === 'year') return year(y);
  if (date.precision === 'month') return mo ? month(y, mo) : undefined;
  return mo && d ? day(y, mo, d) : undefined;
}

/** The form value of a stored partial date (a range or season shows as its first day). */
export function fromPartialDate(date: PartialDate | null | undefined): DateValue {
  if (!date) return EMPTY_DATE;
  if (date.precision === 'year') return { precision: 'year', value: date.from.slice(0, 4) };
  if (date.precision === 'month') return { precision: 'month', value: date.from.slice(0, 7) };
  return { precision: 'day', value: date.from };
}

/**
 * «Дата актуальности» of a fact or relation: it states what was true as of
 * that date, so it cannot lie in the future (the server refuses it too).
 */
export function asOfProblem(date: DateValue): string | null {
  const partial = toPartialDate(date);
  if (partial === undefined) return 'Введите дату полностью';
  if (partial && partial.from > todayIso()) return 'Дата актуальности не может быть в будущем';
  return null;
}

const PRECISIONS: Array<[DateValue['precision'], string]> = [
  ['day', 'день'],
  ['month', 'месяц'],
  ['year', 'год'],
];

/** A date with its precision: 14.03.2024, март 2024 or 2024. */
export function DateInput({
  value,
  onChange,
  id,
  testId,
  allowFuture = false,
  ...aria
}: {
  value: DateValue;
  onChange: (value: DateValue) => void;
  id: string;
  testId: string;
  allowFuture?: boolean;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const today = todayIso();
  const max = allowFuture
    ? undefined
    : value.precision === 'day'
      ? today
      : value.precision === 'month'
        ? today.slice(0, 7)
        : today.slice(0, 4);
  return (
    <span className="date-input">
      {value.precision === 'year' ? (
        <input
          id={id}
          data-testid={testId}
          type="number"
          min={1900}
          max={max}
          step={1}
          value={value.value}
          onChange={(e) => onChange({ ...value, value: e.target.value })}
          {...aria}
        />
      ) : (
        <input
          id={id}
          data-testid={testId}
          type={value.precision === 'day' ? 'date' : 'month'}
          max={max}
          value={value.value}
          onChange={(e) => onChange({ ...value, value: e.target.value })}
          {...aria}
        />
      )}
      <select
        aria-label="Точность даты"
        data-testid={`${testId}-precision`}
        value={value.precision}
        onChange={(e) => {
          const precision = e.target.value as DateValue['precision'];
          const digits = value.value;
          const converted =
            precision === 'year'
              ? digits.slice(0, 4)
              : precision === 'month'
                ? digits.slice(0, 7)
                : digits.length === 7
                  ? `${digits}-01`
                  : digits.length === 4
                    ? `${digits}-01-01`
                    : digits;
          onChange({ precision, value: converted });
        }}
      >
        {PRECISIONS.map(([key, text]) => (
          <option key={key} value={key}>
            {text}
          </option>
        ))}
      </select>
    </span>
  );
}
