import { FEMALE_NAMES, MALE_NAMES } from './first-names.ts';
import { wordForms } from './inflect.ts';
import { normalizeOrganisationPhrase, ORG_HEAD_LEXICON } from './org-phrase.ts';
import { isKnownOrganisationWord } from './organisations.ts';
import { lookupPlace } from './places.ts';
import { quoteEnd } from './quotes.ts';
import type { Token } from './tokens.ts';
import type { PersonMention, Position } from './types.ts';

type Gender = 'm' | 'f';
interface NameForm {
  nominative: string;
  gender: Gender;
  /** The form is the nominative itself. */
  isNominative: boolean;
}

/** Given names decline as nouns: 'Дмитрий' → 'Дмитрия', not the adjective forms of wordForms. */
function givenNameForms(name: string): string[] {
  const m = /^(.+)ий$/.exec(name);
  if (m) return ['ий', 'ия', 'ию', 'ия', 'ием', 'ии'].map((e) => m[1] + e);
  return wordForms(name);
}

function buildNames(): Map<string, NameForm[]> {
  const map = new Map<string, NameForm[]>();
  const add = (list: string, gender: Gender) => {
    for (const name of list.split(/\s+/).filter(Boolean)) {
      const forms = givenNameForms(name);
      // Foreign male names ending in a vowel ('Николя', 'Жозе') do not decline; -а, -я do as feminine ones.
      for (const f of new Set([name, ...forms])) {
        const key = f.toLowerCase().replace(/ё/g, 'е');
        const entry = { nominative: name, gender, isNominative: f === name };
        const list2 = map.get(key) ?? [];
        if (!list2.some((e) => e.nominative === name)) list2.push(entry);
        map.set(key, list2);
      }
    }
  };
  add(MALE_NAMES, 'm');
  add(FEMALE_NAMES, 'f');
  // Given names with a fleeting vowel: 'Павел' → 'Павла', 'Лев' → 'Льва'.
  for (const [name, stem] of [
    ['Павел', 'Павл'],
    ['Лев', 'Льв'],
  ] as const) {
    for (const e of ['а', 'у', 'ом', 'е'])
      map.set((stem + e).toLowerCase(), [{ nominative: name, gender: 'm', isNominative: false }]);
  }
  return map;
}

let NAMES: Map<string, NameForm[]> | undefined;
function names(): Map<string, NameForm[]> {
  NAMES ??= buildNames();
  return NAMES;
}

function nameForm(token: Token | undefined): NameForm | undefined {
  if (!token?.word || !token.upper || token.text.length < 2) return undefined;
  const all = names().get(token.lower);
  if (!all) return undefined;
  return all.find((e) => e.isNominative) ?? all[0];
}

const PATRONYMIC = /^\p{Lu}[а-яё]+(ович|евич|ич|овна|евна|ична|инична)(а|у|ем|е|ы|ой|у)?$/u;

function patronymicNominative(word: string): string {
  let m: RegExpExecArray | null;
  if ((m = /^(.+(?:вич|ич))(а|у|ем|е)$/.exec(word))) return m[1]!;
  if ((m = /^(.+(?:вн|чн))(ы|е|у|ой|а)$/.exec(word))) return m[1] + 'а';
  return word;
}

/** Surname in an oblique case → nominative, by the gender read off the given name. */
export function surnameNominative(word: string, gender: Gender, oblique: boolean): string {
  if (!oblique) return word;
  let m: RegExpExecArray | null;
  if (gender === 'm') {
    if ((m = /^(.+(?:ов|ев|ёв|ин|ын))(а|у|ым|е)$/.exec(word))) return m[1]!;
    if ((m = /^(.+(?:ск|цк))(ого|ому|им|ом)$/.exec(word))) return m[1] + 'ий';
    if ((m = /^(.+)(ого|ому|ым|ом)$/.exec(word)) && m[1]!.length > 2) return m[1] + 'ой';
    if ((m = /^(.+[бвгджзклмнпрстфхцчшщ])(а|у|ом|ем|е)$/.exec(word)) && m[1]!.length > 2)
      return m[1]!;
    if ((m = /^(.+)(я|ю|ем|е)$/.exec(word)) && /[ая]$/.test(word) === false) return m[1] + 'й';
    return word;
  }
  if ((m = /^(.+(?:ов|ев|ёв|ин|ын))(ой|у)$/.exec(word))) return m[1] + 'а';
  if ((m = /^(.+(?:ск|цк))(ой|ую)$/.exec(word))) return m[1] + 'ая';
  return word;
}

/** Capitalised words that follow a name but are not surnames. */
const NOT_SURNAME = new Set(
  'Россия России Москва Москвы Москве Россией Президент Федерации Петербург Украины Украина США Путин'.split(
    ' ',
  ),
);
NOT_SURNAME.delete('Путин');

const TITLE_WORDS = `губернатор глава директор начальник заместитель министр замминистра председатель президент
вице-президент премьер премьер-министр мэр руководитель ректор депутат сенатор лидер координатор сопредседатель
секретарь пресс-секретарь советник помощник представитель полпред посол командующий прокурор судья правозащитник
основатель владелец управляющий спикер врио вице-губернатор вице-премьер гендиректор канцлер король генсек
президента-председатель премьера член экс-президент экс-премьер экс-губернатор главнокомандующий атаман имам
патриарх митрополит архиепископ епископ актер актриса певец певица писатель журналист режиссер тренер капитан
нападающий защитник игрок чемпион адвокат эксперт аналитик политолог экономист профессор академик ученый
генерал полковник подполковник майор лейтенант сержант министр-председатель шеф бизнесмен предприниматель
олигарх активист блогер блоггер пользователь организатор автор редактор корреспондент ведущий продюсер`;

const TITLES = new Map<string, string>();
for (const t of TITLE_WORDS.split(/\s+/).filter(Boolean)) {
  for (const f of wordForms(t)) TITLES.set(f.toLowerCase(), t);
  TITLES.set(t, t);
}
TITLES.set('главы', 'глава');
TITLES.set('врио', 'врио');
TITLES.set('генерального', 'генеральный');

const STOP_AFTER_TITLE = new Set([
  'и',
  'в',
  'на',
  'с',
  'по',
  'о',
  'что',
  'который',
  'которая',
  'не',
  'был',
  'была',
  'заявил',
  'сказал',
  'отметил',
  'сообщил',
]);
const STRONG_SURNAME =
  /(ов|ев|ёв|ин|ын|ский|цкий|швили|дзе|енко|ян|янц|ук|юк|вич|ова|ева|ина|ская)(а|у|ым|ой|е|ого|ому|им|ым)?$/;
/** Given names that are also common words or other names' parts: never a person on their own. */
const AMBIGUOUS_GIVEN = new Set([
  'Вера',
  'Надежда',
  'Любовь',
  'Роман',
  'Лев',
  'Ян',
  'Ли',
  'Али',
  'Дина',
  'Роза',
  'Майя',
  'Ева',
  'Ангел',
  'Пол',
  'Ши',
  'Джо',
  'Тим',
  'Боб',
  'Марин',
  'Слава',
  'Мир',
  'Лилия',
  'Ислам',
  'Регина',
  'Виктория',
  'Александрия',
  'София',
  'Злата',
  'Кира',
  'Кама',
  'Дон',
  'Лена',
  'Азат',
  'Эмма',
  'Элла',
  'Гарри',
  'Ангела',
  'Джордж',
  'Билл',
  'Вильям',
  'Уильям',
  'Карл',
  'Луи',
  'Пьер',
  'Жан',
]);
const LONE_SURNAME = /^\p{Lu}[а-яё]{2,}(ов|ев|ёв|ин|ын|швили|дзе|енко|ук|юк)(а|у|ым|ом|е)?$/u;
const MONTHS_AND_DAYS =
  /^(январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр|понедельник|вторник|сред|четверг|пятниц|суббот|воскресень)/i;

/** A capitalised word that can be part of a name: not a place, an abbreviation or a month. */
function isNameWord(t: Token): boolean {
  return (
    t.word &&
    /^\p{Lu}[а-яё]+(?:-\p{Lu}?[а-яё]+)?$/u.test(t.text) &&
    t.text.length > 1 &&
    !NOT_SURNAME.has(t.text) &&
    !lookupPlace(t.text) &&
    !MONTHS_AND_DAYS.test(t.text) &&
    !isKnownOrganisationWord(t.text) &&
    !/(ого|его|ому|ему|ой|ей|ая|яя|ый|ое|ее|ым|ом|ую|ые|ых)$/.test(t.text) &&
    !ORG_HEAD_LEXICON.has(t.lower)
  );
}

function sentenceInitial(text: string, tokens: Token[], i: number): boolean {
  if (i === 0) return true;
  const prev = tokens[i - 1]!;
  return (
    /^[.!?…]$/.test(prev.text) ||
    text.slice(prev.end, tokens[i]!.start).includes('\n') ||
    (/^[«"—–-]$/.test(prev.text) && (i < 2 || /^[.!?\n]$/.test(tokens[i - 2]!.text)))
  );
}

function isInitial(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  return !!t && /^\p{Lu}$/u.test(t.text) && tokens[i + 1]?.text === '.';
}

const SURNAME_SHAPE = /^\p{Lu}[а-яё]+(?:-\p{Lu}[а-яё]+)?$/u;

interface RawPerson {
  start: number;
  end: number;
  surname: string | null;
  given: string | null;
  patronymic: string | null;
  gender: Gender;
  /** Surname as written, for later bare mentions. */
  surnameWritten: string | null;
}

function isSurnameCandidate(t: Token | undefined): boolean {
  return (
    !!t &&
    t.word &&
    SURNAME_SHAPE.test(t.text) &&
    !NOT_SURNAME.has(t.text) &&
    !nameForm(t) &&
    t.text.length > 1
  );
}

/**
 * People: a given name from the list with a patronymic and/or a surname on
 * either side ('Андрей Шпиленко', 'Щедров Алексей Иванович', 'Максимом
 * Егоровым'), initials with a surname ('А. В. Шпиленко'), and afterwards
 * every bare surname already seen in a full mention. Names go to the
 * nominative, surname first; positions come from the title words before the
 * name in the same sentence.
 */
export function findPeople(
  text: string,
  tokens: Token[],
  sentenceOf: (offset: number) => { start: number; end: number },
): PersonMention[] {
  const raw: RawPerson[] = [];
  const taken = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (taken.has(i)) continue;
    const t = tokens[i]!;
    const given = nameForm(t);
    if (given) {
      const oblique = !given.isNominative;
      let j = i + 1;
      let patronymic: string | null = null;
      let surname: string | null = null;
      let surnameWritten: string | null = null;
      let start = t.start;
      let end = t.end;
      if (tokens[j] && PATRONYMIC.test(tokens[j]!.text)) {
        patronymic = patronymicNominative(tokens[j]!.text);
        end = tokens[j]!.end;
        j++;
      }
      const right = tokens[j];
      const left = tokens[i - 1];
      if (
        isSurnameCandidate(right) &&
        !(patronymic && isSurnameCandidate(left) && !taken.has(i - 1))
      ) {
        surname = surnameNominative(right!.text, given.gender, oblique);
        surnameWritten = right!.text;
        end = right!.end;
        taken.add(j);
      } else if (
        isSurnameCandidate(left) &&
        !taken.has(i - 1) &&
        (patronymic || /(ов|ев|ин|ын|ский|цкий|ко|ук|юк|ич|ова|ева|ина|ская)$/.test(left!.text))
      ) {
        surname = surnameNominative(left!.text, given.gender, oblique);
        surnameWritten = left!.text;
        start = left!.start;
      }
      if (!surname && !patronymic) continue;
      for (let k = i; k < tokens.length && tokens[k]!.end <= end; k++) taken.add(k);
      raw.push({
        start,
        end,
        surname,
        given: given.nominative,
        patronymic,
        gender: given.gender,
        surnameWritten,
      });
      continue;
    }
    // Initials: 'А. Шпиленко', 'А.В. Шпиленко', 'Шпиленко А. В.'
    if (isInitial(tokens, i)) {
      let j = i + 2;
      if (isInitial(tokens, j)) j += 2;
      const s = tokens[j];
      if (isSurnameCandidate(s)) {
        raw.push({
          start: t.start,
          end: s!.end,
          surname: s!.text,
          given: null,
          patronymic: null,
          gender: 'm',
          surnameWritten: s!.text,
        });
        for (let k = i; k <= j; k++) taken.add(k);
        i = j;
        continue;
      }
    }
    if (isSurnameCandidate(t) && isInitial(tokens, i + 1) && i > 0 && tokens[i - 1]!.text !== '.') {
      let j = i + 3;
      if (isInitial(tokens, j)) j += 2;
      raw.push({
        start: t.start,
        end: tokens[j - 1]!.end,
        surname: t.text,
        given: null,
        patronymic: null,
        gender: 'm',
        surnameWritten: t.text,
      });
      for (let k = i; k < j; k++) taken.add(k);
      i = j - 1;
    }
  }
  // Unknown given names: after a title word ('министр торговли Китая Чэнь Дэмин', 'президент Путин'),
  // or a pair whose second word has a surname ending ('Леван Гачечиладзе').
  // Names inside quotes are organisations' or works' names («Индезит Интернэшнл»), not people.
  const quoted: [number, number][] = [];
  for (const m of text.matchAll(/[«"„]/g)) {
    const end = quoteEnd(text, m.index ?? 0);
    if (end > 0) quoted.push([m.index ?? 0, end]);
  }
  const isTaken = (k: number) =>
    taken.has(k) ||
    raw.some((p) => p.start <= tokens[k]!.start && tokens[k]!.end <= p.end) ||
    quoted.some(([s, e]) => s < tokens[k]!.start && tokens[k]!.end < e);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.word || isTaken(i)) continue;
    const title = TITLES.get(t.lower);
    if (title) {
      for (let k = i + 1; k < tokens.length && k - i <= 7; k++) {
        const n = tokens[k]!;
        if (!n.word || STOP_AFTER_TITLE.has(n.lower) || isTaken(k)) break;
        if (text.slice(tokens[k - 1]!.end, n.start).includes('\n')) break;
        // 'Липецкой области', 'Тамбовской области': a place, not a name.
        if (tokens[k + 1]?.word && lookupPlace(`${n.text} ${tokens[k + 1]!.text}`)) {
          k++;
          continue;
        }
        if (!isNameWord(n)) continue;
        let e = k;
        while (
          e + 1 < tokens.length &&
          e - k < 2 &&
          isNameWord(tokens[e + 1]!) &&
          !isTaken(e + 1) &&
          !(tokens[e + 2]?.word && lookupPlace(`${tokens[e + 1]!.text} ${tokens[e + 2]!.text}`))
        )
          e++;
        const after = tokens[e + 1];
        if (after && after.word && after.upper) break;
        const words = tokens.slice(k, e + 1);
        // One word after a title is a surname only with a surname ending ('президент Путин', not 'лидер Меджлиса').
        if (words.length === 1 && !STRONG_SURNAME.test(words[0]!.text)) break;
        const oblique = t.lower !== title;
        const female = /(ова|ева|ина|ая)$/.test(words.at(-1)!.text) && !oblique;
        const surnameWord = words.at(-1)!;
        const surname =
          words.length === 1
            ? surnameNominative(surnameWord.text, female ? 'f' : 'm', oblique)
            : surnameNominative(surnameWord.text, 'm', oblique);
        const given =
          words.length > 1
            ? words
                .slice(0, -1)
                .map((w) => w.text)
                .join(' ')
            : null;
        raw.push({
          start: words[0]!.start,
          end: surnameWord.end,
          surname,
          given,
          patronymic: null,
          gender: 'm',
          surnameWritten: surnameWord.text,
        });
        for (let x = k; x <= e; x++) taken.add(x);
        i = e;
        break;
      }
      continue;
    }
    const next = tokens[i + 1];
    // Two capitalised name-like words inside a sentence ('Дик Адвокат', 'Тору Камикава') or with a surname ending.
    if (
      next &&
      isNameWord(t) &&
      isNameWord(next) &&
      !isTaken(i) &&
      !isTaken(i + 1) &&
      text.slice(t.end, next.start) === ' ' &&
      (STRONG_SURNAME.test(next.text) || !sentenceInitial(text, tokens, i))
    ) {
      const after = tokens[i + 2];
      if (after?.word && after.upper) continue;
      raw.push({
        start: t.start,
        end: next.end,
        surname: next.text,
        given: t.text,
        patronymic: null,
        gender: 'm',
        surnameWritten: next.text,
      });
      taken.add(i);
      taken.add(i + 1);
      i++;
    }
  }
  // A lone capitalised word with a strong surname ending inside a sentence ('победу Топаловым', 'полёт Гагарина').
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (
      isTaken(i) ||
      !isNameWord(t) ||
      !LONE_SURNAME.test(t.text) ||
      sentenceInitial(text, tokens, i)
    )
      continue;
    const next = tokens[i + 1];
    if (next?.word && next.upper) continue;
    raw.push({
      start: t.start,
      end: t.end,
      surname: surnameNominative(t.text, 'm', /(а|у|ым|ом|е)$/.test(t.text)),
      given: null,
      patronymic: null,
      gender: 'm',
      surnameWritten: t.text,
    });
    taken.add(i);
  }
  // A lone given name: one already seen with a surname ('Марк' after 'Марк Смит'), or any
  // unambiguous given name inside a sentence ('на встречу с Виктором').
  const seenGiven = new Map<string, RawPerson>();
  for (const p of raw) if (p.given && p.surname) seenGiven.set(p.given, p);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (isTaken(i)) continue;
    const given = nameForm(t);
    if (!given || AMBIGUOUS_GIVEN.has(given.nominative)) continue;
    const next = tokens[i + 1];
    if (next?.word && next.upper) continue;
    const full = seenGiven.get(given.nominative);
    if (!full && sentenceInitial(text, tokens, i)) continue;
    raw.push(
      full
        ? { ...full, start: t.start, end: t.end }
        : {
            start: t.start,
            end: t.end,
            surname: null,
            given: given.nominative,
            patronymic: null,
            gender: given.gender,
            surnameWritten: null,
          },
    );
    taken.add(i);
  }
  // 'Джошуа Вольфа (Joshua Wolf)': the Latin spelling of a name just found.
  for (const p of [...raw]) {
    const m = /^\s*\(([A-Z][a-z]+(?:[ -](?:al-|el-)?[A-Z][a-z]+){1,2})\)/.exec(
      text.slice(p.end, p.end + 60),
    );
    if (m) {
      const start = p.end + m[0].indexOf(m[1]!);
      raw.push({ ...p, start, end: start + m[1]!.length });
    }
  }
  // Bare surnames already seen: 'Лужкова', 'Шпиленко'.
  const known = new Map<string, RawPerson>();
  for (const p of raw) {
    if (!p.surname) continue;
    const stem = surnameStem(p.surname);
    const before = known.get(stem);
    // Prefer the fullest mention as the referent ('Юрия Лужкова' over a lone 'Лужкова').
    if (stem.length >= 3 && (!before || (!before.given && p.given))) known.set(stem, p);
  }
  for (const p of raw) {
    if (p.given || !p.surname) continue;
    const full = known.get(surnameStem(p.surname));
    if (full?.given)
      Object.assign(p, {
        surname: full.surname,
        given: full.given,
        patronymic: full.patronymic,
        gender: full.gender,
      });
  }
  const people: PersonMention[] = [];
  const covered = (start: number, end: number) => raw.some((p) => p.start < end && start < p.end);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.word || !t.upper || covered(t.start, t.end)) continue;
    const stem = surnameStem(t.text);
    const p = known.get(stem);
    if (p && SURNAME_SHAPE.test(t.text) && surnameStem(p.surnameWritten ?? '') === stem) {
      raw.push({ ...p, start: t.start, end: t.end });
    }
  }
  raw.sort((a, b) => a.start - b.start);
  for (const p of raw) {
    const fullName = [p.surname, p.given, p.patronymic].filter(Boolean).join(' ');
    people.push({
      text: text.slice(p.start, p.end),
      start: p.start,
      end: p.end,
      fullName,
      positions: positionsBefore(text, tokens, p.start, sentenceOf(p.start).start).concat(
        positionsAfter(text, tokens, p.end),
      ),
    });
  }
  return people;
}

/** Surname without its case ending, for matching later bare mentions. */
function surnameStem(s: string): string {
  return s
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/(ого|ому|ой|ым|им|ом|ую|ая|ий|а|у|е|ы|ем)$/, '');
}

/** The nearest title word before the name, in the same sentence, and the organisation between them. */
function positionsBefore(
  text: string,
  tokens: Token[],
  personStart: number,
  sentenceStart: number,
): Position[] {
  let end = tokens.findIndex((t) => t.start >= personStart);
  if (end < 0) end = tokens.length;
  for (let k = end - 1; k >= 0 && end - k <= 16; k--) {
    const t = tokens[k]!;
    if (t.start < sentenceStart) break;
    if (t.text === '.' || t.text === '»' || t.text === '«' || t.text === ';' || t.text === ':')
      break;
    if (!t.word) continue;
    const title = TITLES.get(t.lower);
    if (!title) continue;
    // Modifiers before the title word: 'врио главы', 'генеральный директор', 'первый заместитель'.
    let titleStart = k;
    const prev = tokens[k - 1];
    if (
      prev &&
      (prev.lower === 'врио' ||
        prev.lower === 'и. о.' ||
        /^(генеральн|первы|исполнительн|технически|коммерческ|главны|бывш)/.test(prev.lower))
    )
      titleStart = k - 1;
    let titleText: string;
    if (titleStart === k - 1 && prev!.lower === 'врио') titleText = `врио ${t.lower}`;
    else if (titleStart === k - 1) titleText = `${nominativeAdjective(prev!.lower)} ${title}`;
    else titleText = title;
    // 'Заместитель министра …', 'помощник губернатора': the title word governs a second one.
    const governing = tokens[titleStart - 1];
    if (governing?.word && TITLES.has(governing.lower) && t.lower !== title) {
      const head = TITLES.get(governing.lower)!;
      titleText = `${head} ${titleText === title ? t.lower : titleText}`;
    }
    let orgTokens = tokens.slice(k + 1, end);
    while (orgTokens.length && !orgTokens.at(-1)!.word && orgTokens.at(-1)!.text !== '»')
      orgTokens = orgTokens.slice(0, -1);
    const orgText = orgTokens.length ? text.slice(orgTokens[0]!.start, orgTokens.at(-1)!.end) : '';
    // 'министр промышленности и торговли РФ': the ministry is named by its field.
    if (
      title === 'министр' &&
      orgText &&
      /^[а-яё]/.test(orgText) &&
      !/^(министерств|правительств)/.test(orgText)
    )
      return [{ title: titleText, organisation: `Министерство ${orgText}` }];
    return [
      { title: titleText, organisation: orgText ? normalizeOrganisationPhrase(orgText) : null },
    ];
  }
  return [];
}

/** 'Андрей Шпиленко, директор АКИТ РФ,': a title right after the name, up to the next punctuation. */
function positionsAfter(text: string, tokens: Token[], personEnd: number): Position[] {
  const k = tokens.findIndex((t) => t.start >= personEnd);
  if (k < 0 || !/^[,—–-]$/.test(tokens[k]!.text)) return [];
  const t = tokens[k + 1];
  const title = t?.word ? TITLES.get(t.lower) : undefined;
  if (!t || !title || t.lower !== title) return [];
  let e = k + 2;
  while (
    e < tokens.length &&
    tokens[e]!.word &&
    e - k < 12 &&
    !text.slice(tokens[e - 1]!.end, tokens[e]!.start).includes('\n')
  )
    e++;
  const orgText = e > k + 2 ? text.slice(tokens[k + 2]!.start, tokens[e - 1]!.end) : '';
  return [{ title, organisation: orgText ? normalizeOrganisationPhrase(orgText) : null }];
}

function nominativeAdjective(word: string): string {
  return word.replace(/(ого|ому|ым|ом)$/, 'ый').replace(/ый$/, (m) => m);
}
