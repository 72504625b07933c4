import { describe, expect, it } from 'vitest';
import { computeEdition } from './computeEdition.ts';
import { handWorkedMethodology, handWorkedValues } from './handWorkedExample.fixture.ts';
import { quantileSorted } from './quantileSorted.ts';
import { sensitivity } from './sensitivity.ts';

// Places with stated weights: o3 1, o4 2, o5 3, o1 4, o2 5 (o4 .5 and o5 .4875 are close).
const edition = computeEdition(handWorkedMethodology, handWorkedValues);
const dirichlet = { method: 'dirichlet', concentration: 20 } as const;

describe('sensitivity', () => {
  it('is reproducible: the same seed gives identical output', () => {
    const a = sensitivity(edition, { perturbation: dirichlet, runs: 500, seed: 2025 });
    const b = sensitivity(edition, { perturbation: dirichlet, runs: 500, seed: 2025 });
    expect(a).toEqual(b);
  });

  it('gives a different output for a different seed', () => {
    const a = sensitivity(edition, { perturbation: dirichlet, runs: 500, seed: 1 });
    const b = sensitivity(edition, { perturbation: dirichlet, runs: 500, seed: 2 });
    expect(a.objects.map((o) => o.placeCounts)).not.toEqual(b.objects.map((o) => o.placeCounts));
  });

  it('reproduces the edition’s places in every run when weights do not move (spread 0)', () => {
    const r = sensitivity(edition, {
      perturbation: { method: 'uniform', spread: 0 },
      runs: 50,
      seed: 1,
    });
    for (const o of r.objects) {
      expect([o.median, o.p5, o.p95, o.min, o.max]).toEqual([
        o.place,
        o.place,
        o.place,
        o.place,
        o.place,
      ]);
      expect(o.robust).toBe(true);
      expect(o.placeCounts[o.place - 1]).toBe(50);
    }
    expect(r.objects.map((o) => [o.objectId, o.place])).toEqual([
      ['o3', 1],
      ['o4', 2],
      ['o5', 3],
      ['o1', 4],
      ['o2', 5],
    ]);
  });

  it('stays at the stated places under a very concentrated Dirichlet', () => {
    const r = sensitivity(edition, {
      perturbation: { method: 'dirichlet', concentration: 1e7 },
      runs: 100,
      seed: 3,
    });
    for (const o of r.objects) expect([o.p5, o.p95]).toEqual([o.place, o.place]);
  });

  it('flags a place as not robust when its 5–95 % range exceeds the threshold', () => {
    const r = sensitivity(edition, {
      perturbation: { method: 'uniform', spread: 0.8 },
      runs: 1000,
      seed: 11,
      threshold: 0,
    });
    const o4 = r.objects.find((o) => o.objectId === 'o4')!;
    const o5 = r.objects.find((o) => o.objectId === 'o5')!;
    expect(o4.p95 - o4.p5).toBeGreaterThan(0);
    expect(o4.robust).toBe(false);
    expect(o5.robust).toBe(false);
  });

  it('reports median, p5 and p95 as type-7 quantiles of the places taken', () => {
    const r = sensitivity(edition, {
      perturbation: { method: 'uniform', spread: 0.8 },
      runs: 999,
      seed: 4,
    });
    for (const o of r.objects) {
      const sample = o.placeCounts.flatMap((count, k) => new Array<number>(count).fill(k + 1));
      expect(o.median).toBe(quantileSorted(sample, 0.5));
      expect(o.p5).toBeCloseTo(quantileSorted(sample, 0.05), 12);
      expect(o.p95).toBeCloseTo(quantileSorted(sample, 0.95), 12);
      expect([o.min, o.max]).toEqual([sample[0], sample.at(-1)]);
    }
  });

  it('counts every run exactly once per object', () => {
    const r = sensitivity(edition, { perturbation: dirichlet, runs: 321, seed: 8 });
    for (const o of r.objects) expect(o.placeCounts.reduce((s, c) => s + c, 0)).toBe(321);
  });

  it('rejects invalid options', () => {
    expect(() => sensitivity(edition, { perturbation: dirichlet, runs: 0, seed: 1 })).toThrow(
      RangeError,
    );
    expect(() =>
      sensitivity(edition, { perturbation: { method: 'uniform', spread: 1.5 }, runs: 1, seed: 1 }),
    ).toThrow(RangeError);
    expect(() =>
      sensitivity(edition, {
        perturbation: { method: 'dirichlet', concentration: 0 },
        runs: 1,
        seed: 1,
      }),
    ).toThrow(RangeError);
  });
});
