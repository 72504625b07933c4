import { describe, expect, it } from 'vitest';
import type { InputProblem } from './input-problem.ts';
import { metCluster } from './test-fixtures.ts';
import { validateClusterCheckInput } from './validateClusterCheckInput.ts';

/** The fixture through JSON, changed by `edit`, as a file would bring it. */
function document(edit: (d: Record<string, unknown> & ReturnType<typeof metCluster>) => void) {
  const d = JSON.parse(JSON.stringify(metCluster())) as Record<string, unknown> &
    ReturnType<typeof metCluster>;
  edit(d);
  return d;
}

function problems(d: unknown): readonly InputProblem[] {
  const result = validateClusterCheckInput(d);
  if (result.ok) throw new Error('expected the input to be rejected');
  return result.problems;
}

describe('validateClusterCheckInput', () => {
  it('accepts a sound cluster and returns it unchanged', () => {
    expect(validateClusterCheckInput(document(() => {}))).toEqual({
      ok: true,
      value: metCluster(),
    });
  });

  it('rejects a contract with one party', () => {
    expect(problems(document((d) => (d.contracts[0]!.parties = ['e1'])))).toEqual([
      {
        field: 'contracts[0].parties',
        code: 'single_party',
        message: 'У договора должно быть не меньше двух разных сторон-участников',
        messageEn: 'A contract needs at least two different participating parties',
      },
    ]);
  });

  it('rejects a contract whose two parties are the same participant', () => {
    expect(problems(document((d) => (d.contracts[1]!.parties = ['e3', 'e3'])))[0]).toMatchObject({
      field: 'contracts[1].parties',
      code: 'single_party',
    });
  });

  it('names an unknown participant in a contract and in a purchase', () => {
    const found = problems(
      document((d) => {
        d.contracts[2]!.parties = ['e1', 'x9'];
        d.purchases[0]!.buyer = 'x8';
      }),
    );
    expect(found.map((p) => [p.field, p.code])).toEqual([
      ['contracts[2].parties[1]', 'unknown_participant'],
      ['purchases[0].buyer', 'unknown_participant'],
    ]);
    expect(found[0]!.message).toBe('Участника «x9» нет в списке участников');
    expect(found[0]!.messageEn).toBe('Participant "x9" is not in the list of participants');
  });

  it('rejects an infrastructure organisation marked as an industrial enterprise or finished-product maker', () => {
    const found = problems(
      document((d) => {
        const i1 = d.participants.find((p) => p.id === 'i1')!;
        i1.industrial = true;
        i1.finalProductMaker = true;
      }),
    );
    expect(found.map((p) => [p.field, p.code])).toEqual([
      ['participants[10].industrial', 'exclusive_roles'],
      ['participants[10].finalProductMaker', 'exclusive_roles'],
    ]);
  });

  it('rejects the specialised organisation marked as an industrial enterprise', () => {
    expect(
      problems(document((d) => (d.participants.find((p) => p.id === 's1')!.industrial = true)))[0],
    ).toMatchObject({ field: 'participants[11].industrial', code: 'exclusive_roles' });
  });

  it('rejects a finished-product maker marked as not industrial', () => {
    expect(problems(document((d) => (d.participants[0]!.industrial = false)))[0]).toMatchObject({
      field: 'participants[0].industrial',
      code: 'exclusive_roles',
    });
  });

  it('rejects purchases from participants larger than the total', () => {
    expect(
      problems(document((d) => (d.purchases[1]!.fromParticipantsRub = 100_000_001)))[0],
    ).toMatchObject({ field: 'purchases[1].fromParticipantsRub', code: 'part_exceeds_total' });
  });

  it('rejects a negative amount and a non-numeric one with zod messages in both languages', () => {
    const found = problems(
      document((d) => {
        (d.purchases[0] as Record<string, unknown>).totalRub = -1;
        (d.purchases[1] as Record<string, unknown>).fromParticipantsRub = '25 000 000';
      }),
    );
    expect(found.map((p) => [p.field, p.code])).toEqual([
      ['purchases[0].totalRub', 'too_small'],
      ['purchases[1].fromParticipantsRub', 'invalid_type'],
    ]);
    expect(found[1]!.message).toMatch(/число/);
    expect(found[1]!.messageEn).toMatch(/number/);
  });

  it('rejects dates after the check date: joining, signing, decision, purchase year', () => {
    const found = problems(
      document((d) => {
        d.participants[3]!.joined = '2025-07-01';
        d.contracts[0]!.signed = '2026-01-01';
        d.cluster.decisionDate = '2025-07-01';
        d.purchases[0]!.year = 2026;
      }),
    );
    expect(found.map((p) => [p.field, p.code])).toEqual([
      ['cluster.decisionDate', 'after_as_of'],
      ['participants[3].joined', 'after_as_of'],
      ['contracts[0].signed', 'after_as_of'],
      ['purchases[0].year', 'after_as_of'],
    ]);
  });

  it('accepts dates on the check date itself', () => {
    const result = validateClusterCheckInput(
      document((d) => {
        d.participants[3]!.joined = d.asOf;
        d.contracts[0]!.signed = d.asOf;
      }),
    );
    expect(result.ok).toBe(true);
  });

  it('rejects duplicate participant and contract ids and a second purchase row for a buyer and year', () => {
    const found = problems(
      document((d) => {
        d.participants[1]!.id = 'e1';
        d.contracts[1]!.id = d.contracts[0]!.id;
        d.purchases[1]!.buyer = 'e1';
      }),
    );
    expect(found.map((p) => p.code)).toEqual(
      expect.arrayContaining(['duplicate_id', 'duplicate_id', 'duplicate_purchase']),
    );
  });

  it('rejects an impossible date, an unknown enumeration value and an unknown field', () => {
    const found = problems(
      document((d) => {
        d.asOf = '2025-02-30';
        (d.participants[0] as Record<string, unknown>).kind = 'factory';
        (d.participants[1] as Record<string, unknown>).finalProductmaker = true;
      }),
    );
    expect(found.map((p) => p.field)).toEqual([
      'asOf',
      'participants[0].kind',
      'participants[1].finalProductmaker',
    ]);
  });

  it('rejects a document that is not an object', () => {
    expect(problems([])[0]).toMatchObject({ field: '', code: 'invalid_type' });
  });
});
