import { describe, expect, it } from 'vitest';
import { computeEdition } from './computeEdition.ts';
import { explainScore } from './explainScore.ts';
import { handWorkedMethodology, handWorkedValues } from './handWorkedExample.fixture.ts';

// Scores from the hand-worked example (computeEdition.test.ts):
// o3 .5675 (1), o4 .5 (2), o5 .4875 (3), o1 .46 (4), o2 .3575 (5)
const edition = computeEdition(handWorkedMethodology, handWorkedValues);

describe('explainScore', () => {
  const o4 = explainScore(edition, 'o4');

  it('breaks the score down by group, with each group’s share of the total', () => {
    // o4: A .5 × .6 = .3 (share .6), B .5 × .4 = .2 (share .4)
    expect(o4.groups.map((g) => [g.code, g.name])).toEqual([
      ['a', 'Группа A'],
      ['b', 'Группа B'],
    ]);
    expect(o4.groups[0]!.contribution).toBeCloseTo(0.3, 12);
    expect(o4.groups[0]!.share).toBeCloseTo(0.6, 12);
    expect(o4.groups[1]!.share).toBeCloseTo(0.4, 12);
  });

  it('breaks the score down by indicator with raw value, normalised value, weight and contribution', () => {
    expect(o4.indicators[0]).toMatchObject({ code: 'a1', raw: 50, normalised: 1, imputed: false });
    expect(o4.indicators[0]!.weight).toBeCloseTo(0.3, 12);
    expect(o4.indicators[0]!.contribution).toBeCloseTo(0.3, 12);
  });

  it('gives the gap to the object above and the object below in the peer group', () => {
    // above: o3 .5675 − .5 = .0675; below: .5 − o5 .4875 = .0125
    expect(o4.place).toBe(2);
    expect(o4.above).toMatchObject({ objectId: 'o3', place: 1 });
    expect(o4.above!.gap).toBeCloseTo(0.0675, 12);
    expect(o4.below).toMatchObject({ objectId: 'o5', place: 3 });
    expect(o4.below!.gap).toBeCloseTo(0.0125, 12);
  });

  it('finds, per indicator, the raw value that closes the gap to the object above with normalisation fixed', () => {
    // Needed normalised rise = .0675 / effective weight.
    // a1: .0675/.3 = .225 on top of 1 → beyond the best.
    // a2: .0675/.15 = .45 → x = 0 + .45·4 = 1.8 (from 0: +1.8)
    // a3 (lower): .45 → x = 5 − .45·4 = 3.2 (from 5: −1.8)
    // b1: already 1 → beyond the best.
    // b2 (lower): .0675/.1 = .675 → x = 50 − .675·40 = 23 (from 50: −27)
    // b3: .0675/.2 = .3375 → .8375 → x = .2 + .8375·.8 = .87 (from .6: +.27)
    const lifts = o4.liftOnePlace;
    expect(lifts.map((l) => [l.indicator, l.outcome])).toEqual([
      ['a1', 'beyond_best'],
      ['a2', 'lifts'],
      ['a3', 'lifts'],
      ['b1', 'beyond_best'],
      ['b2', 'lifts'],
      ['b3', 'lifts'],
    ]);
    const required = lifts.map((l) => l.requiredValue);
    const change = lifts.map((l) => l.change);
    [null, 1.8, 3.2, null, 23, 0.87].forEach((v, j) =>
      v === null ? expect(required[j]).toBeNull() : expect(required[j]).toBeCloseTo(v, 9),
    );
    [null, 1.8, -1.8, null, -27, 0.27].forEach((v, j) =>
      v === null ? expect(change[j]).toBeNull() : expect(change[j]).toBeCloseTo(v, 9),
    );
  });

  it('gives a value that, entered into the edition, does tie the object with the one above', () => {
    const changed = handWorkedValues.map((v) =>
      v.objectId === 'o4' && v.indicator === 'b3' ? { ...v, value: 0.87 } : v,
    );
    const again = computeEdition(handWorkedMethodology, changed);
    expect(again.objects.filter((o) => o.place === 1).map((o) => o.objectId)).toEqual(['o3', 'o4']);
  });

  it('has nothing above the leader and nothing to lift it to', () => {
    const o3 = explainScore(edition, 'o3');
    expect(o3.above).toBeNull();
    expect(o3.liftOnePlace).toEqual([]);
    expect(o3.below).toMatchObject({ objectId: 'o4' });
  });

  it('has nothing below the last object', () => {
    expect(explainScore(edition, 'o2').below).toBeNull();
  });

  it('targets the next better place even when it is shared', () => {
    const tie = computeEdition(
      handWorkedMethodology,
      handWorkedValues.concat(
        handWorkedValues
          .filter((v) => v.objectId === 'o4')
          .map((v) => ({ ...v, objectId: 'o4bis' })),
      ),
    );
    // o4 and o4bis tie for 2nd (min–max unchanged as o4bis repeats o4); o5 is 4th
    const o5 = explainScore(tie, 'o5');
    expect(o5.place).toBe(4);
    expect(o5.above).toMatchObject({ place: 2 });
    expect(o5.above!.gap).toBeCloseTo(0.0125, 12);
  });

  it('reports an indicator the object did not report as missing rather than guessing', () => {
    const withGap = handWorkedValues.filter((v) => !(v.objectId === 'o1' && v.indicator === 'b3'));
    const e = computeEdition(handWorkedMethodology, withGap);
    const lift = explainScore(e, 'o1').liftOnePlace.find((l) => l.indicator === 'b3');
    expect(lift).toMatchObject({ outcome: 'missing_value', requiredValue: null, change: null });
  });

  it('throws for an object not in the edition', () => {
    expect(() => explainScore(edition, 'nobody')).toThrow(/нет в издании/);
  });
});
