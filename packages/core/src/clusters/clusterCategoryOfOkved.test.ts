import { describe, expect, it } from 'vitest';
import { clusterCategoryOfOkved } from './clusterCategoryOfOkved.ts';
import { DEFAULT_CLUSTER_CATEGORIES } from './default-cluster-categories.ts';
import { OKVED_DIVISIONS } from '../okved/okved-top-levels.ts';
import { isOkvedCode } from '../okved/okved-code.ts';

const defaults = new Map(
  DEFAULT_CLUSTER_CATEGORIES.flatMap((c) => c.okvedCodes.map((code) => [code, c.code] as const)),
);

describe('clusterCategoryOfOkved', () => {
  it('takes the most specific listed code', () => {
    expect(clusterCategoryOfOkved('49.50', defaults)).toBe('oil-gas');
    expect(clusterCategoryOfOkved('49.41', defaults)).toBe('local-transport');
    expect(clusterCategoryOfOkved('10.20.1', defaults)).toBe('fishing');
    expect(clusterCategoryOfOkved('10.51', defaults)).toBe('food');
  });

  it('gives undefined for a mixed section and for text that is not a code', () => {
    expect(clusterCategoryOfOkved('C', defaults)).toBeUndefined();
    expect(clusterCategoryOfOkved('итого', defaults)).toBeUndefined();
  });
});

describe('DEFAULT_CLUSTER_CATEGORIES', () => {
  it('assigns every ОКВЭД2 division to exactly one category, with valid codes only', () => {
    const listed = DEFAULT_CLUSTER_CATEGORIES.flatMap((c) => c.okvedCodes);
    expect(new Set(listed).size).toBe(listed.length);
    for (const code of listed) expect(isOkvedCode(code), code).toBe(true);
    for (const division of OKVED_DIVISIONS)
      expect(clusterCategoryOfOkved(division.code, defaults), division.code).toBeDefined();
  });

  it('has unique category codes and both types', () => {
    const codes = DEFAULT_CLUSTER_CATEGORIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(DEFAULT_CLUSTER_CATEGORIES.map((c) => c.type))).toEqual(
      new Set(['traded', 'local']),
    );
  });
});
