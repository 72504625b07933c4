import type { MembershipRole, OrganisationKind } from '../domain/vocabulary.ts';
import type { ClusterCheckParticipant } from './cluster-check.schema.ts';
import type { ParticipantKind } from './cluster-rule-set.schema.ts';

/** One organisation of a cluster as the registry holds it: its memberships and what it is. */
export interface RegisteredParticipant {
  readonly id: string;
  readonly name: string;
  readonly region: string | null;
  readonly organisationKind: OrganisationKind;
  readonly roles: readonly MembershipRole[];
  /** Start dates of its memberships (YYYY-MM-DD); null where the registry has none. */
  readonly joined: readonly (string | null)[];
}

/** Roles that name the participant's kind outright, strongest first. */
const ROLE_KINDS: ReadonlyArray<[MembershipRole, ParticipantKind]> = [
  ['specialised_organisation', 'specialised_organisation'],
  ['infrastructure', 'infrastructure'],
  ['education', 'education'],
  ['research', 'research'],
  ['finance', 'finance'],
];

/** What an organisation's own kind says when its roles do not name one. */
const ORGANISATION_KINDS: Partial<Record<OrganisationKind, ParticipantKind>> = {
  enterprise: 'enterprise',
  university: 'education',
  college: 'education',
  research_institute: 'research',
  management_company: 'infrastructure',
};

/**
 * The check's input for one registered participant. Nothing is guessed: a
 * fact the registry does not hold stays absent, and the requirement that
 * needs it answers «недостаточно данных».
 *
 * - kind: a role that names a kind (specialised organisation, infrastructure,
 *   education, research, finance) wins; otherwise the organisation's own kind
 *   (an enterprise, a university → education, a research institute →
 *   research, a management company → infrastructure), else «other»;
 * - an anchor participant is an industrial finished-product maker; a
 *   component supplier is industrial (whether it also makes finished products
 *   is unknown); an enterprise in any other role: both unknown;
 * - joined: the earliest start of its memberships, absent when none has one;
 * - territories: not held by the registry yet, so absent (unknown).
 */
export function participantFromMemberships(p: RegisteredParticipant): ClusterCheckParticipant {
  const roleKind = ROLE_KINDS.find(([role]) => p.roles.includes(role))?.[1];
  const kind: ParticipantKind = roleKind ?? ORGANISATION_KINDS[p.organisationKind] ?? 'other';
  const participant: ClusterCheckParticipant = { id: p.id, name: p.name, kind };
  if (p.region) participant.region = p.region;
  if (kind === 'enterprise' || kind === 'other') {
    if (p.roles.includes('anchor')) {
      participant.industrial = true;
      participant.finalProductMaker = true;
    } else if (p.roles.includes('component_supplier')) {
      participant.industrial = true;
    }
  }
  const dates = p.joined.filter((d): d is string => d !== null).sort();
  if (dates.length && dates.length === p.joined.length) participant.joined = dates[0]!;
  return participant;
}
