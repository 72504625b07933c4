import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from '../shared/components/common.tsx';

/** The names a page module exports as components: a misspelt page name fails the typecheck. */
export type PageName<M> = {
  [K in keyof M]: M[K] extends ComponentType ? K : never;
}[keyof M] &
  string;

/**
 * The pages of one lazily loaded module (its own chunk), looked up by a key
 * of the module's type rather than by a free string.
 */
export function lazyPages<M>(load: () => Promise<M>) {
  const cache = new Map<string, ComponentType>();
  return function page(name: PageName<M>) {
    let Component = cache.get(name);
    if (!Component) {
      Component = lazy(async () => ({ default: (await load())[name] as ComponentType }));
      cache.set(name, Component);
    }
    return (
      <Suspense fallback={<Loading />}>
        <Component />
      </Suspense>
    );
  };
}
