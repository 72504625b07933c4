import { provenanceInput, type SourceValue } from '../../shared/form/SourceFields.tsx';
import type { FieldErrors } from '../../shared/form/useForm.ts';
import { nullIfEmpty, parseRussianNumber } from '../../shared/record-form/convert.ts';
import type {
  ProjectKind,
  ProjectParticipantRole,
  ProjectStatus,
} from '@promatlas/core/domain/vocabulary.ts';
import type { PickedRecord } from './RecordPicker.tsx';

// A project as its form keeps it, and the API body made of it.

export interface Participant {
  organisation: { id: number; title: string };
  role: ProjectParticipantRole;
}
export interface Milestone {
  title: string;
  date: string;
  done: boolean;
}
export interface ProjectValues extends Record<string, unknown> {
  kind: ProjectKind;
  status: string;
  title: string;
  description: string;
  regionCode: string;
  cluster: PickedRecord | null;
  site: PickedRecord | null;
  period: string;
  investment: string;
  jobs: string;
  participants: Participant[];
  milestones: Milestone[];
  published: boolean;
  source: SourceValue;
}

const numberOf = (text: string) => (text.trim() ? (parseRussianNumber(text) ?? NaN) : null);

export function toInput(v: ProjectValues) {
  return {
    kind: v.kind,
    status: (v.status || null) as ProjectStatus | null,
    title: v.title,
    description: nullIfEmpty(v.description),
    regionCode: nullIfEmpty(v.regionCode),
    clusterId: v.cluster?.id ?? null,
    siteId: v.site?.id ?? null,
    period: nullIfEmpty(v.period),
    investmentRub: numberOf(v.investment),
    jobs: numberOf(v.jobs),
    participants: v.participants.map((p) => ({ organisationId: p.organisation.id, role: p.role })),
    milestones: v.milestones.map((m) => ({
      title: m.title,
      date: nullIfEmpty(m.date),
      done: m.done,
    })),
    published: v.published,
    ...provenanceInput(v.source),
  };
}

export function check(v: ProjectValues): FieldErrors {
  const errors: FieldErrors = {};
  if (v.investment.trim() && parseRussianNumber(v.investment) === undefined)
    errors['investmentRub'] = 'Введите число рублей, например 2 500 000 000';
  if (v.jobs.trim() && parseRussianNumber(v.jobs) === undefined)
    errors['jobs'] = 'Введите целое число';
  return errors;
}
