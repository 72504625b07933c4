import { isOkvedCode, parseOkvedCode } from '../okved/okved-code.ts';

/**
 * For each ОКВЭД2 code of a list, the index (in the same list) of its nearest
 * ancestor that is also in the list, or −1 when none is. A dataset that mixes
 * levels — Rosstat's tables give every section and then some of its divisions
 * and groups — is a forest under this relation; its roots (−1) partition the
 * economy without double counting, which is what totals must be summed over.
 *
 * Texts that are not ОКВЭД2 codes have no ancestors (−1) and are nobody's
 * ancestor.
 */
export function nearestPresentAncestors(codes: readonly string[]): Int32Array {
  const index = new Map<string, number>();
  codes.forEach((code, k) => index.set(code.trim(), k));
  return Int32Array.from(codes, (code) => {
    const trimmed = code.trim();
    if (!isOkvedCode(trimmed)) return -1;
    let parent = parseOkvedCode(trimmed).parent;
    while (parent !== null) {
      const k = index.get(parent);
      if (k !== undefined) return k;
      parent = parseOkvedCode(parent).parent;
    }
    return -1;
  });
}
