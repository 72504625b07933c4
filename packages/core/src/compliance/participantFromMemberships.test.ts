import { describe, expect, it } from 'vitest';
import {
  participantFromMemberships,
  type RegisteredParticipant,
} from './participantFromMemberships.ts';

const base: RegisteredParticipant = {
  id: '7',
  name: 'ЛИПЕЦКМАШ',
  region: '48',
  organisationKind: 'enterprise',
  roles: ['participant'],
  joined: ['2021-03-15'],
};

describe('participantFromMemberships', () => {
  it('makes an anchor enterprise an industrial finished-product maker', () => {
    expect(participantFromMemberships({ ...base, roles: ['anchor'] })).toEqual({
      id: '7',
      name: 'ЛИПЕЦКМАШ',
      region: '48',
      kind: 'enterprise',
      industrial: true,
      finalProductMaker: true,
      joined: '2021-03-15',
    });
  });

  it('makes a component supplier industrial and leaves finished products unknown', () => {
    const p = participantFromMemberships({ ...base, roles: ['component_supplier'] });
    expect(p.industrial).toBe(true);
    expect(p).not.toHaveProperty('finalProductMaker');
  });

  it('leaves both unknown for an enterprise in the plain participant role', () => {
    const p = participantFromMemberships(base);
    expect(p.kind).toBe('enterprise');
    expect(p).not.toHaveProperty('industrial');
    expect(p).not.toHaveProperty('finalProductMaker');
  });

  it('lets a role that names a kind win over the organisation kind and over the anchor role', () => {
    expect(
      participantFromMemberships({ ...base, roles: ['anchor', 'specialised_organisation'] }).kind,
    ).toBe('specialised_organisation');
    expect(
      participantFromMemberships({ ...base, organisationKind: 'university', roles: ['research'] })
        .kind,
    ).toBe('research');
  });

  it('reads the kind from the organisation when the roles do not name one', () => {
    const kinds = (
      ['university', 'college', 'research_institute', 'management_company', 'media'] as const
    ).map((organisationKind) => participantFromMemberships({ ...base, organisationKind }).kind);
    expect(kinds).toEqual(['education', 'education', 'research', 'infrastructure', 'other']);
  });

  it('takes the earliest membership start, and no date when any membership lacks one', () => {
    expect(
      participantFromMemberships({ ...base, joined: ['2023-02-01', '2021-05-01'] }).joined,
    ).toBe('2021-05-01');
    expect(
      participantFromMemberships({ ...base, joined: ['2023-02-01', null] }),
    ).not.toHaveProperty('joined');
    expect(participantFromMemberships({ ...base, region: null })).not.toHaveProperty('region');
  });
});
