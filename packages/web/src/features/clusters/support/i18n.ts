import { useCallback } from 'react';
import { useLanguage, type Lang } from '../../../shared/lib/language.ts';
import type { ApiError } from '../../../shared/api/client.ts';

/**
 * The regulation pages (rule sets, territory flags, support measures, the
 * subsidy calculator) speak Russian, with English one click away (remembered
 * in this browser). The server's own messages come in both languages.
 */
export type { Lang };
export function useLang() {
  const { lang, toggle } = useLanguage();
  /** The text in the current language: tr('Сохранить', 'Save'). */
  const tr = useCallback((ru: string, en: string) => (lang === 'ru' ? ru : en), [lang]);
  return { lang, toggle, tr };
}

/** An API error's field problems in the current language. */
export function fieldMessages(
  error: ApiError,
  lang: Lang,
): Array<{ field: string; message: string }> {
  const fields = (error.body?.fields ?? []) as Array<{
    field: string;
    message: string;
    messageEn?: string;
  }>;
  return fields.map((f) => ({
    field: f.field,
    message: lang === 'en' && f.messageEn ? f.messageEn : f.message,
  }));
}

export function errorMessage(error: ApiError, lang: Lang): string {
  const en = error.body?.['messageEn'];
  return lang === 'en' && typeof en === 'string' ? en : error.message;
}

/** 150000000 → «150 000 000 ₽». */
export const rub = (value: number | null | undefined) =>
  value === null || value === undefined
    ? '—'
    : `${value.toLocaleString('ru-RU', { maximumFractionDigits: 2 })} ₽`;
export const percent = (share: number) =>
  `${(share * 100).toLocaleString('ru-RU', { maximumFractionDigits: 2 })} %`;
export const ruDate = (iso: string | null | undefined) =>
  iso ? iso.split('-').reverse().join('.') : '—';
