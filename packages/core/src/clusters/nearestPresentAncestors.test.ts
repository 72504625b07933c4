import { describe, expect, it } from 'vitest';
import { nearestPresentAncestors } from './nearestPresentAncestors.ts';

describe('nearestPresentAncestors', () => {
  it('links each code to its nearest listed ancestor, skipping absent levels', () => {
    // 02.20 (subgroup) sits under 02 (division) when the group 02.2 is not listed.
    expect([...nearestPresentAncestors(['A', '02', '02.20', 'C', '10.2', 'x'])]).toEqual([
      -1, 0, 1, -1, 3, -1,
    ]);
  });
});
