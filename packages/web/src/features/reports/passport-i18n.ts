import { useCallback } from 'react';
import type { Report, ReportCell, ReportSection } from '@promatlas/core/api/reports.schema.ts';
import { useLanguage, type Lang } from '../../shared/lib/language.ts';

/**
 * The cluster passport in English. The report API writes the passport in
 * Russian only (the same words go into the XLSX and the PDF), so the page
 * translates what the passport itself says — headings, table heads, the
 * requirement and verdict words, the list of missing data, the fixed notes —
 * and leaves the registry's own words (names, roles, sources) as recorded.
 */
export type { Lang };

const WORDS = {
  back: ['← К кластеру', '← To the cluster'],
  print: ['Печать', 'Print'],
  toolbar: ['Паспорт кластера', 'Cluster passport'],
  brand: [
    'PromAtlas · Промышленный атлас · Паспорт кластера',
    'PromAtlas · Industrial atlas · Cluster passport',
  ],
  generated: ['Сформировано', 'Generated'],
  sources: ['Источники', 'Sources'],
  noSources: ['Записи паспорта не ссылаются на документы.', 'The passport cites no documents.'],
  sourcesNote: [
    'Сведения реестра PromAtlas на дату формирования паспорта; проверка по ПП РФ № 779 — по правилам, поставляемым с PromAtlas, на дату формирования. Ничего не досчитано: чего нет в реестре, то названо в разделе «Недостающие данные».',
    'PromAtlas registry data as of the date the passport was generated; the Decree No. 779 check uses the rules shipped with PromAtlas, as of that date. Nothing is estimated: what the registry lacks is named under «Missing data».',
  ],
  language: ['English', 'Русский'],
} as const;
export type PassportWord = keyof typeof WORDS;

const SECTION_TITLES: Record<string, string> = {
  general: 'General information',
  missing: 'Missing data',
  facts: 'Indicators',
  composition: 'Composition and roles',
  'matrix-count': 'Cooperation — number of contracts',
  'matrix-value': 'Cooperation — value, mln ₽',
  contracts: 'Cooperation contracts',
  dependence: 'Functional dependence',
  compliance: 'Check under Decree No. 779',
  gaps: 'What to do',
  projects: 'Projects',
  support: 'Support',
};

const COLUMN_TITLES: Record<string, string> = {
  '№': 'No.',
  Сведение: 'Item',
  Значение: 'Value',
  Показатель: 'Indicator',
  Единица: 'Unit',
  'На дату': 'As of',
  'Чего нет в реестре': 'Missing from the registry',
  Участник: 'Participant',
  'Роли в кластере': 'Roles in the cluster',
  'Вид организации': 'Kind of organisation',
  Регион: 'Region',
  Вступил: 'Joined',
  Источник: 'Source',
  'Покупатель \\ поставщик': 'Buyer \\ supplier',
  'Покупатель \\ поставщик, млн ₽': 'Buyer \\ supplier, mln ₽',
  Покупатель: 'Buyer',
  Поставщик: 'Supplier',
  'Вид договора': 'Contract type',
  Продукция: 'Product',
  Подписан: 'Signed',
  'Стоимость, ₽': 'Value, ₽',
  Производитель: 'Maker',
  Год: 'Year',
  'Закупки всего, ₽': 'Total purchases, ₽',
  'У участников, ₽': 'From participants, ₽',
  'Доля, %': 'Share, %',
  Требование: 'Requirement',
  Вердикт: 'Verdict',
  Порог: 'Threshold',
  Участники: 'Participants',
  Срок: 'Deadline',
  'Что сделать': 'What to do',
  Название: 'Title',
  Мера: 'Measure',
  'Кто предоставил': 'Provider',
  'Сумма, ₽': 'Amount, ₽',
  Уточнение: 'Qualifier',
  Дата: 'Date',
  Проекты: 'Projects',
};

/** The general section's row names. */
const FACT_NAMES: Record<string, string> = {
  'Полное название': 'Full name',
  Вид: 'Kind',
  Статус: 'Status',
  Регион: 'Region',
  Специализация: 'Specialisation',
  'Специализированная организация': 'Specialised organisation',
  'Заключение Минпромторга': 'Minpromtorg decision',
  'Дата заключения Минпромторга': 'Minpromtorg decision date',
  Участников: 'Participants',
  'Договоров кооперации между участниками': 'Cooperation contracts between participants',
  'Другие названия': 'Other names',
  'Источник записи': 'Record source',
};

export const REQUIREMENTS_EN: Record<string, string> = {
  'Кооперационные связи участников': 'Cooperation between participants',
  'Функциональная зависимость': 'Functional dependence',
  'Состав участников': 'Composition',
  'Специализированная организация': 'Specialised organisation',
  'Срок действия заключения Минпромторга': 'Validity of the Minpromtorg decision',
};

export const VERDICTS_EN: Record<string, string> = {
  соответствует: 'met',
  'не соответствует': 'not met',
  'недостаточно данных': 'insufficient data',
};

const QUALIFIERS_EN: Record<string, string> = {
  около: 'about',
  более: 'more than',
  менее: 'less than',
  до: 'up to',
  'не менее': 'at least',
};

/** Fixed sentences of the missing-data list and the notes. */
const SENTENCES: Record<string, string> = {
  'Участники кластера не внесены.': 'The cluster’s participants are not recorded.',
  'Договоры кооперации между участниками не внесены — матрица кооперации пуста, требование о кооперационных связях не проверено.':
    'No cooperation contracts between participants are recorded — the cooperation matrix is empty and the cooperation requirement is not checked.',
  'Ни один участник не отмечен как производитель конечной продукции (якорный участник) — функциональную зависимость считать не по кому.':
    'No participant is marked as a finished-product maker (anchor) — there is nobody to compute the functional dependence over.',
  'Закупки производителей конечной продукции (всего и у участников) не внесены — функциональная зависимость не рассчитана.':
    'The purchases of finished-product makers (total and from participants) are not recorded — the functional dependence is not computed.',
  'Дата и номер заключения Минпромторга о соответствии кластера не указаны.':
    'The date and number of the Minpromtorg decision on the cluster’s compliance are not given.',
  'Специализированная организация кластера не указана.':
    'The cluster’s specialised organisation is not given.',
  'Проекты кластера не внесены.': 'The cluster’s projects are not recorded.',
  'Меры поддержки кластера не внесены.': 'The cluster’s support measures are not recorded.',
  'Все сведения паспорта есть в реестре.': 'The registry holds every item of the passport.',
  'Участники не внесены.': 'No participants are recorded.',
  'Строка — покупатель (первая сторона договора), столбец — поставщик; номера столбцов — номера участников из раздела «Состав и роли».':
    'Row — the buyer (the first party of the contract), column — the supplier; the column numbers are the participants’ numbers in «Composition and roles».',
  'Договоров кооперации между участниками в реестре нет.':
    'The registry holds no cooperation contracts between participants.',
  'Сумма стоимостей договоров, где она указана; пусто — договоров нет или их стоимость не указана.':
    'The sum of the contracts’ values where given; empty — no contracts, or their value is not given.',
  'Функциональная зависимость не рассчитана: закупок производителей конечной продукции за последний полный год в реестре нет.':
    'The functional dependence is not computed: the registry holds no purchases of finished-product makers for the latest complete year.',
  'Пробелов нет.': 'Nothing to do.',
  'Показателей с источниками пока нет.': 'No sourced indicators yet.',
  'Проекты не внесены.': 'No projects are recorded.',
  'Меры поддержки не внесены.': 'No support measures are recorded.',
};

/** Sentences with numbers or names in them. */
const PATTERNS: Array<[RegExp, (...groups: string[]) => string]> = [
  [
    /^Стоимость не указана у (\d+) из (\d+) договоров — суммы в матрице неполные\.$/,
    (a, b) => `The value is missing for ${a} of ${b} contracts — the matrix sums are incomplete.`,
  ],
  [
    /^Дата вступления не указана у (\d+) из (\d+) участников\.$/,
    (a, b) => `The joining date is missing for ${a} of ${b} participants.`,
  ],
  [
    /^ПП 779, «(.+)»: недостаточно данных для вердикта\.$/,
    (r) => `Decree No. 779, «${REQUIREMENTS_EN[r] ?? r}»: insufficient data for a verdict.`,
  ],
  [
    /^Функциональная зависимость за последний полный год: ([^;]+); порог (.+)\.$/,
    (v, t) => `Functional dependence for the latest complete year: ${v}; threshold ${t}.`,
  ],
  [
    /^Итог на (\S+): (соответствует|не соответствует|недостаточно данных)\. Правила: (.*)$/s,
    (d, v, rest) => `Result as of ${d}: ${VERDICTS_EN[v] ?? v}. Rules: ${rest}`,
  ],
];

export function sentenceEn(text: string): string {
  const fixed = SENTENCES[text];
  if (fixed) return fixed;
  for (const [pattern, render] of PATTERNS) {
    const m = pattern.exec(text);
    if (m) return render(...m.slice(1));
  }
  return text;
}

function columnEn(title: string): string {
  return COLUMN_TITLES[title] ?? title;
}

/** A cell the passport itself worded (not a registry value), in English. */
function cellEn(section: ReportSection, column: number, cell: ReportCell): ReportCell {
  if (typeof cell !== 'string') return cell;
  const head = section.columns[column]?.title;
  if (section.id === 'general' && column === 0) return FACT_NAMES[cell] ?? cell;
  if (section.id === 'missing' && column === 1) return sentenceEn(cell);
  if (head === 'Требование') return REQUIREMENTS_EN[cell] ?? cell;
  if (head === 'Вердикт') return VERDICTS_EN[cell] ?? cell;
  if (head === 'Уточнение') return QUALIFIERS_EN[cell] ?? cell;
  return cell;
}

/**
 * The passport as the reader's language shows it; `gapsEn` maps a gap's
 * Russian message to the English one the compliance check gives.
 */
export function passportIn(lang: Lang, report: Report, gapsEn?: Map<string, string>): Report {
  if (lang === 'ru') return report;
  const title = report.title.replace(/^Паспорт кластера /, 'Cluster passport: ');
  return {
    ...report,
    title,
    sourcesNote:
      report.sourcesNote === WORDS.sourcesNote[0] ? WORDS.sourcesNote[1] : report.sourcesNote,
    sections: report.sections.map((section) => ({
      ...section,
      title: SECTION_TITLES[section.id] ?? section.title,
      columns: section.columns.map((c) => ({ ...c, title: columnEn(c.title) })),
      rows: section.rows.map((cells) =>
        cells.map((cell, k) =>
          section.id === 'gaps' && k === 1 && typeof cell === 'string'
            ? (gapsEn?.get(cell) ?? cell)
            : cellEn(section, k, cell),
        ),
      ),
      note: section.note === null ? null : sentenceEn(section.note),
    })),
  };
}

export function usePassportLang() {
  const { lang, toggle } = useLanguage();
  const t = useCallback((w: PassportWord) => WORDS[w][lang === 'ru' ? 0 : 1], [lang]);
  return { lang, toggle, t };
}
