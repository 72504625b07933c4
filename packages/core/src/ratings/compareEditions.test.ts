import { describe, expect, it } from 'vitest';
import { compareEditions } from './compareEditions.ts';
import { computeEdition } from './computeEdition.ts';
import { handWorkedMethodology, handWorkedValues } from './handWorkedExample.fixture.ts';

// Before: the hand-worked example, o3 .5675 (1), o4 .5 (2), o5 .4875 (3), o1 .46 (4), o2 .3575 (5).
// After: o5 raises b1 from 100 to 500. b1's min (o1, 100) and max (o4, 500) do not move, so only
// o5 changes: b1 normalised 0 → 1, contribution 0 → .1, score .4875 → .5875, first place.
// o6 enters with o2's values (min and max unchanged) and ties with o2 for 5th.
const before = computeEdition(handWorkedMethodology, handWorkedValues);
const afterValues = handWorkedValues
  .map((v) => (v.objectId === 'o5' && v.indicator === 'b1' ? { ...v, value: 500 } : v))
  .concat(
    handWorkedValues.filter((v) => v.objectId === 'o2').map((v) => ({ ...v, objectId: 'o6' })),
  );
const after = computeEdition(handWorkedMethodology, afterValues);

describe('compareEditions', () => {
  const comparison = compareEditions(before, after);
  const move = (id: string) => comparison.moves.find((m) => m.objectId === id)!;

  it('reports places before and after and the places gained (positive = up)', () => {
    expect(
      comparison.moves.map((m) => [m.objectId, m.placeBefore, m.placeAfter, m.placesGained]),
    ).toEqual([
      ['o5', 3, 1, 2],
      ['o3', 1, 2, -1],
      ['o4', 2, 3, -1],
      ['o1', 4, 4, 0],
      ['o2', 5, 5, 0],
    ]);
  });

  it('attributes the score change to the indicators whose contributions changed', () => {
    const o5 = move('o5');
    expect(o5.scoreChange).toBeCloseTo(0.1, 12);
    expect(o5.drivers).toHaveLength(1);
    expect(o5.drivers[0]).toMatchObject({ indicator: 'b1', contributionBefore: 0 });
    expect(o5.drivers[0]!.change).toBeCloseTo(0.1, 12);
  });

  it('shows no drivers for an object that moved only because another overtook it', () => {
    expect(move('o3').drivers).toEqual([]);
    expect(move('o3').scoreChange).toBeCloseTo(0, 12);
  });

  it('lists objects that entered or left', () => {
    expect(comparison.entered).toEqual(['o6']);
    expect(comparison.left).toEqual([]);
    expect(compareEditions(after, before).left).toEqual(['o6']);
  });

  it('does not compare places across peer groups', () => {
    const moved = computeEdition(
      handWorkedMethodology,
      handWorkedValues.map((v) => (v.objectId === 'o1' ? { ...v, peerGroup: 'other' } : v)),
    );
    const m = compareEditions(before, moved).moves.find((x) => x.objectId === 'o1')!;
    expect(m).toMatchObject({ peerGroupBefore: null, peerGroupAfter: 'other', placesGained: null });
  });

  it('sums driver changes to the score change', () => {
    const e2 = computeEdition(
      handWorkedMethodology,
      handWorkedValues.map((v) =>
        v.objectId === 'o1' && v.indicator === 'a2' ? { ...v, value: 2 } : v,
      ),
    );
    // a2's max was o1's 4; now 3 (o3), so every a2 value renormalises and several drivers appear.
    for (const m of compareEditions(before, e2).moves) {
      const sum = m.drivers.reduce((s, d) => s + d.change, 0);
      expect(sum).toBeCloseTo(m.scoreChange!, 12);
    }
  });
});
