import { isOkvedCode, parseOkvedCode } from '../okved/okved-code.ts';

/**
 * The cluster category an ОКВЭД2 code belongs to under a mapping from ОКВЭД2
 * codes (any level) to category codes: the mapping of the code itself, else of
 * its nearest listed ancestor ('28.11.1' → '28.11' → '28.1' → '28' → 'C'), so
 * the most specific listed code wins. Undefined when neither the code nor any
 * ancestor is listed, or when the text is not an ОКВЭД2 code.
 */
export function clusterCategoryOfOkved(
  okvedCode: string,
  mapping: ReadonlyMap<string, string>,
): string | undefined {
  let code: string | null = okvedCode.trim();
  if (!isOkvedCode(code)) return undefined;
  while (code !== null) {
    const category = mapping.get(code);
    if (category !== undefined) return category;
    code = parseOkvedCode(code).parent;
  }
  return undefined;
}
