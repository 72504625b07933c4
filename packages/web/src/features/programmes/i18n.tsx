import { useCallback } from 'react';
import { ApiError } from '../../shared/api/client.ts';
import { setLanguage, useLanguage, type Lang } from '../../shared/lib/language.ts';

/**
 * The programme pages speak Russian, with English one click away (the choice
 * is remembered in this browser, as on the intake pages). Every component on
 * the page reads the same choice, so one toggle switches them all. The
 * server's messages come in both languages already (message, messageEn).
 */
export type { Lang };

/** Switches the whole interface (the store is shared with every feature). */
export const setLang = setLanguage;

/** A vocabulary of core (kinds, statuses, roles): its label in either language. */
interface Labelled {
  label(value: string | null | undefined, locale?: 'ru' | 'en'): string;
}

export function useLang() {
  const { lang } = useLanguage();
  /** The phrase in the interface language: t('Участники', 'Participants'). */
  const t = useCallback((ru: string, en: string) => (lang === 'en' ? en : ru), [lang]);
  const label = useCallback(
    (vocabulary: Labelled, key: string | null | undefined) => vocabulary.label(key, lang),
    [lang],
  );
  /** A server error in the interface language: its message and its field messages. */
  const localise = useCallback(
    (error: unknown): unknown => {
      if (lang !== 'en' || !(error instanceof ApiError) || !error.body) return error;
      const body = error.body;
      const messageEn = typeof body['messageEn'] === 'string' ? body['messageEn'] : error.message;
      return new ApiError(messageEn, error.status, error.code, {
        ...body,
        message: messageEn,
        fields: (body.fields ?? []).map((f) => ({ ...f, message: f.messageEn || f.message })),
      });
    },
    [lang],
  );
  return { lang, t, label, localise };
}

/** «English» / «Русский»: switches every programme page. */
export function LangToggle() {
  const { lang } = useLang();
  return (
    <button
      type="button"
      className="link-button lang-toggle"
      data-testid="lang-toggle"
      onClick={() => setLang(lang === 'ru' ? 'en' : 'ru')}
    >
      {lang === 'ru' ? 'English' : 'Русский'}
    </button>
  );
}
