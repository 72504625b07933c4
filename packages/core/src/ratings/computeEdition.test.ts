import { describe, expect, it } from 'vitest';
import { computeEdition } from './computeEdition.ts';
import type { IndicatorValue, ObjectScore } from './edition.types.ts';
import type { Methodology } from './methodology.schema.ts';
import { handWorkedMethodology, handWorkedValues } from './handWorkedExample.fixture.ts';

function byId(objects: ObjectScore[], id: string): ObjectScore {
  const found = objects.find((o) => o.objectId === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

/** Element-wise toBeCloseTo to 12 decimals; null expects a missing value (NaN in typed arrays). */
function expectClose(actual: ArrayLike<number | null>, expected: readonly (number | null)[]) {
  const values = Array.from(actual);
  expect(values.length).toBe(expected.length);
  values.forEach((a, i) => {
    const e = expected[i];
    if (e === null || e === undefined) expect(a === null || Number.isNaN(a)).toBe(true);
    else expect(a).toBeCloseTo(e, 12);
  });
}

describe('computeEdition — hand-worked example: 5 objects × 6 indicators in 2 groups, min–max', () => {
  // Groups: A (weight 3 → 3/5 = 0.6), B (weight 2 → 0.4).
  // A: a1 (weight 2 → 2/4 = 0.5, higher), a2 (1 → 0.25, higher), a3 (1 → 0.25, LOWER is better)
  // B: b1 (1 → 0.25, higher), b2 (1 → 0.25, LOWER), b3 (2 → 0.5, higher)
  // Effective weights in the total: a1 .6·.5 = .3, a2 .15, a3 .15, b1 .4·.25 = .1, b2 .1, b3 .2
  //
  //        a1   a2   a3    b1    b2   b3
  //   o1   10    4    5   100    10   0.8
  //   o2   20    1    3   300    20   0.2
  //   o3   30    3    1   200    30   0.4
  //   o4   50    0    5   500    50   0.6
  //   o5    0    2    2   100    10   1.0
  const edition = computeEdition(handWorkedMethodology, handWorkedValues);
  const o = (id: string) => byId(edition.objects, id);

  it('normalises each column by min–max, reversing lower-is-better columns', () => {
    // a1: min 0, max 50: (x−0)/50            → .2, .4, .6, 1, 0
    // a2: min 0, max 4:  x/4                 → 1, .25, .75, 0, .5
    // a3: min 1, max 5:  (5−x)/4 (lower)     → 0, .5, 1, 0, .75
    // b1: min 100, max 500: (x−100)/400      → 0, .5, .25, 1, 0
    // b2: min 10, max 50: (50−x)/40 (lower)  → 1, .75, .5, 0, 1
    // b3: min .2, max 1: (x−.2)/.8           → .75, 0, .25, .5, 1
    expectClose(o('o1').indicators.normalised, [0.2, 1, 0, 0, 1, 0.75]);
    expectClose(o('o2').indicators.normalised, [0.4, 0.25, 0.5, 0.5, 0.75, 0]);
    expectClose(o('o3').indicators.normalised, [0.6, 0.75, 1, 0.25, 0.5, 0.25]);
    expectClose(o('o4').indicators.normalised, [1, 0, 0, 1, 0, 0.5]);
    expectClose(o('o5').indicators.normalised, [0, 0.5, 0.75, 0, 1, 1]);
  });

  it('gives each indicator its effective weight: group share × share within the group', () => {
    for (const obj of edition.objects)
      expectClose(obj.indicators.weight, [0.3, 0.15, 0.15, 0.1, 0.1, 0.2]);
  });

  it('computes each contribution as effective weight × normalised value', () => {
    // o1: .3·.2 = .06, .15·1 = .15, .15·0 = 0, .1·0 = 0, .1·1 = .1, .2·.75 = .15
    expectClose(o('o1').indicators.contribution, [0.06, 0.15, 0, 0, 0.1, 0.15]);
    // o2: .3·.4 = .12, .15·.25 = .0375, .15·.5 = .075, .1·.5 = .05, .1·.75 = .075, 0
    expectClose(o('o2').indicators.contribution, [0.12, 0.0375, 0.075, 0.05, 0.075, 0]);
    // o3: .18, .1125, .15, .025, .05, .05
    expectClose(o('o3').indicators.contribution, [0.18, 0.1125, 0.15, 0.025, 0.05, 0.05]);
    // o4: .3, 0, 0, .1, 0, .1
    expectClose(o('o4').indicators.contribution, [0.3, 0, 0, 0.1, 0, 0.1]);
    // o5: 0, .075, .1125, 0, .1, .2
    expectClose(o('o5').indicators.contribution, [0, 0.075, 0.1125, 0, 0.1, 0.2]);
  });

  it('computes group scores as weighted means within the group', () => {
    // A = .5·a1 + .25·a2 + .25·a3;  B = .25·b1 + .25·b2 + .5·b3
    // o1: A = .1 + .25 + 0 = .35;         B = 0 + .25 + .375 = .625
    // o2: A = .2 + .0625 + .125 = .3875;  B = .125 + .1875 + 0 = .3125
    // o3: A = .3 + .1875 + .25 = .7375;   B = .0625 + .125 + .125 = .3125
    // o4: A = .5 + 0 + 0 = .5;            B = .25 + 0 + .25 = .5
    // o5: A = 0 + .125 + .1875 = .3125;   B = 0 + .25 + .5 = .75
    expectClose(
      o('o1').groups.map((g) => g.score),
      [0.35, 0.625],
    );
    expectClose(
      o('o2').groups.map((g) => g.score),
      [0.3875, 0.3125],
    );
    expectClose(
      o('o3').groups.map((g) => g.score),
      [0.7375, 0.3125],
    );
    expectClose(
      o('o4').groups.map((g) => g.score),
      [0.5, 0.5],
    );
    expectClose(
      o('o5').groups.map((g) => g.score),
      [0.3125, 0.75],
    );
    for (const obj of edition.objects)
      expectClose(
        obj.groups.map((g) => g.weight),
        [0.6, 0.4],
      );
  });

  it('computes group contributions as group weight × group score', () => {
    // o1: .6·.35 = .21, .4·.625 = .25; o2: .2325, .125; o3: .4425, .125; o4: .3, .2; o5: .1875, .3
    expectClose(
      o('o1').groups.map((g) => g.contribution),
      [0.21, 0.25],
    );
    expectClose(
      o('o2').groups.map((g) => g.contribution),
      [0.2325, 0.125],
    );
    expectClose(
      o('o3').groups.map((g) => g.contribution),
      [0.4425, 0.125],
    );
    expectClose(
      o('o4').groups.map((g) => g.contribution),
      [0.3, 0.2],
    );
    expectClose(
      o('o5').groups.map((g) => g.contribution),
      [0.1875, 0.3],
    );
  });

  it('sums group contributions into the total score', () => {
    // o1 .46, o2 .3575, o3 .5675, o4 .5, o5 .4875
    expectClose(
      ['o1', 'o2', 'o3', 'o4', 'o5'].map((id) => o(id).score),
      [0.46, 0.3575, 0.5675, 0.5, 0.4875],
    );
  });

  it('places objects by total score, best first, and lists them in that order', () => {
    // .5675 (o3) > .5 (o4) > .4875 (o5) > .46 (o1) > .3575 (o2)
    expect(edition.objects.map((x) => [x.objectId, x.place])).toEqual([
      ['o3', 1],
      ['o4', 2],
      ['o5', 3],
      ['o1', 4],
      ['o2', 5],
    ]);
  });

  it('records the fitted normalisation parameters of the peer group', () => {
    expect(edition.peerGroups).toHaveLength(1);
    expect(edition.peerGroups[0]!.parameters[0]).toEqual({
      method: 'min_max',
      direction: 'higher_is_better',
      count: 5,
      min: 0,
      max: 50,
    });
  });

  it('flags nobody as disqualified and reports no missing indicators', () => {
    for (const obj of edition.objects) {
      expect(obj.disqualified).toBe(false);
      expect(obj.missingIndicators).toEqual([]);
    }
  });
});

const twoByTwo: Methodology = {
  ...handWorkedMethodology,
  groups: [
    { code: 'a', name: 'A', weight: 1 },
    { code: 'b', name: 'B', weight: 1 },
  ],
  indicators: [
    { ...handWorkedMethodology.indicators[0]!, code: 'x', group: 'a', weight: 1 },
    { ...handWorkedMethodology.indicators[1]!, code: 'y', group: 'a', weight: 1 },
    { ...handWorkedMethodology.indicators[3]!, code: 'z', group: 'b', weight: 1 },
  ],
};

function rows(
  table: Record<string, [number | null, number | null, number | null]>,
  peerGroup?: string,
) {
  const out: IndicatorValue[] = [];
  for (const [objectId, vs] of Object.entries(table))
    ['x', 'y', 'z'].forEach((indicator, j) =>
      out.push({ objectId, peerGroup, indicator, value: vs[j] ?? null }),
    );
  return out;
}

describe('computeEdition — missing values', () => {
  // x, y in group a; z in group b; groups weigh 1:1; all higher is better, min–max.
  //        x     y     z
  //   p    0     0     0
  //   q   10    10    10
  //   r   null   5    null
  const table = { p: [0, 0, 0], q: [10, 10, 10], r: [null, 5, null] } as Record<
    string,
    [number | null, number | null, number | null]
  >;

  it("under 'exclude' moves a missing indicator's weight to the rest of its group and a missing group's weight to the other groups", () => {
    const e = computeEdition({ ...twoByTwo, missingValueRule: 'exclude' }, rows(table));
    const r = byId(e.objects, 'r');
    // y: (5−0)/10 = .5; group a = y alone = .5; group b absent → a weighs 1; total .5
    expectClose(r.indicators.normalised, [null, 0.5, null]);
    expectClose(r.indicators.weight, [0, 1, 0]);
    expectClose(
      r.groups.map((g) => g.score),
      [0.5, null],
    );
    expectClose(
      r.groups.map((g) => g.weight),
      [1, 0],
    );
    expect(r.score).toBeCloseTo(0.5, 12);
    expect(r.missingIndicators).toEqual(['x', 'z']);
    // q: 1, p: 0, r: .5
    expect(e.objects.map((o) => o.objectId)).toEqual(['q', 'r', 'p']);
  });

  it("under 'group_mean' fills the peer-group mean of the normalised indicator and marks it imputed", () => {
    const e = computeEdition({ ...twoByTwo, missingValueRule: 'group_mean' }, rows(table));
    const r = byId(e.objects, 'r');
    // x: p 0, q 1 → mean .5; z likewise .5; y .5 → a = .5, b = .5, total .5
    expectClose(r.indicators.normalised, [0.5, 0.5, 0.5]);
    expect(Array.from(r.indicators.imputed)).toEqual([1, 0, 1]);
    expect(r.score).toBeCloseTo(0.5, 12);
  });

  it("under 'zero' counts a missing indicator as contributing nothing", () => {
    const e = computeEdition({ ...twoByTwo, missingValueRule: 'zero' }, rows(table));
    const r = byId(e.objects, 'r');
    // a = (0 + .5)/2 = .25; b = 0; total (.25 + 0)/2 = .125
    expectClose(r.indicators.normalised, [0, 0.5, 0]);
    expectClose(
      r.groups.map((g) => g.score),
      [0.25, 0],
    );
    expect(r.score).toBeCloseTo(0.125, 12);
    expect(r.place).toBe(2);
  });

  it("under 'disqualify' takes the object out of the rating without letting it shift the others", () => {
    const withGap = { ...table, s: [20, 20, 20] } as typeof table;
    const e = computeEdition({ ...twoByTwo, missingValueRule: 'disqualify' }, rows(withGap));
    const r = byId(e.objects, 'r');
    expect(r).toMatchObject({ disqualified: true, score: null, place: null });
    // fitted on p, q, s only: y min 0, max 20, so q's y is .5 (r's 5 plays no part)
    expect(byId(e.objects, 'q').indicators.normalised[1]).toBeCloseTo(0.5, 12);
    expect(e.objects.map((o) => [o.objectId, o.place])).toEqual([
      ['s', 1],
      ['q', 2],
      ['p', 3],
      ['r', null],
    ]);
  });

  it('treats an indicator with no row at all like a null value', () => {
    const values = rows(table).filter((v) => !(v.objectId === 'r' && v.value === null));
    const e = computeEdition({ ...twoByTwo, missingValueRule: 'exclude' }, values);
    expect(byId(e.objects, 'r').score).toBeCloseTo(0.5, 12);
  });
});

describe('computeEdition — peer groups and ties', () => {
  it('normalises and places each peer group separately', () => {
    const values = [
      ...rows({ p: [0, 0, 0], q: [10, 10, 10] }, 'industrial'),
      ...rows({ t: [100, 100, 100], u: [50, 50, 50] }, 'tourist'),
    ];
    const e = computeEdition(twoByTwo, values);
    expect(e.objects.map((o) => [o.peerGroup, o.objectId, o.place, o.score])).toEqual([
      ['industrial', 'q', 1, 1],
      ['industrial', 'p', 2, 0],
      ['tourist', 't', 1, 1],
      ['tourist', 'u', 2, 0],
    ]);
    expect(e.peerGroups.map((p) => p.peerGroup)).toEqual(['industrial', 'tourist']);
  });

  it('lets equal scores share the best place and skips the places they use (1, 2, 2, 4)', () => {
    const e = computeEdition(
      twoByTwo,
      rows({ a: [10, 10, 10], b: [5, 5, 5], c: [5, 5, 5], d: [0, 0, 0] }),
    );
    expect(e.objects.map((o) => [o.objectId, o.place])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });

  it('gives a constant column 1 for everyone under min–max, so it cannot reorder objects', () => {
    const e = computeEdition(twoByTwo, rows({ a: [7, 0, 0], b: [7, 10, 10] }));
    expect(e.objects.map((o) => o.indicators.normalised[0])).toEqual([1, 1]);
    // b: a = (1 + 1)/2 = 1, b = 1 → 1; a: a = (1 + 0)/2 = .5, b = 0 → .25
    expect(e.objects.map((o) => [o.objectId, o.score])).toEqual([
      ['b', 1],
      ['a', 0.25],
    ]);
  });
});

describe('computeEdition — input errors', () => {
  it('rejects an indicator code the methodology does not define', () => {
    expect(() =>
      computeEdition(twoByTwo, [{ objectId: 'a', indicator: 'nope', value: 1 }]),
    ).toThrow(/показатель «nope».*не описан/);
  });

  it('rejects the same indicator given twice for one object', () => {
    expect(() =>
      computeEdition(twoByTwo, [
        { objectId: 'a', indicator: 'x', value: 1 },
        { objectId: 'a', indicator: 'x', value: 2 },
      ]),
    ).toThrow(/указано дважды/);
  });

  it('rejects an object placed in two peer groups', () => {
    expect(() =>
      computeEdition(twoByTwo, [
        { objectId: 'a', peerGroup: 'p1', indicator: 'x', value: 1 },
        { objectId: 'a', peerGroup: 'p2', indicator: 'y', value: 2 },
      ]),
    ).toThrow(/в двух группах сравнения/);
  });

  it('rejects NaN instead of treating it as missing', () => {
    expect(() =>
      computeEdition(twoByTwo, [{ objectId: 'a', indicator: 'x', value: Number.NaN }]),
    ).toThrow(/не число/);
  });
});
