import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { ReportLang } from '@promatlas/core/api/reports.schema.ts';
import { setLanguage, useLanguage } from '../../shared/lib/language.ts';

/**
 * The language of a report page. The server writes the report — its
 * headings, table heads, verdicts, notes, numbers and dates — in the language
 * asked for, so the page, its XLSX and its PDF say the same words. The page
 * asks in the interface language, unless its address names one (`?lang=en`):
 * the server's PDF printer opens the page that way, having no stored choice.
 */
export function useReportLang(): { lang: ReportLang; toggle: () => void } {
  const { lang: chosen } = useLanguage();
  const [params, setParams] = useSearchParams();
  const asked = params.get('lang');
  const lang: ReportLang = asked === 'en' || asked === 'ru' ? asked : chosen;
  const toggle = useCallback(() => {
    setLanguage(lang === 'ru' ? 'en' : 'ru');
    // Once the reader chooses, the interface language speaks for the page again.
    if (asked !== null)
      setParams(
        (p) => {
          p.delete('lang');
          return p;
        },
        { replace: true },
      );
  }, [lang, asked, setParams]);
  return { lang, toggle };
}

const WORDS = {
  back: ['← К записи', '← To the record'],
  backCluster: ['← К кластеру', '← To the cluster'],
  print: ['Печать', 'Print'],
  report: ['Отчёт', 'Report'],
  passport: ['Паспорт кластера', 'Cluster passport'],
  brand: ['PromAtlas · Промышленный атлас', 'PromAtlas · Industrial atlas'],
  brandPassport: [
    'PromAtlas · Промышленный атлас · Паспорт кластера',
    'PromAtlas · Industrial atlas · Cluster passport',
  ],
  generated: ['Сформировано', 'Generated'],
  sources: ['Источники', 'Sources'],
  noSources: ['Записи отчёта не ссылаются на документы.', 'The report cites no documents.'],
  noSourcesPassport: [
    'Записи паспорта не ссылаются на документы.',
    'The passport cites no documents.',
  ],
  language: ['English', 'Русский'],
} as const;
export type ReportWord = keyof typeof WORDS;

export const reportWord = (lang: ReportLang, w: ReportWord): string =>
  WORDS[w][lang === 'ru' ? 0 : 1];

export const localeOf = (lang: ReportLang): string => (lang === 'en' ? 'en-GB' : 'ru-RU');

/** The report's API address in a language, with an optional export format. */
export function reportUrl(api: string, lang: ReportLang, format?: 'xlsx' | 'pdf'): string {
  return format ? `${api}/export?format=${format}&lang=${lang}` : `${api}?lang=${lang}`;
}
