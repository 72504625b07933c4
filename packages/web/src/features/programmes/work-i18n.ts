import { useCallback } from 'react';
import { useLanguage, type Lang } from '../../shared/lib/language.ts';

/**
 * The plan and project pages speak Russian, with English one click away (the
 * choice is remembered in this browser). Only these pages' own words are
 * here; the server's messages come in both languages already (message,
 * messageEn), vocabularies carry their own ru/en labels.
 */
export type { Lang };

const WORDS = {
  language: ['English', 'Русский'],
  plan: ['План действий', 'Action plan'],
  newPlan: ['Новый план действий', 'New action plan'],
  editPlan: ['Изменить план', 'Edit plan'],
  deletePlan: ['Удалить план', 'Delete plan'],
  restorePlan: ['Восстановить план', 'Restore plan'],
  planDeleted: [
    'План удалён. Восстановить его может администратор.',
    'The plan is deleted. An administrator can restore it.',
  ],
  confirmDelete: [
    'Удалить? Запись можно будет восстановить.',
    'Delete? The record can be restored.',
  ],
  card: ['карточка плана', 'plan card'],
  period: ['Период', 'Period'],
  noPeriod: ['Период не указан', 'No period given'],
  parties: ['Стороны', 'Parties'],
  themes: ['Темы (по одной в строке)', 'Themes (one a line)'],
  title: ['Название', 'Title'],
  published: ['Опубликовано (видно читателям без входа)', 'Published (seen by anonymous readers)'],
  addParty: ['Добавить сторону', 'Add a party'],
  remove: ['убрать', 'remove'],
  organisation: ['Организация', 'Organisation'],
  region: ['Регион', 'Region'],
  person: ['Персона', 'Person'],
  personId: ['Номер персоны в реестре', 'Registry number of the person'],
  total: ['Всего мероприятий', 'Measures'],
  overdue: ['просрочено', 'overdue'],
  atRisk: ['под угрозой срыва', 'at risk'],
  rulesOn: ['на', 'as of'],
  rules: ['правила', 'rules'],
  rulesText: [
    'просрочено — срок прошёл, мероприятие не выполнено; под угрозой — до срока не больше {n} дн. и выполнение отстаёт от доли прошедшего времени, или нет отчёта {m} дн.',
    'overdue — the deadline passed and it is not done; at risk — the deadline is within {n} days and progress is behind the share of time elapsed, or no report for {m} days.',
  ],
  status: ['Статус', 'Status'],
  all: ['все', 'all'],
  any: ['любой', 'any'],
  flag: ['Флаг', 'Flag'],
  owner: ['Ответственный', 'Responsible'],
  anyone: ['любой', 'anyone'],
  deadlineTo: ['Срок не позднее', 'Due by'],
  theme: ['Тема', 'Theme'],
  noTheme: ['Без темы', 'No theme'],
  nothing: ['Нет мероприятий, подходящих под фильтр.', 'No measures match the filter.'],
  measure: ['Мероприятие', 'Measure'],
  deadline: ['Срок', 'Deadline'],
  start: ['Начало', 'Start'],
  flags: ['Флаги', 'Flags'],
  progress: ['Выполнение', 'Progress'],
  actions: ['Действия', 'Actions'],
  edit: ['Изменить', 'Edit'],
  report: ['Отчёт', 'Report'],
  markDone: ['Выполнено', 'Done'],
  addMeasure: ['Добавить мероприятие', 'Add a measure'],
  newMeasure: ['Новое мероприятие', 'New measure'],
  editMeasure: ['Мероприятие', 'Measure'],
  coExecutors: ['Соисполнители', 'Co-executors'],
  addCoExecutor: ['Добавить соисполнителя', 'Add a co-executor'],
  none: ['— не указан —', '— none —'],
  partialHint: [
    'Например: «II квартал 2025», «до конца 2025 года», «весной 2024», 31.12.2025',
    'E.g. «II квартал 2025», «до конца 2025 года», «весной 2024», 31.12.2025',
  ],
  indicator: ['Показатель', 'Indicator'],
  unit: ['Единица', 'Unit'],
  target: ['Целевое значение', 'Target'],
  targetOn: ['на дату', 'as of'],
  actual: ['Фактическое значение', 'Actual'],
  actualOn: ['на дату', 'as of'],
  reports: ['Отчёты о выполнении', 'Progress reports'],
  noReports: ['Отчётов пока нет', 'No reports yet'],
  addReport: ['Отчёт о выполнении', 'Progress report'],
  reportedOn: ['Дата отчёта', 'Report date'],
  note: ['Текст отчёта', 'Note'],
  progressPct: ['Выполнение, %', 'Progress, %'],
  actualValue: ['Фактическое значение показателя', 'Indicator value'],
  save: ['Сохранить', 'Save'],
  create: ['Создать', 'Create'],
  cancel: ['Отмена', 'Cancel'],
  delete: ['Удалить', 'Delete'],
  fixFields: ['Исправьте отмеченные поля', 'Correct the marked fields'],
  timeline: ['Диаграмма сроков', 'Timeline'],
  timelineEmpty: ['Нет мероприятий с датами.', 'No measures with dates.'],
  today: ['сегодня', 'today'],
  planEnd: ['Окончание плана', 'End of the plan'],
  signInToEdit: ['Войдите, чтобы изменять план.', 'Sign in to edit the plan.'],
  conflict: ['Запись изменена другим пользователем', 'Changed by someone else'],
  mine: ['Ваш вариант', 'Yours'],
  theirs: ['Сохранённый вариант', 'Saved'],
  saveMine: ['Сохранить мой вариант', 'Save mine'],
  takeTheirs: ['Взять сохранённый', 'Take the saved one'],
  // projects
  project: ['Проект', 'Project'],
  newProject: ['Новый проект', 'New project'],
  editProject: ['Изменить проект', 'Edit project'],
  kind: ['Вид', 'Kind'],
  description: ['Описание', 'Description'],
  site: ['Площадка', 'Site'],
  siteId: ['Площадка (номер в реестре)', 'Site (registry number)'],
  cluster: ['Кластер', 'Cluster'],
  clusterId: ['Кластер (номер в реестре)', 'Cluster (registry number)'],
  participants: ['Участники и роли', 'Participants and roles'],
  addParticipant: ['Добавить участника', 'Add a participant'],
  role: ['Роль', 'Role'],
  milestones: ['Этапы', 'Milestones'],
  addMilestone: ['Добавить этап', 'Add a milestone'],
  milestone: ['Этап', 'Milestone'],
  date: ['Дата', 'Date'],
  done: ['выполнен', 'done'],
  investment: ['Инвестиции', 'Investment'],
  investmentRub: ['Инвестиции, руб.', 'Investment, RUB'],
  jobs: ['Рабочие места', 'Jobs'],
  projectPeriod: ['Сроки проекта', 'Project period'],
  back: ['← назад', '← back'],
} as const satisfies Record<string, readonly [string, string]>;
export type Word = keyof typeof WORDS;

export function useLang() {
  const { lang, toggle } = useLanguage();
  const t = useCallback((w: Word) => WORDS[w][lang === 'ru' ? 0 : 1], [lang]);
  return { lang, toggle, t };
}

export type T = ReturnType<typeof useLang>['t'];

/** The server's message in the page's language. */
export function messageIn(lang: Lang, error: unknown): string {
  if (error && typeof error === 'object' && 'message' in error) {
    const body = (error as { body?: Record<string, unknown> | null }).body;
    if (lang === 'en' && typeof body?.['messageEn'] === 'string') return body['messageEn'];
    return String((error as { message: unknown }).message);
  }
  return String(error);
}
