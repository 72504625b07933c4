import type { MeasureDto } from '@promatlas/core/api/programmes.schema.ts';
import { STATUS_TRANSITIONS } from '@promatlas/core/programmes/status.ts';
import { MEASURE_STATUSES, type MeasureStatus } from '@promatlas/core/domain/vocabulary.ts';
import { formatPartialDate } from '@promatlas/core/dates/partial-date.ts';
import type { FieldErrors } from '../../shared/form/useForm.ts';
import { nullIfEmpty, numberText, parseRussianNumber } from '../../shared/record-form/convert.ts';
import type { PartyValue } from './PartyPicker.tsx';

// A measure as its dialog keeps it, and the API body made of it.

export interface MeasureValues extends Record<string, unknown> {
  title: string;
  theme: string;
  owner: PartyValue | null;
  coExecutors: PartyValue[];
  start: string;
  deadline: string;
  status: string;
  indicatorName: string;
  unit: string;
  target: string;
  targetOn: string;
  actual: string;
  actualOn: string;
}

export const EMPTY: MeasureValues = {
  title: '',
  theme: '',
  owner: null,
  coExecutors: [],
  start: '',
  deadline: '',
  status: '',
  indicatorName: '',
  unit: '',
  target: '',
  targetOn: '',
  actual: '',
  actualOn: '',
};

/** The form values of a measure as the plan page reads it; dates show as the words they were saved as. */
export function fromMeasure(m: MeasureDto): MeasureValues {
  return {
    title: m.title,
    theme: m.theme ?? '',
    owner: m.owner,
    coExecutors: m.coExecutors,
    start: m.start ? formatPartialDate(m.start) : '',
    deadline: m.deadline ? formatPartialDate(m.deadline) : '',
    status: m.status ?? '',
    indicatorName: m.indicator?.name ?? '',
    unit: m.indicator?.unit ?? '',
    target: numberText(m.indicator?.target),
    targetOn: m.indicator?.targetOn ?? '',
    actual: numberText(m.indicator?.actual),
    actualOn: m.indicator?.actualOn ?? '',
  };
}

const numberOf = (text: string) => (text.trim() ? (parseRussianNumber(text) ?? NaN) : null);

export function toInput(v: MeasureValues) {
  return {
    title: v.title,
    theme: nullIfEmpty(v.theme),
    owner: v.owner ? { type: v.owner.type, id: v.owner.id } : null,
    coExecutors: v.coExecutors.map((p) => ({ type: p.type, id: p.id })),
    start: nullIfEmpty(v.start),
    deadline: nullIfEmpty(v.deadline),
    status: (v.status || null) as MeasureStatus | null,
    indicator: v.indicatorName.trim()
      ? {
          name: v.indicatorName,
          unit: nullIfEmpty(v.unit),
          target: numberOf(v.target),
          targetOn: v.targetOn || null,
          actual: numberOf(v.actual),
          actualOn: v.actualOn || null,
        }
      : null,
  };
}

export function check(v: MeasureValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const key of ['target', 'actual'] as const)
    if (v[key].trim() && parseRussianNumber(v[key]) === undefined)
      errors[`indicator.${key}`] = 'Введите число, например 12,5';
  return errors;
}

/** The statuses a measure may take from its current one (core's transition rules). */
export function allowedStatuses(current: MeasureStatus | null): MeasureStatus[] {
  if (current === null) return [...MEASURE_STATUSES.values];
  return [current, ...STATUS_TRANSITIONS[current]];
}
