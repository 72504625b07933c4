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

/**
 * The server words its ranking method in Russian only, with the weights it
 * ranked by in the text; the English lines are built from the same numbers,
 * so they cannot drift from the weights applied. A line of unknown wording is
 * shown as the server sent it.
 */
const METHOD_EN: Array<[RegExp, (...n: string[]) => string]> = [
  [
    /^Расстояние: до (\d+(?:[.,]\d+)?) баллов, линейно от (\d+(?:[.,]\d+)?) в точке поиска до 0 на границе радиуса/,
    (max, from) =>
      `Distance: up to ${max} points, falling linearly from ${from} at the search point to 0 at the edge of the radius (great-circle distance)`,
  ],
  [
    /^Участник кластера из запроса: (\d+(?:[.,]\d+)?) баллов; участник другого кластера: (\d+(?:[.,]\d+)?)/,
    (own, other) =>
      `Member of the cluster searched for: ${own} points; member of another cluster: ${other}`,
  ],
  [
    /^Прежние договоры поставки этой продукции \(по ОКПД2\): по (\d+(?:[.,]\d+)?) баллов за договор, не больше (\d+(?:[.,]\d+)?)/,
    (each, max) =>
      `Past contracts supplying this product (by ОКПД2 code): ${each} points per contract, at most ${max}`,
  ],
  [
    /^Подходят организации с видом деятельности ОКВЭД2 того же класса, что и продукция ОКПД2/,
    () =>
      'Organisations qualify whose ОКВЭД2 activity is of the same class as the ОКПД2 product (the two classifications share their codes down to the class), or who have supplied this product before',
  ],
];

export function methodLine(line: string, lang: Lang): string {
  if (lang === 'ru') return line;
  for (const [pattern, render] of METHOD_EN) {
    const m = pattern.exec(line);
    if (m) return render(...m.slice(1));
  }
  return line;
}
