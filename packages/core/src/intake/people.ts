import { FEMALE_NAMES, MALE_NAMES } from './first-names.ts';
import { wordForms } from './inflect.ts';
import { normalizeOrganisationPhrase } from './org-phrase.ts';
import type { Token } from './tokens.ts';
import type { PersonMention, Position } from './types.ts';

type Gender = 'm' | 'f';
interface NameForm {
  nominative: string;
  gender: Gender;
  /** The form is the nominative itself. */
  isNominative: boolean;
}

function buildNames(): Map<string, NameForm[]> {
  const map = new Map<string, NameForm[]>();
  const add = (list: string, gender: Gender) => {
    for (const name of list.split(/\s+/).filter(Boolean)) {
      const forms = wordForms(name);
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
    if ((m = /^(.+[бвгджзклмнпрстфхцчшщ])(а|у|ом|ем|е)$/.exec(word)) && m[1]!.length > 2) return m[1]!;
    if ((m = /^(.+)(я|ю|ем|е)$/.exec(word)) && /[ая]$/.test(word) === false) return m[1] + 'й';
    return word;
  }
  if ((m = /^(.+(?:ов|ев|ёв|ин|ын))(ой|у)$/.exec(word))) return m[1] + 'а';
  if ((m = /^(.+(?:ск|цк))(ой|ую)$/.exec(word))) return m[1] + 'ая';
  return word;
}

/** Capitalised words that follow a name but are not surnames. */
const NOT_SURNAME = new Set(
  'Россия России Москва Москвы Москве Россией Президент Федерации Петербург Украины Украина США Путин'.split(' '),
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
  return !!t && t.word && SURNAME_SHAPE.test(t.text) && !NOT_SURNAME.has(t.text) && !nameForm(t) && t.text.length > 1;
}

/**
 * People: a given name from the list with a patronymic and/or a surname on
 * either side ('Андрей Шпиленко', 'Щедров Алексей Иванович', 'Максимом
 * Егоровым'), initials with a surname ('А. В. Шпиленко'), and afterwards
 * every bare surname already seen in a full mention. Names go to the
 * nominative, surname first; positions come from the title words before the
 * name in the same sentence.
 */
export function findPeople(text: string, tokens: Token[], sentenceOf: (offset: number) => { start: number; end: number }): PersonMention[] {
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
      if (isSurnameCandidate(right) && !(patronymic && isSurnameCandidate(left) && !taken.has(i - 1))) {
        surname = surnameNominative(right!.text, given.gender, oblique);
        surnameWritten = right!.text;
        end = right!.end;
        taken.add(j);
      } else if (isSurnameCandidate(left) && !taken.has(i - 1) && (patronymic || /(ов|ев|ин|ын|ский|цкий|ко|ук|юк|ич|ова|ева|ина|ская)$/.test(left!.text))) {
        surname = surnameNominative(left!.text, given.gender, oblique);
        surnameWritten = left!.text;
        start = left!.start;
      } else if (isInitial(tokens, i - 3) && false) {
        // unreachable: kept simple
      }
      if (!surname && !patronymic) continue;
      for (let k = i; k < tokens.length && tokens[k]!.end <= end; k++) taken.add(k);
      raw.push({ start, end, surname, given: given.nominative, patronymic, gender: given.gender, surnameWritten });
      continue;
    }
    // Initials: 'А. Шпиленко', 'А.В. Шпиленко', 'Шпиленко А. В.'
    if (isInitial(tokens, i)) {
      let j = i + 2;
      if (isInitial(tokens, j)) j += 2;
      const s = tokens[j];
      if (isSurnameCandidate(s)) {
        raw.push({ start: t.start, end: s!.end, surname: s!.text, given: null, patronymic: null, gender: 'm', surnameWritten: s!.text });
        for (let k = i; k <= j; k++) taken.add(k);
        i = j;
        continue;
      }
    }
    if (isSurnameCandidate(t) && isInitial(tokens, i + 1) && i > 0 && tokens[i - 1]!.text !== '.') {
      let j = i + 3;
      if (isInitial(tokens, j)) j += 2;
      raw.push({ start: t.start, end: tokens[j - 1]!.end, surname: t.text, given: null, patronymic: null, gender: 'm', surnameWritten: t.text });
      for (let k = i; k < j; k++) taken.add(k);
      i = j - 1;
    }
  }
  // Bare surnames already seen: 'Лужкова', 'Шпиленко'.
  const known = new Map<string, RawPerson>();
  for (const p of raw) {
    if (!p.surname) continue;
    const stem = surnameStem(p.surname);
    if (stem.length >= 3) known.set(stem, p);
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
      positions: positionsBefore(text, tokens, p.start, sentenceOf(p.start).start),
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
function positionsBefore(text: string, tokens: Token[], personStart: number, sentenceStart: number): Position[] {
  let end = tokens.findIndex((t) => t.start >= personStart);
  if (end < 0) end = tokens.length;
  for (let k = end - 1; k >= 0 && end - k <= 16; k--) {
    const t = tokens[k]!;
    if (t.start < sentenceStart) break;
    if (t.text === '.' || t.text === '»' || t.text === '«' || t.text === ';' || t.text === ':') break;
    if (!t.word) continue;
    const title = TITLES.get(t.lower);
    if (!title) continue;
    // Modifiers before the title word: 'врио главы', 'генеральный директор', 'первый заместитель'.
    let titleStart = k;
    const prev = tokens[k - 1];
    if (prev && (prev.lower === 'врио' || prev.lower === 'и. о.' || /^(генеральн|первы|исполнительн|технически|коммерческ|главны|бывш)/.test(prev.lower)))
      titleStart = k - 1;
    let titleText: string;
    if (titleStart === k - 1 && prev!.lower === 'врио') titleText = `врио ${t.lower}`;
    else if (titleStart === k - 1) titleText = `${nominativeAdjective(prev!.lower)} ${title}`;
    else titleText = title;
    let orgTokens = tokens.slice(k + 1, end);
    while (orgTokens.length && !orgTokens.at(-1)!.word && orgTokens.at(-1)!.text !== '»') orgTokens = orgTokens.slice(0, -1);
    const orgText = orgTokens.length ? text.slice(orgTokens[0]!.start, orgTokens.at(-1)!.end) : '';
    return [{ title: titleText, organisation: orgText ? normalizeOrganisationPhrase(orgText) : null }];
  }
  return [];
}

function nominativeAdjective(word: string): string {
  return word.replace(/(ого|ому|ым|ом)$/, 'ый').replace(/ый$/, (m) => m);
}
