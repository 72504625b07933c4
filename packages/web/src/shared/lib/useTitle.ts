import { useEffect } from 'react';

/** Sets document.title to «<page> — PromAtlas». */
export function useTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} — PromAtlas` : 'PromAtlas · Промышленный атлас';
  }, [title]);
}
