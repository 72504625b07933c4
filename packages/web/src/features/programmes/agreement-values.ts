import type { User } from '@promatlas/core/api/accounts.schema.ts';
import type { Agreement } from '@promatlas/core/api/registry.schema.ts';
import type { AgreementWork } from '@promatlas/core/api/programmes.schema.ts';
import { fromPartialDate, toPartialDate, type DateValue } from '../../shared/form/dates.tsx';
import { linesOf, nullIfEmpty } from '../../shared/record-form/convert.ts';
import type { Picked } from './pickers.tsx';

// An agreement as its form keeps it, and the API body made of it.

export interface PartyRow {
  kind: 'organisation' | 'region';
  organisation: Picked | null;
  regionCode: string;
  signatory: Picked | null;
  signatoryPositionId: number | null;
}

export interface AgreementValues extends Record<string, unknown> {
  title: string;
  subject: string;
  date: DateValue;
  place: string;
  event: Picked | null;
  parties: PartyRow[];
  /** Only when creating: afterwards directions are edited one by one on the agreement's page. */
  directions: string;
  published: boolean;
}

export const emptyParty = (user: User): PartyRow => ({
  kind: 'region',
  organisation: null,
  regionCode: user.role === 'regional_editor' ? (user.regions[0] ?? '') : '',
  signatory: null,
  signatoryPositionId: null,
});

export const emptyAgreement = (user: User): AgreementValues => ({
  title: '',
  subject: '',
  date: { precision: 'day', value: '' },
  place: '',
  event: null,
  parties: [emptyParty(user)],
  directions: '',
  published: true,
});

export function agreementValues(agreement: Agreement, work: AgreementWork): AgreementValues {
  return {
    title: agreement.title,
    subject: work.subject ?? '',
    date: fromPartialDate(agreement.date),
    place: agreement.place ?? '',
    event: agreement.event
      ? { id: Number(agreement.event.id), title: agreement.event.title }
      : null,
    parties: work.parties.map((p) => ({
      kind: p.organisation ? 'organisation' : 'region',
      organisation: p.organisation
        ? { id: Number(p.organisation.id), title: p.organisation.title }
        : null,
      regionCode: p.region?.code ?? '',
      signatory: p.signatory ? { id: Number(p.signatory.id), title: p.signatory.title } : null,
      signatoryPositionId: p.signatoryPosition?.id ?? null,
    })),
    directions: '',
    published: work.published,
  };
}

export function agreementInput(values: AgreementValues, creating: boolean) {
  return {
    title: values.title,
    subject: nullIfEmpty(values.subject),
    date: toPartialDate(values.date) ?? null,
    place: nullIfEmpty(values.place),
    eventId: values.event?.id ?? null,
    parties: values.parties.map((p) => ({
      organisationId: p.kind === 'organisation' ? (p.organisation?.id ?? null) : null,
      regionCode: p.kind === 'region' ? p.regionCode || null : null,
      signatoryPersonId: p.signatory?.id ?? null,
      signatoryPositionId: p.signatory ? p.signatoryPositionId : null,
    })),
    ...(creating ? { directions: linesOf(values.directions) } : {}),
    published: values.published,
  };
}

export function partiesText(values: AgreementValues): string {
  return values.parties
    .map(
      (p) =>
        (p.kind === 'organisation' ? (p.organisation?.title ?? '') : p.regionCode) +
        (p.signatory ? ` (${p.signatory.title})` : ''),
    )
    .join('; ');
}
