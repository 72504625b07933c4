/**
 * Compiled by `tsc -p packages/web` (npm run typecheck), never run: a lazy
 * page is named by a key of its module, so a misspelt name does not compile.
 */
import { lazyPages } from './lazy-page.tsx';

export function lazyPagesRefuseUnknownNames(): void {
  const ratings = lazyPages(() => import('../features/ratings/pages.ts'));
  ratings('RatingsPage');
  // @ts-expect-error a page the module does not export
  ratings('RatingPage');
}
