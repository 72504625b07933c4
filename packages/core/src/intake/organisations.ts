import { LEGAL_FORMS } from '../legal-forms/legal-forms.ts';
import { phraseForms, wordForms } from './inflect.ts';
import { normalizeOrganisationPhrase, ORG_HEAD_LEXICON, ORG_HEADS } from './org-phrase.ts';
import { lookupPlace } from './places.ts';
import { quoteEnd, unquote } from './quotes.ts';
import { fold, type Token } from './tokens.ts';
import type { OrganisationKind, OrganisationMention } from './types.ts';

const ABBREVIATIONS = new Map(
  LEGAL_FORMS.filter((f) => f.abbreviation === f.abbreviation.toUpperCase()).map((f) => [
    f.abbreviation,
    f.abbreviation,
  ]),
);

/** Full legal-form names in every case ('областного автономного учреждения') → abbreviation. */
const FULL_FORMS: [string[], string][] = (() => {
  const out: [string[], string][] = [];
  for (const f of LEGAL_FORMS) {
    if (!f.name.includes(' ')) continue;
    for (const form of phraseForms(f.name.toLowerCase()))
      out.push([fold(form).split(' '), f.abbreviation]);
  }
  return out.sort((a, b) => b[0].length - a[0].length);
})();

const FULL_FORMS_BY_FIRST = new Map<string, [string[], string][]>();
for (const entry of FULL_FORMS) {
  const list = FULL_FORMS_BY_FIRST.get(entry[0][0]!) ?? [];
  list.push(entry);
  FULL_FORMS_BY_FIRST.set(entry[0][0]!, list);
}

/** Descriptor nouns before a quoted name, and the kind they imply. */
const DESCRIPTOR_KIND: Readonly<Record<string, OrganisationKind>> = {
  холдинг: 'company',
  компания: 'company',
  концерн: 'company',
  корпорация: 'company',
  завод: 'company',
  группа: 'company',
  банк: 'company',
  предприятие: 'company',
  фирма: 'company',
  комбинат: 'company',
  фабрика: 'company',
  производитель: 'company',
  оператор: 'company',
  ритейлер: 'company',
  сеть: 'company',
  движение: 'political',
  партия: 'political',
  блок: 'political',
  фракция: 'political',
  кластер: 'cluster',
  оэз: 'special_zone',
  зона: 'special_zone',
  парк: 'special_zone',
  технополис: 'special_zone',
  агропарк: 'special_zone',
  'бизнес-инкубатор': 'special_zone',
  технопарк: 'special_zone',
  индустриальный: 'special_zone',
  газета: 'media',
  издание: 'media',
  телеканал: 'media',
  агентство: 'media',
  радиостанция: 'media',
  журнал: 'media',
  портал: 'media',
  фонд: 'association',
  ассоциация: 'association',
  союз: 'association',
  центр: 'other',
  институт: 'education',
  университет: 'education',
  колледж: 'education',
  клуб: 'other',
  общество: 'association',
  организация: 'other',
  объединение: 'association',
  команда: 'other',
  институтом: 'education',
  учреждение: 'other',
  театр: 'other',
  музей: 'other',
  лагерь: 'other',
  площадка: 'other',
};

const DESCRIPTORS = new Map<string, string>();
for (const d of Object.keys(DESCRIPTOR_KIND))
  for (const f of wordForms(d)) DESCRIPTORS.set(fold(f), d);
DESCRIPTORS.set('оэз', 'оэз');

/** Organisations known by one name (any case): ministries, federal bodies, large companies. */
const KNOWN: Readonly<Record<string, OrganisationKind>> = {
  Минпромторг: 'government',
  Минфин: 'government',
  Минэкономразвития: 'government',
  Минобороны: 'government',
  Минобрнауки: 'government',
  Минздрав: 'government',
  Минтранс: 'government',
  Минюст: 'government',
  Минэнерго: 'government',
  Минсельхоз: 'government',
  Минприроды: 'government',
  Минтруд: 'government',
  Минцифры: 'government',
  Минкультуры: 'government',
  Минспорт: 'government',
  Минвостокразвития: 'government',
  МИД: 'government',
  МВД: 'government',
  МЧС: 'government',
  ФСБ: 'government',
  ФСО: 'government',
  СВР: 'government',
  ФСИН: 'government',
  ФНС: 'government',
  ФАС: 'government',
  ЦИК: 'government',
  Росстат: 'government',
  Роспотребнадзор: 'government',
  Ростехнадзор: 'government',
  Росреестр: 'government',
  Росимущество: 'government',
  Рособрнадзор: 'government',
  Генпрокуратура: 'government',
  Госдума: 'government',
  Совфед: 'government',
  Мосгордума: 'government',
  Кремль: 'government',
  Минэкономики: 'government',
  Центробанк: 'company',
  ЦБ: 'government',
  Госсовет: 'government',
  ООН: 'other',
  НАТО: 'other',
  ЕС: 'other',
  ОБСЕ: 'other',
  ВТО: 'other',
  МВФ: 'other',
  ЕАЭС: 'other',
  ШОС: 'other',
  БРИКС: 'other',
  СНГ: 'other',
  ОДКБ: 'other',
  ПАСЕ: 'other',
  ЮНЕСКО: 'other',
  МАГАТЭ: 'other',
  ФИФА: 'other',
  УЕФА: 'other',
  МОК: 'other',
  ВАДА: 'other',
  Интерпол: 'other',
  Евросоюз: 'other',
  Газпром: 'company',
  Роснефть: 'company',
  Лукойл: 'company',
  Сбербанк: 'company',
  Сбер: 'company',
  ВТБ: 'company',
  РЖД: 'company',
  Ростех: 'company',
  Росатом: 'company',
  Роскосмос: 'company',
  Аэрофлот: 'company',
  Транснефть: 'company',
  Норникель: 'company',
  Ростелеком: 'company',
  Яндекс: 'company',
  Россельхозбанк: 'company',
  Внешэкономбанк: 'company',
  ВЭБ: 'company',
  КАМАЗ: 'company',
  АвтоВАЗ: 'company',
  ГАЗ: 'company',
  ЛДПР: 'political',
  КПРФ: 'political',
  Яблоко: 'political',
  АКИТ: 'association',
  ЛГТУ: 'education',
  МГУ: 'education',
  СПбГУ: 'education',
  МГИМО: 'education',
  РАН: 'science',
  РСПП: 'association',
  ТПП: 'association',
  АСИ: 'other',
  ФРП: 'government',
  Ростуризм: 'government',
  Росавиация: 'government',
  Росгвардия: 'government',
  СК: 'government',
  Следственный: 'government',
  Минстрой: 'government',
  Госкорпорация: 'company',
  Конгресс: 'government',
  Сенат: 'government',
  Бундестаг: 'government',
  Кнессет: 'government',
  Сейм: 'government',
  Верховная: 'government',
  Интернет: 'other',
  Гринпис: 'other',
  Росприроднадзор: 'government',
  Минкомсвязи: 'government',
  Минсвязи: 'government',
  Интерфакс: 'media',
  Викиновости: 'media',
  Рейтер: 'media',
  'ИТАР-ТАСС': 'media',
  ТАСС: 'media',
  РИА: 'media',
  Ведомости: 'media',
  Коммерсант: 'media',
  Известия: 'media',
  'Лента.ру': 'media',
  'Аль-Джазира': 'media',
  Феррари: 'company',
  Майкрософт: 'company',
  Водоканал: 'company',
  Рыбохрана: 'government',
  ФАО: 'other',
  Пентагон: 'government',
  Госдеп: 'government',
  Госдепартамент: 'government',
  ЕСПЧ: 'government',
  Европарламент: 'government',
  Еврокомиссия: 'government',
  Совбез: 'government',
  ГИБДД: 'government',
  ОМОН: 'government',
  ДПНИ: 'political',
  МакЛарен: 'company',
  Тойота: 'company',
  Рено: 'company',
  Мерседес: 'company',
  Дума: 'government',
  Синод: 'other',
  Челси: 'other',
  Арсенал: 'other',
  Фэйсбук: 'company',
  Нацфронт: 'political',
  'Аль-Каида': 'other',
  'Аль-Кайда': 'other',
  Меджлис: 'government',
  Хамас: 'political',
  Хезболла: 'political',
  Талибан: 'political',
  Фатх: 'political',
  Моссад: 'government',
  ЦРУ: 'government',
  ФБР: 'government',
  НАСА: 'government',
  Ассошиэйтед: 'media',
  'Би-би-си': 'media',
  'Си-эн-эн': 'media',
  Спартак: 'other',
  Зенит: 'other',
  Динамо: 'other',
  ЦСКА: 'other',
  Локомотив: 'other',
  Бавария: 'other',
  Реал: 'other',
  Ювентус: 'other',
  Боинг: 'company',
  Эрбас: 'company',
  Гугл: 'company',
  Фейсбук: 'company',
  Твиттер: 'company',
  Apple: 'company',
};
/** Multi-word bodies known by name, matched in any case. */
const KNOWN_PHRASES: Readonly<Record<string, OrganisationKind>> = {
  'Федеральное собрание': 'government',
  'Государственная дума': 'government',
  'Совет Федерации': 'government',
  'Совет безопасности': 'government',
  'Международная амнистия': 'other',
  'Русская православная церковь': 'other',
  'Атлантический альянс': 'other',
  'Европейский союз': 'other',
  'Верховный суд': 'government',
  'Конституционный суд': 'government',
  'Генеральная прокуратура': 'government',
  'Следственный комитет': 'government',
  'Общественная палата': 'government',
  'Большой театр': 'other',
  'Мариинский театр': 'other',
  'Национальный фронт': 'political',
  'Единая Россия': 'political',
  'Справедливая Россия': 'political',
  'Народный фронт': 'political',
  'Голос Америки': 'media',
  'Эхо Москвы': 'media',
  'Новая газета': 'media',
  'Европейская комиссия': 'government',
  'Европейский парламент': 'government',
  'Совет Европы': 'other',
  'Лига арабских государств': 'other',
  'Африканский союз': 'other',
  'Красный Крест': 'other',
  'Международный валютный фонд': 'other',
  'Всемирный банк': 'company',
  'Всемирная торговая организация': 'other',
  'Министерство обороны': 'government',
  'Министерство иностранных дел': 'government',
  'Министерство финансов': 'government',
  'Фонд развития промышленности': 'government',
  'Агентство стратегических инициатив': 'other',
  'Корпорация МСП': 'company',
  'Российский экспортный центр': 'government',
  'Российский фонд прямых инвестиций': 'company',
  'Фонд содействия инновациям': 'government',
  'Торгово-промышленная палата': 'association',
  'Деловая Россия': 'association',
  'Опора России': 'association',
  'Российский союз промышленников и предпринимателей': 'association',
  'Ассоциация индустриальных парков': 'association',
  'Пенсионный фонд': 'government',
  'Центральный банк': 'government',
  'Счетная палата': 'government',
  'Счётная палата': 'government',
};
const KNOWN_PHRASE_FORMS = new Map<string, [string, OrganisationKind]>();
for (const [name, kind] of Object.entries(KNOWN_PHRASES))
  for (const f of phraseForms(name)) KNOWN_PHRASE_FORMS.set(fold(f), [name, kind]);

const KNOWN_FORMS = new Map<string, [string, OrganisationKind]>();
for (const [name, kind] of Object.entries(KNOWN)) {
  const forms = name === name.toUpperCase() ? [name] : wordForms(name);
  for (const f of forms) KNOWN_FORMS.set(f, [name, kind]);
}

/** A word that names a known body in some case ('Роскосмоса', 'Минсвязи'): not a person's name. */
export function isKnownOrganisationWord(word: string): boolean {
  return KNOWN_FORMS.has(word) || /^(Мин|Рос|Гос)[а-яё]{3,}/.test(word);
}

const GOVERNMENT_HEADS = new Set([
  'управление',
  'департамент',
  'министерство',
  'комитет',
  'администрация',
  'правительство',
  'мэрия',
  'дума',
  'суд',
  'прокуратура',
  'служба',
  'инспекция',
  'агентство',
  'совет',
  'палата',
  'собрание',
  'парламент',
]);
/** Lower-case heads that name a body even without a capitalised word after them ('управления экономики'). */
const BODY_HEADS = new Set(['управление', 'департамент', 'министерство', 'комитет']);
const NAMED_BY_GEO_ADJECTIVE = new Set([
  'правительство',
  'министерство',
  'ведомство',
  'сборная',
  'парламент',
  'посольство',
  'армия',
  'флот',
  'агентство',
  'служба',
  'делегация',
  'федерация',
  'кабинет',
  'руководство',
  'команда',
  'дума',
  'суд',
  'прокуратура',
]);

/** Lower-case heads that make an organisation with a capitalised name after them ('сборная России', 'руководство Грузии'). */
const NAMED_BY_PLACE_HEADS = new Set([
  'сборная',
  'руководство',
  'федерация',
  'команда',
  'кабинет',
  'канцелярия',
  'генштаб',
  'экипаж',
  'лаборатория',
  'партия',
  'движение',
  'компания',
  'корпорация',
  'концерн',
  'банк',
  'фонд',
  'союз',
  'ассоциация',
  'университет',
  'институт',
  'академия',
  'центр',
  'комиссия',
  'коллегия',
]);
/** Words that end an organisation's genitive tail: a title starting the next phrase ('… Израиля глава'). */
const TAIL_STOP = new Set([
  'глава',
  'главы',
  'председатель',
  'министр',
  'директор',
  'президент',
  'руководитель',
  'представитель',
  'спикер',
  'лидер',
  'мэр',
  'губернатор',
  'премьер',
  'член',
  'года',
  'году',
  'лет',
]);
const EDUCATION_HEADS = new Set([
  'университет',
  'институт',
  'колледж',
  'техникум',
  'академия',
  'школа',
  'лицей',
  'гимназия',
]);

function kindOfHead(head: string): OrganisationKind {
  if (GOVERNMENT_HEADS.has(head)) return 'government';
  if (EDUCATION_HEADS.has(head)) return 'education';
  if (head === 'ассоциация' || head === 'союз' || head === 'фонд' || head === 'объединение')
    return 'association';
  if (head === 'кластер') return 'cluster';
  if (head === 'партия' || head === 'движение') return 'political';
  if (head === 'газета' || head === 'журнал' || head === 'телеканал' || head === 'издание')
    return 'media';
  if (
    head === 'завод' ||
    head === 'компания' ||
    head === 'холдинг' ||
    head === 'банк' ||
    head === 'корпорация' ||
    head === 'концерн' ||
    head === 'комбинат' ||
    head === 'фабрика'
  )
    return 'company';
  if (head === 'зона' || head === 'технопарк') return 'special_zone';
  return 'other';
}

/** Heads that start many sentences as common nouns: a name only with a tail or a capitalised adjective. */
const AMBIGUOUS_HEADS = new Set([
  'центр',
  'группа',
  'совет',
  'парк',
  'школа',
  'клуб',
  'театр',
  'музей',
  'банк',
  'штаб',
  'армия',
  'флот',
  'суд',
  'отдел',
  'бюро',
  'филиал',
  'отделение',
  'собрание',
  'издание',
  'газета',
  'журнал',
  'фонд',
  'союз',
  'служба',
]);
const STOP_WORDS = new Set([
  'в',
  'во',
  'на',
  'с',
  'со',
  'по',
  'при',
  'для',
  'о',
  'об',
  'от',
  'к',
  'ко',
  'у',
  'за',
  'из',
  'под',
  'над',
  'что',
  'как',
  'который',
  'которая',
  'которые',
  'это',
  'не',
  'а',
  'но',
  'или',
  'также',
  'же',
  'ли',
  'был',
  'была',
  'было',
  'были',
  'есть',
  'будет',
  'его',
  'ее',
  'их',
  'этот',
  'эта',
  'этого',
  'этой',
  'этих',
  'всех',
  'всего',
  'свой',
  'своих',
  'своего',
  'своей',
]);
const GENITIVE_LIKE = /(а|я|ы|и|ов|ев|ей|ий|ых|их|ой|ого|его|ии|ия|ию|ю|ам|ям|ами|ами)$/;

/**
 * Organisations: a legal form (abbreviation or full name in any case) with
 * its quoted name; a descriptor noun with a quoted name ('холдинг «Амкодор»');
 * a quoted name that contains an organisation noun («Липецкая газета»); a
 * name led by an organisation noun and its genitive tail ('Ассоциация
 * кластеров, технопарков и ОЭЗ России', 'управления … Липецкой области');
 * known bodies and abbreviations (Минпромторг, РЖД, МВД).
 */
export function findOrganisations(
  text: string,
  tokens: Token[],
  blocked: (start: number, end: number) => boolean,
): OrganisationMention[] {
  const out: OrganisationMention[] = [];
  const taken = (s: number, e: number) =>
    out.some((o) => o.start < e && s < o.end) || blocked(s, e);
  const emit = (
    start: number,
    end: number,
    name: string,
    legalForm: string | null,
    kind: OrganisationKind,
  ) => {
    if (end <= start || taken(start, end)) return;
    out.push({ text: text.slice(start, end), start, end, name, legalForm, kind });
  };
  const tokenAt = (offset: number) => tokens.findIndex((t) => t.start >= offset);

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // 1. Legal form abbreviation + quoted name: 'ООО «Центр консалтинга «Панацея»', 'ООО ВПО «Электоаппарат»'.
    const abbr = ABBREVIATIONS.get(t.text);
    if (abbr) {
      let j = i + 1;
      while (
        tokens[j] &&
        tokens[j]!.word &&
        tokens[j]!.text === tokens[j]!.text.toUpperCase() &&
        j - i < 3 &&
        !/[«"„]/.test(tokens[j]!.text)
      )
        j++;
      const q = tokens[j];
      if (q && /^[«"„“]$/.test(q.text)) {
        const end = quoteEnd(text, q.start);
        if (end > 0) {
          emit(t.start, end, unquote(text.slice(q.start, end)), abbr, 'company');
          i = tokenAt(end) - 1;
          if (i < 0) break;
          continue;
        }
      }
    }
    // 2. Full legal-form name + quoted name.
    if (t.word && !t.upper) {
      let matched = false;
      for (const [words, abbreviation] of FULL_FORMS_BY_FIRST.get(t.lower) ?? []) {
        if (words.every((w, k) => tokens[i + k]?.lower === w)) {
          const q = tokens[i + words.length];
          if (q && /^[«"„“]$/.test(q.text)) {
            const end = quoteEnd(text, q.start);
            if (end > 0) {
              emit(
                t.start,
                end,
                unquote(text.slice(q.start, end)),
                abbreviation,
                /учрежд/.test(words.join(' ')) ? 'other' : 'company',
              );
              i = tokenAt(end) - 1;
              matched = true;
              break;
            }
          }
        }
      }
      if (i < 0) break;
      if (matched) continue;
    }
    // 3. Descriptor + quoted name.
    const descriptor = t.word ? DESCRIPTORS.get(t.lower) : undefined;
    const q = tokens[i + 1];
    if (descriptor && q && /^[«"„“]$/.test(q.text)) {
      const end = quoteEnd(text, q.start);
      if (end > 0) {
        // 'особая экономическая зона «Липецк»': the descriptor's adjectives belong to it.
        let start = t.start;
        let k = i;
        while (
          k > 0 &&
          i - k < 3 &&
          tokens[k - 1]!.word &&
          /(ая|ой|ую|ый|ий|ого|ое)$/.test(tokens[k - 1]!.lower) &&
          !STOP_WORDS.has(tokens[k - 1]!.lower)
        )
          k--;
        if (k < i && /^(особ|промышленн|индустриальн|технологическ)/.test(tokens[k]!.lower))
          start = tokens[k]!.start;
        emit(
          start,
          end,
          unquote(text.slice(q.start, end)),
          null,
          DESCRIPTOR_KIND[descriptor] ?? 'other',
        );
        i = tokenAt(end) - 1;
        if (i < 0) break;
        continue;
      }
    }
    // 4a. '… под названием «Моторинвест»'.
    if (
      /^[«"„“]$/.test(t.text) &&
      /названием\s*$/i.test(text.slice(Math.max(0, t.start - 12), t.start))
    ) {
      const end = quoteEnd(text, t.start);
      if (end > 0) {
        emit(t.start, end, unquote(text.slice(t.start, end)), null, 'company');
        i = tokenAt(end) - 1;
        if (i < 0) break;
        continue;
      }
    }
    // 4. A quoted name with an organisation noun inside: «Липецкая газета», «Центр кластерного развития …».
    if (/^[«"„“]$/.test(t.text)) {
      const end = quoteEnd(text, t.start);
      if (end > 0) {
        const inner = unquote(text.slice(t.start, end));
        const words = inner.split(' ');
        // The organisation noun leads the name, after adjectives at most: «Липецкая газета», not «Формирование … кластера».
        let h = 0;
        while (
          h < words.length - 1 &&
          h < 2 &&
          /(ая|яя|ый|ий|ой|ое|ее|ые|ие)$/.test(words[h]!) &&
          !ORG_HEAD_LEXICON.get(fold(words[h]!))
        )
          h++;
        const head = ORG_HEAD_LEXICON.get(fold(words[h] ?? ''));
        const product = NOT_ORG_BEFORE_QUOTE.test(text.slice(Math.max(0, t.start - 24), t.start));
        if (product) {
          i = tokenAt(end) - 1;
          if (i < 0) break;
          continue;
        }
        if (head && words.length <= 8 && /^\p{Lu}/u.test(inner)) {
          emit(t.start, end, inner, null, kindOfHead(head));
          i = tokenAt(end) - 1;
          if (i < 0) break;
        } else if (
          words.length <= 3 &&
          /^\p{Lu}/u.test(inner) &&
          !/[.!?,:;]\s/.test(inner) &&
          !/[.!?]$/.test(inner) &&
          !NOT_ORG_BEFORE_QUOTE.test(text.slice(Math.max(0, t.start - 24), t.start))
        ) {
          // A short quoted name in running text is most often a body, a club or a medium: «Голоса Америки», «Яблока».
          const start = t.start + 1;
          const stop = end - 1;
          emit(start, stop, inner, null, 'other');
          i = tokenAt(end) - 1;
          if (i < 0) break;
        }
        continue;
      }
    }
    if (!t.word) continue;
    // 5a. Known multi-word bodies: 'Федеральному собранию', 'Русская православная церковь'.
    if (t.upper) {
      let hit = false;
      for (let len = 4; len >= 2 && !hit; len--) {
        const span = tokens.slice(i, i + len);
        if (span.length < len || span.some((x) => !x.word)) continue;
        const known = KNOWN_PHRASE_FORMS.get(span.map((x) => x.lower).join(' '));
        if (!known) continue;
        emit(t.start, span[len - 1]!.end, known[0], null, known[1]);
        i += len - 1;
        hit = true;
      }
      if (hit) continue;
    }
    // 5. Known bodies: 'Минпромторга России', 'РЖД', 'МВД'.
    const known = KNOWN_FORMS.get(t.text);
    if (known) {
      let end = t.end;
      const next = tokens[i + 1];
      if (next?.upper && lookupPlace(next.text)?.level === 'country') end = next.end;
      emit(
        t.start,
        end,
        end === t.end ? known[0] : `${known[0]} ${text.slice(next!.start, next!.end)}`,
        null,
        known[1],
      );
      continue;
    }
    // 6. Organisation noun + genitive tail.
    const head = ORG_HEAD_LEXICON.get(t.lower);
    if (
      head &&
      ORG_HEADS[head] &&
      head !== 'область' &&
      head !== 'край' &&
      head !== 'республика' &&
      head !== 'округ' &&
      head !== 'город' &&
      head !== 'район' &&
      head !== 'зона' &&
      head !== 'сеть' &&
      head !== 'площадка'
    ) {
      // Leading capitalised adjectives: 'Липецкого государственного технического университета'.
      let s = i;
      while (
        s > 0 &&
        tokens[s - 1]!.word &&
        /(ого|его|ой|ей|ый|ий|ая|яя|ое|ее|ым|им|ую)$/.test(tokens[s - 1]!.lower) &&
        !STOP_WORDS.has(tokens[s - 1]!.lower) &&
        i - s < 3
      )
        s--;
      // 'украинское правительство', 'японского МИДа': a geographic adjective makes a body of a common noun.
      const geographic =
        s < i &&
        /(ск|цк)(ий|ого|ому|им|ом|ое|ая|ой|ую|ие|их|ими)$/.test(tokens[s]!.lower) &&
        !tokens[s]!.upper &&
        NAMED_BY_GEO_ADJECTIVE.has(head);
      if (!geographic) while (s < i && !tokens[s]!.upper) s++;
      const sentenceInitial =
        s === 0 ||
        /^[.!?]$/.test(tokens[s - 1]!.text) ||
        text.slice(tokens[s - 1]!.end, tokens[s]!.start).includes('\n');
      const capitalised =
        tokens[s]!.upper && (!sentenceInitial || s < i || !AMBIGUOUS_HEADS.has(head));
      let e = i;
      let sawCapital = false;
      for (let k = i + 1; k < tokens.length && k - i <= 9; k++) {
        const n = tokens[k]!;
        if (blocked(n.start, n.end) || ABBREVIATIONS.has(n.text) || TAIL_STOP.has(n.lower)) break;
        // A name does not run over a line break (a heading followed by a date line).
        if (text.slice(tokens[k - 1]!.end, n.start).includes('\n')) break;
        if (n.word) {
          // 'управления по развитию малого и среднего бизнеса', 'комитет по делам …'.
          if (n.lower === 'по' && k === i + 1 && GOVERNMENT_HEADS.has(head)) continue;
          if (STOP_WORDS.has(n.lower)) break;
          if (n.lower === 'и') {
            const after = tokens[k + 1];
            // 'кластеров, технопарков и ОЭЗ России' goes on; '… и Тамбовская область' is another name.
            if (
              after?.word &&
              ((!after.upper && GENITIVE_LIKE.test(after.lower)) ||
                (after.text === after.text.toUpperCase() && after.text.length > 1))
            )
              continue;
            break;
          }
          if (n.upper || n.text === n.text.toUpperCase()) {
            sawCapital = true;
            e = k;
            continue;
          }
          if (
            GENITIVE_LIKE.test(n.lower) &&
            !/(ал|ил|ел|ла|ли|ло|ет|ит|ют|ят|ся|сь|ть)$/.test(n.lower)
          ) {
            e = k;
            continue;
          }
          break;
        }
        if (
          n.text === ',' &&
          tokens[k + 1]?.word &&
          /(ов|ев|ий|ей)$/.test(tokens[k - 1]!.lower) &&
          /(ов|ев|ий|ей)$/.test(tokens[k + 1]!.lower) &&
          text.slice(tokens[k + 1]!.end, tokens[k + 3]?.end ?? 0).includes(' и ')
        )
          continue;
        break;
      }
      const accept =
        geographic || capitalised
          ? e > i || s < i || !sentenceInitial
          : (GOVERNMENT_HEADS.has(head) || NAMED_BY_PLACE_HEADS.has(head)) &&
            (sawCapital || (e > i && BODY_HEADS.has(head)));
      if (accept && (e > i || s < i)) {
        const start = tokens[s]!.start;
        const end = tokens[e]!.end;
        if (!taken(start, end) && !lookupPlace(text.slice(start, end))) {
          emit(
            start,
            end,
            normalizeOrganisationPhrase(text.slice(start, end)),
            null,
            kindOfHead(head),
          );
          i = e;
          continue;
        }
      }
    }
    // 7. Latin names (Google, Reuters) and Cyrillic abbreviations not known as places.
    if (
      /^[A-Z][A-Za-z&-]+$/.test(t.text) &&
      t.text.length > 1 &&
      tokens[i - 1]?.text !== '(' &&
      !/^[A-Za-z]/.test(tokens[i - 1]?.text ?? '') &&
      !/^[IVXLCM]+$/.test(t.text) &&
      !LATIN_NOT_ORG.has(t.text)
    ) {
      let e = i;
      while (tokens[e + 1] && /^[A-Z][A-Za-z&-]*$/.test(tokens[e + 1]!.text)) e++;
      // 'Lenta.ru', 'Gzt.Ru'
      if (
        tokens[e + 1]?.text === '.' &&
        /^(ru|com|org|net|Ru|RU)$/.test(tokens[e + 2]?.text ?? '') &&
        tokens[e + 2]!.start === tokens[e + 1]!.end
      )
        e += 2;
      emit(t.start, tokens[e]!.end, text.slice(t.start, tokens[e]!.end), null, 'other');
      i = e;
      continue;
    }
    if (
      /^[А-ЯЁ]{2,6}$/.test(t.text) &&
      !ABBREVIATIONS.has(t.text) &&
      !lookupPlace(t.text) &&
      !/^[IVXLCM]+$/.test(t.text) &&
      !ROMAN_OR_COMMON.has(t.text)
    ) {
      emit(t.start, t.end, t.text, null, 'other');
    }
  }
  // Later mentions of a short name already found, quoted or not, in any case: 'Голос Америки'.
  const names = new Set(
    out
      .filter(
        (o) =>
          o.name.split(' ').length <= 3 &&
          o.name.length > 3 &&
          /^\p{Lu}/u.test(o.name) &&
          !lookupPlace(o.name),
      )
      .map((o) => o.name),
  );
  for (const name of names) {
    // Every word by its stem, so «Голоса Америки» also finds 'Голос Америки'.
    const stem = (w: string) =>
      w.length > 4 && /[\p{Ll}]$/u.test(w)
        ? w.replace(/(ами|ями|ой|ей|ом|ем|ов|ев|ах|ях|а|я|у|ю|е|ы|и|о)$/u, '')
        : w;
    const pattern = name
      .split(' ')
      .map(
        (w) =>
          stem(w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + (stem(w) === w ? '' : '\\p{Ll}{0,3}'),
      )
      .join('\\s+');
    for (const form of [pattern]) {
      const re = new RegExp(`(?<![\\p{L}\\d])${form}(?![\\p{L}\\d])`, 'gu');
      for (const m of text.matchAll(re)) {
        const start = m.index ?? 0;
        // 'корабля «Союз ТМА-11»': a repeated name in a vehicle's or a work's quotes is not the body.
        if (
          NOT_ORG_BEFORE_QUOTE.test(
            text.slice(Math.max(0, start - 24), start).replace(/[«"„“]$/, ''),
          )
        )
          continue;
        emit(
          start,
          start + m[0].length,
          name,
          null,
          out.find((o) => o.name === name)?.kind ?? 'other',
        );
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Nouns before a short quoted name that make it a product, a work or a vehicle, not a body. */
const NOT_ORG_BEFORE_QUOTE =
  /(корабл|шаттл|станци|автомобил|альбом|спектакл|программ|преми|проект|фильм|книг|песн|роман|операци|модул|турнир|конкурс|девиз|лозунг|акци|спутник|ракет|самол[её]т|поезд|марк|сериал|передач|выставк|фестивал|книгу|стать|под названием «?)\p{L}*\s*$/iu;

/** Latin words that are products, units or time zones, not organisations. */
const LATIN_NOT_ORG = new Set([
  'Windows',
  'Linux',
  'Android',
  'MySQL',
  'UTC',
  'GMT',
  'iPhone',
  'iPad',
  'Chrome',
  'Firefox',
  'Office',
  'Excel',
  'Word',
  'Skype',
  'Java',
  'Python',
  'Print',
  'PDF',
  'HTML',
  'The',
  'OK',
  'OT',
  'STS',
  'GPS',
  'WiFi',
  'Wi-Fi',
  'DVD',
  'CD',
  'USB',
  'LCD',
  'CEO',
  'VIP',
  'SMS',
  'IT',
]);

const ROMAN_OR_COMMON = new Set([
  'ОТ',
  'ТМ',
  'МКС',
  'ГБ',
  'СПО',
  'ТМА',
  'ОС',
  'США',
  'ЕГРЮЛ',
  'ООПТ',
  'ЦФО',
  'ПФО',
  'СЗФО',
  'ЮФО',
  'СКФО',
  'УФО',
  'СФО',
  'ДФО',
  'ИТ',
  'СМИ',
  'ВВП',
  'НДС',
  'ДТП',
  'ЖКХ',
  'ВПК',
  'ВУЗ',
  'ЧС',
  'ПМЭФ',
  'ИНН',
  'ОГРН',
  'КПП',
  'ОКВЭД',
  'ESG',
  'ТВ',
  'НИОКР',
  'ГОСТ',
  'ФЗ',
  'АЭС',
  'ГЭС',
  'ТЭЦ',
  'ЕГЭ',
  'ОК',
  'ЖЖ',
]);
