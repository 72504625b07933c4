import { useCallback } from 'react';
import { useLanguage, type Lang } from '../../../shared/lib/language.ts';

/**
 * The supplier search speaks Russian with English one click away (remembered
 * in this browser); the server's reasons and errors come in both languages.
 */
export type { Lang };

const WORDS = {
  title: ['Поиск поставщиков', 'Supplier search'],
  intro: [
    'Кто может поставить нужную продукцию: по коду ОКПД2 или виду деятельности ОКВЭД2, в регионе и в радиусе от точки или организации. Выдача ранжирована по расстоянию, участию в кластере и прежним договорам — у каждой строки указано, почему она на этом месте.',
    'Who could supply what you need: by ОКПД2 product code or ОКВЭД2 activity, in a region and within a radius of a point or an organisation. Results are ranked by distance, cluster membership and past contracts — each says why it is where it is.',
  ],
  need: ['Что нужно', 'Need'],
  okpd2: ['Продукция (ОКПД2)', 'Product (ОКПД2)'],
  okved: ['Вид деятельности (ОКВЭД2)', 'Activity (ОКВЭД2)'],
  code: ['Код', 'Code'],
  region: ['Регион', 'Region'],
  anyRegion: ['— любой —', '— any —'],
  radiusFrom: ['Радиус от', 'Radius around'],
  noRadius: ['без радиуса (весь регион)', 'no radius (whole region)'],
  fromOrganisation: ['организации', 'an organisation'],
  fromPoint: ['точки', 'a point'],
  lat: ['Широта', 'Latitude'],
  lon: ['Долгота', 'Longitude'],
  radius: ['Радиус, км', 'Radius, km'],
  search: ['Найти', 'Search'],
  searching: ['Ищем…', 'Searching…'],
  found: ['найдено', 'found'],
  within: ['в радиусе', 'within'],
  km: ['км', 'km'],
  of: ['от', 'of'],
  cluster: ['кластер', 'cluster'],
  nothing: ['Ничего не найдено', 'Nothing found'],
  score: ['Оценка', 'Score'],
  member: ['участник кластера', 'cluster member'],
  method: ['Как ранжирована выдача', 'How results are ranked'],
  language: ['English', 'Русский'],
} as const;
export type Word = keyof typeof WORDS;

export function useLang() {
  const { lang, toggle } = useLanguage();
  const t = useCallback((w: Word) => WORDS[w][lang === 'ru' ? 0 : 1], [lang]);
  return { lang, toggle, t };
}
