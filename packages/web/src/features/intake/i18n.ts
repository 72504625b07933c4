import { useCallback } from 'react';
import { useLanguage, type Lang } from '../../shared/lib/language.ts';

/**
 * The intake pages speak Russian, with English one click away (the choice is
 * remembered in this browser). Only this feature's own words are here; the
 * server's messages come in both languages already (message, messageEn).
 */
export type { Lang };

const WORDS = {
  title: ['Разбор документа', 'Document intake'],
  intro: [
    'Вставьте текст пресс-релиза или загрузите файл (.txt, .docx, .html, .pdf с текстовым слоем): PromAtlas предложит факты с цитатами, вы примете или поправите их.',
    'Paste a press release or upload a file (.txt, .docx, .html, a PDF with a text layer): PromAtlas proposes facts with their quotes, you accept or correct them.',
  ],
  text: ['Текст документа', 'Document text'],
  file: ['или файл', 'or a file'],
  publisher: ['Издатель', 'Publisher'],
  published: ['Дата публикации', 'Publication date'],
  url: ['Адрес (URL)', 'Address (URL)'],
  read: ['Разобрать', 'Read'],
  reading: ['Разбираем…', 'Reading…'],
  recent: ['Документы на разборе', 'Documents under review'],
  none: ['Пока нет документов', 'No documents yet'],
  accepted: ['принято', 'accepted'],
  rejected: ['отклонено', 'rejected'],
  pending: ['ждёт решения', 'pending'],
  accept: ['Принять', 'Accept'],
  reject: ['Отклонить', 'Reject'],
  edit: ['Изменить', 'Edit'],
  cancel: ['Отмена', 'Cancel'],
  acceptEdited: ['Принять с правкой', 'Accept as edited'],
  acceptAll: ['Принять все', 'Accept all'],
  existing: ['связь', 'link'],
  new: ['новая запись', 'new record'],
  quote: ['Цитата', 'Quote'],
  legend: ['Упоминания', 'Mentions'],
  analystNote: [
    'Ваша роль позволяет разбирать документы, но не принимать предложения в реестр.',
    'Your role may read documents but not accept proposals into the registry.',
  ],
  signIn: ['Войдите, чтобы разбирать документы.', 'Sign in to review documents.'],
  source: ['Источник в реестре', 'Source in the registry'],
  reused: [
    'Этот текст уже разбирался: показаны прежние решения.',
    'This text was read before: its decisions are shown.',
  ],
  language: ['English', 'Русский'],
  name: ['Название', 'Name'],
  legalForm: ['ОПФ', 'Legal form'],
  region: ['Код региона', 'Region code'],
  fullName: ['ФИО', 'Full name'],
  position: ['Должность', 'Position'],
  eventTitle: ['Заголовок', 'Title'],
  value: ['Значение', 'Value'],
  record: ['Запись', 'Record'],
  othersLeft: [
    'Предложения других регионов и федерального уровня принимает администратор',
    'Proposals of other regions and national ones are for the administrator',
  ],
} as const satisfies Record<string, readonly [string, string]>;
export type Word = keyof typeof WORDS;

export const KIND_LABELS: Record<string, [string, string]> = {
  organisation: ['Организации', 'Organisations'],
  person: ['Люди', 'People'],
  place: ['Места', 'Places'],
  event: ['Мероприятия', 'Events'],
  agreement: ['Соглашения', 'Agreements'],
  fact: ['Факты', 'Facts'],
};
export const MENTION_LABELS: Record<string, [string, string]> = {
  organisation: ['организация', 'organisation'],
  person: ['человек', 'person'],
  place: ['место', 'place'],
  date: ['дата', 'date'],
  money: ['сумма', 'money'],
  count: ['количество', 'count'],
  percent: ['процент', 'percent'],
  event: ['мероприятие', 'event'],
};

export function useLang() {
  const { lang, toggle } = useLanguage();
  const t = useCallback((w: Word) => WORDS[w][lang === 'ru' ? 0 : 1], [lang]);
  const pick = useCallback(
    (pair: readonly [string, string]) => pair[lang === 'ru' ? 0 : 1],
    [lang],
  );
  return { lang, toggle, t, pick };
}
