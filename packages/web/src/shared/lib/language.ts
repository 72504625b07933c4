import { useCallback, useSyncExternalStore } from 'react';

/**
 * The interface language: Russian, with English one click away. One choice for
 * the whole interface, remembered in this browser; every component reads the
 * same store, so one toggle switches every page. Features keep their own words
 * (a dictionary or ru/en pairs) and read the language from here.
 */
export type Lang = 'ru' | 'en';

const KEY = 'promatlas.lang';
const listeners = new Set<() => void>();

function stored(): Lang {
  return typeof localStorage !== 'undefined' && localStorage.getItem(KEY) === 'en' ? 'en' : 'ru';
}
let current: Lang = stored();

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setLanguage(lang: Lang) {
  current = lang;
  if (typeof localStorage !== 'undefined') localStorage.setItem(KEY, lang);
  for (const listener of listeners) listener();
}

/** The current language, and a toggle between the two. */
export function useLanguage(): { lang: Lang; toggle: () => void } {
  const lang = useSyncExternalStore(subscribe, () => current);
  const toggle = useCallback(() => setLanguage(current === 'ru' ? 'en' : 'ru'), []);
  return { lang, toggle };
}

/**
 * The phrase in the interface language, for shared components whose words
 * are few and their own: t('Сохранить', 'Save').
 */
export function useT(): (ru: string, en: string) => string {
  const lang = useSyncExternalStore(subscribe, () => current);
  return useCallback((ru: string, en: string) => (lang === 'en' ? en : ru), [lang]);
}
