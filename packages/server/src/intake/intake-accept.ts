import type { Kysely } from 'kysely';
import { type Proposal } from '@promatlas/core/intake/index.ts';
import type { IntakeEdit } from '@promatlas/core/api/intake.schema.ts';
import type { Database } from '../db/database.ts';
import type { Viewer } from '../auth/index.ts';
import { createRecord } from '../shared/records/versioned-record.repository.ts';
import { PreconditionError, ValidationError } from '../shared/domain-errors.ts';
import * as repo from './intake.repository.ts';
import type { Analysis, RecordRef } from './intake.service.ts';
import { eventKind, organisationKind } from './intake-matching.ts';

/**
 * Accepting one proposal: the records, relations and statements it writes,
 * with the document as their source and the proposal's sentence as the quote.
 */

type Trx = Kysely<Database>;
export interface Ctx {
  trx: Trx;
  viewer: Viewer;
  userId: number | null;
  sourceId: number;
  doc: repo.IntakeDocumentRow;
  a: Analysis;
  resolved: Map<string, RecordRef>;
  acceptedEvents: Map<string, number>;
}

export function fieldProblem(key: string, ru: string, en: string): ValidationError {
  return new ValidationError(ru, en, {
    code: 'invalid_proposal',
    fields: [{ field: `edits.${key}`, message: ru, messageEn: en }],
  });
}
/** The record a proposal links to: the reviewer's choice, else an accepted decision, else the registry's match. */
function linkOf(ctx: Ctx, p: Proposal, edit: IntakeEdit): RecordRef | null {
  if (edit.link === 'new') return null;
  if (edit.link) return edit.link;
  return ctx.resolved.get(p.key) ?? ctx.a.matches.get(p.key)?.record ?? null;
}
/** The record another proposal (an organisation, a person) stands for, if it is known by now. */
function recordOf(ctx: Ctx, key: string | null): RecordRef | null {
  if (!key) return null;
  return ctx.resolved.get(key) ?? ctx.a.matches.get(key)?.record ?? null;
}

async function create(
  ctx: Ctx,
  table: Parameters<typeof createRecord>[2],
  values: Record<string, unknown>,
  quote: string,
) {
  const row = await createRecord(ctx.trx, { viewer: ctx.viewer, sourceId: ctx.sourceId }, table, {
    ...values,
    source_id: ctx.sourceId,
    source_quote: quote,
  });
  return String(row.id);
}

async function checkLink(ctx: Ctx, p: Proposal, ref: RecordRef) {
  const ok =
    ref.type === 'region'
      ? await repo.regionExists(ctx.trx, ref.id)
      : ref.type === 'person'
        ? /^\d{1,9}$/.test(ref.id) && (await repo.personExists(ctx.trx, Number(ref.id)))
        : (ref.type === 'organisation' ||
            ref.type === 'site' ||
            ref.type === 'cluster' ||
            ref.type === 'event') &&
          /^\d{1,9}$/.test(ref.id) &&
          (await repo.recordRegion(ctx.trx, ref.type, Number(ref.id))) !== undefined;
  if (!ok)
    throw fieldProblem(
      p.key,
      `Связываемая запись ${ref.type} ${ref.id} не найдена`,
      `Linked record ${ref.type} ${ref.id} not found`,
    );
}

export async function acceptOne(
  ctx: Ctx,
  p: Proposal,
  edit: IntakeEdit,
): Promise<RecordRef | null> {
  const quote = p.quote;
  const link = linkOf(ctx, p, edit);
  if (link) await checkLink(ctx, p, link);
  switch (p.kind) {
    case 'organisation': {
      if (link) {
        await linkToEvents(ctx, p.key, link);
        return link;
      }
      const d = p.data;
      const name = edit.name ?? d.name;
      const region = edit.regionCode !== undefined ? edit.regionCode : d.regionCode;
      let ref: RecordRef;
      if (d.kind === 'cluster')
        ref = {
          type: 'cluster',
          id: await create(
            ctx,
            'cluster',
            { kind: 'industrial', name, region_code: region },
            quote,
          ),
        };
      else if (d.kind === 'special_zone')
        ref = {
          type: 'site',
          id: await create(ctx, 'site', { kind: 'sez', name, region_code: region }, quote),
        };
      else
        ref = {
          type: 'organisation',
          id: await create(
            ctx,
            'organisation',
            {
              kind: organisationKind(d.kind, name),
              name,
              legal_form: edit.legalForm !== undefined ? edit.legalForm : d.legalForm,
              inn: d.inn,
              ogrn: d.ogrn,
              region_code: region,
              town: d.town,
            },
            quote,
          ),
        };
      await linkToEvents(ctx, p.key, ref);
      return ref;
    }
    case 'person': {
      const d = p.data;
      let ref = link;
      if (!ref) {
        const [last, first, patronymic] = (edit.fullName ?? d.fullName).split(/\s+/);
        ref = {
          type: 'person',
          id: await create(
            ctx,
            'person',
            { last_name: last, first_name: first ?? null, patronymic: patronymic ?? null },
            quote,
          ),
        };
      }
      const personId = Number(ref.id);
      const positions = edit.positionTitle
        ? [
            {
              ...(d.positions[0] ?? { organisation: null, organisationKey: null }),
              title: edit.positionTitle,
            },
          ]
        : d.positions;
      for (const pos of positions) {
        const org = recordOf(ctx, pos.organisationKey);
        const organisationId = org?.type === 'organisation' ? Number(org.id) : null;
        if (await repo.positionExists(ctx.trx, personId, pos.title, organisationId)) continue;
        await create(
          ctx,
          'position',
          {
            person_id: personId,
            organisation_id: organisationId,
            region_code:
              organisationId === null
                ? edit.regionCode !== undefined
                  ? edit.regionCode
                  : d.regionCode
                : null,
            title: pos.title,
          },
          quote,
        );
      }
      await linkToEvents(ctx, p.key, ref);
      return ref;
    }
    case 'place':
      return link;
    case 'event': {
      const d = p.data;
      let eventId: number;
      if (link) eventId = Number(link.id);
      else
        eventId = Number(
          await create(
            ctx,
            'event',
            {
              kind: eventKind(d.type),
              status: d.status,
              title: edit.title ?? d.title,
              region_code: edit.regionCode !== undefined ? edit.regionCode : d.regionCode,
              valid_from: d.date?.from ?? null,
              valid_to: d.date?.to ?? null,
              valid_precision: d.date?.precision ?? null,
            },
            quote,
          ),
        );
      ctx.acceptedEvents.set(p.key, eventId);
      for (const part of d.participants) {
        const ref = recordOf(ctx, part.key);
        if (ref) await addParticipant(ctx, eventId, ref, part.role, part.key);
      }
      return { type: 'event', id: String(eventId) };
    }
    case 'agreement': {
      const d = p.data;
      const agreementId = await repo.insertAgreement(
        ctx.trx,
        {
          title: edit.title ?? d.title,
          valid_from: d.date?.from ?? null,
          valid_to: d.date?.to ?? null,
          valid_precision: d.date?.precision ?? null,
          source_id: ctx.sourceId,
          source_quote: quote,
        },
        ctx.userId,
      );
      for (const party of d.parties) {
        const ref = recordOf(ctx, party.key);
        const organisationId = ref?.type === 'organisation' ? Number(ref.id) : null;
        if (organisationId === null && !party.regionCode) continue;
        await repo.insertAgreementParty(
          ctx.trx,
          {
            agreement_id: agreementId,
            organisation_id: organisationId,
            region_code: organisationId === null ? party.regionCode : null,
            signatory_person_id: null,
            role: 'party',
            source_id: ctx.sourceId,
            source_quote: quote,
          },
          ctx.userId,
        );
      }
      for (const s of d.signatories) {
        const ref = recordOf(ctx, s.key);
        if (ref?.type !== 'person') continue;
        await repo.insertAgreementParty(
          ctx.trx,
          {
            agreement_id: agreementId,
            organisation_id: null,
            region_code: null,
            signatory_person_id: Number(ref.id),
            role: 'signatory',
            source_id: ctx.sourceId,
            source_quote: quote,
          },
          ctx.userId,
        );
      }
      return { type: 'agreement', id: String(agreementId) };
    }
    case 'fact': {
      const d = p.data;
      const subject = d.subject.key
        ? recordOf(ctx, d.subject.key)
        : d.subject.regionCode
          ? { type: 'region', id: d.subject.regionCode }
          : null;
      if (!subject)
        throw new PreconditionError(
          `Факт «${p.label}» относится к «${d.subject.label}»: сначала примите эту организацию`,
          `The statement "${p.label}" is about "${d.subject.label}": accept that organisation first`,
          { code: 'subject_not_accepted', details: { key: p.key, subjectKey: d.subject.key } },
        );
      const value = edit.valueNumber ?? d.valueNumber;
      const property =
        d.property === 'amount_rub'
          ? 'amount'
          : d.property === 'percent'
            ? 'share_percent'
            : /резидент/iu.test(d.of ?? '')
              ? 'residents'
              : /участник/iu.test(d.of ?? '')
                ? 'participants'
                : /проект/iu.test(d.of ?? '')
                  ? 'projects'
                  : 'count';
      const qualifier = d.qualifier === 'range' ? 'at_least' : d.qualifier;
      const id = await create(
        ctx,
        'statement',
        {
          subject_type: subject.type,
          subject_id: subject.id,
          property,
          value_number: value,
          value_text:
            d.valueMax !== null ? `${value}–${d.valueMax}${d.of ? ' ' + d.of : ''}` : d.of,
          unit: d.unit,
          qualifier,
          valid_from: d.asOf?.from ?? null,
          valid_to: d.asOf?.to ?? null,
          valid_precision: d.asOf?.precision ?? null,
        },
        quote,
      );
      return { type: 'statement', id };
    }
  }
}

async function addParticipant(
  ctx: Ctx,
  eventId: number,
  ref: RecordRef,
  role: 'organiser' | 'opener' | 'participant',
  participantKey: string,
) {
  if (ref.type !== 'organisation' && ref.type !== 'person') return;
  const target = {
    organisation_id: ref.type === 'organisation' ? Number(ref.id) : null,
    person_id: ref.type === 'person' ? Number(ref.id) : null,
  };
  if (await repo.participantExists(ctx.trx, eventId, target)) return;
  // A regional editor links no organisation of another region (a link touches both ends):
  // that participant is left for the administrator.
  const user = ctx.viewer.user;
  if (user?.role === 'regional_editor' && target.organisation_id !== null) {
    const region = await repo.recordRegion(ctx.trx, 'organisation', target.organisation_id);
    if (!region || !user.regions.includes(region)) return;
  }
  // The participant's own sentence is the evidence of its taking part.
  const quote = ctx.a.proposals.find((p) => p.key === participantKey)?.quote ?? null;
  await repo.insertEventParticipant(
    ctx.trx,
    { event_id: eventId, ...target, role, source_id: ctx.sourceId, source_quote: quote },
    ctx.userId,
  );
}

/** An organisation or person accepted after its event joins that event too. */
export async function linkToEvents(ctx: Ctx, key: string, ref: RecordRef) {
  for (const [eventKey, eventId] of ctx.acceptedEvents) {
    const event = ctx.a.proposals.find((p) => p.key === eventKey);
    if (event?.kind !== 'event') continue;
    const part = event.data.participants.find((x) => x.key === key);
    if (part) await addParticipant(ctx, eventId, ref, part.role, key);
  }
}
